"""A group of the programme named by an expression — ``role=mentor``, ``cohort="Cohort A"``,
``session=1..3``, ``session=1,2,5`` — as ``--filter`` and ``reflect compare`` name them.

Parsing and matching rows only; whether a group may be reported on is the privacy stage's
decision (``reflect.privacy.filters.check_filter``). Kept out of the privacy package so that
settings can validate an expression without importing a later stage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

import pandas as pd

from reflect import frames as F
from reflect.errors import ConfigError

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
            values = [F.role_label(v) for v in values]  # as ingest stores them
        return cls(column, tuple(v for v in values if v))

    def labelled(self, frame: pd.DataFrame) -> Filter:
        """Role values as the frame writes them: ``role=hr business partner`` keeps the rows
        of "HR business partner" (ingest keeps such a role's capitals)."""
        if self.column != F.ROLE:
            return self
        labels = {F.role_label(v): v for v in frame[F.ROLE].astype(str).unique()}
        return replace(self, values=tuple(labels.get(v, v) for v in self.values))

    def mask(self, frame: pd.DataFrame) -> pd.Series:
        """Which rows of a reflections frame belong to the group."""
        column = frame[self.column]
        if self.column == F.ROLE:  # "HR business partner" is role=hr business partner
            column = column.astype(str).map(F.role_label)
            return column.isin({F.role_label(v) for v in self.values})
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


def not_with_a_filter(dp_epsilon, quotes: bool) -> str | None:
    """Why a filtered view cannot also ask for ``--dp-epsilon`` or ``--quotes`` (None: it
    can). A view's quotes come from its own group: one sentence quoted in two views (a role's
    and a session's) placed its writer in both, a group of fewer than k (red team, 4 December
    2026)."""
    if dp_epsilon is not None:
        return "--dp-epsilon and --filter cannot be combined yet"
    if quotes:
        return (
            "--quotes and --filter cannot be combined: a sentence quoted in two views would "
            "place its writer in both groups"
        )
    return None
