"""Small-cell suppression for counts of distinct participants.

Primary: a cell below k is suppressed. Complementary: when the cells of a breakdown partition
a total that is shown (each person has exactly one role, one cohort), one suppressed cell
could be recovered by subtraction, so the next-smallest cells are suppressed too, until at
least two are hidden and together they hold at least k people.
"""

from __future__ import annotations


def suppress(cells: dict[str, int], k: int, partition: bool) -> dict[str, int | None]:
    shown: dict[str, int | None] = {c: (v if v >= k else None) for c, v in cells.items()}
    if not partition:
        return shown
    hidden = [c for c, v in shown.items() if v is None]
    if not hidden:
        return shown
    visible = sorted((v, c) for c, v in shown.items() if v is not None)
    while visible and (len(hidden) < 2 or sum(cells[c] for c in hidden) < k):
        _, cell = visible.pop(0)
        shown[cell] = None
        hidden.append(cell)
    return shown


def count_suppressed(cells: dict[str, int | None]) -> int:
    return sum(v is None for v in cells.values())
