"""A lower-case word whose place in the sentence makes it an everyday word, whatever name list
knows it: after "the weekend" ("the weekend rota balanced"), after "I" or "we" ("how I run
the meeting"), after "too" or "often" ("too long for him", "often skip breaks"), after "being"
("being young on the ward"). Names are written capitalised or, by writers who never
capitalise, in places a name can stand; these places take a noun, a verb or an adjective.
Held-out exports of 4 December 2026 (a hospital trust, a retail chain) had such words redacted
as names: rota, key, skip, young, run, long. A rule of ``name_rules.RULES``, with its table
test."""

from __future__ import annotations

from spacy.lang.en.stop_words import STOP_WORDS

from reflect.anonymise.lexicon import is_adjective, is_finite_verb, is_noun
from reflect.anonymise.name_candidate import Candidate
from reflect.anonymise.name_marks import names_a_role
from reflect.anonymise.name_slots import ORIGINS

# Determiners that start a noun phrase, possessives aside: "my friend jade" names her.
_PHRASE_STARTS = frozenset(
    {"the", "a", "an", "this", "that", "these", "those", "every", "each", "another"}
)
_SUBJECT_PRONOUNS = frozenset({"i", "we", "you", "they"})  # "I run", not "I priya"
_DEGREE = frozenset(
    {"too", "very", "quite", "really", "often", "always", "never", "sometimes",
     "usually", "rarely", "seldom", "fairly", "rather", "pretty"}
)  # fmt: skip
_LINKING = frozenset({"being", "feel", "feels", "feeling", "felt", "seem", "seems", "seemed"})
_MODIFIERS = 2  # "the F1 rota", "the big weekend rota"


def a_word_by_its_grammar(c: Candidate) -> bool | None:
    """False for a lower-case word in a noun phrase after a determiner and its modifiers, or
    right after a subject pronoun, a degree or frequency adverb or a linking verb; no opinion
    otherwise, for a capitalised word or a possessive ("being will's mentor"), or before a
    verb people do ("said"). "so" is no degree here: "so hassan and i talked"."""
    token = c.token
    if token.text != token.norm or token.possessive or c.i == 0:
        return None
    if c.known_person and not c.ordinary:
        return None  # "...from scratch too kai found my blog": a participant no dictionary knows
    # "on those days joanna said": a run-on's next clause, its verb a cue; but "the room key
    # from reception" is a thing, where it came from
    after_cue = c.next is not None and c.next.norm in c.cues.after
    if after_cue and (c.next.norm not in ORIGINS or not c.ordinary):
        return None
    if c.prev is not None and c.prev.norm in _SUBJECT_PRONOUNS | _DEGREE | _LINKING:
        return False
    j = c.i - 1
    for _ in range(_MODIFIERS):
        word = c.tokens[j]
        if not _glued(c, word, c.tokens[j + 1]):
            return None
        if word.norm in _PHRASE_STARTS:
            return False if j < c.i - 1 else None  # "the rota": after_article's
        if not _modifier(c, word.norm, _surface(c, word)) or j == 0:
            return None
        j -= 1
    glued = _glued(c, c.tokens[j], c.tokens[j + 1])
    return False if glued and c.tokens[j].norm in _PHRASE_STARTS else None


def _surface(c: Candidate, word) -> str:
    """The word as written up to the next space ("F1", which tokens cut to "F")."""
    return c.text[word.start :].split(maxsplit=1)[0]


def _glued(c: Candidate, a, b) -> bool:
    """``a`` and ``b`` stand side by side in one phrase: one space, no punctuation."""
    surface = _surface(c, a)
    return surface[-1:].isalnum() and c.text[a.start + len(surface) : b.start] == " "


def _modifier(c: Candidate, norm: str, surface: str) -> bool:
    """A word that stands between a determiner and a noun — a noun or an adjective, or one
    with a digit ("F1") — and is no verb ("the team met jade"), no function word ("the team
    and jade") and no cue for a person ("the new mentor jade")."""
    if any(ch.isdigit() for ch in surface):
        return True
    if surface != norm or norm in STOP_WORDS or is_finite_verb(norm):
        return False
    if norm in c.cues.before or names_a_role(c.cues, norm):
        return False
    return is_noun(norm) or is_adjective(norm)


# Texting's contractions that name lists also hold ("Im" is a surname): "im going", "im
# covering his patch" is "I'm" whatever pronoun follows (a held-out export, 5 December 2026).
_CONTRACTIONS = frozenset({"im"})


def texted_contraction(c: Candidate) -> bool | None:
    """False for "im" (or "Im" opening a sentence) before a lowercase word: "I'm" without
    its apostrophe; not "Dr Im said", "thanks to Im for", "Im Soo-jin"."""
    token = c.token
    written = token.text == token.norm or (token.text.istitle() and c.initial)
    if token.norm in _CONTRACTIONS and written and c.next is not None:
        return False if not c.next.capitalised else None
    return None
