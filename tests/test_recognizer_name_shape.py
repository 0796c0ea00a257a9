from __future__ import annotations

import pytest

from reflect.anonymise import Analyzer


def found(text: str) -> list[tuple[str, str]]:
    spans = Analyzer(None, ["name_shape"]).analyze([text])[0]
    return [(text[s.start : s.end], s.label) for s in spans]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jadwiga Wróblewska's garden", [("Jadwiga Wróblewska", "PERSON")]),
        ("Bálint K Vörös lives here", [("Bálint K Vörös", "PERSON")]),
        ("We used Power BI and Microsoft Teams", []),
        ("Black History Month", []),
        ("Rubija said", []),  # one word alone is left to the other recognizers
    ],
)
def test_when_capitalised_unknown_words_pair_up_then_they_are_a_name(text, expected):
    assert found(text) == expected
