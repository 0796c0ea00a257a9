"""The roster a workspace reports with is fixed once it has released a report.

A roster is the analyst's file, and every name, nickname and id in it is redacted wherever the
redaction analyzer finds it. Changed after a release, it changes the answers of whoever wrote
those words, and the ledger's rule 3 — refuse a report in which 1 to k−1 people changed —
answered whether a few people had written any word the analyst put in it: a row named
"Dyspraxic Qwxz" told that one person had written "dyspraxic", and beside a second word the
analyst knew one person's, that it was the same person (red team, stop 38). Allowing a change
beside k new participants did not hold: k participants renamed in the export are no newcomers
to the ledger, which knows people by their answers, and k made-up rows are (code review, stop
38). So after a release the roster stays as it was — in every entry, even one that would
redact nothing new ("José" for "Jose"), and after `reflect forget` too (the erased person's
name may stay: it is still redacted, which is what erasure wants) — or a new workspace.

Kept as keyed tags of each entry (``ledger_roster``), never the names.
"""

from __future__ import annotations

from reflect.errors import DisclosureRefused
from reflect.keys import keyed_tag
from reflect.privacy.identity import PURPOSE
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


def check_roster(db, tags: frozenset[str]) -> None:
    """Refuse a roster other than the one this workspace released reports with."""
    db.execute(SCHEMA)
    released = db.execute("SELECT count(*) FROM ledger_releases").fetchall()[0][0]
    before = {tag for (tag,) in db.execute("SELECT tag FROM ledger_roster").fetchall()}
    if not released or RECORDED not in before or before - {RECORDED} == set(tags):
        return  # (a workspace from before rosters were kept: this run's is kept)
    raise DisclosureRefused(
        "the roster differs from the one this workspace released reports with: a changed "
        "roster changes the answers of whoever wrote its names, and beside the earlier "
        "reports that would show what those few wrote. Use the same roster file, or a new "
        "workspace (--workspace) for the new roster"
    )


def remember_roster(db, tags: frozenset[str]) -> None:
    """After a release: the roster it was made with is the one later reports must use."""
    db.execute(SCHEMA)
    db.execute("DELETE FROM ledger_roster")
    for tag in sorted({*tags, RECORDED}):
        db.execute("INSERT INTO ledger_roster VALUES (?)", [tag])
