from __future__ import annotations

import pytest

from reflect.anonymise import Analyzer


def found(text: str) -> list[tuple[str, str]]:
    spans = Analyzer(None, ["initials"]).analyze([text])[0]
    return [(text[s.start : s.end], s.label) for s in spans]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Initials in a person slot.
        ("JX thinks the rollout is rushed", [("JX", "PERSON")]),
        ("NQ from Treasury sat in", [("NQ", "PERSON")]),
        ("we compared it with SQL output", []),  # a known term
        ("I called ZF about it", [("ZF", "PERSON")]),
        ("shadowed with YT all week", [("YT", "PERSON")]),
        ("CJ and I drafted the memo", [("CJ", "PERSON")]),
        ("I sent the deck to R. Halloran", [("R. Halloran", "PERSON")]),
        # Acronyms and roles stay.
        ("HR said they would check", []),
        ("the CTO said no", []),
        ("QA found two bugs", []),
        ("the AI wrote a summary", []),
        ("HR and I disagreed", [("HR", "PERSON")]),  # the price of "X and I"
        # Capitals before a noun modify it; more than one initial before a surname is a name.
        ("we connect with VPN tunnels at home", []),
        ("sat with YT yesterday", [("YT", "PERSON")]),
        ("the plugin came from J.R. Baker", [("J.R. Baker", "PERSON")]),
        ("the plugin came from J. R. Okafor", [("J. R. Okafor", "PERSON")]),
        # One initial with its full stop before a seldom-written noun of the dictionary is a
        # name too (it lists people); a frequent one is a heading.
        ("P. Hartley from audit joined", [("P. Hartley", "PERSON")]),
        ("See section B. Overview for details", []),
        ("A. Introduction to the session follows", []),
    ],
)
def test_when_capitals_sit_in_a_person_slot_then_they_are_initials(text, expected):
    assert found(text) == expected


def test_a_long_cell_of_capital_pairs_is_scanned_through():
    # Each pair once searched the whole text before it for a word or an article: quadratic.
    from reflect.anonymise import Analyzer

    assert len(Analyzer(None, ["initials"]).analyze(["AB " * 6000])) == 1
