"""Nothing unredacted is ever written: canaries — personal data the recognizers must catch,
and the raw participant ids — are planted in a tiny export, ``reflect analyse`` runs end to
end with debug logging and quotes on, and every file under the workspace and the outputs,
and everything printed, is scanned for them (as text, any case, and UTF-16 for good
measure)."""

from __future__ import annotations

import csv
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest
from scan import found_in

NAME = ("Zyxqa", "Vormund")  # a roster participant, mentioned by others
THIRD_PARTY = "Quibbleton"  # a surname after a title, not on the roster
CANARIES = [
    *NAME,
    THIRD_PARTY,
    "zyxqa.vormund@canary-mail.example",
    "07700 900461",
    "+44 7700 900462",
    "EMP-7730419",
    "@zyxqa_vormund",
    "https://zyxqa-vormund.example/me",
]
TEXTS = [
    "We compared how our teams run hybrid weeks and which office days suit the juniors",
    "She showed me shortcuts in Teams and how to keep chats tidy across projects",
    "I found it hard to speak up about the restructure with someone so senior",
    "We talked about burnout, boundaries and taking proper lunch breaks",
    "Using ChatGPT to draft an email was quicker than I expected, with some worries",
    "Career moves and whether staying in the company still makes sense for young people",
]
PLANTED = [
    "I told Zyxqa Vormund about it afterwards and zyxqa agreed the office days help.",
    "Mail me at zyxqa.vormund@canary-mail.example or ring 07700 900461 about hybrid weeks.",
    "My old number +44 7700 900462 still works; my employee id is EMP-7730419.",
    "Follow @zyxqa_vormund or see https://zyxqa-vormund.example/me for the Teams tips.",
    "Mr Quibbleton from finance made the restructure talk awkward for everyone.",
    "Vormund's idea about boundaries and lunch breaks was good.",
]


def _ids() -> list[str]:
    return [f"CANARYID{4000 + p}" for p in range(16)]


@pytest.fixture
def canary_export(tmp_path: Path) -> tuple[Path, Path]:
    rng = random.Random(5)
    ids = _ids()
    rows = []
    for p, participant in enumerate(ids):
        for session in (1, 2, 3):
            text = rng.choice(TEXTS)
            if p < len(PLANTED) and session == 2:
                text = text + ". " + PLANTED[p]
            rows.append(
                {
                    "Participant ID": participant,
                    "Role": "mentor" if p % 2 else "mentee",
                    "Session": session,
                    "Cohort": "Cohort A" if p < 8 else "Cohort B",
                    "What worked well?": text,
                }
            )
    export = tmp_path / "reflections.csv"
    with export.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    roster = tmp_path / "roster.csv"
    lines = ["participant_id,name"] + [f"{pid},Person{i} Surname{i}" for i, pid in enumerate(ids)]
    lines[1] = f"{ids[0]},{' '.join(NAME)}"
    roster.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return export, roster


@pytest.mark.model
def test_no_canary_reaches_any_file_or_log(canary_export, tmp_path):
    export, roster = canary_export
    out, ws = tmp_path / "out", tmp_path / "ws"
    env = {**os.environ, "REFLECT_LOG": "DEBUG"}
    exe = Path(sys.executable).with_name("reflect")
    args = ["analyse", str(export), "--roster", str(roster), "--out", str(out)]
    args += ["--workspace", str(ws), "--quotes", "-k", "3", "--format", "html", "--format", "md"]
    args += ["--format", "json", "--format", "csv", "--format", "parquet"]
    done = subprocess.run(
        [str(exe), *args], capture_output=True, text=True, env=env, cwd=tmp_path, timeout=600
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "done in" in done.stderr  # debug logging was on and captured
    log = tmp_path / "captured.log"
    log.write_text(done.stdout + "\n" + done.stderr, encoding="utf-8")
    files = [p for p in [*out.rglob("*"), *ws.rglob("*"), log] if p.is_file()]
    assert any(p.suffix == ".duckdb" for p in files) and (out / "report.json").exists()
    leaks = [
        (secret, path.name)
        for path in files
        for secret in found_in(path, {*CANARIES, *_ids()}, any_case=True)
    ]
    assert not leaks
