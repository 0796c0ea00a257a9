"""Marks a writer puts around a name in notes and forms: a role field ("Mentor: Lakshmi",
"my buddy - Ezinne"), a role in brackets after it ("Ebere (my mentee)") or it in brackets
after a role ("my line manager (Grace)"), a dashed sign-off
below the text ("...\n- Folasade"), "w/" for with. Used by ``NameCues.cue`` and
``NameCues.introduced``."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.lang.en.stop_words import STOP_WORDS

from reflect.anonymise.lexicon import (
    is_finite_verb,
    is_noun_only,
    is_ordinary_word,
    word_frequency,
)
from reflect.anonymise.name_slots import POSSESSIVE_DETERMINERS
from reflect.anonymise.name_tokens import INITIAL, Token
from reflect.anonymise.slips import looks_like_typo
from reflect.anonymise.tech_terms import is_tech_term, technical_text

if TYPE_CHECKING:
    from reflect.anonymise.name_cues import NameCues


def names_a_role(cues: NameCues, norm: str) -> bool:
    """A word that is itself a cue for a person ("mentee", "coachees", "sponsor": "my coachee
    Ngozi") says *a* person, never which one."""
    return norm in cues.before or (norm.endswith("s") and norm[:-1] in cues.before)


_LABEL_GAPS = frozenset({": ", " : ", " - ", " – ", " — ", " = "})


def after_role_label(cues: NameCues, text: str, tokens: list[Token], i: int) -> bool:
    """``tokens[i]`` fills a form's role field: "Mentor: Lakshmi", "my buddy - Ezinne" (a
    strong cue word of ``[names] before`` starting its segment, then a colon or a dash)."""
    if i == 0 or text[tokens[i - 1].end : tokens[i].start] not in _LABEL_GAPS:
        return False
    label = tokens[i - 1]
    if label.norm not in cues.before or label.norm in cues.weak:
        return False
    if i >= 2 and tokens[i - 2].norm in POSSESSIVE_DETERMINERS:
        label = tokens[i - 2]
    opening = text[: label.start].rstrip()
    return not opening or opening[-1] in ".;,()[]|/\n"


def labelled_name(cues: NameCues, text: str, tokens: list[Token], i: int) -> bool:
    # "Mentor: Lakshmi": a word no dictionary knows in a role field names the person.
    token = tokens[i]
    return (
        after_role_label(cues, text, tokens, i)
        and len(token.norm) >= 3
        and token.norm.isalpha()
        and not any(c.isupper() for c in token.text[1:])  # "TBD", "DevOps"
        and token.norm not in cues.not_names
        and not is_ordinary_word(token.norm)
        and not is_tech_term(token.text)
        and not is_tech_term(token.norm)
        and (token.capitalised or not looks_like_typo(token.norm))
    )


# "Ebere (my mentee) is moving", "Dawn (night porter)": a role in brackets right after the word.
_ROLE_IN_BRACKETS = re.compile(r"\s*\((my |our |his |her |their |the )?(?:[a-z]+ )?([a-z]+)\)")


# "my line manager (Grace) wants": the word alone in brackets right after a role.
_ROLE_BEFORE_BRACKET = re.compile(r"([a-z]+)\s*\(\s*$")


def role_in_brackets(cues: NameCues, text: str, token: Token) -> bool:
    """ "Grace (my mentee)", "my line manager (Grace)", or set off by commas: "Hope, my
    mentor, was brilliant"."""
    if role_set_off(cues, text, token):
        return True
    found = _ROLE_IN_BRACKETS.match(text.lower(), token.end)
    if found is None:
        before = _ROLE_BEFORE_BRACKET.search(text[max(0, token.start - 40) : token.start].lower())
        role = before.group(1) if before and text[token.end : token.end + 1] == ")" else None
        return role is not None and role in cues.before and role not in cues.weak
    owner, role = found.groups()
    if role in cues.roles and role not in cues.before:
        return True  # a job: "(night porter)", "(my gm)"
    # a role ("my mentee", "mentor"), not a greeting that is also a cue ("(thanks)")
    return role in cues.before and role not in cues.weak and (owner or role in cues.owned)


# "Hope, my mentor, was brilliant", "Grace, our buddy.": set off as someone's role.
_ROLE_SET_OFF = re.compile(
    r",\s+(?:my|our|his|her|their)\s+(?:new\s+|line\s+)?([a-z]+)\s*(?:[,.;:!)]|$)"
)


def role_set_off(cues: NameCues, text: str, token: Token) -> bool:
    found = _ROLE_SET_OFF.match(text.lower(), token.end)
    return found is not None and found.group(1) in cues.before and found.group(1) not in cues.weak


def signed_below(text: str, tokens: list[Token], i: int) -> bool:
    """``tokens[i]`` signs the text off on its last line after a dash ("...\\n- Folasade",
    "— Folasade O."), or capitalised alone on it, with a kiss at most ("...\\nNick",
    "\\n\\nSunny x"), below lines that are not a dashed list ("- Excel\\n- Pandas")."""
    token = tokens[i]
    rest = text[token.end :].strip().rstrip(".")
    if (
        _a_name_ends(rest)  # first: the search below scans all the text before the token
        and text[: token.start].rstrip().endswith(("-", "–", "—", "~"))
        and _SIGNED_ON_THE_LINE.search(text[: token.start])
        and not technical_text(text)  # "backups - Quillo" names a tool
    ):
        return True  # "thanks for today - Rebecca", "... - rebecca" at the very end
    line_start = text.rfind("\n", 0, token.start) + 1
    dash = text[line_start : token.start].strip()
    if line_start == 0 or dash not in ("-", "–", "—", "~", ""):
        return False
    # A proper name a dictionary lists only as a noun ("rebecca") signs off in any case and
    # below any line; "May" or "Hope" only capitalised, below a sentence or a closing word.
    only_a_name = is_noun_only(token.norm) and word_frequency(token.norm) < _NAME_ZIPF
    if not dash and not (
        (token.capitalised or only_a_name) and rest.lower() in ("", "x", "xx", "xxx")
    ):
        return False
    above_line = text[: line_start - 1].rstrip()
    if not dash and not (
        above_line.endswith((".", "!", "?")) or _closing(above_line) or only_a_name
    ):
        return False  # "Next review is due in\nMay", "One word for today:\nHope"
    if dash and rest and not (INITIAL.fullmatch(rest) or (rest[:1].isupper() and rest.isalpha())):
        return False  # the sign-off is a name and at most an initial or a surname
    above = [line.strip() for line in text[: line_start - 1].splitlines() if line.strip()]
    return bool(above) and not any(line[:1] in "-–—•*" for line in above)


_CLOSINGS = frozenset({"thanks", "cheers", "regards", "best", "wishes", "thx", "ta", "x", "xx"})
# Names are rarer words than "may" or "august", which a dictionary lists as nouns only too.
_NAME_ZIPF = 4.5
# A sentence of two words or more, then a dash before the last word of the text.
_SIGNED_ON_THE_LINE = re.compile(r"\w\W*\s\w[^\n]*\w\W*\s[-–—~]\s*\Z")


def _a_name_ends(rest: str) -> bool:
    """Nothing after the name but an initial or a surname: the text ends with it."""
    return not rest or bool(INITIAL.fullmatch(rest)) or (rest[:1].isupper() and rest.isalpha())


def _closing(line: str) -> bool:
    words = line.lower().rstrip(",").split()
    return bool(words) and words[-1] in _CLOSINGS


def written_with(text: str, tokens: list[Token], i: int) -> bool:
    """``tokens[i]`` follows "w/" or "w": "with" as notes write it ("w/ Thandiwe")."""
    return i > 0 and tokens[i - 1].norm == "w" and text[tokens[i - 1].end : tokens[i].start] in (
        "/", "/ ", " ",
    )  # fmt: skip


# Titles no one writes before a thing ("ms" is also Microsoft's, "dr" a doctor's: "ms teams",
# "a dr appointment"; "miss" is a verb).
_PERSON_TITLES = frozenset({"mr", "mrs"})
_SURNAME = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*\Z")
# Before "MR" as a thing ("an MR scan", "my mr reviews": a merge request, a scan).
_DETERMINERS = frozenset({"a", "an", "the", "this", "that", "each", "every", "per"})


def after_a_title(cues: NameCues, text: str, tokens: list[Token], i: int) -> bool:
    """``tokens[i]`` follows "Mr" or "Mrs" as a surname does, in any case and whatever else
    the word means: "Mrs Brown", "mr best", "Mr O'Neill" — not after "MR" in capitals before
    a word that is not ("MR approvals"), nor after a determiner unless the title is written as
    one ("an MR scan", "my mr reviews"; "a Mr Brown rang"), nor a verb in lower case ("my MR
    got merged")."""
    if i == 0 or tokens[i - 1].norm not in _PERSON_TITLES:
        return False
    title, token = tokens[i - 1], tokens[i]
    if title.text not in ("Mr", "Mrs"):  # written as a title, it is one ("a Mr Brown rang")
        if i >= 2 and tokens[i - 2].norm in _DETERMINERS | POSSESSIVE_DETERMINERS:
            return False
        if title.text.isupper() and not token.text.isupper():
            return False
    if not token.capitalised and is_finite_verb(token.norm):
        return False  # "mr got merged"
    return (
        text[title.end : token.start] in (" ", ". ")
        and len(token.norm) >= 2
        and bool(_SURNAME.match(token.text))
        and token.norm not in STOP_WORDS
        and token.norm not in cues.not_names
        and not names_a_role(cues, token.norm)
        and not is_tech_term(token.text)
    )
