from __future__ import annotations

import pytest

from reflect.anonymise import Analyzer


def found(text: str, recognizer: str = "email", roster=None) -> list[tuple[str, str]]:
    spans = Analyzer(roster, [recognizer]).analyze([text])[0]
    return [(text[s.start : s.end], s.label) for s in spans]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mail jo.bloggs@example.com today", [("jo.bloggs@example.com", "EMAIL")]),
        ("O'Neil.Kate+work@mail.co.uk.", [("O'Neil.Kate+work@mail.co.uk", "EMAIL")]),
        ("we met @ the office", []),
        ("the 3@5 meeting", []),
    ],
)
def test_when_text_is_scanned_then_email_spans_are_exactly_these(text, expected):
    assert found(text) == expected
