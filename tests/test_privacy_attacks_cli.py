"""Issue 14's attacks through the command line, on a real export: hand-typed group values in
every output file, a re-run on an export without one participant, a one-person programme."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from scan import files_under, found_in
from test_cli import run

SECRETS = {"Helen", "Marsh", "pregnant", "sick", "cancer"}


def _rewrite(source: Path, target: Path, change) -> Path:
    with source.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    rows = [r for r in map(change, rows) if r is not None]
    with target.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return target


def _typed_by_hand(row: dict) -> dict:
    """Group values a programme administrator typed with notes in them, one person each."""
    if row["Participant ID"] == "E10001":
        row["Cohort"] = "Cohort A (Helen Marsh - on sick leave)"
    if row["Participant ID"] == "E10002":
        row["Role"] = "mentee - pregnant, returning Jan"
    if row["Participant ID"] == "E10004" and row["Session"] == "3":
        row["Session"] = "3 - Helen off sick (cancer)"
    # A question only one person was asked (a prompt is a group value too).
    asked = row["Participant ID"] == "E10005" and row["Session"] == "1"
    row["Anything for Helen Marsh?"] = (
        "We talked about the rota and the office days." if asked else ""
    )
    return row


@pytest.mark.model
def test_hand_typed_group_values_reach_no_output_file(tiny_csv, tiny_roster, tmp_path):
    export = _rewrite(tiny_csv, tmp_path / "typed.csv", _typed_by_hand)
    out = tmp_path / "out"
    done = run("analyse", str(export), "--roster", str(tiny_roster), "--out", str(out),
               "--workspace", str(tmp_path / "ws"), "--quiet", "-k", "3")  # fmt: skip
    assert done.returncode == 0, done.stderr
    for path in files_under(out):
        assert not found_in(path, SECRETS, any_case=True), path.name
    data = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert "other cohorts" in data["participants_by_cohort"]
    assert "other roles" in data["participants_by_role"]


@pytest.mark.model
def test_a_re_run_without_one_participant_is_refused_and_writes_nothing(
    tiny_csv, tiny_roster, tmp_path
):
    out, ws = tmp_path / "out", tmp_path / "ws"
    common = ["--roster", str(tiny_roster), "--workspace", str(ws), "--quiet", "-k", "3"]
    done = run("analyse", str(tiny_csv), "--out", str(out), *common)
    assert done.returncode == 0, done.stderr
    before = (out / "report.json").read_bytes()
    withdrawn = _rewrite(
        tiny_csv,
        tmp_path / "withdrawn.csv",
        lambda r: r if r["Participant ID"] != "E10007" else None,
    )
    done = run("analyse", str(withdrawn), "--out", str(out), *common)
    assert done.returncode == 1 and "no longer in the export" in done.stderr.replace("\n", " ")
    assert done.stderr.count("\n") == 1
    assert (out / "report.json").read_bytes() == before
    # The same export again is the same report again.
    done = run("analyse", str(tiny_csv), "--out", str(out), *common)
    assert done.returncode == 0, done.stderr


def test_a_one_person_programme_is_refused_with_exit_1(tmp_path):
    export = tmp_path / "one.csv"
    export.write_text(
        "Participant ID,Role,Cohort,What worked?\n"
        "E1,mentee - pregnant,Cohort of one,We talked about hybrid work and office days.\n",
        encoding="utf-8",
    )
    done = run("analyse", str(export), "--out", str(tmp_path / "out"),
               "--workspace", str(tmp_path / "ws"), "--quiet")  # fmt: skip
    assert done.returncode == 1 and "fewer than 5 participants" in done.stderr
    assert "pregnant" not in done.stderr and not (tmp_path / "out").exists()
