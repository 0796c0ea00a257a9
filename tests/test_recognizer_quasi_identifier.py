from __future__ import annotations

import pytest

from reflect.anonymise import QUASI_IDENTIFIER, Analyzer, quasi_identifiers, redact


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She is the only 62-year-old in finance.", ["the only 62-year-old in finance"]),
        ("our one wheelchair user said hi", ["our one wheelchair user"]),
        ("the only woman on the board", ["the only woman on the board"]),
        ("I am the youngest in the team", ["the youngest in the team"]),
        ("the only thing that worked", []),
        ("the first session was fine", []),
        ("our one remaining option", []),
    ],
)
def test_when_a_description_singles_someone_out_then_it_is_a_quasi_identifier(text, expected):
    spans = quasi_identifiers(text)
    assert [text[s.start : s.end] for s in spans] == expected
    assert all(s.label == QUASI_IDENTIFIER for s in spans)


def test_when_redacting_then_quasi_identifiers_stay_unless_asked():
    text = "She is the only 62-year-old in finance, said Priya Shah."
    spans = Analyzer(None, ["quasi_identifier", "gazetteer"]).analyze([text])[0]
    assert "the only 62-year-old in finance" in redact(text, spans)
    assert "[PERSON]" in redact(text, spans)
    assert "[QUASI_IDENTIFIER]" in redact(text, spans, keep=())
