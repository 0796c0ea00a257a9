from __future__ import annotations

import pytest

from reflect.anonymise import Analyzer


def found(text: str, recognizer: str = "phone", roster=None) -> list[tuple[str, str]]:
    spans = Analyzer(roster, [recognizer]).analyze([text])[0]
    return [(text[s.start : s.end], s.label) for s in spans]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "it's oh one one three, four nine six, oh oh one two",
            [("oh one one three, four nine six, oh oh one two", "PHONE")],
        ),
        (
            "dial triple seven, two eight, double one nine",
            [("triple seven, two eight, double one nine", "PHONE")],
        ),
        ("my desk is ext 5120", [("5120", "PHONE")]),
        ("we need one or two more, maybe three", []),
        ("Ring me on 07700 900123 today", [("07700 900123", "PHONE")]),
        ("call (415) 555-0199 now", [("(415) 555-0199", "PHONE")]),
        ("+44 20 7946 0321 is the desk", [("+44 20 7946 0321", "PHONE")]),
        ("Paris office +33 1 42 68 53 00", [("+33 1 42 68 53 00", "PHONE")]),
        ("Phone: 467 3395", [("467 3395", "PHONE")]),
        ("the 2019-2023 plan", []),
        ("submitted 2025-09-15 13:14", []),  # a date and time
        ("from 10.30-11.45 on Tuesday", []),
        ("we had 120 people and 45 replies", []),
    ],
)
def test_when_text_is_scanned_then_phone_spans_are_exactly_these(text, expected):
    assert found(text) == expected
