from __future__ import annotations

import csv
import random
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _process_settings_restored():
    # `reflect ... --quiet` run in-process silences logging, warnings and library bars for
    # the rest of the process (right for a CLI run); later tests must not inherit that.
    import logging
    import os
    import warnings

    environment = dict(os.environ)
    disabled = logging.root.manager.disable
    with warnings.catch_warnings():
        yield
    logging.disable(disabled)
    for name in set(os.environ) - set(environment):
        del os.environ[name]


@pytest.fixture(autouse=True)
def _isolated_key(monkeypatch, tmp_path_factory):
    # Tests never touch the user's real key file.
    key_dir = tmp_path_factory.mktemp("key")
    monkeypatch.setenv("REFLECT_KEY_FILE", str(key_dir / "key"))
    monkeypatch.delenv("REFLECT_KEY", raising=False)


TOPICS = {
    "digital": [
        "She showed me keyboard shortcuts in Teams and how to pin the chats I need",
        "We set up a LinkedIn post together and I finally understand hashtags",
        "Learnt to build a simple dashboard in Power BI from the sales data",
        "my mentor explained how the shared drive syncs with my phone",
    ],
    "hierarchy": [
        "I was nervous about challenging a director on the restructure",
        "Hard to speak up when the person opposite signs off your bonus",
        "For once I felt able to disagree openly with someone that senior",
    ],
    "hybrid": [
        "We argued about the three office days rule and working from home",
        "Cameras on in every call is exhausting for the juniors",
        "The commute makes hybrid working hard for people on low salaries",
    ],
}
AWKWARD = [
    "nothing much really",
    "it felt odd to lead the conversation",
    "time ran short again",
    "the room was booked twice",
]


@pytest.fixture
def tiny_csv(tmp_path: Path) -> Path:
    """24 participants, 3 sessions, two prompts; one row with planted personal data."""
    rng = random.Random(7)
    rows = []
    for p in range(24):
        for session in (1, 2, 3):
            topic = rng.choice(sorted(TOPICS))
            text = rng.choice(TOPICS[topic])
            if p == 3 and session == 1:
                text += (
                    " Ring me on 07700 900123 or mail jo.bloggs@example.com,"
                    " and say hi to Priya Shah."
                )
            rows.append(
                {
                    "Participant ID": f"E{10000 + p}",
                    "Role": "mentor" if p % 2 else "mentee",
                    "Session": session,
                    "Cohort": "Cohort A" if p < 12 else "Cohort B",
                    "What worked well?": text,
                    "What felt awkward?": rng.choice(AWKWARD),
                }
            )
    path = tmp_path / "reflections.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


@pytest.fixture
def tiny_roster(tmp_path: Path) -> Path:
    path = tmp_path / "roster.csv"
    lines = ["participant_id,name"] + [f"E{10000 + p},Person{p} Surname{p}" for p in range(24)]
    lines.append("E99999,Priya Shah")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def reflect_cli(capsys, monkeypatch):
    """Run the ``reflect`` console entry point in-process: ``(exit code, stdout, stderr)``."""
    import sys

    from reflect.cli.main import app

    def run(*args: str, columns: int = 80) -> tuple[int, str, str]:
        monkeypatch.setattr(sys, "argv", ["reflect", *args])
        monkeypatch.setenv("COLUMNS", str(columns))
        try:
            app()
            code = 0
        except SystemExit as exit_:
            code = exit_.code or 0
        out, err = capsys.readouterr()
        return code, out, err

    return run
