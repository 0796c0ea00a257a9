from __future__ import annotations

import pytest

from reflect.anonymise import Analyzer


def found(text: str, recognizer: str = "bank_account", roster=None) -> list[tuple[str, str]]:
    spans = Analyzer(roster, [recognizer]).analyze([text])[0]
    return [(text[s.start : s.end], s.label) for s in spans]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "pay GB82 WEST 1234 5698 7654 32 please",
            [("GB82 WEST 1234 5698 7654 32", "BANK_ACCOUNT")],
        ),
        ("GB82WEST12345698765433", []),
        # an account number or sort code said to be one
        ("account number: 12345678", [("12345678", "BANK_ACCOUNT")]),
        ("my sort code is 20-45-67", [("20-45-67", "BANK_ACCOUNT")]),
        ("we have 120000 accounts", []),
    ],
)
def test_when_text_is_scanned_then_bank_account_spans_are_exactly_these(text, expected):
    assert found(text) == expected
