"""The release ledger: what a workspace has already published, so that no new report can be
set against an earlier one to single somebody out.

Each report is small-cell safe on its own. The danger is the second report: a re-run on an
export with one person fewer (a withdrawal, a re-run after ``reflect forget``) or more (a late
joiner), a filtered view next to another (``session=1,5`` and ``session=5``), a reviewed theme
next to the unreviewed one (split on "senior", then on "senior" + a rare word; a small emerging
theme merged into another), or any of these through ``reflect compare``. Subtracting the two
reports gives the few people who differ. So every count a report shows is recorded here with
the set of people behind it, and every later report is checked against all of them
(k = the largest minimum group size any report of this workspace used):

1. **Cells.** A count is withheld if its people differ from the people behind any count
   already released by 1 to k−1 — nested or not, same cell or another — or from what a
   reader works out from two released counts (``derived.py``), or if its difference with a
   released count it is nested with would. The very same people again (a difference of 0)
   is the same number again, and is shown.
2. **Whole reports.** If the people of the whole report (the programme, or a filtered view's
   group) differ from a released set by 1 to k−1, the report is refused: withholding only the
   cells those few people are in would show, by its pattern, which cells they are in. The very
   same participants as a released report (by their pseudonyms) are no difference, whatever
   their answers now say: a re-run after an upgrade that redacts a copied answer differently
   (see Copies) regroups members but adds or removes nobody.
3. **Few changes.** If 1 to k−1 of the report's people are new or wrote other answers than
   in any release (``identity.py``), the report is refused, whatever moved: the two reports
   side by side would show what those few wrote — by which cells are withheld, or, were the
   refusal to depend on what moved, by refusing or not (asked again with every theme but one
   hidden, theme by theme). With nobody changed, a theme whose total would move by 1 to k−1
   is the analyst's own doing (a review split on one person's phrase, a small theme merged):
   refused too; cells that moved (a split on a common phrase, a filter) are withheld. With k
   or more people changed (a later session, new cohorts) rule 1 applies.

What is stored (tables of the workspace's DuckDB file, which is private to its owner):

- ``ledger_people(tag, bit)``: tag = keyed HMAC of a pseudonym (``reflect.keys.keyed_tag``),
  meaningless without the key; ``bit`` = its position in the sets. Never a raw id.
- ``ledger_answers(tag, bit)`` and ``ledger_versions(tag, bit)``: keyed HMACs of each
  person's distinctive answers and of their answers as released (``identity.py``: the same
  people under new ids are the same people; rule 3). Never the text.
- ``ledger_sets(digest, people, erased, members)``: one row per distinct released set of
  people; ``members`` is a bitset over ``bit``; ``erased`` counts members since erased.
- ``ledger_derived``, the same for the sets a reader works out from two nested released
  sets (``derived.py``: checked against like released ones); ``ledger_themes``,
  ``ledger_theme_scope``, ``ledger_theme_totals`` and ``ledger_programme``, for ``audit.py``
  (a theme's counts, or the groups', at once; whom and what each theme's releases held).
- ``ledger_releases(release_id, released_at, k, kind, numbers)``: one row per report; its
  ``numbers`` digest lets ``reflect compare`` recognise an unedited report of this workspace.
- ``ledger_populations(digest)``: a keyed HMAC of each released report's sorted pseudonyms
  (rule 2's "the very same participants"); cleared by forget. ``ledger_roster`` and
  ``ledger_edits``: keyed digests of the roster and edits reports were made with (``pins.py``).
- ``ledger_dp(release_id, epsilon, released_at)`` and ``ledger_settings``: ε spent by
  ``--dp-epsilon`` reports and the ``--dp-budget`` they may not exceed (see ``spend``).

Copies. Participants whose answers are identical (lower-cased, punctuation dropped) are one
member, tagged by their shared answers and how many share them: six copies of someone added
to an export change that one member, they cannot make a difference of one look like seven.

Erasure. ``reflect forget`` deletes the person's tag and clears their bit in every set,
counting them in ``erased`` instead: sets keep their sizes, so a re-run without the person
still differs from what was released by one and is refused, but nothing here points at them.

Growth. One row per distinct set (an identical re-run adds none), one bit per person ever
reported. A fresh workspace starts an empty ledger, losing this protection (README, "Privacy").
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pandas as pd

from reflect.errors import DisclosureRefused
from reflect.keys import keyed_tag
from reflect.privacy.audit import AuditStore
from reflect.privacy.derived import KnownSets
from reflect.privacy.digests import numbers_digest, set_bytes, set_digest, set_int
from reflect.privacy.identity import PURPOSE, People, person_tag

# Sets a report released, and sets a reader works out from two released ones (``derived.py``).
_SET_TABLES = ("ledger_sets", "ledger_derived")
_SCHEMA = """
CREATE TABLE IF NOT EXISTS ledger_people (tag VARCHAR PRIMARY KEY, bit INTEGER);
CREATE TABLE IF NOT EXISTS ledger_answers (tag VARCHAR PRIMARY KEY, bit INTEGER);
CREATE TABLE IF NOT EXISTS ledger_versions (tag VARCHAR PRIMARY KEY, bit INTEGER);
CREATE TABLE IF NOT EXISTS ledger_groups (tag VARCHAR PRIMARY KEY, bit INTEGER);
CREATE TABLE IF NOT EXISTS ledger_sets (
    digest VARCHAR PRIMARY KEY, people INTEGER, erased INTEGER, members BLOB);
CREATE TABLE IF NOT EXISTS ledger_derived (
    digest VARCHAR PRIMARY KEY, people INTEGER, erased INTEGER, members BLOB);
CREATE TABLE IF NOT EXISTS ledger_releases (
    release_id VARCHAR PRIMARY KEY, released_at VARCHAR, k INTEGER, kind VARCHAR,
    numbers VARCHAR);
CREATE TABLE IF NOT EXISTS ledger_populations (digest VARCHAR PRIMARY KEY);
CREATE TABLE IF NOT EXISTS ledger_dp (release_id VARCHAR, epsilon DOUBLE, released_at VARCHAR);
CREATE TABLE IF NOT EXISTS ledger_settings (name VARCHAR PRIMARY KEY, value VARCHAR);
"""


# ε a workspace may spend unless given less (at 50 one report after a removal told a theme: stop 37)
DEFAULT_DP_BUDGET = 4.0
_POPULATION = "SELECT 1 FROM ledger_populations WHERE digest = ?"


class Ledger:
    """The ledger of one workspace (``db``: its DuckDB connection; ``key``: the run's key)."""

    def __init__(self, db, key: bytes) -> None:
        self.db = db
        self.key = key
        db.execute(_SCHEMA)
        self.people = People(db, key)
        self.audit = AuditStore(db)
        self.known = KnownSets(*(
            [(p, set_int(m), e) for p, m, e in db.execute(
                f"SELECT people, members, erased FROM {table}").fetchall()]
            for table in _SET_TABLES
        ))  # fmt: skip

    # -- who is who ------------------------------------------------------------------------
    def bits(self, frame: pd.DataFrame) -> pd.Series:
        """Each participant's bit in the sets (``identity.People``); new ones are stored on
        record."""
        return pd.Series(self.people.bits(frame), dtype="int64")

    @property
    def changed(self) -> int:
        """How many people of the last ``bits`` are new or wrote other answers than in every
        earlier release."""
        return self.people.changed

    # -- the rules -------------------------------------------------------------------------
    def threshold(self, k: int) -> int:
        (largest,) = self.db.execute("SELECT max(k) FROM ledger_releases").fetchall()[0]
        return max(k, largest or 0)

    def differs_by_a_few(self, people: int, k: int, pending: KnownSets | None = None) -> bool:
        """Whether a set of people (a bitset), or what it would let a reader work out with a
        known set it is nested with (``derived.py``), differs from a known set by 1 to k−1
        and equals none of them. ``pending``: the sets the same report already shows, which
        a reader sets against it where one holds the other (a session view, then a role view:
        its cells for sessions 3 and 5, less the first view's role cell, gave who raised it in
        both; sets that only overlap give a reader no difference)."""
        if self.known.near(people, k):
            return True
        differences = self.known.nested_differences(people)
        if pending is not None:
            differences += pending.nested_differences(people)
        return any(
            self.known.near(d, k) or (pending is not None and pending.nested_near(d, k))
            for d in differences
        )

    def population(self, participants) -> str:
        """A keyed digest of a report's participants (pseudonyms), for rule 2."""
        return keyed_tag(self.key, PURPOSE, "population", *sorted(set(participants)))

    def released_population(self, population: str) -> bool:
        """A report of these participants was released."""
        return bool(self.db.execute(_POPULATION, [population]).fetchall())

    def check_population(
        self, people: int, k: int, population: str | None = None, programme: int | None = None
    ) -> bool:
        """Refuse a report whose people (a bitset) differ from a released set by 1 to k−1,
        unless they are a released report's (``population``; returned), or whose
        ``programme`` lacks 1 to k−1 of everyone released, however many joined (red team,
        stop 42: five joiners hid one erased person, whose cells were withheld alone)."""
        if programme is not None and (gone := self.known.departed(programme, k)):
            raise DisclosureRefused(
                f"this report's participants differ from a report already released from this "
                f"workspace: {gone} of its participants are no longer in the export (a "
                f"withdrawal, or `reflect forget`), fewer than {k}: side by side, the two reports "
                "would expose them, however many joined. Report again once at least "
                f"{k} of them are gone, or with --dp-epsilon"
            )
        if population is not None and self.released_population(population):
            return True
        if self.differs_by_a_few(people, k):
            raise DisclosureRefused(
                f"this report's participants differ from those of a report already released "
                f"from this workspace by fewer than {k} people (a withdrawal, a late joiner, a "
                "re-run after `reflect forget`, or an overlapping filter): the two reports "
                f"side by side would expose them. Report again once at least {k} participants "
                "have changed, or with --dp-epsilon"
            )
        return False

    def few_changed(self, k: int) -> bool:  # (a first report changes everyone: no rule 3)
        released = self.db.execute("SELECT count(*) FROM ledger_releases").fetchall()[0][0]
        return released > 0 and 0 < self.people.changed < k

    def check_changes(self, moved: int, k: int, numbers: str | None = None) -> None:
        """Rule 3: refuse a report in which 1 to k−1 people are new or changed since every
        release, or ``moved`` theme totals moved by 1 to k−1 among those who did not change (a
        review edit; a "!" in five bystanders' answers hid one) — unless its counts (``numbers``:
        ``numbers_digest``) are a report's already released: the same command again after an
        export that changed k or more people had its moved totals withheld, and was refused the
        second time. The refusal never depends on which counts the changed answers moved: it
        would answer, theme by theme, whether a changed answer was in it."""
        if self.few_changed(k):
            raise DisclosureRefused(
                f"fewer than {k} participants are new or wrote something different since a "
                "report released from this workspace (answers as redacted: another --roster "
                "changes them too): side by side, the two reports would show what those few "
                f"wrote. Report again once at least {k} have changed, or with --dp-epsilon"
            )
        repeat = numbers is not None and bool(
            self.db.execute("SELECT 1 FROM ledger_releases WHERE numbers = ?", [numbers]).fetchall()
        )
        if moved and not repeat:  # (moved among the people who did not change)
            raise DisclosureRefused(
                f"with the same answers, a theme's total would differ by fewer than {k} people "
                "from one already released from this workspace (a review edit, or a new "
                "version of the tool reading the answers differently, moving so few singles "
                "them out): not written. Undo the edit, or report with --dp-epsilon"
            )

    # -- recording -------------------------------------------------------------------------
    def record(
        self,
        kind: str,
        k: int,
        sets: list[int],
        numbers: str,
        epsilon: float | None = None,
        population: str | None = None,
    ) -> str:
        """Store a report's released sets, its participants' digest (``population``) and the
        ε it spent; returns its release id."""
        release_id = uuid.uuid4().hex
        if population is not None:
            self.db.execute("INSERT OR IGNORE INTO ledger_populations VALUES (?)", [population])
        if epsilon is not None:
            self.db.execute("INSERT INTO ledger_dp VALUES (?, ?, ?)", [release_id, epsilon, _now()])
        self.people.store(self.db)
        new_sets = {s for s in sets if s and not self.known.holds(s)}
        for members in new_sets:
            self.known.add(members)
        # what the reader now works out from two released sets is known too (derived.py)
        derived = {d for s in set(sets) for d in self.known.nested_differences(s)}
        derived = {d for d in derived if not self.known.holds(d)}
        for members in derived:
            self.known.add(members, derived=True)
        for table, rows in (("ledger_sets", new_sets), ("ledger_derived", derived)):
            _insert_sets(self.db, table, rows)
        self.db.execute(
            "INSERT INTO ledger_releases VALUES (?, ?, ?, ?, ?)",
            [release_id, _now(), k, kind, numbers],
        )
        return release_id

    # -- differential privacy ------------------------------------------------------------------
    def check_budget(self, epsilon: float, budget: float | None) -> tuple[float, float | None]:
        """Refuse a ``--dp-epsilon`` report that would take this workspace past its budget;
        returns (ε spent with this report, the budget). A budget is kept once given, and a
        workspace that was given none has ``DEFAULT_DP_BUDGET``: a later run may lower it, never
        raise it (two reports at ε = 10^6, with and without one person, differ by that person).
        The ε is charged when the report is recorded."""
        kept = self.db.execute("SELECT value FROM ledger_settings WHERE name = 'dp_budget'")
        rows = kept.fetchall()
        kept_budget = float(rows[0][0]) if rows else DEFAULT_DP_BUDGET
        if budget is not None and kept_budget is not None and budget > kept_budget:
            raise DisclosureRefused(
                f"this workspace's differential-privacy budget is {kept_budget:g}; it cannot be "
                "raised (every report spends part of it for good)"
            )
        if budget is not None:
            self.db.execute(
                "INSERT OR REPLACE INTO ledger_settings VALUES ('dp_budget', ?)", [str(budget)]
            )
            kept_budget = budget
        (spent,) = self.db.execute("SELECT coalesce(sum(epsilon), 0) FROM ledger_dp").fetchall()[0]
        if kept_budget is not None and spent + epsilon > kept_budget + 1e-9:
            raise DisclosureRefused(
                f"--dp-epsilon {epsilon:g} would exceed this workspace's budget: {spent:g} of "
                f"{kept_budget:g} already spent by earlier reports"
            )
        return spent + epsilon, kept_budget


def released(db, report: dict) -> bool:
    """Whether ``report`` (a report.json) is an unedited report of the workspace ``db``."""
    db.execute(_SCHEMA)
    release = (report.get("privacy") or {}).get("release") or {}
    rows = db.execute(
        "SELECT numbers FROM ledger_releases WHERE release_id = ?", [str(release.get("id"))]
    ).fetchall()
    return bool(rows) and rows[0][0] == numbers_digest(report)


def erase_person(db, key: bytes, pseudonym: str) -> bool:
    """``reflect forget``: clear the person's bit in every set (counted as erased instead)
    and delete their tag. Returns whether the ledger knew them."""
    db.execute(_SCHEMA)
    tag = person_tag(key, pseudonym)
    rows = db.execute("SELECT bit FROM ledger_people WHERE tag = ?", [tag]).fetchall()
    if not rows:
        return False
    bit = rows[0][0]
    mask = 1 << bit
    for table in _SET_TABLES:
        for digest, members, erased in db.execute(
            f"SELECT digest, members, erased FROM {table}"
        ).fetchall():
            people = set_int(members)
            if people & mask:
                people, erased = people & ~mask, erased + 1
                data = set_bytes(people)
                db.execute(f"DELETE FROM {table} WHERE digest = ?", [digest])
                db.execute(
                    f"INSERT OR IGNORE INTO {table} VALUES (?, ?, ?, ?)",
                    [set_digest(data, erased), people.bit_count() + erased, erased, data],
                )
    AuditStore.erase(db, mask)
    # Every name the person went by, and what they wrote, goes with them.
    for table in ("people", "answers", "versions", "groups"):
        db.execute(f"DELETE FROM ledger_{table} WHERE bit = ?", [bit])
    # Every digest may hold the person; they only spare identical re-runs a needless refusal.
    db.execute("DELETE FROM ledger_populations")
    return True


def _insert_sets(db, table: str, sets) -> None:
    """Store new sets in one insert: a report releases hundreds."""
    if not sets:
        return
    import pyarrow as pa

    data = [set_bytes(people) for people in sets]
    rows = pa.table(
        {
            "digest": [set_digest(d, 0) for d in data],
            "people": pa.array([p.bit_count() for p in sets], pa.int32()),
            "members": pa.array(data, pa.binary()),
        }
    )
    db.register("ledger_new_sets", rows)
    try:
        db.execute(
            f"INSERT OR IGNORE INTO {table} SELECT digest, people, 0, members FROM ledger_new_sets"
        )
    finally:
        db.unregister("ledger_new_sets")


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
