"""The words of a text as name detection sees them, and the shapes around a word that the
name cues and rules share: tokens, adjacency, sentence starts, word classes (determiners,
place prepositions) and the writer's own references ("X and I", a later he or she)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from reflect.anonymise.lexicon import WORD, english_name_frequency, is_adverb_only, normalise

ARTICLES = frozenset({"the", "a", "an"})
CAMEL_CASE = re.compile(r"[A-Z][a-z]+[A-Z]\w*")
NAME_PREFIX = re.compile(r"(?:Mc|Mac|De|Di|Da|La|Le|Van|Von|Du|St)[A-Z]")
_SENTENCE_END = re.compile(r"(?:^|[.!?:;\n•*\"“(\[-])\s*$")
DETERMINERS = frozenset(
    {
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "every",
        "each",
        "my",
        "our",
        "your",
        "his",
        "her",
        "their",
        "its",
        "no",
        "some",
        "any",
        "one",  # "one boy who throws things when he thinks": a count, no name
        "another",
    }
)
# After these a capitalised everyday word is more likely a place or an event ("in May",
# "during Ramadan", "in London") than a person.
PLACE_PREPOSITIONS = frozenset(
    {
        "in",
        "at",
        "during",
        "near",
        "around",
        "across",
        "via",
        "into",
        "outside",
        "inside",
        "throughout",
        "of",
        "on",
        "since",
        "until",
        "before",
        "after",
        "over",
    }
)
INITIAL = re.compile(r"[A-Z]\.?")
# Lowercase words that join a surname to the given name before it ("da Silva", "van der Berg").
PARTICLES = frozenset(
    {"al", "el", "bin", "ibn", "bint", "abu", "ben", "da", "das", "de", "del", "della", "der",
     "den", "di", "do", "dos", "du", "la", "le", "van", "von", "ter", "ten"}
)  # fmt: skip
_SENTENCE_STOP = re.compile(r"[.!?;\n]")
_THIRD_PERSON = re.compile(r"\b(?:he|she|him|her|his|hers|himself|herself)\b", re.I)
_PRONOUN_REACH = 60  # characters after a name in which a pronoun may refer back to it


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str
    norm: str  # lower-cased, possessive dropped

    @property
    def capitalised(self) -> bool:
        # ALL-CAPS words are shouting, not evidence of a proper noun.
        return self.text[:1].isupper() and not (len(self.text) > 1 and self.text.isupper())

    @property
    def possessive(self) -> bool:
        return self.text.lower().endswith(("'s", "’s"))


def tokenize(text: str) -> list[Token]:
    tokens = []
    for m in WORD.finditer(text):
        word = m.group()
        # Keep a possessive with its word but report the name without it.
        norm = normalise(word)
        tokens.append(Token(m.start(), m.end(), word, norm))
    return tokens


def with_the_writer(text: str, start: int, end: int) -> bool:
    """Coordinated with the writer: "X and I", "X and me", "me and X", "I and X"."""
    return bool(_AND_ME.match(text, end) or _ME_AND.search(text, max(0, start - 8), start))


def referred_to_after(text: str, end: int) -> bool:
    """Does a he or she later in the sentence (after ``end``) refer back to a person?"""
    rest = _SENTENCE_STOP.split(text[end : end + _PRONOUN_REACH], maxsplit=1)[0]
    return _THIRD_PERSON.search(rest) is not None


# "and", "&", "+", "n" as notes write them: "me + Tunde", "me n keisha"
_AND_ME = re.compile(r"(?:\s+(?:and|n)\s+|\s*[&+]\s*)(?:i|me)\b", re.I)
_ME_AND = re.compile(r"\b(?:i|me)(?:\s+(?:and|n)\s+|\s*[&+]\s*)$", re.I)


def sentence_initial(text: str, start: int) -> bool:
    return bool(_SENTENCE_END.search(text[max(0, start - 4) : start]))


def adjacent(text: str, left: Token, right: Token) -> bool:
    gap = text[left.end : right.start]
    if gap == ". ":  # after an initial or a title ("Ned V. Harrowgate", "Dr. Burke"), not a
        # full stop, nor a short name's ("...to Mia. Saying it out loud" is no "Mia Saying")
        short = left.text[:1].isupper() and len(left.text) <= _ABBREVIATION
        return short and (len(left.text) == 1 or english_name_frequency(left.norm) == 0)
    return gap == " "


_ABBREVIATION = 4  # letters: "V.", "Dr.", "Prof."


def in_phrase(text: str, tokens: list[Token], i: int, phrases: Iterable[str]) -> bool:
    # Multi-word entries such as "gen z" or "power bi".
    if i + 1 < len(tokens):
        pair = f"{tokens[i].norm} {tokens[i + 1].norm}"
        if pair in phrases:
            return True
    if i > 0:
        pair = f"{tokens[i - 1].norm} {tokens[i].norm}"
        if pair in phrases:
            return True
    return False


# Adverbs a dictionary also lists as other words, often between a subject and its verb
# ("elizabeth now uses the search bar", "Mark just sent it", "Tendai just wants").
ADVERBS_BEFORE_A_VERB = frozenset(
    {"now", "just", "also", "still", "never", "already", "always", "often", "even", "then",
     "finally", "actually", "usually", "once", "rarely", "really", "sometimes", "seldom"}
)  # fmt: skip
# Endings of English nouns no name has: an unknown capitalised word ending so is a thing
# ("Onboarding", "Prioritisation", "Upskilling").
ENGLISH_NOUN_ENDING = re.compile(r"(?:.{4,}ing|tion|sion|ment|ness|ism|ity|ship|ance|ence)$")
# "didn't", "wasnt", "can't", "wont": an auxiliary or modal and its "not", texted or not
NEGATED_AUXILIARY = re.compile(
    r"(?:did|does|do|was|were|is|are|has|have|had|could|would|should|can|wo|must|need)n'?t|cant"
)
MODALS = frozenset({"can", "could", "will", "would", "should", "might", "must", "shall", "may"})


def after_an_adverb(text: str, tokens: list[Token], j: int) -> Token | None:
    """The word after ``tokens[j]`` when ``tokens[j]`` is an adverb, else None."""
    word = tokens[j].norm if j < len(tokens) else ""
    if j + 1 < len(tokens) and (word in ADVERBS_BEFORE_A_VERB or is_adverb_only(word)):
        return tokens[j + 1] if adjacent(text, tokens[j], tokens[j + 1]) else None
    return None


def verb_of_subject(text: str, tokens: list[Token], i: int) -> Token:
    """The word that would be ``tokens[i]``'s verb: the next, or the one after an adverb
    ("Tendai just wants"), unless ``tokens[i]`` ends as English nouns do ("Onboarding still
    takes weeks", "Prioritisation really matters")."""
    after = after_an_adverb(text, tokens, i + 1)
    noun = ENGLISH_NOUN_ENDING.search(tokens[i].norm)
    return after if after is not None and not noun else tokens[i + 1]


# Verbs whose object, right after them, is whom they are done to: "Give Chiamaka the keys",
# "Make Femi take a break", "Write Kwabena a note" (opening a sentence, capitalised).
GIVE_OR_MAKE = frozenset(
    ["give", "make", "get", "let", "tell", "ask", "show", "call", "send", "write", "buy",
     "pay", "bring", "lend", "owe", "thank", "remind"]
)  # fmt: skip


def opening_command(text: str, verb: Token, word: Token) -> bool:
    """``verb`` opens the sentence and ``word`` after it is whom it is done to (not a thing
    with an English noun's ending: "Give Onboarding more time")."""
    return (
        verb.norm in GIVE_OR_MAKE
        and sentence_initial(text, verb.start)
        and not ENGLISH_NOUN_ENDING.search(word.norm)
    )
