"""What the analyst sets, pinned once a workspace has released a report: each kept as one
keyed digest (tables ``ledger_roster``, ``ledger_taxonomy``, ``ledger_teaching``,
``ledger_edits``), never the names
or phrases, and the own-id shapes (``ledger_id_shapes``). A workspace that released reports
before a pin existed has it fixed by its next run, refused or not: kept only after a release,
a refused run kept nothing and each probe could bring its own roster (red team, stop 39).

**The roster** is fixed. It is the analyst's file, and every name, nickname and id in it is
redacted wherever the redaction analyzer finds it. Changed after a release, it changes the
answers of whoever wrote those words, and the ledger's rule 3 — refuse a report in which 1 to
k−1 people changed — answered whether a few people had written any word the analyst put in it:
a row named "Dyspraxic Qwxz" told that one person had written "dyspraxic", and beside a second
word the analyst knew one person's, that it was the same person (red team, stop 38). Allowing a
change beside k new participants did not hold: k participants renamed in the export are no
newcomers to the ledger, which knows people by their answers, and k made-up rows are (code
review, stop 38). So after a release the roster stays as it was — in every entry, even one that
would redact nothing new ("José" for "Jose"), and after `reflect forget` too (the erased
person's name may stay: it is still redacted, which is what erasure wants) — or a new
workspace.

**The taught answers** are fixed too. A taught answer joins or leaves its theme by its text, and
its embedding moves the theme's edge. Its twin (the answer with a space added: the same
embedding, no answer's text) moves the edge alone, so a review teaching the answer against one
teaching its twin differed by the writer alone, and rule 3's refusal told whether that person
was in the theme: all eleven of one person's taxonomy themes, read from one answer (red team,
stop 39). Any test of the move answers the same question, so taught answers are set before a
workspace's first report, or in a new workspace; the digest covers the verdicts that apply (a
theme the taxonomy has: renaming a theme to a taught id switched one verdict on alone). Within
one report, a verdict decides only an answer k people wrote (``teach.apply_verdicts``).

**The shapes of the export's own ids** looked for in answers ("a99999" for "E21136";
``roster.common_id_shapes``) are those of the first release: renaming most ids in a later
export to a new shape must not start a search for a word ("covid19").

**The taxonomy** is fixed too: added after a first report, a copy of a theme moved by one
person's label word or taught answer was refused or written by that person's membership, and
listed first in one report and left out of the next, the theme it shadowed showed it (code
review, stop 39).

**The edits** (a review's splits, merges, hidden themes and taught answers, and the taxonomy's
themes) and the answers may not change in the same report.

Rule 3 judges a theme's move among the people whose answers did not change (a "!" in five
bystanders' answers otherwise hid a one-person move). An analyst who changed a review and, in
the same export, touched the answers of everyone who wrote the split's phrase (a doubled space)
made its one moved person "changed" too: the move was ignored, and the views withheld the
cells that person was in (red team, stop 38). Changed one at a time, an edit is judged with
nobody changed — among everyone — and a new export with the edits as released.

The edits are kept after plain reports only: a DP report in between judges no edit, and
remembering its review let the next plain report change the answers beside it (red team,
stop 38). Renames change no count and are left out.
"""

from __future__ import annotations

import json

from reflect.errors import DisclosureRefused
from reflect.keys import keyed_tag
from reflect.privacy.identity import PURPOSE
from reflect.roster import Roster, common_id_shapes


def roster_digest(roster: Roster | None, key: bytes) -> str:
    """A keyed digest of the roster's entries, as written (case and spaces aside)."""
    entries = [] if roster is None else sorted(
        [kind, " ".join(value.lower().split())]
        for kind, values in (("id", roster.ids), ("name", roster.names),
                             ("nickname", roster.nicknames))
        for value in values
        if value.strip()
    )  # fmt: skip
    return keyed_tag(key, PURPOSE, "roster", json.dumps(entries))


def edits_digest(review, key: bytes, taxonomy=()) -> str:
    """A keyed digest of what the analyst set that moves the counts: the review's edits
    (``None``: none) and the taxonomy's themes, which move answers as a split does."""
    edits: dict = {"taxonomy": _themes(taxonomy)}
    if review is not None:
        edits |= {
            "hidden": sorted(review.hidden),
            "merges": sorted([m.themes for m in review.merges]),
            "splits": sorted([s.theme, sorted(s.phrases), s.new_ref] for s in review.splits),
            "teaching": sorted(review.judgements()),
            "signatures": sorted([r, sorted(p)] for r, p in review.signatures.items()),
        }
    return keyed_tag(key, PURPOSE, "edits", json.dumps(edits, sort_keys=True))


def taxonomy_digest(taxonomy, key: bytes) -> str:
    """A keyed digest of the taxonomy's themes as they move answers."""
    return keyed_tag(key, PURPOSE, "taxonomy", json.dumps(_themes(taxonomy)))


def _themes(taxonomy) -> list:
    """The taxonomy's themes as they move answers."""
    return [[t.id, t.label, t.description, list(t.seeds), t.kind, t.stance] for t in taxonomy]


def teaching_digest(review, key: bytes, theme_ids) -> str:
    """A keyed digest of the taught answers that apply: those of a theme in the taxonomy
    (``theme_ids``). A verdict for a theme the taxonomy lacks waits unused, and a taxonomy
    renaming a theme to its id switched that one verdict on alone (red team, stop 39)."""
    ids = set(theme_ids)
    applied = [] if review is None else sorted(j for j in review.judgements() if j[1] in ids)
    return keyed_tag(key, PURPOSE, "teaching", json.dumps(applied))


def id_shapes(db, ids, k: int) -> frozenset[str]:
    """The own-id shapes this workspace's reports use: those kept at its first release, else
    the shapes most of ``ids`` share (kept at once in a workspace from before this pin)."""
    kept = _kept(db, "ledger_id_shapes")
    if kept is not None:
        return frozenset(json.loads(kept))
    shapes = common_id_shapes(ids, k)
    if _released_before(db):
        keep(db, "ledger_id_shapes", json.dumps(sorted(shapes)))
    return shapes


def keep_id_shapes(db, shapes: frozenset[str]) -> None:
    """After a release: the shapes are those of the first one."""
    if _kept(db, "ledger_id_shapes") is None:
        keep(db, "ledger_id_shapes", json.dumps(sorted(shapes)))


def _kept(db, table: str) -> str | None:
    db.execute(f"CREATE TABLE IF NOT EXISTS {table} (digest VARCHAR)")
    rows = db.execute(f"SELECT digest FROM {table}").fetchall()
    return rows[0][0] if rows else None


def _released_before(db) -> bool:
    tables = "SELECT count(*) FROM information_schema.tables WHERE table_name = 'ledger_releases'"
    if not db.execute(tables).fetchall()[0][0]:
        return False
    return db.execute("SELECT count(*) FROM ledger_releases").fetchall()[0][0] > 0


def _fixed_changed(db, table: str, digest: str) -> bool:
    """Whether ``digest`` differs from the one a pin fixed. A workspace that released reports
    before the pin existed has it fixed by its next run, refused or not: kept only after a
    release, a refused run kept nothing and the next could try again (red team, stop 39)."""
    if _kept(db, table) is None and _released_before(db):
        keep(db, table, digest)
    return changed(db, table, digest)


def changed(db, table: str, digest: str) -> bool:
    """Whether ``digest`` differs from the one kept in ``table`` at the last release (none
    kept yet — no release, or a workspace from before pins were kept: no)."""
    kept = _kept(db, table)
    return kept is not None and kept != digest


def keep(db, table: str, digest: str) -> None:
    """After a release: the digest later reports are set against."""
    db.execute(f"CREATE TABLE IF NOT EXISTS {table} (digest VARCHAR)")
    db.execute(f"DELETE FROM {table}")
    db.execute(f"INSERT INTO {table} VALUES (?)", [digest])


# What each fixed setting protects, and what to do instead (``check_fixed``).
_FIXED = {
    "roster": (
        "the roster differs from the one this workspace released reports with: a changed "
        "roster changes the answers of whoever wrote its names, and beside the earlier "
        "reports that would show what those few wrote. Use the same roster file, or a new "
        "workspace (--workspace) for the new roster"
    ),
    "taxonomy": (
        "the taxonomy differs from the one this workspace released reports with: beside "
        "the earlier reports, a theme added or changed could be another theme and one "
        "person. Use the same taxonomy, or a new workspace (--workspace) for the new one"
    ),
    "teaching": (
        "the taught answers differ from those this workspace released reports with: beside "
        "the earlier reports, what one taught answer moves tells which themes its writer is "
        "in. Teach before a workspace's first report, or use a new workspace (--workspace) "
        "for the new teaching"
    ),
}


def check_fixed(db, setting: str, digest: str) -> None:
    """Refuse a roster, taxonomy or teaching (``setting``) other than the one this
    workspace released reports with (kept in table ``ledger_<setting>``)."""
    if _fixed_changed(db, f"ledger_{setting}", digest):
        raise DisclosureRefused(_FIXED[setting])


def check_roster(db, digest: str) -> None:
    check_fixed(db, "roster", digest)


def check_taxonomy(db, digest: str) -> None:
    check_fixed(db, "taxonomy", digest)


def check_teaching(db, digest: str) -> None:
    check_fixed(db, "teaching", digest)


def check_edits(changed_edits: bool, changed_people: int) -> None:
    """Refuse a report in which both the edits and the answers changed."""
    if changed_edits and changed_people:
        raise DisclosureRefused(
            "both the theme review (its edits or taught answers) or the taxonomy, and the "
            "answers, changed since a report released from this workspace: side by side, a "
            "moved theme could not be told from a changed answer. Report the new answers with "
            "the released review and taxonomy first, then the new ones (or the other way round)"
        )
