from __future__ import annotations

import pytest

from reflect.anonymise import Analyzer


def found(text: str) -> list[tuple[str, str]]:
    spans = Analyzer(None, ["place"]).analyze([text])[0]
    return [(text[s.start : s.end], s.label) for s in spans]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I moved here from Lagos last year", [("Lagos", "PLACE")]),
        ("She's in Glasgow now", [("Glasgow", "PLACE")]),
        ("South Africa and New York", [("South Africa", "PLACE"), ("New York", "PLACE")]),
        ("We visited New York", [("New York", "PLACE")]),  # not split as "We visited New"
        ("Estonia was lovely", [("Estonia", "PLACE")]),
        ("the 8:45 from Reading was late", [("Reading", "PLACE")]),
        ("Reading the deck was hard", []),  # an everyday word without "in"/"from"
        ("Nice work on the slides", []),
        ("we used AI and Teams in the call", []),  # acronym; a tool
        ("I'll do it properly in May", []),  # a month
        ("the Middlesbrough office moved", [("Middlesbrough", "PLACE")]),
        ("the Leeds office moved", []),  # dictionaries list "Leeds": it needs "in"/"from"
        # In a text about software a town needs a place cue; a tool slot is never a place.
        ("our Python jobs run on Middlesbrough servers", []),
        ("the Python team moved to Middlesbrough", [("Middlesbrough", "PLACE")]),
        ("we use Middlesbrough for the dashboards", []),
    ],
)
def test_when_text_is_scanned_then_place_spans_are_exactly_these(text, expected):
    assert found(text) == expected
