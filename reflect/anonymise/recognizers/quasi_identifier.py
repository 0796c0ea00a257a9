"""Descriptions that single a person out without naming them ("the only 62-year-old in
finance", "our one wheelchair user"). Reported as QUASI_IDENTIFIER for privacy screening; the
redactor leaves them in place unless asked (see ``redactor.KEEP_BY_DEFAULT``)."""

from __future__ import annotations

import re

from reflect.anonymise.recognizers import RecognizerContext, recognizers
from reflect.anonymise.recognizers._pattern import PatternRecognizer

QUASI_IDENTIFIER = "QUASI_IDENTIFIER"


@recognizers.register("quasi_identifier")
class QuasiIdentifierRecognizer(PatternRecognizer):
    name = "quasi_identifier"
    label = QUASI_IDENTIFIER
    score = 0.5

    def __init__(self, context: RecognizerContext) -> None:
        super().__init__(context)
        patterns = context.settings.get("quasi_identifier", {}).get("patterns", [])
        self.patterns = tuple(re.compile(p, re.I) for p in patterns)
