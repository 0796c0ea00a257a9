"""spaCy's statistical NER, for names nobody listed in the roster."""

from __future__ import annotations

from collections.abc import Sequence

from reflect.anonymise.recognizers import RecognizerContext, recognizers
from reflect.anonymise.spans import Span
from reflect.nlp import load_spacy

_LABELS = {"PERSON": "PERSON"}
# Product and programme words the small model often tags as PERSON.
_NOT_PEOPLE = {"teams", "copilot", "chatgpt", "gen z", "slack", "excel", "linkedin", "zoom"}


@recognizers.register("spacy")
class SpacyNerRecognizer:
    name = "spacy"

    def __init__(self, context: RecognizerContext) -> None:
        self.nlp = load_spacy(("ner",))

    def find(self, texts: Sequence[str]) -> list[list[Span]]:
        out = []
        for doc in self.nlp.pipe(texts, batch_size=256):
            out.append(
                [
                    Span(e.start_char, e.end_char, _LABELS[e.label_], 0.7, self.name)
                    for e in doc.ents
                    if e.label_ in _LABELS and e.text.lower() not in _NOT_PEOPLE
                ]
            )
        return out
