"""Names that no list knows, by their shape: two or three capitalised words in a row, none of
them an everyday word, optionally with a middle initial ("Jadwiga Wróblewska", "Bálint K
Vörös"). Titles, products and places of that shape are the price; single capitalised words are
left to the other recognizers."""

from __future__ import annotations

from collections.abc import Sequence

from reflect.anonymise.lexicon import is_ordinary_word
from reflect.anonymise.name_cues import NameCues
from reflect.anonymise.name_tokens import INITIAL, Token, adjacent, tokenize
from reflect.anonymise.recognizers import RecognizerContext, recognizers
from reflect.anonymise.spans import Span
from reflect.anonymise.tech_terms import is_tech_term


@recognizers.register("name_shape")
class NameShapeRecognizer:
    name = "name_shape"

    def __init__(self, context: RecognizerContext) -> None:
        self.cues = NameCues.from_settings(context.settings)

    def _part(self, token: Token) -> bool:
        return (
            token.capitalised
            and len(token.norm) >= 2
            and not token.text[1].isupper()
            and token.norm not in self.cues.not_names
            and not is_ordinary_word(token.norm)
            and not is_tech_term(token.text)  # "Zemax OpticStudio", "Yandex DataLens"
        )

    def find(self, texts: Sequence[str]) -> list[list[Span]]:
        return [self.find_one(text) for text in texts]

    def find_one(self, text: str) -> list[Span]:
        tokens = tokenize(text)
        spans = []
        i = 0
        while i < len(tokens):
            if not self._part(tokens[i]):
                i += 1
                continue
            j, parts = i, 1
            while j + 1 < len(tokens) and adjacent(text, tokens[j], tokens[j + 1]):
                nxt = tokens[j + 1]
                if self._part(nxt):
                    j, parts = j + 1, parts + 1
                elif (
                    INITIAL.fullmatch(nxt.text)
                    and j + 2 < len(tokens)
                    and adjacent(text, nxt, tokens[j + 2])
                    and self._part(tokens[j + 2])
                ):
                    j, parts = j + 2, parts + 1
                else:
                    break
            if 2 <= parts <= 3:
                end = tokens[j].end - (2 if tokens[j].possessive else 0)
                spans.append(Span(tokens[i].start, end, "PERSON", 0.5, self.name))
            i = j + 1
        return spans
