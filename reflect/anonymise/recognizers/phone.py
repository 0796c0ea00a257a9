"""Phone numbers in national (UK, US or the regions in patterns.toml) and international
formats, found by Google's libphonenumber (the ``phonenumbers`` package), plus a loose pattern
for numbers it cannot place (fictional ranges, odd spacing) that have enough digits."""

from __future__ import annotations

import re
from collections.abc import Sequence

import phonenumbers

from reflect.anonymise.recognizers import RecognizerContext, recognizers
from reflect.anonymise.spans import Span

_LOOSE = re.compile(
    r"(?<![\w+])(?:\+\d{1,3}[\s.-]?(?:\(0\)\s?)?)?(?:\(\d{2,5}\)[\s.-]?)?\d{2,8}(?:[\s.-]\d{2,8}){1,4}(?!\w)"
)
# After "phone:", "call me on", "ring me at"... a shorter local number counts too.
_CONTEXT = re.compile(
    r"\b(?:phone|tel|telephone|mobile|cell|mob|landline|extension|ext|whatsapp|"
    r"(?:call|ring|text|reach|answering)(?:\s+(?:me|us|him|her|them))?\s+(?:on|at))\b[\s.:#]*"
    r"(?:(?:number|no\.?)\s*)?(?:is\s+)?(?P<value>\+?\d[\d ().-]{4,18}\d)(?!\w)",
    re.I,
)
_CONTEXT_MIN_DIGITS = 6
# Runs like "2019-2023" or "10.30-11.45" are years and times, not numbers to call.
_NOT_PHONE = re.compile(r"^(?:\d{4}\s?[-–]\s?\d{2,4}|\d{1,2}[.:]\d{2}\s?-\s?\d{1,2}[.:]\d{2})$")


@recognizers.register("phone")
class PhoneRecognizer:
    name = "phone"

    def __init__(self, context: RecognizerContext) -> None:
        settings = context.settings.get("phone", {})
        self.regions = list(settings.get("regions", ["GB", "US"]))
        self.min_digits = int(settings.get("min_digits", 9))

    def find(self, texts: Sequence[str]) -> list[list[Span]]:
        return [self.find_one(text) for text in texts]

    def find_one(self, text: str) -> list[Span]:
        if sum(c.isdigit() for c in text) < _CONTEXT_MIN_DIGITS:
            return []  # most reflections: no work at all
        spans = [
            Span(m.start("value"), m.end("value"), "PHONE", 0.75, self.name)
            for m in _CONTEXT.finditer(text)
            if sum(c.isdigit() for c in m.group("value")) >= _CONTEXT_MIN_DIGITS
        ]
        for region in self.regions:
            for m in phonenumbers.PhoneNumberMatcher(text, region, phonenumbers.Leniency.POSSIBLE):
                if self._enough_digits(m.raw_string):
                    spans.append(Span(m.start, m.end, "PHONE", 0.85, self.name))
        for m in _LOOSE.finditer(text):
            if self._enough_digits(m.group()) and not any(
                s.start <= m.start() and m.end() <= s.end for s in spans
            ):
                spans.append(Span(m.start(), m.end(), "PHONE", 0.7, self.name))
        return spans

    def _enough_digits(self, raw: str) -> bool:
        return sum(c.isdigit() for c in raw) >= self.min_digits and not _NOT_PHONE.match(raw)
