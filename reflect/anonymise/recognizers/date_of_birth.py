"""Dates of birth: a date next to "born", "DOB", "date of birth" or "birthday", in the common
forms ("14/03/1990", "1990-03-14", "the 2nd of November 1968", "7 Sept 1992", "March 1983",
and a bare year after "born in"); other dates (sessions, deadlines) are not personal data."""

from __future__ import annotations

import re

from reflect.anonymise.recognizers import recognizers
from reflect.anonymise.recognizers._pattern import PatternRecognizer

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?\.?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
FULL_DATE = (
    r"(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+\d{{4}}"
    rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})"
)

_MONTH_YEAR = rf"{_MONTH}\s+(?:19|20)\d\d\b"


@recognizers.register("date_of_birth")
class DateOfBirthRecognizer(PatternRecognizer):
    name = "date_of_birth"
    label = "DATE_OF_BIRTH"
    score = 0.85
    min_digits = 2
    patterns = (
        re.compile(
            rf"\b(?:born(?:\s+(?:on|in))?(?:\s+the)?|d\.?o\.?b\.?|date\s+of\s+birth"
            rf"|birth\s?day(?:\s+is)?)\s*(?:is|was|:|-)?\s*(?P<value>{FULL_DATE}|{_MONTH_YEAR})",
            re.I,
        ),
        re.compile(r"\bborn\s+in\s+(?P<value>(?:19|20)\d\d)\b", re.I),
    )
