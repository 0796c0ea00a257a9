"""Counts that are safe alone but not beside another count: the rules that run after primary
and complementary suppression, on the numbers a report is about to show.

Within one report — counts near their group total. "63 of the 64 mentees raised it" tells
that one mentee did not: the people a count leaves out of its group are a cell too. So
- a theme's count is withheld when fewer than k people of its group did not raise it (none
  included: "all 12 mentors" says what each of them wrote): its total against the programme's
  participants, its role/cohort/session/prompt cells against the programme's count of that
  group;
- a theme's session or prompt cell is withheld when it is 1 to k−1 short of the theme's own
  total, and the programme's session or prompt counts when 1 to k−1 short of its size (equal
  is fine: everyone wrote in that session).
Role and cohort cells short of their total are already covered by complementary suppression.

Across reports — the release ledger (``ledger.py``): a count whose people differ from those
of a count already released from the workspace by 1 to k−1 is withheld.

Then the report is made consistent again: a unit whose total is withheld shows none of its
role and cohort cells (they would add up to it), and every role and cohort line with a newly
hidden cell gets complementary protection.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from reflect.privacy.counts import ALL, PARTITIONS, Encoded, UnitCounts
from reflect.privacy.ledger import Ledger, bitset
from reflect.privacy.suppression import protect_line

# unit -> [total, {column: {group: shown count or None}}], edited in place
Shown = dict[str, list]
Cell = tuple[str, str | None, str | None]  # (unit, column, group); column None: the total


def withhold_near_totals(shown: Shown, view: dict[str, UnitCounts], k: int) -> set[Cell]:
    """Apply the within-report rule (module docstring); returns the cells it withheld."""
    n, group_totals = view[ALL].total, view[ALL].cells
    withheld: set[Cell] = set()
    for unit, (total, cells) in shown.items():
        true = view[unit]
        for column, line in cells.items():
            for group, value in line.items():
                if value is None:
                    continue
                count = true.cells[column][group]
                if unit == ALL:
                    near = not PARTITIONS[column] and 0 < n - count < k
                else:
                    near = group_totals[column][group] - count < k or (
                        not PARTITIONS[column] and 0 < true.total - count < k
                    )
                if near:
                    line[group] = None
                    withheld.add((unit, column, group))
        if unit != ALL and total is not None and n - true.total < k:
            shown[unit][0] = None
            withheld.add((unit, None, None))
    return withheld


def released_sets(
    units: dict[str, pd.DataFrame], encoded: Encoded, bits: dict[str, int]
) -> dict[Cell, int]:
    """The people behind every count of the report's units (``units``: each unit's rows in
    this view), as bitsets over the ledger's bits (``bits``: participant -> bit)."""
    bit_of = np.array([bits[p] for p in encoded.participants], dtype=np.int64)
    sets: dict[Cell, int] = {}
    for unit, rows in units.items():
        positions = rows.index.to_numpy()
        sets[(unit, None, None)] = bitset(bit_of[np.unique(encoded.people[positions])])
        for column, by_group in encoded.people_by_group(positions).items():
            for group, people in by_group.items():
                sets[(unit, column, group)] = bitset(bit_of[people])
    return sets


def withhold_released(
    shown: Shown, sets: dict[Cell, int], ledger: Ledger, k: int, same_people: bool = False
) -> set[Cell]:
    """Withhold every count whose people differ from a released set by 1 to k−1.
    ``same_people``: the report's participants are those of a released report, so its
    total is the same number again even where copied answers regrouped its members."""
    withheld: set[Cell] = set()
    for unit, (total, cells) in shown.items():
        if same_people and unit == ALL:
            pass
        elif total is not None and ledger.differs_by_a_few(sets[(unit, None, None)], k):
            shown[unit][0] = None
            withheld.add((unit, None, None))
        for column, line in cells.items():
            for group, value in line.items():
                if value is not None and ledger.differs_by_a_few(sets[(unit, column, group)], k):
                    line[group] = None
                    withheld.add((unit, column, group))
    return withheld


def make_consistent(shown: Shown, view: dict[str, UnitCounts], k: int) -> None:
    """No hidden total behind shown role/cohort cells; complementary protection again."""
    for unit, (total, cells) in shown.items():
        for column, line in cells.items():
            if not PARTITIONS[column]:
                continue
            if total is None:
                cells[column] = dict.fromkeys(line)
            else:
                protect_line(view[unit].cells[column], line, list(line), k)


def shown_sets(shown: Shown, sets: dict[Cell, int]) -> list[int]:
    """The people behind every count the report shows (what the ledger records)."""
    out = []
    for unit, (total, cells) in shown.items():
        if total is not None:
            out.append(sets[(unit, None, None)])
        for column, line in cells.items():
            out += [sets[(unit, column, g)] for g, v in line.items() if v is not None]
    return out
