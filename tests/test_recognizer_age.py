from __future__ import annotations

import pytest

from reflect.anonymise import Analyzer


def found(text: str) -> list[tuple[str, str]]:
    spans = Analyzer(None, ["age"]).analyze([text])[0]
    return [(text[s.start : s.end], s.label) for s in spans]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("This 79 year old female complained", [("79", "AGE")]),
        ("a patient 24-year-old graduate", [("24", "AGE")]),
        ("I'm 26 y/o and new here", [("26", "AGE")]),
        ("My brother just turned 47", [("47", "AGE")]),
        ("he retired at the age of 68", [("68", "AGE")]),
        ("I'm 56. Awkward.", [("56", "AGE")]),
        ("I'm 30 minutes late", []),
        ("the chart turned 90 degrees", []),
        ("sales turned 40% higher", []),
        ("it has 12 years of history", []),
        ("I am 5 slides in", []),
        # In words, and after "is", "was", "at".
        ("my sponsor is seventy-one and still cycles to work", [("seventy-one", "AGE")]),
        ("Tariq left school at fifteen, a sore point", [("fifteen", "AGE")]),
        ("Delphine is 44.", [("44", "AGE")]),
        ("she was thirty when she moved", [("thirty", "AGE")]),
        ("Ninety years old and still in the choir", [("Ninety", "AGE")]),
        ("the backlog was 23, and growing", []),
        ("the coach leaves at 10.15", []),
        ("see you at ten", []),
        ("we finished at 18:00", []),
    ],
)
def test_when_text_is_scanned_then_age_spans_are_exactly_these(text, expected):
    assert found(text) == expected
