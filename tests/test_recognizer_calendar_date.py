from __future__ import annotations

import pytest

from reflect.anonymise import Analyzer


def found(text: str, names=("calendar_date",)) -> list[tuple[str, str]]:
    spans = Analyzer(None, list(names)).analyze([text])[0]
    return [(text[s.start : s.end], s.label) for s in spans]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It's like that since 5/5/1937", [("5/5/1937", "DATE")]),
        ("When: 1992-11-12 07:04:41", [("1992-11-12 07:04:41", "DATE")]),
        ("on 3 March 2024 I started", [("3 March 2024", "DATE")]),
        ("since March 5th, 1988", [("March 5th, 1988", "DATE")]),
        ("see you on Tuesday in May", []),
        ("I joined in 2019", []),
        ("we run python 3.10.12 here", []),
    ],
)
def test_when_text_is_scanned_then_full_dates_are_found(text, expected):
    assert found(text) == expected


def test_when_a_date_follows_born_then_it_is_a_date_of_birth():
    text = "She was born on 2/19/1956."
    assert found(text, ("calendar_date", "date_of_birth")) == [("2/19/1956", "DATE_OF_BIRTH")]
