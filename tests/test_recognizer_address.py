from __future__ import annotations

import pytest

from reflect.anonymise import Analyzer


def found(text: str, recognizer: str = "address", roster=None) -> list[tuple[str, str]]:
    spans = Analyzer(roster, [recognizer]).analyze([text])[0]
    return [(text[s.start : s.end], s.label) for s in spans]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I live at 1668 Glyn St, Apt 4", [("1668 Glyn St, Apt 4", "ADDRESS")]),
        ("send it to 221B Baker Street.", [("221B Baker Street", "ADDRESS")]),
        ("Mellemvej 32 Aalborg", [("Mellemvej 32", "ADDRESS")]),
        # a continental postal line: street, number, postcode and town
        (
            "at Kerkweg 14, 3112 XP Vlaardingen then",
            [("Kerkweg 14, 3112 XP Vlaardingen", "ADDRESS")],
        ),
        (
            "to Rua do Sol 5, 2970-611 Sesimbra now",
            [("Rua do Sol 5, 2970-611 Sesimbra", "ADDRESS")],
        ),
        ("near Lipowe 27/12, 62-030 Lubon", [("Lipowe 27/12, 62-030 Lubon", "ADDRESS")]),
        ("In Session 4, 2024 Budget was set", []),  # a year is no postcode
        ("P.O. Box 242", [("P.O. Box 242", "ADDRESS")]),
        ("post it to Suite 4.12 now", [("Suite 4.12", "ADDRESS")]),  # the whole number
        # a room alone is where people met; after a street, part of the address
        ("we meet in Room 4.12 now", []),
        ("at 5 High Street, Room 4.12", [("5 High Street, Room 4.12", "ADDRESS")]),
        ("I print about 80 pages", []),
        ("3 more weeks to go", []),
        # a flat's letter is no lowercase street name
        ("flat 3b, 22 Victoria Road", [("flat 3b, 22 Victoria Road", "ADDRESS")]),
        # a street without a number, where someone lives; not a street named alone
        ("I live on Acacia Avenue now", [("Acacia Avenue", "ADDRESS")]),
        ("we moved to Fenwick Close", [("Fenwick Close", "ADDRESS")]),
        ("a trip to Wall Street", []),
        ("they live on the same road", []),
        # in lower case only with a postcode just after it
        ("post it to 17 mill lane, leeds ls2 7rj", [("17 mill lane", "ADDRESS")]),
        ("it is 2 minutes down the road", []),
        # ...or where an address goes: after a preposition of place or a flat's number
        ("the resident at flat 9, heron court rang", [("flat 9, heron court", "ADDRESS")]),
        ("he moved to 12 acacia avenue last year", [("12 acacia avenue", "ADDRESS")]),
        ("we met at 9 am in the park", []),  # words of a time, not a street's name
        ("meet at 2 pm walk over together", []),
        ("walked 5 laps of the park", []),  # no place before it
        ("we went to 2 family court hearings", []),  # the street type opens a noun phrase
        # the lines after a street: district, town and a postcode's first half
        (
            "come to 7 Quarry Rise, Hunslet, Leeds LS10 - by the bus stop",
            [("7 Quarry Rise, Hunslet, Leeds LS10", "ADDRESS")],
        ),
        ("post to 3 Mill View, Otley.", [("3 Mill View, Otley", "ADDRESS")]),
        ("at 5 High Street, Priya said", [("5 High Street", "ADDRESS")]),
        # street types that are everyday nouns too: not before a noun
        ("we ran 3 Sea View sessions", []),
        ("the 2 Village Green meetings ran over", []),
    ],
)
def test_when_text_is_scanned_then_address_spans_are_exactly_these(text, expected):
    assert found(text) == expected


def test_a_long_cell_of_dotted_letters_holds_no_address():
    from reflect.anonymise import Analyzer

    text = "a." * 5000
    assert Analyzer(None, ["address"]).analyze([text]) == [[]]
