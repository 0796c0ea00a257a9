"""Full calendar dates ("8/12/1991", "5 March 1988", "2015-12-22 04:34:22"): with a day and a
year a date points at one person's event (a birth, an accident, a hire). Weekdays, months
and bare years ("on Tuesday", "in May", "since 2019") stay: reflections need them and they
identify nobody. Dates next to "born" or "DOB" are labelled by ``date_of_birth`` instead."""

from __future__ import annotations

import re

from reflect.anonymise.recognizers import recognizers
from reflect.anonymise.recognizers._pattern import PatternRecognizer
from reflect.anonymise.recognizers.date_of_birth import FULL_DATE


@recognizers.register("calendar_date")
class CalendarDateRecognizer(PatternRecognizer):
    name = "calendar_date"
    label = "DATE"
    score = 0.6  # below date_of_birth's, so the more specific label wins an overlap
    min_digits = 4
    patterns = (re.compile(rf"\b{FULL_DATE}(?:[ T]\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?(?!\d)", re.I),)

    def valid(self, match: re.Match) -> bool:
        # "3.10.12" is a version number, not a date: dotted dates need a four-digit year.
        text = match.group(0)
        return "." not in text.split(" ")[0] or re.search(r"\d{4}", text) is not None
