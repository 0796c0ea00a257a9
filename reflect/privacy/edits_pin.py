"""The analyst's edits (a review's splits, merges, hidden themes and taught answers, and the
taxonomy's themes) and the answers may not change in the same report once a workspace has
released one.

Rule 3 judges a theme's move among the people whose answers did not change (a "!" in five
bystanders' answers otherwise hid a one-person move). An analyst who changed a review and, in
the same export, touched the answers of everyone who wrote the split's phrase (a doubled space)
made its one moved person "changed" too: the move was ignored, and the views withheld the
cells that person was in (red team, stop 38). Changed one at a time, an edit is judged with
nobody changed — among everyone — and a new export with the edits as released.

Kept as one keyed digest of the edits (``ledger_edits``), after plain reports only: a DP report
in between judges no edit, and remembering its review let the next plain report change the
answers beside it (red team, stop 38). Renames change no count and are left out.
"""

from __future__ import annotations

import json

from reflect.errors import DisclosureRefused
from reflect.keys import keyed_tag
from reflect.privacy.identity import PURPOSE

SCHEMA = "CREATE TABLE IF NOT EXISTS ledger_edits (digest VARCHAR)"


def edits_digest(review, key: bytes, taxonomy=()) -> str:
    """A keyed digest of what the analyst set that moves the counts: the review's edits
    (``None``: none) and the taxonomy's themes, which move answers as a split does."""
    edits: dict = {
        "taxonomy": [
            [t.id, t.label, t.description, list(t.seeds), t.kind, t.stance] for t in taxonomy
        ],  # fmt: skip
    }
    if review is not None:
        edits |= {
            "hidden": sorted(review.hidden),
            "merges": sorted([m.themes for m in review.merges]),
            "splits": sorted([s.theme, sorted(s.phrases), s.new_ref] for s in review.splits),
            "teaching": sorted(review.judgements()),
            "signatures": sorted([r, sorted(p)] for r, p in review.signatures.items()),
        }
    return keyed_tag(key, PURPOSE, "edits", json.dumps(edits, sort_keys=True))


def edits_changed(db, digest: str) -> bool:
    """Whether the edits differ from those of the last release (none kept yet: no)."""
    db.execute(SCHEMA)
    rows = db.execute("SELECT digest FROM ledger_edits").fetchall()
    return bool(rows) and rows[0][0] != digest


def check_edits(changed_edits: bool, changed_people: int) -> None:
    if changed_edits and changed_people:
        raise DisclosureRefused(
            "both the theme review (its edits or taught answers) or the taxonomy, and the "
            "answers, changed since a report released from this workspace: side by side, a "
            "moved theme could not be told from a changed answer. Report the new answers with "
            "the released review and taxonomy first, then the new ones (or the other way round)"
        )


def remember_edits(db, digest: str) -> None:
    """After a release: the edits it was made with."""
    db.execute(SCHEMA)
    db.execute("DELETE FROM ledger_edits")
    db.execute("INSERT INTO ledger_edits VALUES (?)", [digest])
