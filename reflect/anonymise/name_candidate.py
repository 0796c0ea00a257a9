"""The word a name rule judges (``name_rules``) and what surrounds it: its neighbours, the
strength of the person cues around it, how common it is as an English name."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from spacy.lang.en.stop_words import STOP_WORDS

from reflect.anonymise.lexicon import english_name_frequency, is_ordinary_word
from reflect.anonymise.name_cues import NameCues
from reflect.anonymise.name_tokens import Token, adjacent, sentence_initial
from reflect.anonymise.tech_terms import ToolCues


@dataclass
class Candidate:
    """``tokens[i]`` of ``text``, a word some name list knows, and what surrounds it."""

    text: str
    tokens: list[Token]
    i: int
    is_name: Callable[[Token], bool]
    cues: NameCues
    known_person: bool = False  # a roster name: the roster says it is a name somewhere
    tools: ToolCues = ToolCues()

    @property
    def token(self) -> Token:
        return self.tokens[self.i]

    @cached_property
    def prev(self) -> Token | None:
        i, tokens = self.i, self.tokens
        return tokens[i - 1] if i > 0 and adjacent(self.text, tokens[i - 1], tokens[i]) else None

    @cached_property
    def next(self) -> Token | None:
        i, tokens = self.i, self.tokens
        if i + 1 < len(tokens) and adjacent(self.text, tokens[i], tokens[i + 1]):
            return tokens[i + 1]
        return None

    @cached_property
    def cue(self) -> int:
        """How strongly the words around the candidate say it is a person (0, WEAK, STRONG)."""
        return self.cues.cue(self.text, self.tokens, self.i, self.is_name)

    @cached_property
    def cue_word(self) -> bool:
        """A cue word that is no function word beside the candidate ("sent", "told", "said")."""
        return any(
            word is not None and word.norm in cues and word.norm not in STOP_WORDS
            for word, cues in ((self.prev, self.cues.before), (self.next, self.cues.after))
        )

    @cached_property
    def ordinary(self) -> bool:
        return is_ordinary_word(self.token.norm)

    @cached_property
    def english(self) -> int:
        """How common the name is in English-speaking countries (0: not used there)."""
        return english_name_frequency(self.token.norm)

    @cached_property
    def initial(self) -> bool:
        return sentence_initial(self.text, self.token.start)
