"""Phone numbers in national (UK, US or the regions in patterns.toml) and international
formats, found by Google's libphonenumber (the ``phonenumbers`` package), plus a loose pattern
for numbers it cannot place (fictional ranges, odd spacing) that have enough digits, numbers
spoken in words ("oh seven seven double four...") and extensions ("ext. 2231", "x3092")."""

from __future__ import annotations

import re
from collections.abc import Sequence

import phonenumbers

from reflect.anonymise.recognizers import RecognizerContext, recognizers
from reflect.anonymise.recognizers.numbers import DIGIT_WORD, spoken_digits
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
# Digits spoken one by one; a run standing for 7+ digits is a number to call.
_SPOKEN = re.compile(rf"\b{DIGIT_WORD}(?:[\s,-]+{DIGIT_WORD})+\b", re.I)
_SPOKEN_MIN_DIGITS = 7
# An extension or a pager ("bleep" in British hospitals): only the number is replaced ("ext.
# [PHONE]", "their bleep, [PHONE],", "bleeped on [PHONE]").
_EXTENSION = re.compile(
    r"\b(?:(?:ext\.?|extension|x)\s?#?|(?:pager|bleep)(?:ed|s)?(?:\s+(?:number|no\.?))?"
    r"(?:\s+(?:is|was|on))?[\s,:#]*)(?P<value>\d{3,5})\b",
    re.I,
)
# Runs like "2019-2023", "10.30-11.45" or "2025-09-15 13:14" are years, times and dates, not
# numbers to call.
_NOT_PHONE = re.compile(
    r"^(?:\d{4}\s?[-–]\s?\d{2,4}|\d{1,2}[.:]\d{2}\s?-\s?\d{1,2}[.:]\d{2}"
    r"|(?:19|20)\d\d-[01]\d-[0-3]\d(?:[ T][0-2]?\d(?:[:.][0-5]\d){0,2})?)$"
)


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
        spans = [
            Span(m.start(), m.end(), "PHONE", 0.7, self.name)
            for m in _SPOKEN.finditer(text)
            if spoken_digits(m.group()) >= _SPOKEN_MIN_DIGITS
        ]
        digits = sum(map(str.isdigit, text))
        if digits >= 3:
            spans += [
                Span(m.start("value"), m.end("value"), "PHONE", 0.7, self.name)
                for m in _EXTENSION.finditer(text)
            ]
        if digits < _CONTEXT_MIN_DIGITS:
            return spans  # most reflections: no more work
        spans += [
            Span(m.start("value"), m.end("value"), "PHONE", 0.75, self.name)
            for m in _CONTEXT.finditer(text)
            if sum(map(str.isdigit, m.group("value"))) >= _CONTEXT_MIN_DIGITS
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
        return sum(map(str.isdigit, raw)) >= self.min_digits and not _NOT_PHONE.match(raw)
