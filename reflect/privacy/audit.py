"""The release audit: what a reader works out from all the counts of a theme together, by any
linear combination — not only one count set against another.

The rules before this one look at pairs: a count near a released one, a count less one it is
nested in. A reader with several reports adds and subtracts more than two. A theme raised
after sessions 4, 5 and 6 by 6, 14 and 6 people (the full report) and by 25 people in the
view of sessions 4–6: 6 + 14 + 6 − 25 says one person raised it in two of those sessions
(demo, 4 December 2026, found by this audit's first run over a workspace's ledger).

So, for each theme a report is about to show (its total in this view: the *universe*), every
count the reader has of people inside it — released before (the ledger) or shown by this
report — is a row of a 0/1 matrix over the universe's people. People whose rows are the same
are one *atom*: no count can tell them apart. The reader knows the size of an atom exactly
when its indicator lies in the span of the rows (its leverage, the diagonal of the projection
on that span, is 1). An atom known to hold 1 to k−1 people is a small cell recovered. When
this report's counts make one known that the released ones alone did not, the report's
smallest count whose absence unmakes one (or else its smallest count inside the theme) is
withheld, until no such atom is left.

Why only counts inside one theme: across themes the matrix would treat each person's pattern
of themes as known to exist, which a reader does not know; inside one theme, whose counts are
of its people split by role, cohort, session and prompt, that assumption is what the red team
used (red team, 4 December 2026: "one person raised it in both halves"). The programme's own
counts — of participants, no theme in them — are audited apart (``withhold_small_groups``).

Single atoms, not unions of several: two atoms determined together but not apart are left to
the pairwise rules (``ledger.py``).
"""

from __future__ import annotations

import functools
import operator

import numpy as np

from reflect.privacy.counts import ALL
from reflect.privacy.digests import bitset

# Leverage this close to 1 is 1 (float error of the SVD on 0/1 matrices of a few hundred rows).
EXACT = 1e-6


def small_atoms(universe: int, rows: list[int], k: int) -> list[int]:
    """The atoms of ``universe`` (a bitset of people) whose size the counts of ``rows``
    (bitsets inside it; the universe itself among them when its count is known) fix at 1 to
    k−1, as bitsets."""
    if not rows:
        return []
    people = _positions(universe)
    matrix = np.stack([_flags(r, people) for r in rows])
    atoms, atom_of, sizes = np.unique(
        matrix.T, axis=0, return_inverse=True, return_counts=True
    )  # one row per atom
    if not (sizes < k).any():
        return []
    _, singular, vt = np.linalg.svd(atoms.T.astype(np.float64), full_matrices=False)
    span = vt[singular > EXACT * max(float(singular.max()), 1.0)]
    leverage = (span**2).sum(axis=0)
    small = np.flatnonzero((leverage > 1 - EXACT) & (sizes < k))
    return [bitset(people[atom_of.ravel() == a]) for a in small]


def withhold_determined(shown, sets: dict, known, k: int, themes: dict[str, int]) -> set:
    """Withhold this report's counts (``shown``, edited in place; ``sets``: each cell's
    people) until no theme has an atom a reader could size at 1 to k−1 from them and the
    released sets (``known``: the ledger's ``KnownSets``) that the released sets alone did
    not give; returns the cells withheld. ``themes``: ``AuditStore.people``."""
    withheld: set = set()
    for unit, (total, _) in shown.items():
        if unit == ALL or total is None:
            continue
        universe = sets[(unit, None, None)] | themes.get(unit, 0)
        before = known.released_inside(universe)
        old = set(small_atoms(universe, before, k))
        while True:
            pending = _pending(shown, sets, universe, set(before))
            rows = before + list(pending)
            new = [a for a in small_atoms(universe, rows, k) if a not in old]
            if not new or not pending:
                break
            take = _to_withhold(universe, before, pending, k, old, new)
            for cell in pending[take]:
                _withhold(shown, cell)
                withheld.add(cell)
    return withheld


def withhold_small_groups(shown, sets: dict, groups: list[int], k: int) -> set:
    """The same audit for the counts of participants (the programme's lines), with the ones
    released before (``groups``: ``AuditStore.groups``): an export edited to group the same
    people three ways (North = T + B, East = T + C, Red = B + C) pins down one participant, and
    then every theme's cells by those groups answer what that person wrote — shown as 0 when
    they did not raise it, withheld when they did (red team, 4 December 2026). Which group
    cells to withhold is decided here from the participants alone, and they are withheld for
    every theme alike, so the decision says nothing about what anyone wrote."""
    withheld: set = set()
    universe = sets[(ALL, None, None)]
    for members in groups:
        universe |= members
    old = set(small_atoms(universe, groups, k))
    while True:
        pending = _pending({ALL: shown[ALL]}, sets, universe, set(groups))
        new = [a for a in small_atoms(universe, groups + list(pending), k) if a not in old]
        if not new or not pending:
            break
        take = _to_withhold(universe, groups, pending, k, old, new)
        for _, column, group in pending[take]:
            # a group's cells for every theme; the programme's own total is its alone
            for unit in shown if column is not None else [ALL]:
                _withhold(shown, (unit, column, group))
                withheld.add((unit, column, group))
    return withheld


def _to_withhold(universe, before, pending, k, old, new) -> int:
    """The smallest pending count whose absence unmakes a new small atom, else the smallest."""
    by_size = sorted(pending, key=lambda s: (s.bit_count(), sorted(map(str, pending[s]))))
    return next(
        (s for s in by_size if len(_new_atoms(universe, before, pending, s, k, old)) < len(new)),
        by_size[0],
    )


def _new_atoms(universe, before, pending, without, k, old) -> list[int]:
    rows = before + [s for s in pending if s != without]
    return [a for a in small_atoms(universe, rows, k) if a not in old]


def _pending(shown, sets, universe: int, released: set) -> dict[int, list]:
    """The report's shown counts inside ``universe`` not released before, by their people
    (a set shown by several cells is one count)."""
    pending: dict[int, list] = {}
    for unit, (total, cells) in shown.items():
        shown_cells = [(unit, None, None)] if total is not None else []
        for column, line in cells.items():
            shown_cells += [(unit, column, g) for g, v in line.items() if v is not None]
        for cell in shown_cells:
            people = sets[cell]
            if people and people & ~universe == 0 and people not in released:
                pending.setdefault(people, []).append(cell)
    return pending


def _withhold(shown, cell) -> None:
    unit, column, group = cell
    if column is not None and group not in shown[unit][1][column]:
        return
    if column is None:
        shown[unit][0] = None
    else:
        shown[unit][1][column][group] = None


def _positions(bits: int) -> np.ndarray:
    return np.flatnonzero(_unpacked(bits))


def _flags(bits: int, positions: np.ndarray) -> np.ndarray:
    """Which of the people at ``positions`` a bitset holds, as 0/1."""
    raw = _unpacked(bits)
    out = np.zeros(len(positions), dtype=np.uint8)
    inside = positions < len(raw)
    out[inside] = raw[positions[inside]]
    return out


def _unpacked(bits: int) -> np.ndarray:
    data = bits.to_bytes(max(1, (bits.bit_length() + 7) // 8), "little")
    return np.unpackbits(np.frombuffer(data, np.uint8), bitorder="little")


class AuditStore:
    """What the audit keeps in the workspace: everyone each theme's total held in any release
    (one union per theme id, table ``ledger_themes``: the people a reader's counts of that
    theme are about, so a view is audited with the full report's counts of the theme too),
    everyone those releases were about (``ledger_theme_scope``: the programme's people at
    each release; a newcomer's answer moves no theme), each release's people of each theme
    since k or more people last changed (``ledger_theme_totals``), and every released count
    of participants (``ledger_programme``: the groups themselves)."""

    SCHEMA = """
    CREATE TABLE IF NOT EXISTS ledger_themes (unit VARCHAR PRIMARY KEY, members BLOB);
    CREATE TABLE IF NOT EXISTS ledger_theme_scope (unit VARCHAR PRIMARY KEY, people BLOB);
    CREATE TABLE IF NOT EXISTS ledger_programme (members BLOB PRIMARY KEY);
    CREATE TABLE IF NOT EXISTS ledger_theme_totals (unit VARCHAR, members BLOB, generation INT);
    """

    def __init__(self, db) -> None:
        self.db = db
        db.execute(self.SCHEMA)
        rows = db.execute("SELECT unit, members FROM ledger_themes").fetchall()
        self.people = {unit: _int(m) for unit, m in rows}
        rows = db.execute("SELECT unit, people FROM ledger_theme_scope").fetchall()
        self.scope = {unit: _int(m) for unit, m in rows}
        self.groups = [
            _int(m) for (m,) in db.execute("SELECT members FROM ledger_programme").fetchall()
        ]
        # A workspace from before scopes were kept: its releases were about everyone counted.
        everyone = functools.reduce(operator.or_, self.groups, 0)
        for unit, members in self.people.items():
            self.scope.setdefault(unit, everyone | members)
        # Each release's people of each theme, since k or more people last changed (one
        # generation): a theme equal to the union of two releases was one person from each.
        (top,) = db.execute("SELECT max(generation) FROM ledger_theme_totals").fetchall()[0]
        self.generation = top or 0
        self.totals: dict[str, set[int]] = {}
        query = "SELECT unit, members FROM ledger_theme_totals WHERE generation = ?"
        for unit, members in db.execute(query, [self.generation]).fetchall():
            self.totals.setdefault(unit, set()).add(_int(members))
        if top is None:  # a workspace from before totals were kept: the union stands for them
            self.totals = {unit: {members} for unit, members in self.people.items()}
            self._insert({unit: sets for unit, sets in self.totals.items()})

    def add(
        self, totals: dict[str, int], groups: list[int], about: int, fresh: bool = False
    ) -> None:
        """Record a release: each of the whole programme's themes' people (``totals``; a
        view's too, since its cells are protected with the whole programme's margins and
        move with people outside it), the groups it counted and everyone it was about
        (``about``: the programme's people); ``fresh``: k or more people changed since the
        last release, which starts a generation of totals."""
        if fresh and self.totals:
            # A theme this release does not show keeps its sets (a hidden theme, one not
            # found this time): a new generation must not forget it (code review, stop 38).
            carried = {unit: sets for unit, sets in self.totals.items() if unit not in totals}
            self.generation, self.totals = self.generation + 1, carried
            self.db.execute("DELETE FROM ledger_theme_totals")
            self._insert(carried)
        new = {u: {m} for u, m in totals.items() if m not in self.totals.get(u, set())}
        for unit, sets in new.items():
            self.totals.setdefault(unit, set()).update(sets)
        self._insert(new)
        for unit, members in totals.items():
            for table, known, value in (
                ("ledger_themes", self.people, members),
                ("ledger_theme_scope", self.scope, about),
            ):
                merged = known.get(unit, 0) | value
                if merged and merged != known.get(unit):
                    known[unit] = merged
                    self.db.execute(
                        f"INSERT OR REPLACE INTO {table} VALUES (?, ?)", [unit, _bytes(merged)]
                    )
        for members in set(groups) - set(self.groups):
            self.groups.append(members)
            self.db.execute("INSERT OR IGNORE INTO ledger_programme VALUES (?)", [_bytes(members)])

    def moved(self, unit: str, members: int, k: int, stable: int = -1) -> bool | None:
        """Whether a theme's people (``members``) differ by 1 to k−1 from its people in any
        release since k or more people last changed, among the people those releases were
        about (a newcomer is no move): each release, not their union — a split child released
        on one phrase, then another, then both, was the first plus one person and equal to
        the union (red team, stop 38); only among the ``stable`` people, whose answers did
        not change. None when there is nothing to set them against: no release of the theme,
        or releases of another theme under its id (k or more apart)."""
        released = self.totals.get(unit)
        if not released:
            return None
        now = members & self.scope.get(unit, members)
        apart = [((now ^ before) & stable).bit_count() for before in released]
        if 0 in apart:
            return False  # one of its releases exactly (an earlier export's report again)
        return True if any(d < k for d in apart) else None

    def _insert(self, totals: dict[str, set[int]]) -> None:
        rows = [(u, _bytes(m), self.generation) for u, sets in totals.items() for m in sets]
        if rows:
            self.db.executemany("INSERT INTO ledger_theme_totals VALUES (?, ?, ?)", rows)

    @staticmethod
    def erase(db, mask: int) -> None:
        """``reflect forget``: the person's bit (``mask``) leaves every stored set."""
        db.execute(AuditStore.SCHEMA)
        rows = db.execute("SELECT unit, members, generation FROM ledger_theme_totals").fetchall()
        db.execute("DELETE FROM ledger_theme_totals")
        kept = [(unit, _bytes(_int(data) & ~mask), generation) for unit, data, generation in rows]
        if kept:
            db.executemany("INSERT INTO ledger_theme_totals VALUES (?, ?, ?)", kept)
        for table, column in (("ledger_themes", "members"), ("ledger_theme_scope", "people")):
            for unit, data in db.execute(f"SELECT unit, {column} FROM {table}").fetchall():
                out = _bytes(_int(data) & ~mask)
                db.execute(f"UPDATE {table} SET {column} = ? WHERE unit = ?", [out, unit])
        groups = [_int(m) for (m,) in db.execute("SELECT members FROM ledger_programme").fetchall()]
        db.execute("DELETE FROM ledger_programme")
        for members in {g & ~mask for g in groups} - {0}:
            db.execute("INSERT OR IGNORE INTO ledger_programme VALUES (?)", [_bytes(members)])


def _int(data) -> int:
    return int.from_bytes(bytes(data), "little")


def _bytes(members: int) -> bytes:
    return members.to_bytes((members.bit_length() + 7) // 8, "little")
