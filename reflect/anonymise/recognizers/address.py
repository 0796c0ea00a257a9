"""Street addresses: a house number, up to four words and a street type ("221B Baker Street",
"1668 Glyn St", "Flat 3, 12 Elm Road"), or a unit ("Suite 838", "Apt. 4")."""

from __future__ import annotations

import re

from reflect.anonymise.recognizers import recognizers
from reflect.anonymise.recognizers._pattern import PatternRecognizer

_STREET_TYPES = (
    r"street|st|road|rd|avenue|ave|lane|ln|drive|dr|boulevard|blvd|way|court|ct|place|pl|"
    r"terrace|close|crescent|square|sq|parkway|pkwy|highway|hwy|row|mews|gardens|grove|walk|"
    r"hill|park|circle|cir|trail|plaza|alley|straße|strasse|str|via|rue|calle"
)


@recognizers.register("address")
class AddressRecognizer(PatternRecognizer):
    name = "address"
    label = "ADDRESS"
    score = 0.75
    patterns = (
        re.compile(
            rf"\b\d{{1,5}}[A-Za-z]?,?\s+(?:[A-Z][\w'-]*\.?\s+){{1,4}}(?:{_STREET_TYPES})\b\.?"
            r"(?:,?\s+(?:apt|apartment|suite|unit|flat)\.?\s*#?\s*\w+)?",
            re.I,
        ),
        re.compile(r"\b(?:apt|apartment|suite|unit|flat)\.?\s*#?\s*\d+[A-Za-z]?\b", re.I),
    )

    def valid(self, match: re.Match) -> bool:
        # Case-insensitive for street types, but the street's own name must be capitalised:
        # "3 more weeks" is not an address.
        words = match.group().split()
        return len(words) < 2 or words[1][:1].isupper() or not words[0][:1].isdigit()
