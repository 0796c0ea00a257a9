from __future__ import annotations

import pytest

from reflect.anonymise import Analyzer


def found(text: str, recognizer: str = "url", roster=None) -> list[tuple[str, str]]:
    spans = Analyzer(roster, [recognizer]).analyze([text])[0]
    return [(text[s.start : s.end], s.label) for s in spans]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("see https://example.com/profile/jo, then", [("https://example.com/profile/jo", "URL")]),
        ("www.linkedin.com/in/jo-b.", [("www.linkedin.com/in/jo-b", "URL")]),
        ("my page is jobloggs.dev/about", [("jobloggs.dev/about", "URL")]),
        ("jo@example.com", []),
        ("that was e.g. fine", []),
    ],
)
def test_when_text_is_scanned_then_url_spans_are_exactly_these(text, expected):
    assert found(text) == expected
