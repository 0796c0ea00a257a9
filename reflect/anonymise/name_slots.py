"""Slots that make a word no name list knows a person: the subject of a verb people do
("Okonkwo said", "chidinma explained", "Shovda is very reliable") or the owner of what people
give or have ("Zoltan's feedback"). Used by ``NameCues.introduced``."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.lang.en.stop_words import STOP_WORDS

from reflect.anonymise.lexicon import (
    built_from_words,
    inflected,
    is_finite_verb,
    is_noun_only,
    is_ordinary_word,
    is_past_verb,
    is_verb,
    word_frequency,
)
from reflect.anonymise.name_groups import placed_after
from reflect.anonymise.name_tokens import (
    CAMEL_CASE,
    GIVE_OR_MAKE,
    INITIAL,
    Token,
    adjacent,
    opening_command,
    referred_to_after,
    sentence_initial,
    verb_of_subject,
    with_the_writer,
)
from reflect.anonymise.slips import looks_like_typo
from reflect.anonymise.tech_terms import is_tech_term, technical_text

if TYPE_CHECKING:
    from reflect.anonymise.name_cues import NameCues

# wordfreq's English lists hold most words English text uses; a word below about once in
# 100 million words is a name of something.
_UNKNOWN_ZIPF = 1.0
# "Management emailed", "Training felt": frequent words as subjects are not people.
_FREQUENT_SUBJECT_ZIPF = 4.5
ORIGINS = frozenset({"from", "in", "at", "of", "for"})
# After-cues any subject takes ("quillo was slow", "it has"): not evidence of a person alone.
ANY_SUBJECT = frozenset(
    {"is", "was", "has", "had", "would", "could", "should", "might", "can", "does", "did", "and",
     "who"}
)  # fmt: skip
# Rarer than this (about once in 10 million words) a capitalised subject is a name.
RARE_NAME_ZIPF = 2.5
# A lowercase word no dictionary knows, as the subject of a verb of saying or showing, is a
# name up to this frequency: given names English text uses now and then ("kwame", 2.7).
_LOWERCASE_NAME_ZIPF = 3.3


def reports_speech(cues: NameCues, text: str, tokens: list[Token], i: int) -> bool:
    # "Blessing emailed...", "Okonkwo said...": a capitalised, not very frequent word as
    # the subject of a past-tense verb of saying is a person, named or not.
    token = tokens[i]
    if i + 1 >= len(tokens) or not adjacent(text, token, tokens[i + 1]):
        return False
    nxt = tokens[i + 1]
    if INITIAL.fullmatch(nxt.text) and i + 2 < len(tokens) and adjacent(text, nxt, tokens[i + 2]):
        nxt = tokens[i + 2]  # "Adaeze O. said"
    if i > 0 and tokens[i - 1].norm in ORIGINS:
        return False  # "from Compliance joined": a department, not a speaker
    return (
        token.capitalised
        and len(token.norm) >= 3
        and not token.text[1].isupper()
        and token.norm not in STOP_WORDS
        and token.norm not in cues.before
        and token.norm not in cues.not_names
        and nxt.norm in cues.after
        and nxt.norm not in STOP_WORDS  # "Netflix was", "Bitcoin had": not speech
        and is_past_verb(nxt.norm)
        and word_frequency(token.norm) < _FREQUENT_SUBJECT_ZIPF
        and not inflected(token.norm)  # "Fireflies joined", "Interns said": a group
    )


def lowercase_subject(cues: NameCues, text: str, tokens: list[Token], i: int) -> bool:
    # "i think lorcan found it useful but he...": a lowercase word no dictionary knows, as
    # the subject of a verb, that a he or she then refers back to; or, when English
    # practically never uses the word, as the subject of a verb people do ("chidinma
    # explained", "ayo thinks", "tunde from hr"), in a text naming no tool.
    token = tokens[i]
    if token.capitalised or len(token.norm) < 3 or token.norm in cues.not_names:
        return False  # "chatgpt explained the formula"
    if with_the_writer(text, token.start, token.end) and _rare_unknown(token.norm, text):
        return True  # "olu and I are both double-booked", "me n funmi"
    if i + 1 >= len(tokens):
        return False
    nxt = tokens[i + 1]
    if not adjacent(text, token, nxt):
        return False
    if is_ordinary_word(token.norm) or looks_like_typo(token.norm) or is_tech_term(token.norm):
        return False
    # a verb people do ("said", "showed") speaks louder than "from"
    rare = _LOWERCASE_NAME_ZIPF if cues.person_verb(nxt) else RARE_NAME_ZIPF
    if (
        nxt.norm in cues.after
        and nxt.norm not in ANY_SUBJECT
        and len(token.norm) >= 4
        and token.norm.isalpha()
        and word_frequency(token.norm) < rare
        and not built_from_words(token.norm)  # "onboarding felt", "unsubscribed from"
        and not technical_text(text)
    ):
        return True
    return is_finite_verb(nxt.norm) and referred_to_after(text, nxt.end)


def _rare_unknown(norm: str, text: str) -> bool:
    """A word no dictionary knows and English practically never writes, in a text naming no
    tool, that is no keyboard slip or compound of words."""
    return (
        norm.isalpha()
        and not (is_ordinary_word(norm) or looks_like_typo(norm) or is_tech_term(norm))
        and word_frequency(norm) < RARE_NAME_ZIPF
        and not built_from_words(norm)
        and not technical_text(text)
    )


# A clause about a person often follows "I think" ("i think ngozi found it useful").
_OPINION_VERBS = frozenset({"think", "thought", "feel", "felt", "guess", "reckon", "believe"})
_LINKING_VERBS = frozenset({"is", "was", "seemed", "seems", "looked", "looks", "got", "became"})
_DEGREE = frozenset({"so", "very", "really", "super", "quite", "always", "a", "bit", "little",
                     "incredibly", "extremely", "pretty", "too", "clearly"})  # fmt: skip


def lowercase_clause_subject(cues: NameCues, text: str, tokens: list[Token], i: int) -> bool:
    # "obinna was late", "tendai was so patient" (what people are: ``[names] described_as``),
    # "i think sipho understood", "chiamaka and i", "ifeoma is my mentor", "oluwaseun's
    # advice", "kemi and her team": a lowercase word no dictionary knows, in a text naming no
    # tool, where only a person stands.
    token = tokens[i]
    if not _unknown_lowercase(cues, text, token):
        return False
    if with_the_writer(text, token.start, token.end) or _is_my_role(cues, text, tokens, i):
        return True  # "chiamaka and i", "me and thandiwe", "ifeoma is my mentor"
    if AND_A_PRONOUN.match(text, token.end):
        return True  # "kemi and her team", "with kemi and she got it": only it is a he or she
    if token.possessive:  # "oluwaseun's advice"
        return i + 1 < len(tokens) and tokens[i + 1].norm in cues.owned
    if i + 2 >= len(tokens):
        return False
    nxt = tokens[i + 1]
    if not adjacent(text, token, nxt):
        return False
    if nxt.norm in _LINKING_VERBS:
        return described_as_person(cues, tokens, i)
    opinion = i >= 2 and tokens[i - 2].norm == "i" and tokens[i - 1].norm in _OPINION_VERBS
    return opinion and is_past_verb(nxt.norm) and nxt.norm not in ANY_SUBJECT


def _is_my_role(cues: NameCues, text: str, tokens: list[Token], i: int) -> bool:
    """ "X is my mentor", "my mentor is X": named as someone's role (``[names] before``)."""
    is_after = i + 1 < len(tokens) and tokens[i + 1].norm in ("is", "was")
    is_before = i >= 1 and tokens[i - 1].norm in ("is", "was")
    return (is_after and _someones_role(cues, tokens, i + 2)) or (
        is_before and _someones_role(cues, tokens, i - 3)
    )


def _someones_role(cues: NameCues, tokens: list[Token], k: int) -> bool:
    """``tokens[k:k + 2]`` say whose role: "my mentor", "their manager" (a strong cue)."""
    return (
        0 <= k < len(tokens) - 1
        and tokens[k].norm in POSSESSIVE_DETERMINERS
        and tokens[k + 1].norm in cues.before
        and tokens[k + 1].norm not in cues.weak
    )


def described_as_person(cues: NameCues, tokens: list[Token], i: int) -> bool:
    """``tokens[i]`` is said to be what only people are: "was late", "is so patient"
    (``[names] described_as``), not "was kind of lost"."""
    if i + 2 >= len(tokens) or tokens[i + 1].norm not in _LINKING_VERBS:
        return False
    k = i + 2
    while k < len(tokens) - 1 and tokens[k].norm in _DEGREE:
        k += 1
    after = tokens[k + 1].norm if k + 1 < len(tokens) else ""
    return tokens[k].norm in cues.described_as and after != "of"


def _unknown_lowercase(cues: NameCues, text: str, token: Token) -> bool:
    return (
        not token.capitalised
        and len(token.norm) >= 4
        and token.norm.isalpha()
        and token.norm not in cues.not_names
        and not is_ordinary_word(token.norm)
        and not looks_like_typo(token.norm)
        and not is_tech_term(token.norm)
        and not built_from_words(token.norm)  # "onboarding was great"
        and word_frequency(token.norm) < _LOWERCASE_NAME_ZIPF
        and not technical_text(text)
    )


def unknown_subject(cues: NameCues, text: str, tokens: list[Token], i: int) -> bool:
    # "Shovda is very reliable", "Kadiev and Adams were": a capitalised word English
    # text practically never uses, as the subject of a verb or placed in a group, is a name.
    token = tokens[i]
    if i + 1 >= len(tokens) or not adjacent(text, token, tokens[i + 1]):
        return False
    nxt = tokens[i + 1]
    if nxt.norm == "and" and not (
        i + 2 < len(tokens) and tokens[i + 2].capitalised
    ):  # "Polyfit and polyval" is not "Kadiev and Adams"
        return False
    frequency = word_frequency(token.norm)
    subject = nxt.norm in cues.after or is_finite_verb(verb_of_subject(text, tokens, i).norm)
    # "Kwame from my team", "Tash on the early shift": a place in the organisation
    placed = placed_after(tokens, i) and frequency < _LOWERCASE_NAME_ZIPF
    return (
        token.capitalised
        and len(token.norm) >= 4
        and not token.text[1].isupper()  # "BSTs", "UDFs"
        and CAMEL_CASE.fullmatch(token.text) is None
        and token.norm not in cues.not_names
        and not is_ordinary_word(token.norm)
        and ((subject and frequency < unknown_zipf(text)) or placed)
    )


def owner(cues: NameCues, text: str, tokens: list[Token], i: int) -> bool:
    # "Zoltan's feedback", "I valued Oyelaran's honest advice": a capitalised word English
    # text practically never uses, owning what people give or have, is a person.
    token = tokens[i]
    if not (token.possessive and token.capitalised) or token.norm in cues.not_names:
        return False
    following = tokens[i + 1 : i + 3]
    owned = (
        len(following) >= 1
        and adjacent(text, token, following[0])
        and (
            following[0].norm in cues.owned
            or (  # one word between: "Zoltan's honest feedback"
                len(following) == 2
                and adjacent(text, following[0], following[1])
                and following[1].norm in cues.owned
                and not following[0].capitalised
            )
        )
    )
    return (
        owned
        and len(token.norm) >= 3
        and token.norm.isalpha()
        and CAMEL_CASE.fullmatch(token.text.removesuffix("'s").removesuffix("’s")) is None
        and not is_ordinary_word(token.norm)
        and word_frequency(token.norm) < unknown_zipf(text)
    )


def unknown_zipf(text: str) -> float:
    # Beside known tools a rare capitalised subject is one more tool ("Asana has"),
    # so only a word English text practically never uses counts there.
    return _UNKNOWN_ZIPF if technical_text(text) else RARE_NAME_ZIPF


# "and" then a he or she: "kemi and her team", "with kemi and she got it".
AND_A_PRONOUN = re.compile(r"\s+and\s+(?:he|she|his|her|him)\b", re.I)
_ADDRESSED = re.compile(r",\s+(?:[^.!?,;\n]{0,30}\s)?(?:you|your|thank you)\b", re.I)
POSSESSIVE_DETERMINERS = frozenset({"my", "our", "his", "her", "their"})


def set_off(cues: NameCues, text: str, tokens: list[Token], i: int) -> bool:
    # "Siddharth, my mentor, is great", "Olamide and me went through the deck": a
    # capitalised word English text practically never uses, named as someone's mentor or
    # beside the writer, is a person.
    token = tokens[i]
    if (
        not token.capitalised
        or any(c.isupper() for c in token.text[1:])  # "DataHub and I": a product's shape
        or len(token.norm) < 3
        or not token.norm.isalpha()
        or token.norm in cues.not_names
        or is_tech_term(token.norm)
        # beside the writer or named as someone's role, a word as common as a given name
        # English text uses now and then ("Thabo", 2.5) is one
        or word_frequency(token.norm) >= _LOWERCASE_NAME_ZIPF
    ):
        return False
    beside_me = with_the_writer(text, token.start, token.end)
    # a word the dictionary holds but English seldom writes (below once in a million words),
    # beside the writer, is a name ("Bola and I": a bola is a weapon)
    if is_ordinary_word(token.norm) and not (beside_me and word_frequency(token.norm) < 3):
        return False
    if beside_me or AND_A_PRONOUN.match(text, token.end):
        return True  # "Olamide and me", "Ifeanyi and his team"
    if sentence_initial(text, token.start) and _ADDRESSED.match(text, token.end):
        return True  # "Tinashe, if you read this": the reader is the writer's "you"
    return (
        _someones_role(cues, tokens, i + 1)
        and text[token.end : tokens[i + 1].start] == ", "
        and adjacent(text, tokens[i + 1], tokens[i + 2])
    )


def object_of_verb(cues: NameCues, text: str, tokens: list[Token], i: int) -> bool:
    # "I owe Chukwuemeka a coffee", "congratulated Ifeoma on": a capitalised word English
    # text seldom uses, alone between a verb and no noun, is whom the verb is done to. Not
    # after a preposition ("on Zorbitly", "via Vexa"), nor before a noun it names
    # ("approved Vexa licences"), nor where the text is about tools.
    token = tokens[i]
    if i == 0 or i + 1 >= len(tokens) or sentence_initial(text, token.start):
        return False
    prev, nxt = tokens[i - 1], tokens[i + 1]
    if (
        not token.capitalised
        or len(token.norm) < 4
        or not token.norm.isalpha()
        or any(c.isupper() for c in token.text[1:])
        or (prev.capitalised and not opening_command(text, prev, token))  # "Give Chiamaka"
        or nxt.capitalised
        or not adjacent(text, prev, token)
        or (prev.norm in STOP_WORDS and prev.norm not in GIVE_OR_MAKE)
        or not (is_verb(prev.norm) or is_past_verb(prev.norm) or is_finite_verb(prev.norm))
        or (nxt.norm not in STOP_WORDS and is_noun_only(nxt.norm))
    ):
        return False
    return (
        word_frequency(token.norm) < RARE_NAME_ZIPF
        and not is_ordinary_word(token.norm)
        and not is_tech_term(token.text)
        and token.norm not in cues.not_names
        and not technical_text(text)
    )


def seldom_capitalised(cues: NameCues, token: Token) -> bool:
    # capitalised, and a word English writes less than once in a million words
    return (
        token.capitalised
        and token.text[1:].islower()
        and word_frequency(token.norm) < 3.0
        and token.norm not in cues.not_names
        and not is_tech_term(token.text)
    )
