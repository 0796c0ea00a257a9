from __future__ import annotations

import pytest

from reflect.anonymise import Analyzer


def found(text: str) -> list[tuple[str, str]]:
    spans = Analyzer(None).analyze([text])[0]
    return [(text[s.start : s.end], s.label) for s in spans]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The lines of an address before a postcode go with it.
        (
            "we did the call from my nan's, 14 Heather Rise, Keighley BD21 4QT, as the wifi died",
            [("14 Heather Rise, Keighley BD21 4QT", "ADDRESS")],
        ),
        (
            "please post it to unit 4 stores, quarry lane, otley ls21 3xq",
            [("unit 4 stores, quarry lane, otley ls21 3xq", "ADDRESS")],
        ),
        # ...and the named end of the line that brings it in, not "my home" or "my nan's".
        (
            "My base is Ashby Works, Mill Street, Derby DE1 2AB. Come and visit",
            [("Ashby Works, Mill Street, Derby DE1 2AB", "ADDRESS")],
        ),
        (
            "the lift is broken at Carr Mills depot, Wharf Road, Leeds LS9 8QR again",
            [("Carr Mills depot, Wharf Road, Leeds LS9 8QR", "ADDRESS")],
        ),
        # A postcode alone stays a postcode, and a list before one is no address: no house
        # number, no street; a colon or a semicolon ends what could be one.
        ("my postcode is LS9 8QR", [("LS9 8QR", "POSTCODE")]),
        ("Helpful mentor, clear plan, quick wins LS9 8QR", [("LS9 8QR", "POSTCODE")]),
        ("Parts: bolts, 4 washers, hinges M1 1AE", [("M1 1AE", "POSTCODE")]),
    ],
)
def test_the_lines_before_a_postcode_are_the_address(text, expected):
    assert found(text) == expected
