from __future__ import annotations

import pytest

from reflect.anonymise import Analyzer


def found(text: str, recognizer: str = "date_of_birth", roster=None) -> list[tuple[str, str]]:
    spans = Analyzer(roster, [recognizer]).analyze([text])[0]
    return [(text[s.start : s.end], s.label) for s in spans]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("she was born in August 1979, I think", [("August 1979", "DATE_OF_BIRTH")]),
        ("born on the 9th of May 2001 in Cork", [("9th of May 2001", "DATE_OF_BIRTH")]),
        ("born 3 Sept. 1985", [("3 Sept. 1985", "DATE_OF_BIRTH")]),
        ("he was born in 1966", [("1966", "DATE_OF_BIRTH")]),
        ("the office opened in August 1979", []),
        ("I was born on 12/03/1961 in Leeds", [("12/03/1961", "DATE_OF_BIRTH")]),
        ("DOB: 1990-04-02", [("1990-04-02", "DATE_OF_BIRTH")]),
        ("born 3rd March 1975", [("3rd March 1975", "DATE_OF_BIRTH")]),
        ("my birthday is June 4, 1988", [("June 4, 1988", "DATE_OF_BIRTH")]),
        ("the session on 12/03/2025 was good", []),
    ],
)
def test_when_text_is_scanned_then_date_of_birth_spans_are_exactly_these(text, expected):
    assert found(text) == expected
