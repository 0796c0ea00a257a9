from __future__ import annotations

import pytest

from reflect.anonymise import Analyzer


def found(text: str, recognizer: str = "handle", roster=None) -> list[tuple[str, str]]:
    spans = Analyzer(roster, [recognizer]).analyze([text])[0]
    return [(text[s.start : s.end], s.label) for s in spans]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("follow us at river_notes_22", [("river_notes_22", "HANDLE")]),
        ("my twitter is tomas.writes", [("tomas.writes", "HANDLE")]),
        ("ping me as ops_nadia on the intranet", [("ops_nadia", "HANDLE")]),
        ("I am halvorsen @ github", [("halvorsen", "HANDLE")]),
        ("follow me at the back of the room", []),
        ("the snake_case names confused him", []),
        ("follow me @jo_codes please", [("@jo_codes", "HANDLE")]),
        ("(@lucy.writes)", [("@lucy.writes", "HANDLE")]),
        ("jo@example.com", []),
        ("meet @ 5", []),
        # the start of a web address is the URL's, not a handle (its words are no name)
        ("my linkedin is linkedin.com/in/someone-42", []),
    ],
)
def test_when_text_is_scanned_then_handle_spans_are_exactly_these(text, expected):
    assert found(text) == expected
