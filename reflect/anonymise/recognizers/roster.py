"""Names of known participants (and their ids), in any case, with possessives."""

from __future__ import annotations

import re
from collections.abc import Sequence

from reflect.anonymise.recognizers import RecognizerContext, recognizers
from reflect.anonymise.spans import Span

_MIN_PART_CHARS = 2


@recognizers.register("roster")
class RosterRecognizer:
    name = "roster"

    def __init__(self, context: RecognizerContext) -> None:
        roster = context.roster
        names: set[str] = set()
        ids: set[str] = set()
        if roster is not None:
            for full in (*roster.names, *roster.nicknames):
                names.add(full)
                names.update(p for p in re.split(r"[\s-]+", full) if len(p) >= _MIN_PART_CHARS)
            ids = {i for i in roster.ids if i}
        self.pattern = _alternation(names)
        self.id_pattern = _alternation(ids)

    def find(self, texts: Sequence[str]) -> list[list[Span]]:
        out = []
        for text in texts:
            spans = []
            if self.pattern is not None:
                spans += [
                    Span(m.start(), m.end(), "PERSON", 0.95, self.name)
                    for m in self.pattern.finditer(text)
                ]
            if self.id_pattern is not None:
                spans += [
                    Span(m.start(), m.end(), "EMPLOYEE_ID", 1.0, self.name)
                    for m in self.id_pattern.finditer(text)
                ]
            out.append(spans)
        return out


def _alternation(words: set[str]) -> re.Pattern | None:
    if not words:
        return None
    body = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w]){'(?:' + body + ')'}(?![\w])", re.I)
