"""Deciding whether a word that could be a name is one here, shared by the roster and the
gazetteer recognizers.

A word that is only a name ("priya", "Siiri") is a name in any case. A word that is also an
everyday word ("will", "grace", "May", "Bill") is taken as a name only with evidence: a capital
mid-sentence, a possessive, a cue before it ("my mentor grace", "with Bill") or after it
("grace said"), or a surname after it. Month and day names need a strong cue even with a capital.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from reflect.anonymise.lexicon import WORD, calendar_words, is_ordinary_word, normalise

STRONG, WEAK = 2, 1
_SENTENCE_END = re.compile(r"(?:^|[.!?:;\n•*\"“(\[-])\s*$")
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "every", "each"})
_INITIAL = re.compile(r"[A-Z]\.?")


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


@dataclass(frozen=True)
class NameCues:
    not_names: frozenset[str]
    before: frozenset[str]
    after: frozenset[str]
    weak: frozenset[str]

    @classmethod
    def from_settings(cls, settings: dict) -> NameCues:
        names = settings.get("names", {})

        def words(key: str) -> frozenset[str]:
            return frozenset(w.lower() for w in names.get(key, []))

        return cls(words("not_names"), words("before"), words("after"), words("weak"))

    def cue(self, text: str, tokens: list[Token], i: int, is_name: Callable[[Token], bool]) -> int:
        """How strongly the words around ``tokens[i]`` say it is a person (0, WEAK, STRONG)."""
        token = tokens[i]
        if token.possessive:
            return STRONG
        best = 0
        prev = tokens[i - 1] if i > 0 and _adjacent(text, tokens[i - 1], token) else None
        nxt = (
            tokens[i + 1] if i + 1 < len(tokens) and _adjacent(text, token, tokens[i + 1]) else None
        )
        if prev is not None and prev.norm in self.before:
            best = max(best, WEAK if prev.norm in self.weak else STRONG)
        if i >= 2 and f"{tokens[i - 2].norm} {tokens[i - 1].norm}" in self.before:
            best = STRONG  # "name is", "this is"
        if nxt is not None:
            if nxt.norm in self.after:
                best = max(best, WEAK if nxt.norm in self.weak else STRONG)
            elif (is_name(nxt) and _evidence(nxt, token)) or self.surname_like(nxt):
                best = STRONG
        if prev is not None and is_name(prev) and _evidence(prev, token):
            best = STRONG
        return best

    def introduced(self, text: str, tokens: list[Token], i: int) -> bool:
        """A capitalised word no name list knows, right after a strong cue ("my mentor
        Rubija", "my name is Siiri")."""
        token = tokens[i]
        if i == 0 or not self.surname_like(token):
            return False
        prev = tokens[i - 1]
        if not _adjacent(text, prev, token):
            return False
        if prev.norm in self.before and prev.norm not in self.weak:
            return True
        return i >= 2 and f"{tokens[i - 2].norm} {prev.norm}" in self.before

    def surname_like(self, token: Token) -> bool:
        return (
            token.capitalised
            and len(token.norm) >= 2
            and not is_ordinary_word(token.norm)
            and token.norm not in self.not_names
        )

    def accept(
        self, text: str, tokens: list[Token], i: int, is_name: Callable[[Token], bool]
    ) -> bool:
        """Is ``tokens[i]``, a word known to be a possible name, a name in this sentence?"""
        token = tokens[i]
        if token.norm in self.not_names or _in_phrase(text, tokens, i, self.not_names):
            return False
        if not is_ordinary_word(token.norm):
            return True
        cue = self.cue(text, tokens, i, is_name)
        if token.norm in calendar_words():
            return token.capitalised and cue == STRONG
        prev = tokens[i - 1] if i > 0 and _adjacent(text, tokens[i - 1], token) else None
        if prev is not None and prev.norm in _DETERMINERS:
            return False
        if token.capitalised and not sentence_initial(text, token.start):
            return cue > 0 or not _in_title_case_run(text, tokens, i, is_name)
        return cue == STRONG


def _evidence(neighbour: Token, token: Token) -> bool:
    # A neighbouring possible name supports this one only if it is itself a likely name
    # written the same way: "Mark said" does not make "said" a name.
    # ("priya said" neither: lowercase everyday words need a cue word).
    return neighbour.capitalised and token.capitalised


def sentence_initial(text: str, start: int) -> bool:
    return bool(_SENTENCE_END.search(text[max(0, start - 4) : start]))


def extend_name(text: str, tokens: list[Token], i: int, cues: NameCues) -> int:
    """Index of the last token of the name starting at ``tokens[i]``: a middle initial and
    capitalised surnames that are not everyday words ("Szabina J Gelencsér")."""
    j = i
    while j + 1 < len(tokens) and _adjacent(text, tokens[j], tokens[j + 1]):
        nxt = tokens[j + 1]
        if (_INITIAL.fullmatch(nxt.text) and j + 2 < len(tokens)) or cues.surname_like(nxt):
            j += 1
        elif not tokens[i].capitalised and not nxt.capitalised and _lowercase_surname(nxt, cues):
            j += 1
            break
        else:
            break
    return j


def _lowercase_surname(token: Token, cues: NameCues) -> bool:
    return (
        len(token.norm) >= 3
        and not is_ordinary_word(token.norm)
        and token.norm not in cues.not_names
    )


def _adjacent(text: str, left: Token, right: Token) -> bool:
    gap = text[left.end : right.start]
    return gap in (" ", ". ") if left.text[:1].isupper() else gap == " "


def _in_title_case_run(text: str, tokens: list[Token], i: int, is_name) -> bool:
    # "Grace Period Policy", "Black History Month": capitalised everyday words side by side are
    # a title or a product, not a person.
    for j in (i - 1, i + 1):
        if 0 <= j < len(tokens):
            left, right = (tokens[j], tokens[i]) if j < i else (tokens[i], tokens[j])
            other = tokens[j]
            if (
                _adjacent(text, left, right)
                and other.capitalised
                and not is_name(other)
                and is_ordinary_word(other.norm)
                and not (j < i and sentence_initial(text, other.start))
            ):
                return True
    return False


def _in_phrase(text: str, tokens: list[Token], i: int, phrases: Iterable[str]) -> bool:
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
