"""Structured identifiers: emails, URLs, @handles, phone numbers, employee ids."""

from __future__ import annotations

import re
from collections.abc import Sequence

from reflect.anonymise.recognizers import RecognizerContext, recognizers
from reflect.anonymise.spans import Span

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.I)
URL = re.compile(
    r"\b(?:https?://|www\.)[^\s<>\"')\]]+|\b[\w-]+\.(?:com|org|net|io|co\.uk)"
    r"/[^\s<>\"')\]]*",
    re.I,
)
HANDLE = re.compile(r"(?<![\w@.])@[A-Za-z0-9_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?")
# Phone numbers: international (+44 20 7946 0321), UK (07700 900123), US ((415) 555-0199).
PHONE = re.compile(
    r"(?<![\w+])(?:\+\d{1,3}[\s.-]?(?:\(0\)\s?)?)?(?:\(\d{2,5}\)[\s.-]?)?\d{2,8}(?:[\s.-]\d{2,8}){1,4}(?!\w)"
)
_MIN_PHONE_DIGITS = 9


@recognizers.register("regex")
class RegexRecognizer:
    name = "regex"

    def __init__(self, context: RecognizerContext) -> None:
        settings = context.settings.get("employee_id", {})
        self.id_patterns = [re.compile(p, re.I) for p in settings.get("patterns", [])]
        self.not_ids = {s.lower() for s in settings.get("not_ids", [])}

    def find(self, texts: Sequence[str]) -> list[list[Span]]:
        return [self._find_one(text) for text in texts]

    def _find_one(self, text: str) -> list[Span]:
        spans = [Span(m.start(), m.end(), "EMAIL", 1.0, self.name) for m in EMAIL.finditer(text)]
        spans += [Span(m.start(), m.end(), "URL", 0.9, self.name) for m in URL.finditer(text)]
        spans += [
            Span(m.start(), m.end(), "HANDLE", 0.8, self.name)
            for m in HANDLE.finditer(text)
            if not _inside(m, spans)
        ]
        for m in PHONE.finditer(text):
            digits = sum(c.isdigit() for c in m.group())
            if digits >= _MIN_PHONE_DIGITS and not _inside(m, spans):
                spans.append(Span(m.start(), m.end(), "PHONE", 0.8, self.name))
        for pattern in self.id_patterns:
            group = "id" if "id" in pattern.groupindex else 0
            for m in pattern.finditer(text):
                prefix = re.match(r"[a-z]*", m.group(group), re.I).group().lower()
                if prefix in self.not_ids or _inside(m, spans):
                    continue
                spans.append(Span(m.start(group), m.end(group), "EMPLOYEE_ID", 0.8, self.name))
        return spans


def _inside(match: re.Match, spans: list[Span]) -> bool:
    return any(s.start <= match.start() and match.end() <= s.end for s in spans)
