"""A person's age written as a number ("a 79 year old", "I'm 26 y/o", "just turned 46", "retired
at the age of 68"). Only the number is replaced, so the sentence still reads ("a [AGE] year
old"); descriptions built on it ("the only 62-year-old in finance") are also flagged by the
quasi-identifier recognizer for screening."""

from __future__ import annotations

import re

from reflect.anonymise.recognizers import recognizers
from reflect.anonymise.recognizers._pattern import PatternRecognizer

_NUMBER = r"(?P<value>\d{1,3})"
# Words after "turned 40", "I'm 40" that make the number something other than an age.
_NOT_AN_AGE = (
    r"(?!\s*(?:%|percent|per\s*cent|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|people|"
    r"times|sessions?|degrees?|pages?|slides?|tabs?|emails?|of\b|x\b|[:.,/]\d))"
)


@recognizers.register("age")
class AgeRecognizer(PatternRecognizer):
    name = "age"
    label = "AGE"
    score = 0.7
    min_digits = 1
    patterns = (
        re.compile(rf"\b{_NUMBER}(?:\s+|-)(?:years?|yrs?)(?:\s+|-)old\b", re.I),
        re.compile(rf"\b{_NUMBER}\s*(?:y/o|y\.o\.|yo)\b", re.I),
        re.compile(
            rf"\b(?:aged|age\s+of|age:|turn(?:ed|s|ing)?|i'?m|i\s+am|s?he'?s|s?he\s+is)\s+"
            rf"{_NUMBER}\b{_NOT_AN_AGE}",
            re.I,
        ),
    )

    def valid(self, match: re.Match) -> bool:
        return 10 <= int(match.group("value")) <= 110
