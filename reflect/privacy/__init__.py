"""Stage 5 — privacy: turn themes into a ``SafeReport`` in which every number, label and
phrase is backed by at least ``min_group_size`` distinct participants.

``disclose(themes, frame, k, redactions) -> SafeReport``
"""

from __future__ import annotations

import re

import pandas as pd

from reflect import frames as F
from reflect.privacy.model import SCHEMA_VERSION, SafeReport, SafeTheme
from reflect.privacy.suppression import count_suppressed, suppress
from reflect.themes.model import Theme

__all__ = ["SCHEMA_VERSION", "SafeReport", "SafeTheme", "disclose", "suppress"]

MAX_PHRASES = 5
# Breakdowns whose groups partition the participants (one role, one cohort per person).
_PARTITIONS = {F.ROLE: True, F.SESSION: False, F.COHORT: True}


def disclose(
    themes: list[Theme],
    frame: pd.DataFrame,
    min_group_size: int = 5,
    redactions: dict[str, int] | None = None,
) -> SafeReport:
    k = min_group_size
    F.check_columns(frame, F.REDACTED_COLUMNS, "privacy")
    n_people = frame[F.PARTICIPANT].nunique()
    enough = n_people >= k
    groups = {col: _ordered_groups(frame[col]) for col in _PARTITIONS}
    totals = {col: _cells(frame, groups[col], col) for col in _PARTITIONS}
    suppressed = {"theme_cells": 0, "themes": 0, "phrases": 0}
    word_people = _word_people(frame)

    safe_themes = []
    for theme in themes:
        rows = frame.iloc[theme.members]
        people = rows[F.PARTICIPANT].nunique()
        if people < k or not enough:
            if theme.kind == "emerging":
                continue  # an emerging theme's label itself comes from its few authors
            suppressed["themes"] += 1
            breakdowns = {col: dict.fromkeys(groups[col]) for col in _PARTITIONS}
            safe_themes.append(
                SafeTheme(
                    theme.id,
                    theme.label,
                    theme.kind,
                    theme.description,
                    None,
                    None,
                    breakdowns[F.ROLE],
                    breakdowns[F.SESSION],
                    breakdowns[F.COHORT],
                )
            )
            continue
        breakdowns = {}
        for col, partition in _PARTITIONS.items():
            cells = suppress(_cells(rows, groups[col], col), k, partition)
            suppressed["theme_cells"] += count_suppressed(cells)
            breakdowns[col] = cells
        phrases = [p.text for p in theme.phrases if _phrase_is_safe(p, k, word_people)]
        suppressed["phrases"] += max(0, min(len(theme.phrases), MAX_PHRASES) - len(phrases))
        label = theme.label
        if theme.kind == "emerging" and not (phrases and label in phrases):
            label = phrases[0] if phrases else f"Emerging theme {theme.id.split('_')[-1]}"
        safe_themes.append(
            SafeTheme(
                theme.id,
                label,
                theme.kind,
                theme.description,
                people,
                round(people / n_people, 3),
                breakdowns[F.ROLE],
                breakdowns[F.SESSION],
                breakdowns[F.COHORT],
                phrases[:MAX_PHRASES],
            )
        )
    safe_themes.sort(key=lambda t: (t.participants is None, -(t.participants or 0), t.label))

    shown_totals = {
        col: suppress(cells, k, _PARTITIONS[col]) if enough else dict.fromkeys(cells)
        for col, cells in totals.items()
    }
    privacy = {
        "min_group_size": k,
        "unit": "distinct participants",
        "rules": [
            f"every count, share and phrase is backed by at least {k} distinct participants",
            "where a breakdown partitions a shown total, a second cell is suppressed so no "
            "suppressed cell can be recovered by subtraction",
            "phrases contain no redaction placeholder and only words used by at least "
            f"{k} distinct participants",
            "full-sentence quotes are off",
        ],
        "suppressed": suppressed,
        "redactions": dict(redactions or {}),
        "dp_epsilon": None,
        "quotes": False,
    }
    return SafeReport(
        min_group_size=k,
        n_participants=n_people if enough else None,
        n_reflections=len(frame) if enough else None,
        participants_by_role=shown_totals[F.ROLE],
        participants_by_session=shown_totals[F.SESSION],
        participants_by_cohort=shown_totals[F.COHORT],
        themes=safe_themes,
        privacy=privacy,
    )


def _ordered_groups(values: pd.Series) -> list[str]:
    labels = sorted(set(values), key=F.session_sort_key)
    return [v for v in labels if v != ""] or []


def _cells(rows: pd.DataFrame, groups: list[str], col: str) -> dict[str, int]:
    counts = rows.groupby(col)[F.PARTICIPANT].nunique()
    return {g: int(counts.get(g, 0)) for g in groups}


_WORD = re.compile(r"[a-z][a-z'-]+")


def _word_people(frame: pd.DataFrame) -> dict[str, int]:
    """How many distinct participants used each word anywhere (for rare-term screening)."""
    people: dict[str, set[str]] = {}
    for participant, text in zip(frame[F.PARTICIPANT], frame[F.TEXT], strict=True):
        for word in set(_WORD.findall(text.lower())):
            people.setdefault(word, set()).add(participant)
    return {w: len(p) for w, p in people.items()}


def _phrase_is_safe(phrase, k: int, word_people: dict[str, int]) -> bool:
    if len(phrase.participants) < k or "[" in phrase.text:
        return False
    words = _WORD.findall(phrase.text.lower())
    # Phrases are lemmatised ("shortcut" from "shortcuts"), so accept common inflections.
    return bool(words) and all(
        max(word_people.get(form, 0) for form in (w, w + "s", w + "es", w + "d", w + "ed")) >= k
        for w in words
    )
