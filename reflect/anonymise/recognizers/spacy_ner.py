"""spaCy's statistical NER (tok2vec + ner only, batched with ``nlp.pipe``), for capitalised
names nobody listed.

Only sentences holding a capitalised word that is not an everyday word go through the model:
the small model finds names by their capitals, the gazetteer covers lowercase ones, and most
sentences of a reflection name nobody. That keeps the stage well above 500 reflections/s."""

from __future__ import annotations

import re
from collections.abc import Sequence

from wordfreq import zipf_frequency

from reflect.anonymise.lexicon import (
    COMMON_NAME,
    english_name_frequency,
    first_names,
    is_finite_verb,
    is_ordinary_word,
    looks_like_typo,
    normalise,
)
from reflect.anonymise.name_cues import DETERMINERS, tokenize
from reflect.anonymise.recognizers import RecognizerContext, recognizers
from reflect.anonymise.spans import Span
from reflect.nlp import NER, load_spacy

_LABELS = {"PERSON": "PERSON"}
_BATCH = 256
_SINGLE_WORD_MAX_ZIPF = 3.5
# A sentence without its leading spaces (a leading space would become token 0).
_SENTENCE = re.compile(r"\s*([^.!?\n\s][^.!?\n]*(?:[.!?]+|\n|$))")


@recognizers.register("spacy")
class SpacyNerRecognizer:
    name = "spacy"

    def __init__(self, context: RecognizerContext) -> None:
        names = context.settings.get("names", {})
        self.not_names = {w.lower() for w in names.get("not_names", [])}
        self.after = {w.lower() for w in names.get("after", [])}
        self.nlp = load_spacy(NER)

    def find(self, texts: Sequence[str]) -> list[list[Span]]:
        out: list[list[Span]] = [[] for _ in texts]
        todo = [
            (i, m.start(1), m.group(1))
            for i, text in enumerate(texts)
            for m in _SENTENCE.finditer(text)
            if self._may_hold_a_name(m.group(1))
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
        names = first_names()
        return any(
            t.capitalised
            and t.norm not in self.not_names
            and (t.norm in names or not is_ordinary_word(t.norm))
            for t in tokenize(sentence)
        )

    def _plausible(self, ent) -> bool:
        text = ent.text.lower()
        if text in self.not_names or any(t.lower_ in self.not_names for t in ent):
            return False
        # A "name" made only of lowercase everyday words is the small model's guess at a
        # phrase ("grace period"), not a person.
        if all(t.is_lower and is_ordinary_word(t.lower_) for t in ent):
            return False
        # Nor is one frequent word opening a sentence ("Overall", "Awkward", "Felt").
        if len(ent) == 1:
            word = normalise(ent.text)
            if looks_like_typo(word):
                return False  # "Genuuine"
            if ent.start > 0 and ent.doc[ent.start - 1].lower_ in DETERMINERS:
                return is_ordinary_word(word) is False  # "the Bill debate"
            # (Each doc is one sentence, so token 0 opens it: "Overall", "Said it like...")
            if ent.start == 0:
                if is_ordinary_word(word):
                    # "Frank discussion", "Harsh but fair", "Said it like a boast": a
                    # sentence-opening everyday word is a name only before a verb.
                    after = ent.doc[ent.end].lower_ if ent.end < len(ent.doc) else ""
                    return english_name_frequency(word) >= COMMON_NAME and (
                        after in self.after or is_finite_verb(after)
                    )
                return word in first_names() or zipf_frequency(word, "en") < _SINGLE_WORD_MAX_ZIPF
        return True
