"""Email addresses."""

from __future__ import annotations

import re

from reflect.anonymise.recognizers import recognizers
from reflect.anonymise.recognizers._pattern import PatternRecognizer


@recognizers.register("email")
class EmailRecognizer(PatternRecognizer):
    name = "email"
    label = "EMAIL"
    score = 1.0
    patterns = (re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\b", re.I),)
