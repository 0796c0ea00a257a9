"""Base for recognizers that are a few regular expressions, the way Presidio writes its
pattern recognizers: a label, patterns, a score and an optional validator."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import ClassVar

from reflect.anonymise.recognizers import RecognizerContext
from reflect.anonymise.spans import Span


class PatternRecognizer:
    name: ClassVar[str]
    label: ClassVar[str]
    score: ClassVar[float] = 0.8
    patterns: ClassVar[Sequence[re.Pattern]] = ()
    # Texts with fewer digits than this cannot hold a match: skipped without running patterns.
    min_digits: ClassVar[int] = 0

    def __init__(self, context: RecognizerContext) -> None:
        self.context = context

    def valid(self, match: re.Match) -> bool:
        """Checksums, digit counts, context words: overridden where a pattern alone is loose."""
        return True

    def find(self, texts: Sequence[str]) -> list[list[Span]]:
        return [self.find_one(text) for text in texts]

    def find_one(self, text: str) -> list[Span]:
        if self.min_digits and sum(map(str.isdigit, text)) < self.min_digits:
            return []
        spans = []
        for pattern in self.patterns:
            for m in pattern.finditer(text):
                if self.valid(m):
                    group = "value" if "value" in pattern.groupindex else 0
                    spans.append(
                        Span(m.start(group), m.end(group), self.label, self.score, self.name)
                    )
        return spans
