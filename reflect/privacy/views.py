"""The numbers of a filtered view (``disclose(..., filter=)``, see ``filters.py``), which must
be safe to read next to the full report:

- role/cohort = g: the filtered report's numbers are row g of the two-way table (value of
  the filter column × groups of the other breakdown) whose margins are the full report's
  cells; the table is suppressed as a whole (``suppress_table``), with lines whose margin
  the full report hides hidden entirely. Every value's filtered report reads the same table,
  so all of them together with the full report disclose no cell below k.
- session ranges: a count c_G is shown only if c_G ≥ k and the difference from the full
  report's count (people counted only outside the range) is ≥ k as well; then the usual
  complementary rule within the filtered report. The group's own size may also equal the
  programme's (a difference of 0 tells only that everyone wrote in the range);
  ``check_filter`` refuses a range that 1 to k−1 people wrote only outside of, so a
  filtered report always shows its group size. Session cells inside the range are the
  full report's own cells.
"""

from __future__ import annotations

import pandas as pd

from reflect import frames as F
from reflect.privacy.counts import PARTITIONS, UnitCounts, count_unit, cross_counts
from reflect.privacy.filters import PARTITION_COLUMNS, Filter
from reflect.privacy.suppression import protect_line, suppress_table

Shown = tuple[int | None, dict[str, dict[str, int | None]]]  # (total, cells)

# Orientation of two-way tables, fixed so that a role filter and a cohort filter suppress the
# very same role × cohort table (the pattern could otherwise depend on the orientation).
_TABLE_ORDER = (F.ROLE, F.COHORT, F.SESSION, F.PROMPT)


def filtered_unit(
    rows: pd.DataFrame,
    mask: pd.Series,
    group: Filter,
    counts: UnitCounts,
    full: Shown,
    groups: dict[str, list[str]],
    k: int,
    is_all: bool,
    reasons: dict,
    unit: str,
) -> Shown:
    """One unit's numbers in a filtered view; ``counts``/``full`` are its full-report counts
    and shown cells (see the module docstring for the rules). Cells hidden because of their
    difference from the full report are noted in ``reasons``."""
    full_total, full_cells = full
    inside = rows[mask.loc[rows.index].to_numpy()]
    if group.column in PARTITION_COLUMNS:
        (value,) = group.values
        total = full_cells[group.column].get(value) if full_total is not None else None
        cells: dict[str, dict[str, int | None]] = {group.column: {value: total}}
        for col in PARTITIONS:
            if col == group.column:
                continue
            table, result = _joint_table(rows, group.column, col, full, groups, k)
            rows_first = _TABLE_ORDER.index(group.column) < _TABLE_ORDER.index(col)
            keys = {c: (value, c) if rows_first else (c, value) for c in groups[col]}
            cells[col] = {c: result[key] for c, key in keys.items()}
        return total, cells

    # Session filter: new counts, each checked against its difference from the full report.
    own = count_unit(inside, groups)
    labels = pd.DataFrame({F.SESSION: groups[F.SESSION]})
    in_range = labels.loc[group.mask(labels), F.SESSION].tolist()
    total = own.total
    # The whole group's size may equal the full report's (everyone wrote in the range);
    # check_filter refused differences from 1 to k-1. Themes need a difference of k.
    difference_ok = counts.total - total >= k or (is_all and counts.total == total)
    if full_total is None or total < k or not difference_ok:
        total = None
    cells = {F.SESSION: {s: full_cells[F.SESSION][s] for s in in_range}}
    for col in (F.ROLE, F.COHORT, F.PROMPT):
        values = own.cells[col]
        diff = {g: counts.cells[col][g] - values[g] for g in values}
        line = {g: (v if v >= k and diff[g] >= k and total is not None else None)
                for g, v in values.items()}  # fmt: skip
        reasons.update(
            {(unit, col, g): "difference" for g, v in values.items() if v >= k > diff[g]}
        )
        if PARTITIONS[col]:
            protect_line(values, line, list(values), k)
        cells[col] = line
    return total, cells


def _joint_table(rows, one: str, other: str, full: Shown, groups, k: int):
    """The unit's two-way table of ``one`` × ``other`` (in canonical orientation) and its
    suppression, with the full report's cells as margins: a line whose margin is shown gets
    complementary protection if its cells add up to it; a line whose margin is hidden is
    hidden whole (its shown cells would add up to the hidden margin)."""
    a, b = sorted((one, other), key=_TABLE_ORDER.index)
    full_total, full_cells = full
    table = cross_counts(rows, a, b, groups)
    hidden_a = {r for r, v in full_cells[a].items() if v is None}
    hidden_b = {c for c, v in full_cells[b].items() if v is None}
    hidden = [
        (r, c)
        for r, c in table
        if full_total is None
        or (PARTITIONS[a] and c in hidden_b)  # rows partition a column's people
        or (PARTITIONS[b] and r in hidden_a)
    ]
    hidden += _small_overlaps(rows, table, a, b, groups, k)
    hidden += _near_row_totals(rows, table, a, b, groups, k)
    row_lines = [r for r in groups[a] if r not in hidden_a] if PARTITIONS[b] else []
    column_lines = [c for c in groups[b] if c not in hidden_b] if PARTITIONS[a] else []
    return table, suppress_table(table, k, row_lines, column_lines, hidden)


def _small_overlaps(rows, table, a: str, b: str, groups, k: int) -> list[tuple[str, str]]:
    """Sessions or questions (``b``): a role's or cohort's (``a``) cells less its people count
    the people under several: 1 to k−1 hides the smallest cell, and the line's complementary
    protection then hides another in its column (red team, 4 December 2026: the full report
    and the mentees' view gave "4 mentors raised it under both questions")."""
    if PARTITIONS[b] or not PARTITIONS[a] or len(groups[b]) < 2:
        return []
    hidden = []
    for r, people in _group_people(rows, a, groups).items():
        line = [(r, c) for c in groups[b]]
        if 0 < sum(table[cell] for cell in line) - people < k:
            hidden.append(min(line, key=lambda cell: (table[cell], str(cell[1]))))
    return hidden


def _near_row_totals(rows, table, a: str, b: str, groups, k: int) -> list[tuple[str, str]]:
    """A session's or question's cell (``b``) that leaves out 1 to k−1 of its role's or
    cohort's people (``a``) is hidden before the table is protected, so the column's other
    cells are protected with it: "39 of the 40 mentees wrote after session 1" was hidden in
    the mentees' view only after the table was, and the full report less the mentors' view
    gave it back (red team, round 5, stop 37)."""
    if PARTITIONS[b] or not PARTITIONS[a]:
        return []
    people = _group_people(rows, a, groups)
    return [(r, c) for r in groups[a] for c in groups[b] if 0 < people[r] - table[(r, c)] < k]


def _group_people(rows, a: str, groups) -> dict[str, int]:
    """Each role's or cohort's people among ``rows``."""
    counts = rows.groupby(a)[F.PARTICIPANT].nunique()
    return {r: int(counts.get(r, 0)) for r in groups[a]}
