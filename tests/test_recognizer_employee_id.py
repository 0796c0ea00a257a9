from __future__ import annotations

import pytest

from reflect.anonymise import Analyzer


def found(text: str, recognizer: str = "employee_id", roster=None) -> list[tuple[str, str]]:
    spans = Analyzer(roster, [recognizer]).analyze([text])[0]
    return [(text[s.start : s.end], s.label) for s in spans]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ref AB 300412 on the form", [("AB 300412", "EMPLOYEE_ID")]),
        ("we were at 20000 feet", []),
        ("my id is E10482 if needed", [("E10482", "EMPLOYEE_ID")]),
        ("EMP-482113 on the form", [("EMP-482113", "EMPLOYEE_ID")]),
        ("employee id 48213", [("48213", "EMPLOYEE_ID")]),
        ("the FY2024 budget and Q3 2025", []),
        ("GPT4 and covid19", []),
        # a tracking number's shape; a shipment's reference
        ("we traced KQD3065655NL at last", [("KQD3065655NL", "EMPLOYEE_ID")]),
        ("consignment KZ-CN-206485 went astray", [("KZ-CN-206485", "EMPLOYEE_ID")]),
        ("my staff number is 00482913", [("00482913", "EMPLOYEE_ID")]),
        ("my staff number is abc 00482913 ok", [("abc 00482913", "EMPLOYEE_ID")]),
        ("the number is 1200 people", []),
        ("payroll ref 88214-X for it", [("88214-X", "EMPLOYEE_ID")]),
        ("staff reference: 4471", [("4471", "EMPLOYEE_ID")]),
        ("the payroll reference guide", []),
        # a person's number after "is" or a dropped apostrophe, and a case's reference
        ("her staff no. is 551902, not on the list", [("551902", "EMPLOYEE_ID")]),
        ("the portal lost my badge id its 730915", [("730915", "EMPLOYEE_ID")]),
        ("sorted case 8840213 before lunch", [("8840213", "EMPLOYEE_ID")]),
        ("a referral 661204 came through", [("661204", "EMPLOYEE_ID")]),
        ("client ref 5522190 on the system", [("5522190", "EMPLOYEE_ID")]),
        ("in case 20 people turn up", []),
        ("we could claim 50000 back", []),
        ("just in case 50000 people turn up", []),
        ("we saw each patient 10000 times", []),
        ("the reference 100000 times", []),
        ("patient no. 4410932 was discharged", [("4410932", "EMPLOYEE_ID")]),
        ("the reference list has 45 books", []),
    ],
)
def test_when_text_is_scanned_then_employee_id_spans_are_exactly_these(text, expected):
    assert found(text) == expected
