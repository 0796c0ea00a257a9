"""A small invented programme for the privacy attack tests: people with a role, a cohort, two
sessions and two prompts, and themes decided by each answer's own words (as a real theme
model scores texts one by one), so that adding or removing a person leaves everyone else's
themes as they were."""

from __future__ import annotations

import random

import duckdb
import pandas as pd

from reflect import frames as F
from reflect.privacy.ledger import Ledger
from reflect.themes.model import Theme

KEY = bytes(range(32))
K = 5
TOPICS = {
    "hybrid": "we argued about office days and hybrid work",
    "tools": "she showed me shortcuts in the chat tool",
    "senior": "it was odd to coach someone so senior",
    "career": "we talked about my next career move",
}
PROMPTS = ("What worked?", "What was hard?")


def person(pid: str, role: str, cohort: str, topics: list[str], sessions=("1", "2")) -> list[dict]:
    rows = []
    for session in sessions:
        for prompt, topic in zip(PROMPTS, topics, strict=False):
            rows.append(
                {
                    F.PARTICIPANT: pid,
                    F.ROLE: role,
                    F.SESSION: session,
                    F.COHORT: cohort,
                    F.DATE: "",
                    F.PROMPT: prompt,
                    F.TEXT: f"{TOPICS[topic]} ({pid} {session} {prompt})",
                }
            )
    return rows


def programme(n: int = 40, seed: int = 3) -> list[dict]:
    """``n`` people, each writing after two sessions to two prompts about two topics."""
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        topics = rng.sample(sorted(TOPICS), 2)
        role = "mentor" if i % 2 else "mentee"
        rows += person(f"P-{i:03d}", role, "Cohort A" if i < n // 2 else "Cohort B", topics)
    return rows


def frame_of(rows: list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame(rows)
    frame.insert(0, F.ROW, range(2, len(frame) + 2))
    frame[F.TEXT_HASH] = frame[F.TEXT].map(F.text_hash)
    return frame[F.REDACTED_COLUMNS].reset_index(drop=True)


def themes_of(frame: pd.DataFrame) -> list[Theme]:
    """One taxonomy theme per topic: the rows whose text is about it."""
    return [
        Theme(topic, topic.title(), "taxonomy", members=[
            i for i, text in enumerate(frame[F.TEXT]) if text.startswith(words[:13])
        ])
        for topic, words in TOPICS.items()
    ]  # fmt: skip


def ledger(db=None) -> Ledger:
    return Ledger(db if db is not None else duckdb.connect(), KEY)


def printable(value: str) -> bool:
    """The group-value screen without the spaCy model (the pipeline passes the real one)."""
    from reflect.privacy.group_values import default_printable

    return default_printable(value)


def counts_of(report: dict) -> dict[str, int]:
    """Every count a report.json shows, by where it is ("themes.hybrid.by_role.mentor")."""
    out = {"n_participants": report["n_participants"]}
    for name, value in report.items():
        if name.startswith("participants_by_"):
            out |= {f"{name}.{g}": v for g, v in value.items()}
    for theme in report["themes"]:
        out[f"themes.{theme['id']}"] = theme["participants"]
        for name, value in theme.items():
            if name.startswith("by_"):
                out |= {f"themes.{theme['id']}.{name}.{g}": v for g, v in value.items()}
    return {where: v for where, v in out.items() if v is not None}


def small_differences(first: dict, second: dict, k: int = K) -> dict[str, tuple[int, int]]:
    """The counts shown in both reports that differ by 1 to k-1: each is a small cell."""
    a, b = counts_of(first), counts_of(second)
    return {w: (a[w], b[w]) for w in a.keys() & b.keys() if 0 < abs(a[w] - b[w]) < k}
