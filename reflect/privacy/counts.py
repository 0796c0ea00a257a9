"""Counting distinct participants per unit (the whole programme, or one theme) and group."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from reflect import frames as F

ALL = "*"  # the unit that stands for every participant of the report
# The breakdowns, and whether their groups partition the participants (one role, one cohort
# per person); sessions and prompts do not: a person writes after several sessions, and
# answers several prompts.
PARTITIONS = {F.ROLE: True, F.SESSION: False, F.COHORT: True, F.PROMPT: False}


@dataclass
class UnitCounts:
    total: int
    cells: dict[str, dict[str, int]]  # breakdown column -> group label -> people


def one_label_per_person(frame: pd.DataFrame) -> pd.DataFrame:
    """Give each participant a single role and cohort (their most frequent one), so role
    and cohort cells really partition a total — the premise of complementary suppression
    and of the DP contribution bound. Only inconsistent exports change."""
    out = frame.copy()
    for column in (F.ROLE, F.COHORT):
        if frame.groupby(F.PARTICIPANT)[column].nunique().max() > 1:
            label = frame.groupby(F.PARTICIPANT)[column].agg(lambda s: s.mode().iloc[0])
            out[column] = frame[F.PARTICIPANT].map(label)
    return out


def ordered_groups(values: pd.Series) -> list[str]:
    return [v for v in sorted(set(values), key=F.session_sort_key) if v != ""]


def count_unit(rows: pd.DataFrame, groups: dict[str, list[str]]) -> UnitCounts:
    """Distinct participants in ``rows``, and in each group of each breakdown (numpy on
    integer codes: a pandas groupby per breakdown and unit dominated the stage's time)."""
    people, _ = pd.factorize(rows[F.PARTICIPANT])
    cells = {}
    for column, labels in groups.items():
        codes = pd.Categorical(rows[column], categories=labels).codes.astype(np.int64)
        known = codes >= 0
        pairs = np.unique(people[known].astype(np.int64) * len(labels) + codes[known])
        counts = np.bincount(pairs % max(len(labels), 1), minlength=len(labels))
        cells[column] = {g: int(n) for g, n in zip(labels, counts, strict=True)}
    return UnitCounts(len(np.unique(people)), cells)


def cross_counts(
    rows: pd.DataFrame, row_column: str, column: str, groups: dict[str, list[str]]
) -> dict[tuple[str, str], int]:
    counts = rows.groupby([row_column, column])[F.PARTICIPANT].nunique()
    return {(r, c): int(counts.get((r, c), 0)) for r in groups[row_column] for c in groups[column]}
