"""spaCy's statistical NER (tok2vec + ner only, batched with ``nlp.pipe``), for capitalised
names nobody listed.

Only sentences holding a capitalised word that is not an everyday word go through the model:
the small model finds names by their capitals, the gazetteer covers lowercase ones, and most
sentences of a reflection name nobody. That keeps the stage well above 500 reflections/s."""

from __future__ import annotations

import re
from collections.abc import Sequence

from reflect.anonymise.lexicon import is_ordinary_word
from reflect.anonymise.name_cues import tokenize
from reflect.anonymise.recognizers import RecognizerContext, recognizers
from reflect.anonymise.spans import Span
from reflect.nlp import load_spacy

_LABELS = {"PERSON": "PERSON"}
_BATCH = 256
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|\n|$)")


@recognizers.register("spacy")
class SpacyNerRecognizer:
    name = "spacy"

    def __init__(self, context: RecognizerContext) -> None:
        names = context.settings.get("names", {})
        self.not_names = {w.lower() for w in names.get("not_names", [])}
        self.nlp = load_spacy(("ner",))

    def find(self, texts: Sequence[str]) -> list[list[Span]]:
        out: list[list[Span]] = [[] for _ in texts]
        todo = [
            (i, m.start(), m.group())
            for i, text in enumerate(texts)
            for m in _SENTENCE.finditer(text)
            if self._may_hold_a_name(m.group())
        ]
        docs = self.nlp.pipe((sentence for _, _, sentence in todo), batch_size=_BATCH)
        for (i, offset, _), doc in zip(todo, docs, strict=True):
            out[i] += [
                Span(offset + e.start_char, offset + e.end_char, _LABELS[e.label_], 0.7, self.name)
                for e in doc.ents
                if e.label_ in _LABELS and self._plausible(e)
            ]
        return out

    def _may_hold_a_name(self, sentence: str) -> bool:
        return any(
            t.capitalised and t.norm not in self.not_names and not is_ordinary_word(t.norm)
            for t in tokenize(sentence)
        )

    def _plausible(self, ent) -> bool:
        text = ent.text.lower()
        if text in self.not_names or any(t.lower_ in self.not_names for t in ent):
            return False
        # A "name" made only of lowercase everyday words is the small model's guess at a
        # phrase ("grace period"), not a person.
        return not all(t.is_lower and is_ordinary_word(t.lower_) for t in ent)
