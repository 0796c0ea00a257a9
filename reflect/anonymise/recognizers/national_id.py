"""National identity numbers: US social security numbers (format and reserved ranges checked
by ``python-stdnum``) and UK National Insurance numbers."""

from __future__ import annotations

import re

from stdnum.us import ssn

from reflect.anonymise.recognizers import recognizers
from reflect.anonymise.recognizers._pattern import PatternRecognizer

_SSN = re.compile(r"(?<![\d-])\d{3}[- ]\d{2}[- ]\d{4}(?![\d-])")
# In capitals any letters: prefixes and suffixes never issued ("QQ 12 34 56 C" on the forms,
# "ZZ 12 34 56 T" from data generators) still have a number's shape, and what people copy
# from a form or a test file is redacted like the real thing.
_NINO = re.compile(r"\b[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-Z]\b")
# Written in lower case, only as one block ("ab123456c"): spaced lower-case letters and
# digits are too often something else.
_NINO_LOWER = re.compile(r"\b(?!bg|gb|nk|kn|tn|nt|zz)[a-ceghj-pr-tw-z]{2}\d{6}[a-d]\b")


@recognizers.register("national_id")
class NationalIdRecognizer(PatternRecognizer):
    name = "national_id"
    label = "NATIONAL_ID"
    score = 0.85
    min_digits = 6
    patterns = (_SSN, _NINO, _NINO_LOWER)

    def valid(self, match: re.Match) -> bool:
        if match.re is _SSN:
            return ssn.is_valid(re.sub(r"\D", "", match.group()))
        return True
