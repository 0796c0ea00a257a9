from __future__ import annotations

import pytest

from reflect.anonymise import Analyzer


def found(text: str, recognizer: str = "national_id", roster=None) -> list[tuple[str, str]]:
    spans = Analyzer(roster, [recognizer]).analyze([text])[0]
    return [(text[s.start : s.end], s.label) for s in spans]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Here's my SSN: 460-89-9847", [("460-89-9847", "NATIONAL_ID")]),
        ("NI number AB 12 34 56 C", [("AB 12 34 56 C", "NATIONAL_ID")]),
        ("000-12-3456", []),
        ("my ni number is ab123456c", [("ab123456c", "NATIONAL_ID")]),
        ("we scored ab 12 34 56 c", []),  # spaced lower case is too often something else
        # prefixes and suffixes never issued still have the shape
        ("QQ 12 34 56 C is the sample number", [("QQ 12 34 56 C", "NATIONAL_ID")]),
        ("NINO: ZZ123456T", [("ZZ123456T", "NATIONAL_ID")]),
        ("ISO 9001 audit", []),
    ],
)
def test_when_text_is_scanned_then_national_id_spans_are_exactly_these(text, expected):
    assert found(text) == expected
