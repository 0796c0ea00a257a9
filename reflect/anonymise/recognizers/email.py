"""Email addresses, also written to dodge scrapers ("jo dot bloggs at example dot org",
"jo.b (at) example (dot) com", "jo[at]example[dot]org", "jo [at] example [.] org", a doubled
"@") or without a domain suffix
("jbloggs@intranet")."""

from __future__ import annotations

import re

from reflect.anonymise.recognizers import recognizers
from reflect.anonymise.recognizers._pattern import PatternRecognizer

_PART = r"[a-z0-9][\w+'-]*"
_DOT = r"(?:\s*(?:\.|\(dot\)|\[dot\]|\{dot\}|\[\.\]|\(\.\))\s*|\s+dot\s+)"
_AT = r"(?:\s*(?:@@?|\(at\)|\[at\]|\{at\}|\(@\)|\[@\])\s*|\s+at\s+)"
_JOIN = rf"(?:{_DOT}|\s+(?:underscore|dash|hyphen)\s+|[._-])"
# The domain's last label: a known generic ending or a two-letter country code.
_TLD = (
    r"(?:com|org|net|edu|gov|mil|int|info|biz|io|ai|app|dev|co|me"
    r"|(?!(?:an|as|at|be|by|do|go|he|if|in|is|it|no|of|on|or|so|to|up|us|we)\b)[a-z]{2})"
)
# The name before the "at" is taken whole (an atomic group), from the start of its run only:
# a dot is both a ``_DOT`` and one of ``_JOIN``'s characters, and trying both at every dot of
# "a.a.a.…" with no "at" after it took minutes for sixty characters.
_SPELLED = re.compile(
    rf"(?<![\w@.+'-])(?>{_PART}(?:{_JOIN}{_PART})*){_AT}{_PART}(?:{_DOT}{_PART})*{_DOT}{_TLD}\b",
    re.I,
)
# A mail address inside an organisation: "jbloggs@intranet", not "@handle".
_NO_SUFFIX = re.compile(
    r"(?<![\w@.+'-])[a-z][\w.+'-]*[a-z0-9]@[a-z][\w-]*[a-z0-9](?![\w@.-])", re.I
)


@recognizers.register("email")
class EmailRecognizer(PatternRecognizer):
    name = "email"
    label = "EMAIL"
    score = 1.0
    patterns = (
        re.compile(r"(?<![\w.+'-])[\w.+'-]++@@?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\b", re.I),
        _SPELLED,
        _NO_SUFFIX,
    )

    def valid(self, match: re.Match) -> bool:
        # A spelled-out address has at least one spelled separator, and "at" between words
        # of a sentence ("looked at it. Done") is not one without a spelled "dot" after it.
        text = match.group(0).lower()
        if "@" in text:
            return True
        # a bracketed "at" is spelled on purpose: "r.okoye(at)example.co.uk"
        spelled = r"\bdot\b|\(dot\)|\[dot\]|\{dot\}|\[\.\]|\(\.\)|\(at\)|\[at\]|\{at\}|\(@\)|\[@\]"
        return re.search(spelled, text) is not None
