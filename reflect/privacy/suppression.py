"""Small-cell suppression for counts of distinct participants.

Primary: a cell below k (zero included) is hidden.

Complementary: where the cells of a line (a row or a column) add up to a total the reader
can see, one hidden cell could be recovered by subtraction. So, in every such line that has
a hidden cell, the next-smallest visible cells are hidden too, until at least two cells are
hidden and together they hold at least k people: the reader then only learns that the hidden
cells share a total of k or more, never one cell's value.

``suppress`` does this for one line (a breakdown of a shown total); ``suppress_table`` for a
two-way table whose row and column totals may be shown, by repeating the line rule over rows
and columns until nothing changes (hiding a cell to protect a row can leave its column with a
single hidden cell, which the next pass fixes). Ties are broken by label, so the same table
always gets the same pattern — two reports computed from the same table must agree.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable

from reflect import frames as F
from reflect.privacy.counts import PARTITIONS, UnitCounts


def suppress_unit(counts: UnitCounts, k: int, enough: bool):
    """A unit's total and cells as shown: nothing below k (or when the programme is), and each
    breakdown suppressed (``suppress``)."""
    if not enough or counts.total < k:
        return None, {col: dict.fromkeys(cells) for col, cells in counts.cells.items()}
    cells = {col: suppress(values, k, PARTITIONS[col]) for col, values in counts.cells.items()}
    return counts.total, cells


def suppress(cells: dict[str, int], k: int, partition: bool) -> dict[str, int | None]:
    """Hide cells below k; if ``partition`` (the cells add up to a shown total), also hide
    complementary cells so no hidden cell can be recovered by subtraction."""
    shown: dict[str, int | None] = {c: (v if v >= k else None) for c, v in cells.items()}
    if partition:
        protect_line(cells, shown, list(cells), k)
    return shown


def suppress_table(
    cells: dict[tuple[Hashable, Hashable], int],
    k: int,
    row_lines: Iterable[Hashable] = (),
    column_lines: Iterable[Hashable] = (),
    hidden: Iterable[tuple[Hashable, Hashable]] = (),
) -> dict[tuple[Hashable, Hashable], int | None]:
    """Suppress a two-way table keyed by ``(row, column)``.

    ``row_lines``/``column_lines`` name the rows/columns whose cells add up to a total the
    reader can see (only those need complementary protection); ``hidden`` are cells that
    must be hidden whatever their value (e.g. because their line's total is hidden)."""
    shown: dict = {c: (v if v >= k else None) for c, v in cells.items()}
    for cell in hidden:
        shown[cell] = None
    rows, columns = list(row_lines), list(column_lines)
    lines = [[c for c in cells if c[0] == r] for r in rows]
    lines += [[c for c in cells if c[1] == col] for col in columns]
    changed = True
    while changed:
        changed = any([protect_line(cells, shown, line, k) for line in lines])
    return shown


def protect_line(cells: dict, shown: dict, line: list, k: int) -> bool:
    """Hide the smallest visible cells of ``line`` until its hidden cells are not pinned
    down by the line's total. Returns whether anything was hidden."""
    hidden = [c for c in line if shown[c] is None]
    if not hidden:
        return False
    visible = sorted((cells[c], str(c), c) for c in line if shown[c] is not None)
    changed = False
    while visible and (len(hidden) < 2 or sum(cells[c] for c in hidden) < k):
        *_, cell = visible.pop(0)
        shown[cell] = None
        hidden.append(cell)
        changed = True
    return changed


def count_suppressed(cells: dict[str, int | None]) -> int:
    return sum(v is None for v in cells.values())


def answers_shown(n_answers: int, total: int | None, cells: dict, dp_budget) -> int | None:
    """The number of answers a report may show beside its people counts (``cells``: column ->
    label -> count or None), or None: with one answer per person a session (one prompt), or
    per prompt (one session), the answers are the sessions' or prompts' counts added up, and
    would give a withheld one back by subtraction (red team, 4 December 2026). Under DP one
    person can write any number of answers, so none is shown."""
    if total is None or dp_budget is not None:
        return None
    lines = (cells.get(F.SESSION, {}), cells.get(F.PROMPT, {}))
    return None if any(v is None for line in lines for v in line.values()) else n_answers
