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


COPY_WORDS = 10  # two people may both write "it was really good", seldom ten words alike


def copies_as_one(frame: pd.DataFrame) -> pd.DataFrame:
    """Participants whose answers are all the same as another's, and say something (``COPY_WORDS``
    words or more in all), count as one person: five ids on one person's answers are one
    person, not a group of five. Answers that say little ("n/a", "it was really good") are
    many people's."""
    from reflect.privacy.identity import answer_sets

    first: dict[str, str] = {}
    renamed = {}
    for participant, text in answer_sets(frame).items():
        says_something = len(text.split()) >= COPY_WORDS
        if says_something and (kept := first.setdefault(text, participant)) != participant:
            renamed[participant] = kept
    if not renamed:
        return frame
    out = frame.copy()
    out[F.PARTICIPANT] = frame[F.PARTICIPANT].replace(renamed)
    return out


def ordered_groups(values: pd.Series) -> list[str]:
    return [v for v in sorted(set(values), key=F.session_sort_key) if v != ""]


def count_unit(rows: pd.DataFrame, groups: dict[str, list[str]]) -> UnitCounts:
    """Distinct participants in ``rows``, and in each group of each breakdown."""
    return Encoded(rows.reset_index(drop=True), groups).count(np.arange(len(rows)))


class Encoded:
    """A reflections frame as integer codes, made once per report: counting the people of a
    unit (its row positions) is then numpy work, not a pandas groupby per unit and breakdown
    (which was most of the privacy stage's time)."""

    def __init__(self, frame: pd.DataFrame, groups: dict[str, list[str]]) -> None:
        self.people, self.participants = pd.factorize(frame[F.PARTICIPANT])
        self.labels = groups
        # A value outside its breakdown's printed groups has no code (-1), as in a Categorical.
        self.groups = {
            column: pd.Index(labels).get_indexer(frame[column]).astype(np.int64)
            for column, labels in groups.items()
        }

    def count(self, positions: np.ndarray) -> UnitCounts:
        cells = {}
        for column, by_group in self.people_by_group(positions).items():
            cells[column] = {g: len(people) for g, people in by_group.items()}
        return UnitCounts(len(np.unique(self.people[positions])), cells)

    def people_by_group(self, positions: np.ndarray) -> dict[str, dict[str, np.ndarray]]:
        """column -> group -> the codes of the distinct people of ``positions`` in it."""
        people = self.people[positions].astype(np.int64)
        size = max(len(self.participants), 1)
        out = {}
        for column, labels in self.labels.items():
            codes = self.groups[column][positions]
            known = codes >= 0
            pairs = np.unique(codes[known] * size + people[known])  # one per (group, person)
            group_of, person = pairs // size, pairs % size
            bounds = np.searchsorted(group_of, np.arange(len(labels) + 1))
            out[column] = {
                label: person[bounds[i] : bounds[i + 1]] for i, label in enumerate(labels)
            }
        return out


def cross_counts(
    rows: pd.DataFrame, row_column: str, column: str, groups: dict[str, list[str]]
) -> dict[tuple[str, str], int]:
    counts = rows.groupby([row_column, column])[F.PARTICIPANT].nunique()
    return {(r, c): int(counts.get((r, c), 0)) for r in groups[row_column] for c in groups[column]}
