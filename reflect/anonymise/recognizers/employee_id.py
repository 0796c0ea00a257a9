"""Employee and staff ids, from the organisation's patterns in ``models/patterns.toml``."""

from __future__ import annotations

import re
from collections.abc import Sequence

from reflect.anonymise.recognizers import RecognizerContext, recognizers
from reflect.anonymise.spans import Span


@recognizers.register("employee_id")
class EmployeeIdRecognizer:
    name = "employee_id"

    def __init__(self, context: RecognizerContext) -> None:
        settings = context.settings.get("employee_id", {})
        self.patterns = [re.compile(p, re.I) for p in settings.get("patterns", [])]
        self.not_ids = {s.lower() for s in settings.get("not_ids", [])}

    def find(self, texts: Sequence[str]) -> list[list[Span]]:
        return [self.find_one(text) for text in texts]

    def find_one(self, text: str) -> list[Span]:
        spans = []
        for pattern in self.patterns:
            group = "id" if "id" in pattern.groupindex else 0
            for m in pattern.finditer(text):
                prefix = re.match(r"[a-z]*", m.group(group), re.I).group().lower()
                if prefix in self.not_ids:
                    continue
                spans.append(Span(m.start(group), m.end(group), "EMPLOYEE_ID", 0.8, self.name))
        return spans
