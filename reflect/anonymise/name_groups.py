"""A person's place in an organisation, written right after their name: "Hope in my team",
"Bill in the exams office", "Dawn in the comms team", "dawn on reception", "Frank on
nights". Such a place makes a word a person (``name_company.member_of_a_group`` for a known
name, ``name_slots.unknown_subject`` for one no list holds: "Kwame from my team")."""

from __future__ import annotations

from spacy.lang.en.stop_words import STOP_WORDS

from reflect.anonymise.lexicon import is_noun, is_verb
from reflect.anonymise.name_tokens import DETERMINERS, Token

# A person's place in the organisation: "in my team", "from our office", "on the helpdesk".
PLACED = frozenset({"in", "on", "from"})
WHOSE = frozenset({"my", "our", "the", "his", "her", "their", "your"})
GROUP_NOUNS = frozenset(
    {"team", "group", "department", "office", "unit", "service", "directorate", "squad",
     "cohort", "circle", "section", "division", "branch", "depot", "site", "ward", "shift",
     "helpdesk", "workshop", "class", "set", "bakery", "warehouse", "kitchen", "store",
     "shop", "lab", "clinic", "pharmacy"}
)  # fmt: skip
# Parts of an organisation named without a determiner: "dawn on reception", "Kwame in
# finance", "will in english" (a school's department), "Frank on nights" (a shift).
DEPARTMENTS = frozenset(
    {"reception", "finance", "hr", "payroll", "procurement", "marketing", "sales", "legal",
     "accounts", "admin", "operations", "ops", "estates", "facilities", "catering", "security",
     "english", "maths", "math", "science", "history", "geography", "languages", "music",
     "drama", "exams", "pastoral", "safeguarding", "nights", "earlies", "lates"}
)  # fmt: skip


def placed_after(tokens: list[Token], i: int) -> bool:
    """Do the words after ``tokens[i]`` name a place in the organisation: a department
    ("on reception"), or a group noun with "my", "our" or "the" before it and at most two
    words naming it ("in the exams office", "in the IT support team")?"""
    words = [t.norm for t in tokens[i + 1 : i + 6]]
    if len(words) < 2 or words[0] not in PLACED:
        return False
    if words[1] in DEPARTMENTS:
        return True  # "will in english showed me", "dawn on reception"
    if words[1] not in WHOSE:
        return False
    for k in range(2, min(5, len(words))):  # at most two words naming the group before it
        if words[k] in GROUP_NOUNS or words[k].rstrip("s") in GROUP_NOUNS:
            naming = tokens[i + 3 : i + 1 + k]  # "exams", "IT", "Panopto support"
            return all(
                (is_noun(t.norm) and t.norm not in DETERMINERS) or _names_a_group(t) for t in naming
            )
    return False


def _names_a_group(token: Token) -> bool:
    """A word before "team" that a dictionary may not hold: "comms", "IT", "SEND"."""
    return token.text.isupper() or (token.norm not in STOP_WORDS and not is_verb(token.norm))
