"""The demo programme end to end, against what its authors planted (corpora/demo/gold.csv):
no planted personal datum survives anywhere on disk, every number respects k, and every
taxonomy theme that ≥ k people intended to raise is found — and none is reported for far more
people than intended to raise it."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from scan import files_under, found_in, numbers_in

DEMO = Path(__file__).resolve().parents[1] / "corpora" / "demo"
pytestmark = [
    pytest.mark.model,
    pytest.mark.skipif(not (DEMO / "gold.csv").exists(), reason="demo corpus absent"),
]


@pytest.fixture(scope="module")
def demo_run(tmp_path_factory):
    root = tmp_path_factory.mktemp("demo")
    out, workspace = root / "out", root / "ws"
    exe = Path(sys.executable).with_name("reflect")
    done = subprocess.run(
        [
            str(exe),
            "analyse",
            str(DEMO / "reflections.csv"),
            "--roster",
            str(DEMO / "roster.csv"),
            "--out",
            str(out),
            "--workspace",
            str(workspace),
            "--quiet",
        ],
        capture_output=True,
        text=True,
        timeout=900,
        env={**_env(), "REFLECT_KEY_FILE": str(root / "key")},
    )
    assert done.returncode == 0, done.stderr
    return out, workspace, done


def _env() -> dict[str, str]:
    import os

    return {k: v for k, v in os.environ.items() if k != "REFLECT_KEY"}


def _gold() -> pd.DataFrame:
    gold = pd.read_csv(DEMO / "gold.csv", dtype=str, keep_default_na=False)
    reflections = pd.read_csv(DEMO / "reflections.csv", dtype=str, keep_default_na=False)
    who = reflections.set_index("Response ID")["Participant ID"]
    gold["participant"] = gold["response_id"].map(who)
    return gold


def _planted_needles() -> set[str]:
    """What must never appear on disk. A planted name that is also an everyday word used
    elsewhere in the corpus ("Will" the person vs "Will this work?") is searched together
    with the words that follow it in its cell, so legitimate uses do not count as leaks."""
    gold = _gold()
    raw = pd.read_csv(DEMO / "reflections.csv", dtype=str, keep_default_na=False)
    cells = raw.set_index("Response ID")
    items = [
        (row.response_id, row.column, item["text"])
        for row in gold.itertuples()
        for item in json.loads(row.pii)
    ]
    by_cell: dict[tuple[str, str], list[str]] = {}
    for response_id, column, planted in items:
        by_cell.setdefault((response_id, column), []).append(planted)
    rest = []
    for column in cells.columns[-2:]:  # the two prompt columns
        for response_id, text in cells[column].items():
            for planted in by_cell.get((response_id, column), []):
                text = text.replace(planted, " ")
            rest.append(text)
    untouched = "\n".join(rest)
    needles = set()
    for response_id, column, planted in items:
        if re.search(rf"(?<!\w){re.escape(planted)}(?!\w)", untouched):
            text = cells.at[response_id, column]
            start = text.index(planted)
            needles.add(text[start : start + len(planted) + 15])
        else:
            needles.add(planted)
    return needles


def test_no_planted_personal_datum_reaches_any_file(demo_run):
    out, workspace, done = demo_run
    planted = _planted_needles()
    ids = set(pd.read_csv(DEMO / "roster.csv", dtype=str)["participant_id"])
    assert planted, "gold.csv plants personal data"
    files = files_under(out, workspace)
    assert any(p.suffix == ".duckdb" for p in files)
    leaks = [
        f"{path.name}: {secret[:2]}…" for path in files for secret in found_in(path, planted | ids)
    ]
    for stream in (done.stdout, done.stderr):
        leaks += [f"terminal: {s[:2]}…" for s in planted | ids if s in stream]
    assert not leaks, f"{len(leaks)} planted items found on disk: {leaks[:10]}"


def test_every_reported_count_is_at_least_k_or_null(demo_run):
    report = json.loads((demo_run[0] / "report.json").read_text())
    k = report["min_group_size"]
    counts = {key: report[key] for key in report if key.startswith(("n_", "participants_"))}
    counts["themes"] = [
        {key: t[key] for key in ("participants", "by_role", "by_session", "by_cohort")}
        for t in report["themes"]
    ]
    small = [(where, n) for where, n in numbers_in(counts) if n < k]
    assert not small, small[:10]


def _planted_people() -> dict[str, set[str]]:
    gold = _gold()
    people: dict[str, set[str]] = {}
    for themes, participant in zip(gold["themes"], gold["participant"], strict=True):
        for theme in filter(None, themes.split(";")):
            if not theme.startswith("emerging:"):
                people.setdefault(theme, set()).add(participant)
    return people


def test_every_planted_taxonomy_theme_with_k_people_is_reported(demo_run):
    report = json.loads((demo_run[0] / "report.json").read_text())
    k = report["min_group_size"]
    people = _planted_people()
    expected = {theme for theme, who in people.items() if len(who) >= k}
    found = {t["id"] for t in report["themes"] if t["participants"] is not None}
    missed = sorted(expected - found)
    assert not missed, f"taxonomy themes planted for ≥{k} people but not reported: {missed}"


def test_taxonomy_themes_are_not_reported_for_far_more_people_than_raised_them(demo_run):
    # Recall alone would pass if every theme took every answer: the reported numbers must
    # stay near the planted ones, theme by theme and in all (planted: gold.csv).
    from reflect.themes import load_taxonomy

    report = json.loads((demo_run[0] / "report.json").read_text())
    n = report["n_participants"]
    people = _planted_people()
    topics = {t.id for t in load_taxonomy() if t.kind == "topic"}
    shown = {
        t["id"]: t["participants"]
        for t in report["themes"]
        if t["id"] in topics and t["participants"] is not None
    }
    unplanted = sorted(set(shown) - set(people))
    assert not unplanted, f"taxonomy themes no one was planted to raise: {unplanted}"
    over = {t: (v, len(people[t])) for t, v in shown.items() if v > len(people[t]) + n // 4}
    assert not over, f"reported for far more people than planted (reported, planted): {over}"
    planted_total = sum(len(people[t]) for t in shown)
    assert sum(shown.values()) <= 1.2 * planted_total
