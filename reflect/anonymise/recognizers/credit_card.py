"""Payment card numbers: 13-19 digits in groups, kept only when the Luhn checksum holds."""

from __future__ import annotations

import re

from stdnum import luhn

from reflect.anonymise.recognizers import recognizers
from reflect.anonymise.recognizers._pattern import PatternRecognizer


@recognizers.register("credit_card")
class CreditCardRecognizer(PatternRecognizer):
    name = "credit_card"
    label = "CREDIT_CARD"
    score = 0.9
    patterns = (re.compile(r"(?<![\d-])\d{4}(?:[ -]?\d{3,4}){2,3}(?:[ -]?\d{1,3})?(?![\d-])"),)

    def valid(self, match: re.Match) -> bool:
        digits = re.sub(r"\D", "", match.group())
        return 13 <= len(digits) <= 19 and luhn.is_valid(digits)
