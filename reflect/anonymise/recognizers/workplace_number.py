"""Numbered workplaces: "store 5592", "st 4462", "branch #318", "depot 4172". A store or a
branch has one manager, so beside a role its number names a person ("Mark from Store 3144",
"got moved from st 4462"); a ward with a small number ("Ward 7") is one of many alike and
stays (``name_company.numbered``)."""

from __future__ import annotations

import re

from reflect.anonymise.recognizers import recognizers
from reflect.anonymise.recognizers._pattern import PatternRecognizer


@recognizers.register("workplace_number")
class WorkplaceNumberRecognizer(PatternRecognizer):
    name = "workplace_number"
    label = "WORKPLACE_ID"
    score = 0.7
    min_digits = 3
    patterns = (
        re.compile(
            r"\b(?:store|branch|shop|depot|outlet|restaurant|pharmacy|site|st)\.?\s*"
            r"(?:no\.?\s*|number\s*|#\s*)?(?P<value>\d{3,6})\b",
            re.IGNORECASE,
        ),
    )
