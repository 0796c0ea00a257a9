from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reflect.anonymise import files as redact_files
from reflect.anonymise import redact_file
from reflect.anonymise.analyzer import model_free_recognizers
from reflect.cli.main import app_typer
from reflect.errors import InputError

KEY = b"test-key-0123456789abcdef"


@pytest.fixture(autouse=True)
def _no_model(monkeypatch):
    # The NER model is tested on its own; here every other recognizer runs.
    original = redact_files.Analyzer

    def light(roster=None, names=None, settings=None):
        return original(roster, names or model_free_recognizers(), settings)

    monkeypatch.setattr(redact_files, "Analyzer", light)


def _jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


def test_when_jsonl_is_redacted_then_spans_are_offsets_on_the_original_text(tmp_path):
    text = "Met siiri; call 07700 900123 or siiri@example.com. She is the only woman on the board"
    source = _jsonl(tmp_path / "in.jsonl", [{"id": "a1", "text": text}, {"id": 2, "text": "ok"}])
    redact_file(source, tmp_path / "out.jsonl", key=KEY)
    rows = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert [r["id"] for r in rows] == ["a1", 2]
    first = rows[0]
    assert first["text"] == (
        "Met [PERSON]; call [PHONE] or [EMAIL]. She is the only woman on the board"
    )
    assert [(text[s:e], label) for s, e, label in first["spans"]] == [
        ("siiri", "PERSON"),
        ("07700 900123", "PHONE"),
        ("siiri@example.com", "EMAIL"),
    ]
    assert [text[s:e] for s, e, _ in first["quasi_identifiers"]] == ["the only woman on the board"]
    assert rows[1] == {"id": 2, "text": "ok", "spans": []}


def test_when_csv_is_redacted_then_text_is_redacted_ids_pseudonymised_rest_kept(tmp_path):
    source = tmp_path / "in.csv"
    with source.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Participant ID", "Role", "What worked well?"])
        writer.writerow(["E10001", "mentor", "Priya Shah showed me her tricks, mail me at a@b.com"])
        writer.writerow(["E10002", "mentee", "E10001 said call 07700 900123 any time please"])
    roster = tmp_path / "roster.csv"
    roster.write_text("participant_id,name\nE10001,Priya Shah\n", encoding="utf-8")
    out = tmp_path / "out" / "redacted.csv"
    result = CliRunner().invoke(
        app_typer, ["redact", str(source), "--out", str(out), "--roster", str(roster), "-q"]
    )
    assert result.exit_code == 0, result.output
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["Role"] for r in rows] == ["mentor", "mentee"]
    assert all(r["Participant ID"].startswith("P-") for r in rows)
    assert rows[0]["What worked well?"] == "[PERSON] showed me her tricks, mail me at [EMAIL]"
    assert rows[1]["What worked well?"] == "[EMPLOYEE_ID] said call [PHONE] any time please"
    raw = out.read_text(encoding="utf-8")
    for secret in ("E10001", "Priya", "a@b.com", "900123"):
        assert secret not in raw


def test_when_input_is_bad_then_one_line_error_and_no_output(tmp_path):
    source = _jsonl(tmp_path / "in.jsonl", [{"id": 1, "body": "no text field"}])
    out = tmp_path / "out.jsonl"
    with pytest.raises(InputError, match="text"):
        redact_file(source, out, key=KEY)
    assert not out.exists()
    assert list(tmp_path.iterdir()) == [source]


def test_when_the_file_is_missing_then_the_cli_exits_1_with_one_line(tmp_path, capsys):
    import sys

    from reflect.cli.main import app

    argv = sys.argv
    sys.argv = ["reflect", "redact", str(tmp_path / "nope.csv"), "--out", str(tmp_path / "o.csv")]
    try:
        with pytest.raises(SystemExit) as exit_:
            app()
    finally:
        sys.argv = argv
    assert exit_.value.code == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "nope.csv" in err and "not found" in err


def test_when_redact_help_is_shown_then_every_option_has_an_example():
    result = CliRunner().invoke(app_typer, ["redact", "--help"])
    assert result.exit_code == 0
    assert "Example: reflect redact" in result.output
    for option in ("--out", "--roster", "--text-column", "--participant-column", "--encoding"):
        assert option in result.output


def test_when_the_output_format_is_unsupported_then_nothing_is_written(tmp_path):
    source = _jsonl(tmp_path / "in.jsonl", [{"id": 1, "text": "hi siiri"}])
    with pytest.raises(InputError, match="jsonl"):
        redact_file(source, tmp_path / "out.xlsx", key=KEY)
    assert list(tmp_path.iterdir()) == [source]


def _table(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


HEADER = ["Participant ID", "Full name", "Work email", "Role", "Availability", "What worked well?"]
ROWS = [
    [
        "E20001",
        "Oona Vasquez-Trent",
        "oona.vt@example.org",
        "mentor",
        "mornings",
        "We practised giving feedback with the new template",
    ],
    [
        "E20002",
        "Kwame Ashdown",
        "k.ashdown@example.org",
        "mentee",
        "07700 900456",
        "Hybrid meetings felt fairer with cameras on for all",
    ],
]


def test_attack_csv_columns_that_are_not_mapped_are_dropped(tmp_path):
    # A full-name column and an email column sat verbatim next to the pseudonym.
    source = _table(tmp_path / "in.csv", HEADER, ROWS)
    out = tmp_path / "redacted.csv"
    result = CliRunner().invoke(app_typer, ["redact", str(source), "--out", str(out)])
    assert result.exit_code == 0, result.output
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == ["Participant ID", "Role", "What worked well?"]
    raw = out.read_text(encoding="utf-8")
    for secret in ("Oona", "Vasquez", "Kwame", "Ashdown", "example.org", "900456", "E2000"):
        assert secret not in raw
    # The analyst is told what went and how to keep a column (headers only, never values).
    assert "Full name" in result.output and "--keep-column" in result.output
    assert "Kwame" not in result.output


def test_attack_a_kept_column_is_redacted_too(tmp_path):
    source = _table(tmp_path / "in.csv", HEADER, ROWS)
    out = tmp_path / "redacted.csv"
    args = ["redact", str(source), "--out", str(out), "--keep-column", "availability", "-q"]
    result = CliRunner().invoke(app_typer, args)
    assert result.exit_code == 0, result.output
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == ["Participant ID", "Role", "Availability", "What worked well?"]
    assert [r["Availability"] for r in rows] == ["mornings", "[PHONE]"]


def test_keeping_a_column_that_does_not_exist_is_one_clear_error(tmp_path):
    source = _table(tmp_path / "in.csv", HEADER, ROWS)
    out = tmp_path / "redacted.csv"
    with pytest.raises(InputError, match="Shoe size"):
        redact_file(source, out, key=KEY, keep_columns=("Shoe size",))
    assert not out.exists()


def test_jsonl_keys_other_than_id_and_text_are_dropped_unless_kept(tmp_path):
    rows = [{"id": "r1", "text": "fine session", "author": "Oona Vasquez-Trent", "team": "ops"}]
    source = _jsonl(tmp_path / "in.jsonl", rows)
    redact_file(source, tmp_path / "a.jsonl", key=KEY)
    assert json.loads((tmp_path / "a.jsonl").read_text()) == {
        "id": "r1",
        "text": "fine session",
        "spans": [],
    }
    redact_file(source, tmp_path / "b.jsonl", key=KEY, keep_columns=("team",))
    assert json.loads((tmp_path / "b.jsonl").read_text())["team"] == "ops"
