"""Broken and ambiguous exports fail with one line naming the file (and the row or column),
never a cell's text and never a traceback."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from reflect.errors import InputError
from reflect.ingest import read_reflections

SECRET = "Maribel Quintanar-Odhiambo"  # an invented name that must never reach a message
ANSWER = f"we talked about hybrid working with {SECRET} for an hour"


def _error(path) -> str:
    with pytest.raises(InputError) as info:
        read_reflections(path)
    message = str(info.value)
    assert "\n" not in message and SECRET not in message
    return message


def test_when_a_csv_row_has_more_fields_than_the_header_then_the_line_is_named(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text(f"Participant ID,What worked?\nE1,{ANSWER}\nE2,{ANSWER},{SECRET},extra\n")
    message = _error(path)
    assert message.startswith("export.csv: malformed CSV") and "line 3" in message


def test_when_an_xlsx_file_is_not_a_workbook_then_refused(tmp_path):
    path = tmp_path / "export.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a zip " + ANSWER.encode())
    assert _error(path).startswith("export.xlsx: not a readable XLSX workbook")


def test_when_a_parquet_file_is_corrupt_then_refused(tmp_path):
    path = tmp_path / "export.parquet"
    pd.DataFrame({"Participant ID": ["E1"], "What worked?": [ANSWER]}).to_parquet(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])  # cut off, footer gone
    assert _error(path).startswith("export.parquet: not a readable Parquet file")


@pytest.mark.parametrize("line", ['["E2", "a list"]', '"just a string"', "42", "null"])
def test_when_a_jsonl_line_is_not_an_object_then_its_row_is_named(tmp_path, line):
    path = tmp_path / "export.jsonl"
    first = json.dumps({"Participant ID": "E1", "What worked?": ANSWER})
    path.write_text(f"{first}\n{line}\n")
    assert _error(path) == "export.jsonl, row 2: expected a JSON object per line"


def test_when_a_jsonl_line_is_not_json_then_its_row_is_named(tmp_path):
    path = tmp_path / "export.jsonl"
    path.write_text('{"Participant ID": "E1", "What worked?": "fine"}\n{"Participant ID": \n')
    assert _error(path) == "export.jsonl, row 2: not valid JSON"


def test_when_a_csv_header_repeats_then_refused_naming_the_column(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text(f"Participant ID,What worked?,What worked?\nE1,{ANSWER},{ANSWER}\n")
    message = _error(path)
    assert message.startswith("export.csv, column 'What worked?': two columns have this header")
    assert "What worked?.1" not in message


def test_when_headers_differ_only_in_spaces_then_refused(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text(f"Participant ID,What worked?, What worked? \nE1,{ANSWER},{ANSWER}\n")
    assert "two columns have this header (columns 2 and 3)" in _error(path)


def test_when_an_xlsx_header_repeats_then_refused_naming_the_column(tmp_path):
    path = tmp_path / "export.xlsx"
    table = pd.DataFrame([["E1", ANSWER, ANSWER]], columns=["Participant ID", "Q", "R"])
    table.columns = ["Participant ID", "What worked?", "What worked?"]
    table.to_excel(path, index=False)
    message = _error(path)
    assert message.startswith("export.xlsx, column 'What worked?': two columns have this header")


def test_when_a_data_frame_repeats_a_column_then_refused():
    table = pd.DataFrame([["E1", ANSWER, ANSWER]], columns=["Participant ID", "Q", "Q"])
    with pytest.raises(InputError, match="column 'Q': two columns have this header"):
        read_reflections(table)


def test_a_header_like_a_pandas_suffix_is_still_a_column_of_its_own(tmp_path):
    # "Q.1" next to "Q" is two different questions, not a repeat.
    path = tmp_path / "export.csv"
    path.write_text(f"Participant ID,Q what worked?,Q what worked?.1\nE1,{ANSWER},{ANSWER}\n")
    frame = read_reflections(path)
    assert set(frame["prompt"]) == {"Q what worked?", "Q what worked?.1"}
