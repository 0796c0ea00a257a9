from __future__ import annotations

import pytest

from reflect.anonymise import Analyzer


def found(text: str, recognizer: str = "email", roster=None) -> list[tuple[str, str]]:
    spans = Analyzer(roster, [recognizer]).analyze([text])[0]
    return [(text[s.start : s.end], s.label) for s in spans]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("write to li dot wen at orchard dot io", [("li dot wen at orchard dot io", "EMAIL")]),
        ("ana.p (at) mailbox (dot) de", [("ana.p (at) mailbox (dot) de", "EMAIL")]),
        ("it is bo_k[at]firm[dot]com", [("bo_k[at]firm[dot]com", "EMAIL")]),
        ("mail: bok [at] firm [.] com", [("bok [at] firm [.] com", "EMAIL")]),
        ("typo: bo.k@@firm.com", [("bo.k@@firm.com", "EMAIL")]),
        ("mail t.ade(at)firm.co.uk", [("t.ade(at)firm.co.uk", "EMAIL")]),
        ("we met at firm.co.uk later", []),
        ("mail kwame@helpdesk please", [("kwame@helpdesk", "EMAIL")]),
        ("we looked at it. dot the i's", []),
        ("mail jo.bloggs@example.com today", [("jo.bloggs@example.com", "EMAIL")]),
        ("O'Neil.Kate+work@mail.co.uk.", [("O'Neil.Kate+work@mail.co.uk", "EMAIL")]),
        ("we met @ the office", []),
        ("the 3@5 meeting", []),
    ],
)
def test_when_text_is_scanned_then_email_spans_are_exactly_these(text, expected):
    assert found(text) == expected


def test_a_cell_of_dotted_or_dashed_letters_is_scanned_through():
    # A dot is both a spelled "dot" and a joining character: trying both at every dot of a
    # run with no "at" after it once took minutes for sixty characters (and any run of
    # dashes or apostrophes was scanned again from each of its characters).
    for unit in ("a.", "a-", "a'", "1-", "a dot "):
        assert found(unit * 2000) == []
