from __future__ import annotations

import pytest

from reflect.anonymise import Analyzer


def found(text: str, recognizer: str = "handle", roster=None) -> list[tuple[str, str]]:
    spans = Analyzer(roster, [recognizer]).analyze([text])[0]
    return [(text[s.start : s.end], s.label) for s in spans]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("follow me @jo_codes please", [("@jo_codes", "HANDLE")]),
        ("(@lucy.writes)", [("@lucy.writes", "HANDLE")]),
        ("jo@example.com", []),
        ("meet @ 5", []),
    ],
)
def test_when_text_is_scanned_then_handle_spans_are_exactly_these(text, expected):
    assert found(text) == expected
