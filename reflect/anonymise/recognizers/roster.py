"""Names and ids of known participants: full names, first and last names, nicknames, in any
case, with possessives, and with one typo for names of five letters or more ("Priyaa").
Roster names that are also everyday words ("Will", "Grace") need the cues in ``name_cues``."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from itertools import pairwise

from rapidfuzz import process
from rapidfuzz.distance import OSA

from reflect.anonymise.lexicon import (
    WORD,
    dictionary_words,
    first_names,
    is_noun,
    is_ordinary_word,
    normalise,
    word_frequency,
)
from reflect.anonymise.name_cues import NameCues
from reflect.anonymise.name_extent import extend_name
from reflect.anonymise.name_rules import accept
from reflect.anonymise.name_tokens import Token, tokenize
from reflect.anonymise.recognizers import RecognizerContext, recognizers
from reflect.anonymise.spans import Span
from reflect.roster import ID_SHAPE

_MIN_PART_CHARS = 2
_MIN_FUZZY_CHARS = 5
# A misspelt name is a rare string; "carer" or "tries" one letter from a roster name are words.
_MAX_TYPO_ZIPF = 2.5
# A name's possessive without its apostrophe is a word English seldom writes ("wills" 3.6).
_MAX_POSSESSIVE_ZIPF = 3.5
# A roster name all of whose words are this common ("Will Price", "Grace Hall") is matched in
# full only as other names are: in lower case "will price" is a verb and its object.
_EVERYDAY_ZIPF = 4.4
_MAX_NAME_WORDS = 4  # "ana maria lopez garcia" in full
# A roster id is looked for in answers in the shape of an id (``ID_SHAPE``), a hyphenated
# user name ("smith-j") or letters no dictionary holds ("jsmith"). The roster is the analyst's
# file: an id that was a word ("adhd") searched everyone's answers for it, and the ledger's
# refusal when 1 to k−1 people's answers changed told whether a few had written it (red
# team, stop 38); a roster changed after a release is refused too (``privacy.pins``).


def _id_shaped(value: str) -> bool:
    if ID_SHAPE.match(value):
        return True
    parts = value.lower().split("-")  # "smith-j", not "self-care"
    return (
        all(p.isalpha() for p in parts)
        and len(value) >= 3
        and (any(len(p) == 1 for p in parts) or not all(map(is_ordinary_word, parts)))
    )


@recognizers.register("roster")
class RosterRecognizer:
    name = "roster"

    def __init__(self, context: RecognizerContext) -> None:
        roster = context.roster
        self.cues = NameCues.from_settings(context.settings)
        parts: set[str] = set()
        ids: set[str] = set()
        if roster is not None:
            for full in (*roster.names, *roster.nicknames):
                parts.update(
                    form
                    for p in WORD.findall(full)
                    if len(p) >= _MIN_PART_CHARS
                    for form in (normalise(p), unaccented(normalise(p)))
                )
            ids = {i for i in roster.ids if i and _id_shaped(i)}
        self.full_names = _full_names(roster.names if roster is not None else ())
        self.parts = frozenset(parts)
        self.fuzzy_parts = [p for p in parts if len(p) >= _MIN_FUZZY_CHARS]
        self.id_pattern = _alternation(ids)
        self._typo_cache: dict[str, bool] = {}

    def find(self, texts: Sequence[str]) -> list[list[Span]]:
        return [self.find_one(text) for text in texts]

    def find_one(self, text: str) -> list[Span]:
        spans: list[Span] = []
        if self.parts:
            tokens = tokenize(text)
            i = 0
            while i < len(tokens):
                if length := self._full_name_at(text, tokens, i):
                    # A participant's names together, in any case ("the story lucy chen
                    # told"), unless every one is an everyday word ("I will price it").
                    last = tokens[i + length - 1]
                    end = last.end - (2 if last.possessive else 0)
                    spans.append(Span(tokens[i].start, end, "PERSON", 0.95, self.name))
                    i += length
                elif self._is_part(tokens[i]) and accept(
                    text, tokens, i, self._is_part, self.cues, known_person=True
                ):
                    last = i
                    while (
                        last + 1 < len(tokens)
                        and self._is_part(tokens[last + 1])
                        and text[tokens[last].end : tokens[last + 1].start] in (" ", "-")
                    ):
                        last += 1
                    last = max(last, extend_name(text, tokens, last, self.cues))
                    end = tokens[last].end - (2 if tokens[last].possessive else 0)
                    spans.append(Span(tokens[i].start, end, "PERSON", 0.95, self.name))
                    i = last + 1
                else:
                    i += 1
        if self.id_pattern is not None:
            spans += [
                Span(m.start(), m.end(), "EMPLOYEE_ID", 1.0, self.name)
                for m in self.id_pattern.finditer(text)
            ]
        return spans

    def _full_name_at(self, text: str, tokens: list[Token], i: int) -> int:
        """How many tokens from ``i`` spell a participant's full name (0 if none); the last
        may carry a possessive, with or without its apostrophe ("lucy chens story")."""
        for length in range(_MAX_NAME_WORDS, 1, -1):
            run = tokens[i : i + length]
            if len(run) < length or any(
                text[a.end : b.start] not in (" ", "-") for a, b in pairwise(run)
            ):
                continue
            words = [unaccented(t.norm) for t in run]
            if words[-1].endswith("s") and tuple(words) not in self.full_names:
                words[-1] = words[-1][:-1]  # "lucy chens story"
            if tuple(words) in self.full_names and not all(map(_everyday, words)):
                return length  # "will price" in "I will price it" is two words, not Will Price
        return 0

    def _is_part(self, token: Token) -> bool:
        if token.norm in self.parts or unaccented(token.norm) in self.parts:
            return True
        if _without_apostrophe(token.norm) in self.parts and _seldom_a_word(token.norm):
            return True  # "okafors plan": a possessive typed without its apostrophe
        return len(token.norm) >= _MIN_FUZZY_CHARS and self._is_typo(token.norm)

    def _is_typo(self, word: str) -> bool:
        # One edit (a swap of two letters counts as one) from a roster name, unless the word
        # is itself an everyday word or another known first name (the gazetteer's job).
        if word not in self._typo_cache:
            hit = None
            if (
                self.fuzzy_parts
                and not is_ordinary_word(word)
                and word not in first_names()
                and word_frequency(word) < _MAX_TYPO_ZIPF
            ):
                hit = process.extractOne(
                    word, self.fuzzy_parts, scorer=OSA.distance, score_cutoff=1
                )
            self._typo_cache[word] = hit is not None
        return self._typo_cache[word]


def _without_apostrophe(word: str) -> str | None:
    """ "adams" -> "adam"; None for a word too short to be a name's possessive ("eds")."""
    return word[:-1] if len(word) > 4 and word.endswith("s") else None


def _full_names(names: Sequence[str]) -> frozenset[tuple[str, ...]]:
    """Each roster name's words, lower case and unaccented: every run of two to
    ``_MAX_NAME_WORDS`` of them, and first and last name ("Ana María López" is also "ana
    lopez")."""
    out = set()
    for name in names:
        words = [unaccented(normalise(w)) for w in WORD.findall(name)]
        if len(words) >= 2:
            out.add((words[0], words[-1]))
            out.update(
                tuple(words[a:b])
                for a in range(len(words))
                for b in range(a + 2, min(len(words), a + _MAX_NAME_WORDS) + 1)
            )
    return frozenset(out)


def _everyday(word: str) -> bool:
    # A common English word ("will", "price", "hall", "summer"; not "lucy", "chen", "turner").
    return word in dictionary_words() and word_frequency(word) >= _EVERYDAY_ZIPF


def _seldom_a_word(word: str) -> bool:
    # "okafors", "janets", not "marks", "hopes", "violets" (plurals and verbs of everyday
    # words): a word no dictionary lists, seldom written, whose stem is no noun.
    return (
        word not in dictionary_words()
        and word_frequency(word) < _MAX_POSSESSIVE_ZIPF
        and not is_noun(word[:-1])
    )


def unaccented(word: str) -> str:
    """ "siobhán" -> "siobhan", "zoë" -> "zoe": people type a colleague's name without its
    accents at least as often as with them (and a roster may hold either form)."""
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _alternation(words: set[str]) -> re.Pattern | None:
    if not words:
        return None
    body = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w])(?:{body})(?![\w])", re.I)
