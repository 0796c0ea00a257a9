"""Social media handles such as ``@jo_codes`` (not the domain part of an email)."""

from __future__ import annotations

import re

from reflect.anonymise.recognizers import recognizers
from reflect.anonymise.recognizers._pattern import PatternRecognizer


@recognizers.register("handle")
class HandleRecognizer(PatternRecognizer):
    name = "handle"
    label = "HANDLE"
    score = 0.8
    patterns = (re.compile(r"(?<![\w@.])@[A-Za-z0-9_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?"),)
