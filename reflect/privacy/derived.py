"""Counts a reader works out from two released ones: the people one released set holds and a
set nested in it does not.

A reader who has a theme's count for everyone and for cohort B has cohort A's count too (the
cohorts split everyone), even where cohort A's own report withheld it; one who has the theme's
count for sessions 1–3, for sessions 4–6 and for all six has how many raised it in both halves
(the first two added, less the third). Both are differences of nested sets: everyone's people
less cohort B's, everyone's less those of sessions 4–6. So the ledger (``ledger.py``) holds, as
well as every released set, the difference of every pair of nested known sets, and checks a
new count's differences with the sets it is nested in as it checks the count itself (red team,
4 December 2026: five hidden cohort cells recovered, and "exactly one Cohort B participant
raised it in both halves").

Sets are Python integers (bit i: person i); nesting is tested on a packed matrix of them, so a
check costs one pass over the known sets in NumPy, not one Python operation per set.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

import numpy as np


class KnownSets:
    """The sets of people a reader has: released ones and those derived from two released
    ones (the size of each counts its erased members). ``near(people, k)``: does a set differ
    from a known one by 1 to k−1; ``nested_differences(people)``: what it would let a reader
    work out with the released sets it is nested with."""

    def __init__(self, released=(), derived=()):
        # (size with erased members, members bitset, erased members), sorted by size
        self.sets = sorted({*released, *derived})
        self._sizes = [s[0] for s in self.sets]
        self._released = sorted(s for s in set(released) if s[2] == 0)
        self._releases = set(released)  # erased members too: ``departed``
        self._matrix: np.ndarray | None = None

    def __len__(self) -> int:
        return len(self.sets)

    def holds(self, members: int) -> bool:
        entry = (members.bit_count(), members, 0)
        position = bisect_left(self.sets, entry)
        return position < len(self.sets) and self.sets[position] == entry

    def add(self, members: int, derived: bool = False) -> None:
        entry = (members.bit_count(), members, 0)
        if not self.holds(members):
            position = bisect_left(self.sets, entry)
            self.sets.insert(position, entry)
            self._sizes.insert(position, entry[0])
        if not derived:
            self._releases.add(entry)
        position = bisect_left(self._released, entry)
        if not derived and self._released[position : position + 1] != [entry]:
            self._released.insert(position, entry)
            self._matrix = None

    def departed(self, present: int, k: int) -> int:
        """How many people of the released sets are not ``present`` (the erased included), if
        1 to k−1; else 0 (nobody gone, or k or more: then no one of them is singled out)."""
        everyone, erased = 0, 0
        for _, members, gone in self._releases:
            everyone, erased = everyone | members, max(erased, gone)
        missing = (everyone & ~present).bit_count() + erased
        return missing if 0 < missing < k else 0

    def near(self, people: int, k: int) -> bool:
        """Whether ``people`` differs from a known set by 1 to k−1 and equals none of them."""
        size = people.bit_count()
        lo, hi = bisect_left(self._sizes, size - k + 1), bisect_right(self._sizes, size + k - 1)
        near = False
        for _, members, erased in self.sets[lo:hi]:
            if erased == 0 and members == people:
                return False  # known before: nothing new
            difference = (members ^ people).bit_count() + erased
            near = near or 0 < difference < k
        return near

    def near_among(self, people: int, k: int, among: int) -> bool:
        """``near`` seen only among some people (``among``: those whose answers did not
        change): equal there to a known set, nothing new; 1 to k−1 apart there, near."""
        apart = [((members ^ people) & among).bit_count() for _, members, _ in self.sets]
        return 0 not in apart and any(0 < d < k for d in apart)

    def nested_near(self, people: int, k: int) -> bool:
        """Whether ``people`` holds, or is held by, a set here with 1 to k−1 people more or
        fewer: a difference a reader has, where sets that only overlap give none."""
        return any(0 < d.bit_count() < k for d in self.nested_differences(people))

    def nested_differences(self, people: int) -> list[int]:
        """The non-empty differences between ``people`` and each released set (with no erased
        member) it holds or is held by. Derived sets are not used: what two of them give is a
        third step the ledger does not follow (and an identical re-run must find everything
        it works out already known)."""
        if not self._released or not people:
            return []
        matrix = self._packed(_words(people))
        row = _pack(people, matrix.shape[1])
        inside = ~(matrix & ~row[None, :]).any(axis=1)  # a released set inside ``people``
        around = ~(row[None, :] & ~matrix).any(axis=1)  # ``people`` inside a released set
        out = []
        for i in np.flatnonzero(inside | around):
            members = self._released[i][1]
            if members and members != people:
                out.append(people & ~members if inside[i] else members & ~people)
        return out

    def released_inside(self, people: int) -> list[int]:
        """The released sets (with no erased member) inside ``people``, ``people`` itself
        included if released: the counts a reader has of some of them (``audit.py``)."""
        if not self._released or not people:
            return []
        matrix = self._packed(_words(people))
        row = _pack(people, matrix.shape[1])
        inside = ~(matrix & ~row[None, :]).any(axis=1)
        return [self._released[i][1] for i in np.flatnonzero(inside) if self._released[i][1]]

    def _packed(self, words: int) -> np.ndarray:
        """The released sets as rows of at least ``words`` 64-bit words."""
        if self._matrix is None or self._matrix.shape[1] < words:
            width = max([words, *(_words(m) for _, m, _ in self._released)])
            self._matrix = np.stack([_pack(m, width) for _, m, _ in self._released])
        return self._matrix


def _words(members: int) -> int:
    return max(1, (members.bit_length() + 63) // 64)


def _pack(members: int, words: int) -> np.ndarray:
    return np.frombuffer(members.to_bytes(8 * words, "little"), dtype="<u8")
