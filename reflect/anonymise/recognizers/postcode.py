"""Postcodes: UK postcodes by their strict shape; US ZIP codes only with context (a state
before them or the word ZIP), since five bare digits are usually something else."""

from __future__ import annotations

import re

from reflect.anonymise.recognizers import recognizers
from reflect.anonymise.recognizers._pattern import PatternRecognizer

_US_STATES = (
    "AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|"
    "NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|DC"
)


# The UK's postcode areas (Royal Mail): the letters a postcode starts with.
_UK_AREAS = (
    "ab|al|b|ba|bb|bd|bh|bl|bn|br|bs|bt|ca|cb|cf|ch|cm|co|cr|ct|cv|cw|da|dd|de|dg|dh|dl|dn|dt|"
    "dy|e|ec|eh|en|ex|fk|fy|g|gl|gu|gy|ha|hd|hg|hp|hr|hs|hu|hx|ig|im|ip|iv|je|ka|kt|kw|ky|l|la|"
    "ld|le|ll|ln|ls|lu|m|me|mk|ml|n|ne|ng|nn|np|nr|nw|ol|ox|pa|pe|ph|pl|po|pr|rg|rh|rm|s|sa|se|"
    "sg|sk|sl|sm|sn|so|sp|sr|ss|st|sw|sy|ta|td|tf|tn|tq|tr|ts|tw|ub|w|wa|wc|wd|wf|wn|wr|ws|wv|"
    "yo|ze"
)
UK_AREAS = frozenset(_UK_AREAS.split("|"))


UK_POSTCODES = (
    # "SW1A 1AA", "M1 1AE", "EC1A 1BB" (upper case, as written on letters)...
    re.compile(r"\b(?:[A-Z]{1,2}\d[A-Z\d]?|GIR)\s?\d[A-Z]{2}\b"),
    # ...and in lower case ("ls21 3xq"), where a shape alone is too loose ("mp3 4gb"): one of
    # the UK's postcode areas, a space, and an inward code that is no ordinal.
    re.compile(rf"\b(?:{_UK_AREAS})\d[a-z\d]?\s(?!1st|2nd|3rd|[04-9]th)\d[abd-hjlnp-uw-z]{{2}}\b"),
)


@recognizers.register("postcode")
class PostcodeRecognizer(PatternRecognizer):
    name = "postcode"
    label = "POSTCODE"
    score = 0.8
    min_digits = 1
    patterns = (
        *UK_POSTCODES,
        re.compile(rf"(?:\b(?:{_US_STATES}),?\s+)(?P<value>\d{{5}}(?:-\d{{4}})?)\b"),
        re.compile(
            r"\b(?:zip code|zipcode|zip|postcode|postal code|post code)\b[:#]?\s*(?:is\s+)?"
            r"(?P<value>(?=[A-Z]*\d)[A-Z\d]{3,5}(?:[\s-][A-Z\d]{3,4})?)\b",
            re.I,
        ),
    )
