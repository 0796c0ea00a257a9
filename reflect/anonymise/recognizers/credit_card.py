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
    min_digits = 12
    patterns = (
        re.compile(r"(?<![\d-])\d{4}(?:[ -]?\d{3,4}){2,3}(?:[ -]?\d{1,3})?(?![\d-])"),
        # Next to "card" or "cc" a long number is a card number even if its checksum fails
        # (mistyped, or a store card outside the Luhn scheme).
        re.compile(
            r"\b(?:card|cc)\b(?:\s+(?:number|no\.?|num))?[\s:#]*(?:is\s+)?"
            r"(?P<value>\d[\d -]{10,22}\d)(?![\d-])",
            re.I,
        ),
    )

    def valid(self, match: re.Match) -> bool:
        digits = re.sub(r"\D", "", match.group())
        if "value" in match.re.groupindex:
            return 12 <= len(re.sub(r"\D", "", match.group("value"))) <= 19
        return 13 <= len(digits) <= 19 and luhn.is_valid(digits)
