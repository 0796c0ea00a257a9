"""Filtered views: a report on one group of the programme (``role=mentor``,
``cohort="Cohort A"``, ``session=1..3``) that is safe to read next to the full report.

The danger of a filtered view is differencing: full report minus filtered report gives the
complement, which may be a handful of people. So a filtered view is only produced when both
the group and its complement hold at least k distinct participants (``check_filter``), and
every number in it is protected against subtraction from the full report (see
``reflect.privacy.disclose``).

Role and cohort filters name one value: each person has one role and one cohort, so the
group and its complement partition the participants, and the filtered reports for every value
are rows of one suppressed table (consistent with each other and with the full report).
Session filters name a set or an inclusive numeric range of sessions; the "complement" is the
people who wrote in the other sessions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from reflect import frames as F
from reflect.errors import ConfigError, InputError

FILTER_COLUMNS = (F.ROLE, F.COHORT, F.SESSION)
# Role and cohort hold one value per person; sessions do not (everyone attends several).
PARTITION_COLUMNS = (F.ROLE, F.COHORT)

_EXPRESSION = re.compile(r"^\s*(\w+)\s*=\s*(.+?)\s*$")
_RANGE = re.compile(r"^(-?\d+(?:\.\d+)?)\s*\.\.\s*(-?\d+(?:\.\d+)?)$")


@dataclass(frozen=True)
class Filter:
    """Which rows a filtered view keeps: ``values`` (exact labels) or, for sessions, an
    inclusive numeric range ``low..high``."""

    column: str
    values: tuple[str, ...] = ()
    low: float | None = None
    high: float | None = None

    def __post_init__(self) -> None:
        if self.column not in FILTER_COLUMNS:
            raise ConfigError(
                f"--filter: cannot filter on {self.column!r} (use {', '.join(FILTER_COLUMNS)})"
            )
        ranged = self.low is not None or self.high is not None
        if ranged and (self.column != F.SESSION or self.values):
            raise ConfigError("--filter: ranges (a..b) are for sessions only")
        if not ranged and not self.values:
            raise ConfigError(f"--filter: no value given for {self.column}")
        if self.column in PARTITION_COLUMNS and len(self.values) != 1:
            # Several values would be sums of cells the full report may hide separately.
            raise ConfigError(f"--filter: {self.column} takes exactly one value")

    @classmethod
    def parse(cls, text: str) -> Filter:
        """``role=mentor``, ``cohort="Cohort A"``, ``session=1..3``, ``session=1,2,5``."""
        match = _EXPRESSION.match(text)
        if not match:
            raise ConfigError(f"--filter: expected COLUMN=VALUE, e.g. role=mentor (got {text!r})")
        column, value = match.group(1).lower(), match.group(2).strip().strip("\"'")
        if column == F.SESSION and (ranged := _RANGE.match(value)):
            low, high = float(ranged.group(1)), float(ranged.group(2))
            if low > high:
                raise ConfigError(f"--filter: empty session range {value}")
            return cls(column, low=low, high=high)
        values = (
            [v.strip().strip("\"'") for v in value.split(",")] if column == F.SESSION else [value]
        )
        if column == F.ROLE:
            values = [v.lower() for v in values]  # ingest lower-cases roles
        return cls(column, tuple(v for v in values if v))

    def mask(self, frame: pd.DataFrame) -> pd.Series:
        """Which rows of a reflections frame belong to the group."""
        column = frame[self.column]
        if self.low is None and self.high is None:
            return column.isin(self.values)
        numbers = pd.to_numeric(column, errors="coerce")
        return numbers.between(self.low, self.high)

    def __str__(self) -> str:
        if self.low is not None:
            return f"{self.column}={_number(self.low)}..{_number(self.high)}"
        return f"{self.column}={','.join(self.values)}"


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def check_filter(frame: pd.DataFrame, group: Filter, k: int) -> pd.Series:
    """Raise ``InputError`` unless both the group and its complement hold at least k distinct
    participants; return the group's row mask. The error never says how many people there
    are (that would be the small number the rule protects)."""
    mask = group.mask(frame)
    if not mask.any():
        raise InputError(f"--filter {group}: no reflections match", column=group.column)
    inside = frame.loc[mask, F.PARTICIPANT].nunique()
    # For roles and cohorts: everyone else; for sessions: who wrote in the other sessions.
    outside = frame.loc[~mask, F.PARTICIPANT].nunique()
    # Sessions overlap, so the full report minus this one counts the people who wrote only
    # outside the range: none is fine (the totals agree), a handful is not.
    only_outside = frame[F.PARTICIPANT].nunique() - inside
    if inside < k or outside < k or 0 < only_outside < k:
        which = (
            "the group"
            if inside < k
            else "the rest of the programme"
            if outside < k
            else "the people who wrote only outside it"
        )
        raise InputError(
            f"--filter {group}: {which} has fewer than {k} participants, so a filtered "
            "report could expose individuals by comparison with the full report"
        )
    if group.column in PARTITION_COLUMNS:
        # The filtered report's size is the full report's cell for this group; if that cell
        # is withheld (another group is small), a filtered report would give it away.
        from reflect.privacy.suppression import suppress

        sizes = frame.groupby(group.column)[F.PARTICIPANT].nunique()
        cells = {str(g): int(n) for g, n in sizes.items() if g != ""}
        if suppress(cells, k, partition=True).get(group.values[0]) is None:
            raise InputError(
                f"--filter {group}: another {group.column} has fewer than {k} participants, "
                "so the full report withholds this group's size and a filtered report would "
                "give it away"
            )
    return mask
