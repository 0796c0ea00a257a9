"""Run the registered recognizers over a batch of texts and merge what they find."""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from importlib import resources

from reflect.anonymise.recognizers import RecognizerContext, recognizers
from reflect.anonymise.spans import SCREEN_ONLY, Span, merge_spans
from reflect.ingest import Roster

# Recognizers that load no model, for callers (and tests) that must stay light.
MODEL_FREE = (
    "address",
    "bank_account",
    "credit_card",
    "date_of_birth",
    "email",
    "employee_id",
    "gazetteer",
    "handle",
    "national_id",
    "phone",
    "postcode",
    "quasi_identifier",
    "roster",
    "url",
)


def default_recognizers() -> tuple[str, ...]:
    """Every registered recognizer: dropping a file into ``recognizers/`` is enough."""
    return tuple(recognizers.names())


def default_settings() -> dict:
    text = resources.files("reflect.models").joinpath("patterns.toml").read_text("utf-8")
    return tomllib.loads(text)


class Analyzer:
    def __init__(
        self,
        roster: Roster | None = None,
        names: Sequence[str] | None = None,
        settings: dict | None = None,
    ) -> None:
        context = RecognizerContext(roster=roster, settings=settings or default_settings())
        self.names = tuple(names) if names is not None else default_recognizers()
        self.recognizers = [recognizers.get(name)(context) for name in self.names]

    def analyze(self, texts: Sequence[str]) -> list[list[Span]]:
        """Spans per text, sorted: overlapping redactable spans merged into one, and
        screen-only spans (QUASI_IDENTIFIER) reported alongside, unmerged."""
        found: list[list[Span]] = [[] for _ in texts]
        for recognizer in self.recognizers:
            for spans, new in zip(found, recognizer.find(texts), strict=True):
                spans.extend(new)
        out = []
        for text, spans in zip(texts, found, strict=True):
            redactable = [s for s in spans if s.label not in SCREEN_ONLY]
            screen = [s for s in spans if s.label in SCREEN_ONLY]
            out.append(sorted(merge_spans(redactable, text) + merge_spans(screen, text)))
        return out
