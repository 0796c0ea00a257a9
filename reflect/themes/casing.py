"""Phrases as people wrote them: "GitHub", "JupyterLab", "SQL", "hands-on", where the
phrase finder's display form is lower case and its tokens are spaced ("github", "hands - on").

A phrase is shown capitalised when more of its writers capitalised it than not, in the form
most of those wrote, and only when at least ``min_people`` of them wrote it that way;
otherwise it stays as it is. A capital that only starts a sentence or a
list item says nothing about the word ("Git is slow" is "git"), and answers written wholly in
capitals say nothing about any word. The form is a function of how many people wrote what, like
the phrase itself: no single writer decides it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Hashable, Iterable, Sequence

from reflect.frames import PLACEHOLDER_PATTERN

# What may come before a sentence's or a list item's first word.
_STARTS_ITEM = re.compile(r"(?:^|[.!?:;\n•*]|\d[.)]|^\s*[-–])\s*[\"'(“‘]*$")
_SPACES = re.compile(r"\s+")


def written_forms(
    phrases: Iterable[str],
    texts: Sequence[str],
    writers: Sequence[Hashable],
    min_people: int,
) -> dict[str, str]:
    """Each phrase (as the phrase finder displays it) -> the form to show it in. Redaction
    placeholders are no one's writing: "[EMAIL]" in twenty answers made "email" "EMAIL" (a
    held-out hospital export, 4 December 2026)."""
    texts = [PLACEHOLDER_PATTERN.sub(" ", t) for t in texts]
    lowered = [t.lower() for t in texts]
    shouting = [t.upper() == t for t in texts]
    forms: dict[str, str] = {}
    for phrase in dict.fromkeys(phrases):
        pattern = _pattern(phrase)
        if pattern is None:
            forms[phrase] = phrase
            continue
        first = phrase.split(" ", 1)[0]
        people: dict[str, set] = defaultdict(set)
        for i, low in enumerate(lowered):
            if first not in low or shouting[i]:
                continue
            for match in pattern.finditer(texts[i]):
                if (form := _form(texts[i], match)) is not None:
                    people[form].add(writers[i])
        forms[phrase] = _most_written(phrase, people, min_people)
    return forms


def _pattern(phrase: str) -> re.Pattern[str] | None:
    """The phrase's words in order, any case; tokens joined by spaces in the display form may
    be written together when one of them is punctuation ("hands - on", "user 's guide")."""
    tokens = phrase.split()
    if not tokens:
        return None
    parts = [re.escape(tokens[0])]
    for before, token in zip(tokens, tokens[1:], strict=False):
        joined = not (before[-1].isalnum() and token[0].isalnum())
        parts.append((r"\s*" if joined else r"\s+") + re.escape(token))
    return re.compile(r"(?<!\w)" + "".join(parts) + r"(?!\w)", re.IGNORECASE)


def _form(text: str, match: re.Match[str]) -> str | None:
    """The form written, or None when it says nothing: "Git" or "Machine learning" starting a
    sentence (any word would be capitalised there; "GitHub" or "SQL" starting one is
    evidence)."""
    form = _SPACES.sub(" ", match.group(0))
    word = form.split(" ", 1)[0]
    plain_capital = word[:1].isupper() and word[1:] == word[1:].lower()
    return None if plain_capital and _STARTS_ITEM.search(text[: match.start()]) else form


def _most_written(phrase: str, people: dict[str, set], min_people: int) -> str:
    """Capitalised at all if more people capitalised it than not ("PyCharm" 5, "Pycharm" 4
    against "pycharm" 5), then the form most of them wrote, if ``min_people`` wrote it."""
    plain = {f: who for f, who in people.items() if f == f.lower()}
    cased = {f: who for f, who in people.items() if f != f.lower()}
    if len(set().union(*cased.values())) > len(set().union(*plain.values())):
        candidates = cased
    else:
        candidates = plain
    if not candidates:
        return phrase
    form, who = min(candidates.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    return form if len(who) >= min_people else phrase
