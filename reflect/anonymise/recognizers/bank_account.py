"""IBANs, checked with their mod-97 checksum (``python-stdnum``), and account numbers and sort
codes said to be one ("account 12345678", "sort code 20-45-67")."""

from __future__ import annotations

import re

from stdnum import iban

from reflect.anonymise.recognizers import recognizers
from reflect.anonymise.recognizers._pattern import PatternRecognizer

_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?\b")


@recognizers.register("bank_account")
class BankAccountRecognizer(PatternRecognizer):
    name = "bank_account"
    label = "BANK_ACCOUNT"
    score = 0.9
    min_digits = 6
    patterns = (
        _IBAN,
        re.compile(
            r"\b(?:account|acct|a/c)(?:\s+(?:no|number|num|#))?\.?\s*(?:is\s+|:\s*)?"
            r"(?P<value>\d{6,12})\b",
            re.I,
        ),
        re.compile(
            r"\bsort[ -]?code\s*(?:is\s+|:\s*)?(?P<value>\d{2}[- ]?\d{2}[- ]?\d{2})\b", re.I
        ),
    )

    def valid(self, match: re.Match) -> bool:
        return match.re is not _IBAN or iban.is_valid(match.group())
