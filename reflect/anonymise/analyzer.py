"""Run the registered recognizers over a batch of texts and merge what they find."""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from importlib import resources

from reflect.anonymise.recognizers import RecognizerContext, recognizers
from reflect.anonymise.spans import Span, merge_spans
from reflect.ingest import Roster

DEFAULT_RECOGNIZERS = ("regex", "roster", "spacy")


def default_settings() -> dict:
    text = resources.files("reflect.models").joinpath("patterns.toml").read_text("utf-8")
    return tomllib.loads(text)


class Analyzer:
    def __init__(
        self,
        roster: Roster | None = None,
        names: Sequence[str] = DEFAULT_RECOGNIZERS,
        settings: dict | None = None,
    ) -> None:
        context = RecognizerContext(roster=roster, settings=settings or default_settings())
        self.names = tuple(names)
        self.recognizers = [recognizers.get(name)(context) for name in names]

    def analyze(self, texts: Sequence[str]) -> list[list[Span]]:
        found: list[list[Span]] = [[] for _ in texts]
        for recognizer in self.recognizers:
            for spans, new in zip(found, recognizer.find(texts), strict=True):
                spans.extend(new)
        return [merge_spans(spans) for spans in found]
