"""Web addresses: with a scheme or www., or a bare domain followed by a path."""

from __future__ import annotations

import re

from reflect.anonymise.recognizers import recognizers
from reflect.anonymise.recognizers._pattern import PatternRecognizer


@recognizers.register("url")
class UrlRecognizer(PatternRecognizer):
    name = "url"
    label = "URL"
    score = 0.9
    patterns = (
        re.compile(r"\b(?:https?://|www\.)[^\s<>\"'\])]*[^\s<>\"'\]).,;:!?]", re.I),
        re.compile(
            r"(?<![@\w.])[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|io|co\.uk|org\.uk|ac\.uk|gov\.uk|dev|app)"
            r"(?:/[^\s<>\"'\])]*[^\s<>\"'\]).,;:!?])?(?![\w@])",
            re.I,
        ),
    )
