from __future__ import annotations

import pytest

from reflect.anonymise import Analyzer


def found(text: str, recognizer: str = "credit_card", roster=None) -> list[tuple[str, str]]:
    spans = Analyzer(roster, [recognizer]).analyze([text])[0]
    return [(text[s.start : s.end], s.label) for s in spans]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("card 4007 0707 5369 0781 lost", [("4007 0707 5369 0781", "CREDIT_CARD")]),
        ("my card number is 675984103431?", [("675984103431", "CREDIT_CARD")]),
        ("ref 4007070753690782", []),
    ],
)
def test_when_text_is_scanned_then_credit_card_spans_are_exactly_these(text, expected):
    assert found(text) == expected
