"""The roster a workspace reports with is fixed once it has released a report.

A roster is the analyst's file, and every name, nickname and id in it is redacted wherever the
redaction analyzer finds it. Changed after a release, it changes the answers of whoever wrote
those words, and the ledger's rule 3 — refuse a report in which 1 to k−1 people changed —
answered whether a few people had written any word the analyst put in it: a row named
"Dyspraxic Qwxz" told that one person had written "dyspraxic", and beside a second word the
analyst knew one person's, that it was the same person (red team, stop 38). So after a release
the roster may change only with at least k participants the workspace has never reported (a
new intake brings its own names); otherwise the same roster, or a new workspace.

Kept as keyed tags of each entry (``ledger_roster``), never the names.
"""

from __future__ import annotations

from collections.abc import Iterable

from reflect.errors import DisclosureRefused
from reflect.keys import keyed_tag, pseudonym
from reflect.privacy.identity import PURPOSE, person_tag
from reflect.roster import Roster

SCHEMA = "CREATE TABLE IF NOT EXISTS ledger_roster (tag VARCHAR PRIMARY KEY)"
RECORDED = "recorded"  # a release's roster was kept, even an empty one (none given)


def roster_tags(roster: Roster | None, key: bytes) -> frozenset[str]:
    """Keyed tags of the roster's entries, as written (case and spaces aside)."""
    if roster is None:
        return frozenset()
    entries = [
        *(("id", i) for i in roster.ids),
        *(("name", n) for n in roster.names),
        *(("nickname", n) for n in roster.nicknames),
    ]
    return frozenset(
        keyed_tag(key, PURPOSE, "roster", kind, " ".join(value.lower().split()))
        for kind, value in entries
        if value.strip()
    )


def check_roster(db, key: bytes, tags: frozenset[str], participants: Iterable[str], k: int):
    """Refuse a roster other than the one this workspace released reports with, unless at
    least k of ``participants`` (ids as exported) are new to the workspace."""
    db.execute(SCHEMA)
    released = db.execute("SELECT count(*) FROM ledger_releases").fetchall()[0][0]
    before = {tag for (tag,) in db.execute("SELECT tag FROM ledger_roster").fetchall()}
    if not released or RECORDED not in before or before - {RECORDED} == set(tags):
        return  # (a workspace from before rosters were kept: this run's is kept)
    known = {tag for (tag,) in db.execute("SELECT tag FROM ledger_people").fetchall()}
    new = {p for p in set(participants) if person_tag(key, pseudonym(p, key)) not in known}
    if len(new) < k:
        raise DisclosureRefused(
            "the roster differs from the one this workspace released reports with: a changed "
            "roster changes the answers of whoever wrote its names, and beside the earlier "
            f"reports that would show what those few wrote. Use the same roster (it may grow "
            f"with {k} or more new participants), or a new workspace"
        )


def remember_roster(db, tags: frozenset[str]) -> None:
    """After a release: the roster it was made with is the one later reports must use."""
    db.execute(SCHEMA)
    db.execute("DELETE FROM ledger_roster")
    for tag in sorted({*tags, RECORDED}):
        db.execute("INSERT INTO ledger_roster VALUES (?)", [tag])
