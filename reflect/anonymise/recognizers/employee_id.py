"""Employee and staff ids, from the organisation's patterns in ``models/patterns.toml``."""

from __future__ import annotations

import re
from collections.abc import Sequence

from reflect.anonymise.recognizers import RecognizerContext, recognizers
from reflect.anonymise.spans import Span

# Digits a quarter, a half-year or a version code holds at most ("FY2025", "v2023.1").
_SHORT_CODE = 8


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
                found = m.group(group)
                prefix = re.match(r"[a-z]*", found, re.I).group().lower()
                if prefix in self.not_ids and sum(ch.isdigit() for ch in found) <= _SHORT_CODE:
                    continue  # "Q32025", "v20230" are a quarter, a version; "H302117845021" no
                spans.append(Span(m.start(group), m.end(group), "EMPLOYEE_ID", 0.8, self.name))
        return spans
