"""A word a name list knows, followed by the job or role of the person it names — "kev the
crane supervisor says hello", "Will, our old site agent, taught me", "Rob the site manager on
the north job joined us" — is that person's name: the role in apposition says who is meant.
A rule of ``name_rules.RULES``, with its table test."""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from reflect.anonymise.lexicon import (
    calendar_words,
    is_finite_verb,
    is_noun,
    is_noun_only,
    is_ordinary_word,
    is_past_verb,
    is_verb,
)
from reflect.anonymise.name_candidate import Candidate
from reflect.anonymise.name_tokens import DETERMINERS, PLACE_PREPOSITIONS, Token

# Between "the" and the role: "the (old) (site) agent".
_MODIFIERS = 3
# Set off by commas the role may follow any of these ("Will, our old site agent,").
_SET_OFF_OPENERS = frozenset({"the", "a", "an", "our", "my", "his", "her", "their", "your"})
# The clause a role opens ends at these: "chase the facilitator if the room is free".
_CLAUSE_BREAKS = frozenset({"if", "when", "because", "so", "that", "which", "who", "and", "or",
                            "but", "while", "until", "unless", "as", "then", "to"})  # fmt: skip
_SUBJECT_PRONOUNS = frozenset({"i", "we", "you", "he", "she", "they", "it"})
# Verbs that open a clause after them: set off by commas only ("Hope, the new lead, said").
_TAKES_A_CLAUSE = frozenset({"hope", "trust", "bet", "guess", "wish"})
_VERB_WITHIN = 6  # a verb whose subject is the named person, this many words after the role
# Compounds that name a person by a job ("gateman", "chairwoman", "spokesperson").
_PERSON_ENDINGS = ("man", "woman", "men", "person", "lady")
_NOT_PEOPLE = frozenset({"human", "german", "roman", "woman"})
# Where the role is held, before the comma that closes the apposition ("at Preston,").
_WHERE_THEN_CLOSES = re.compile(
    r"(?i:at|in|on|from|for|of)\s+[\w'’&-]+(?:\s+[\w'’&-]+){0,2}\s*[,;:)]"
)


def names_a_job(cues, word: Token) -> bool:
    norm = word.norm
    if word.possessive or (word.capitalised and word.text.isupper()):
        return False  # "the manager's notes": the role owns something; "the CRM"
    if norm in cues.roles:
        return True
    compound = norm.endswith(_PERSON_ENDINGS) and len(norm) >= 6 and norm not in _NOT_PEOPLE
    # a noun, or a compound no dictionary lists ("gateman")
    return compound and (is_noun(norm) or not is_ordinary_word(norm))


def named_by_role(c: Candidate) -> bool | None:
    """True when the word is followed by a role in apposition: set off by commas after any
    determiner ("Hope, our old site agent, said"), or after "the" as the subject of a verb.
    A word that is also a verb ("Rob", "chase") or a function word ("Will the manager
    agree?") is a name only set off, or when the role is followed by a verb it is the
    subject of ("Rob the site manager on the north job joined us"; not "chase the
    facilitator about rooms")."""
    tokens, text, i = c.tokens, c.text, c.i
    if i + 2 >= len(tokens) or c.token.possessive or c.token.norm in calendar_words():
        return None
    if len(c.token.norm) <= 2 and not c.token.capitalised:
        return None  # "assume im the student": too short to tell, as ``too_short`` says
    gap = text[c.token.end : tokens[i + 1].start]
    set_off = gap == ", " and tokens[i + 1].norm in _SET_OFF_OPENERS
    if not set_off and (gap != " " or tokens[i + 1].norm != "the"):
        return None
    if not set_off and c.prev is not None and c.prev.norm in DETERMINERS | PLACE_PREPOSITIONS:
        return None  # "this summer the manager left", "in April the director said"
    role = _role_after(c, i + 1)
    if role is None:
        return None
    after = text[tokens[role].end :].lstrip(" ")
    if set_off:  # "Kelly, the station manager at Preston, added me"
        closes = after == "" or after[0] in ",.;:!?)" or bool(_WHERE_THEN_CLOSES.match(after))
        return True if closes else None
    if after[:1].isalnum() and role + 1 < len(tokens):
        following = tokens[role + 1]
        if following.norm not in STOP_WORDS and is_noun_only(following.norm):
            return None  # "the site manager role": the role names a thing
    if c.token.norm in _TAKES_A_CLAUSE:
        return None  # "Hope the mentee found it useful": I hope that...
    verb_like = c.token.norm in STOP_WORDS or is_verb(c.token.norm)
    if not verb_like:
        return True
    if not c.token.capitalised and c.prev is not None and c.prev.norm in STOP_WORDS:
        return None  # "they chase the manager who": a verb after its subject
    return True if _subject_of_a_verb(c, role) else None


def _role_after(c: Candidate, opener: int) -> int | None:
    """The index of the role the determiner at ``opener`` opens, after at most ``_MODIFIERS``
    words, each one space from the next."""
    tokens, text = c.tokens, c.text
    for k in range(opener + 1, min(opener + 2 + _MODIFIERS, len(tokens))):
        if text[tokens[k - 1].end : tokens[k].start] != " ":
            return None
        if names_a_job(c.cues, tokens[k]):
            return k
        if tokens[k].norm in STOP_WORDS or tokens[k].possessive:
            return None
    return None


def _subject_of_a_verb(c: Candidate, role: int) -> bool:
    """A finite verb follows the role within its clause (no punctuation, no conjunction)."""
    tokens, text = c.tokens, c.text
    for k in range(role + 1, min(role + 1 + _VERB_WITHIN, len(tokens))):
        if any(ch in ",.;:!?()\n" for ch in text[tokens[k - 1].end : tokens[k].start]):
            return False
        if tokens[k].norm in _CLAUSE_BREAKS | _SUBJECT_PRONOUNS:
            return False  # "chase the contractor about the invoice we paid": another subject
        word = tokens[k].norm
        if not tokens[k].capitalised and (is_past_verb(word) or _present(word)):
            return True
    return False


def _present(word: str) -> bool:
    # "says", "runs"; not "plans", "needs" (nouns as often: "chase the manager about plans")
    return is_finite_verb(word) and not is_noun(word)
