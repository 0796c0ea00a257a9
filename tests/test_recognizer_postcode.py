from __future__ import annotations

import pytest

from reflect.anonymise import Analyzer


def found(text: str, recognizer: str = "postcode", roster=None) -> list[tuple[str, str]]:
    spans = Analyzer(roster, [recognizer]).analyze([text])[0]
    return [(text[s.start : s.end], s.label) for s in spans]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("our office at SW1A 1AA is shut", [("SW1A 1AA", "POSTCODE")]),
        ("M1 1AE", [("M1 1AE", "POSTCODE")]),
        ("Springfield, IL 62704", [("62704", "POSTCODE")]),
        ("my zip code is 35350", [("35350", "POSTCODE")]),
        ("we had 62704 views", []),
        ("the zip code field", []),
        # lower case: a UK postcode area first, an inward code that is no ordinal
        ("it's otley ls21 3xq now", [("ls21 3xq", "POSTCODE")]),
        ("my mp3 4gb player", []),
        ("the b2 1st floor", []),
    ],
)
def test_when_text_is_scanned_then_postcode_spans_are_exactly_these(text, expected):
    assert found(text) == expected
