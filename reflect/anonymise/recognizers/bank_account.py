"""IBANs, checked with their mod-97 checksum (``python-stdnum``)."""

from __future__ import annotations

import re

from stdnum import iban

from reflect.anonymise.recognizers import recognizers
from reflect.anonymise.recognizers._pattern import PatternRecognizer


@recognizers.register("bank_account")
class BankAccountRecognizer(PatternRecognizer):
    name = "bank_account"
    label = "BANK_ACCOUNT"
    score = 0.9
    min_digits = 8
    patterns = (re.compile(r"\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?\b"),)

    def valid(self, match: re.Match) -> bool:
        return iban.is_valid(match.group())
