"""Erasure (``reflect forget``): every row of one person goes from every table, the database
file is rewritten so deleted values do not linger, and a ``STALE`` marker says that earlier
reports still include them (see the package doc)."""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb
import pandas as pd

from reflect.atomic import write_text
from reflect.errors import ConfigError
from reflect.keys import ID_SEPARATORS, id_key, keyed_tag, load_key, pseudonym
from reflect.workspace.private import FILE_MODE, private_umask

if TYPE_CHECKING:
    from reflect.workspace.store import Workspace

STALE = "STALE"


def owner_tag(key: bytes, pseudonym: str, text_hash: str) -> str:
    return keyed_tag(key, "owner", pseudonym, text_hash)


def utc_now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(frozen=True)
class Erasure:
    """What ``forget`` removed (counts of rows, never their contents)."""

    reflections: int
    redactions: int
    embeddings: int
    other_rows: int
    taught: int = 0  # answers of theirs taken out of the review file
    # the cache keys of the answers only they wrote (in memory only, for the review file)
    own_texts: frozenset[str] = field(default=frozenset(), repr=False)


def erase(workspace: Workspace, pseudonyms: Sequence[str], key: bytes) -> Erasure:
    """Delete every row of one person — known by each of ``pseudonyms``, the pseudonyms of
    the spellings of their id — and rewrite the database file once (see the package doc)."""
    deleted = {"reflections": 0, "redactions": 0, "embeddings": 0, "other_rows": 0}
    own: set[str] = set()
    for name in pseudonyms:
        own |= _erase_rows(workspace, name, key, deleted)
    _rewrite(workspace)
    write_text(
        workspace.folder / STALE,
        f"A participant was erased at {utc_now()} (reflect forget): reports produced before "
        "then still include them; re-run reflect analyse to replace them.\n",
        permissions=FILE_MODE,
    )
    return Erasure(**deleted, own_texts=frozenset(own))


def _erase_rows(workspace: Workspace, pseudonym: str, key: bytes, deleted: dict) -> set[str]:
    """Delete the rows of one pseudonym; returns the keys of the texts nobody else wrote."""
    db = workspace.db
    rows = db.execute("SELECT tag, text_hash FROM owners").fetchall()
    mine = [(tag, h) for tag, h in rows if tag == owner_tag(key, pseudonym, h)]
    hashes = sorted({h for _, h in mine})
    writers = Counter(h for _, h in rows)
    own = {h for h in hashes if writers[h] == 1}
    deleted["reflections"] += len(hashes)
    with workspace.table("gone", pd.DataFrame({"tag": [t for t, _ in mine]}, dtype=str)):
        db.execute("DELETE FROM owners WHERE tag IN (SELECT tag FROM gone)")
    hashes += sorted(_parts_of(workspace, hashes) - set(hashes))
    with workspace.table("gone", pd.DataFrame({"text_hash": hashes}, dtype=str)):
        for table, columns in _tables(db).items():
            if table in ("erased", "owners"):
                continue  # owners: others who wrote the same text keep their tags
            conditions = []
            if "text_hash" in columns:
                conditions.append("text_hash IN (SELECT text_hash FROM gone)")
            if "pseudonym" in columns:
                conditions.append("pseudonym = $p")
            if table == "redactions":
                conditions.append("sha256(redacted) IN (SELECT text_hash FROM gone)")
            if not conditions:
                continue
            where = " OR ".join(conditions)
            params = {"p": pseudonym} if "pseudonym" in columns else {}
            (n,) = db.execute(f"SELECT count(*) FROM {table} WHERE {where}", params).fetchone()
            db.execute(f"DELETE FROM {table} WHERE {where}", params)
            deleted[table if table in deleted else "other_rows"] += n
    db.execute("INSERT OR REPLACE INTO erased VALUES (?, ?)", [pseudonym, utc_now()])
    # The release ledger keeps the sizes of what was released, not the person in them.
    from reflect.privacy.ledger import erase_person

    erase_person(db, key, pseudonym)
    return own


def _parts_of(workspace: Workspace, hashes: list[str]) -> set[str]:
    """The cache keys of the pieces of the person's redacted answers that the themes and the
    quote screen embed on their own — sentences, clauses and runs of up to six words (a
    phrase) — so their vectors go too: 20 of one person's 20 sentence vectors stayed after a
    forget, keyed by a plain hash of the sentence (red team, stop 40). Another person's copy
    of a piece is only computed again."""
    from reflect import frames as F
    from reflect.sentences import split_sentences
    from reflect.themes.assign import split_sentences as split_clauses

    with workspace.table("gone", pd.DataFrame({"text_hash": hashes}, dtype=str)):
        texts = [t for (t,) in workspace.db.execute(
            "SELECT redacted FROM redactions WHERE sha256(redacted) IN (SELECT text_hash FROM gone)"
        ).fetchall()]  # fmt: skip
    parts: set[str] = set()
    for text in texts:
        parts.update(p.strip() for p in [*split_sentences(text), *split_clauses(text)])
        # as written, and as the phrase finder writes phrases: "sign-off chains" is "sign off
        # chain" (red team, stop 41), "Teams" may be "teams"
        for words in (text.split(), _WORDISH.findall(text.lower())):
            for n in range(1, _PHRASE_WORDS + 1):
                for i in range(len(words) - n + 1):
                    run = " ".join(words[i : i + n])
                    bare = run.strip(".,;:!?\"'()")
                    parts |= {run, bare, bare.lower(), bare.lower().removesuffix("s")}
    return {F.text_hash(p) for p in parts if p}


_WORDISH = re.compile(r"[^\W_]+(?:'[^\W_]+)?")
_PHRASE_WORDS = 6


def _tables(db) -> dict[str, set[str]]:
    rows = db.execute(
        "SELECT table_name, column_name FROM information_schema.columns "
        "WHERE table_catalog = current_database() AND table_schema = 'main'"
    ).fetchall()
    tables: dict[str, set[str]] = {}
    for table, column in rows:
        tables.setdefault(table, set()).add(column)
    return tables


def _rewrite(workspace: Workspace) -> None:
    """Copy the live data into a fresh file and swap it in: deleted values that DuckDB
    left in free blocks or the write-ahead log do not survive."""
    fresh = workspace.folder / "cache.fresh.duckdb"
    fresh.unlink(missing_ok=True)
    (name,) = workspace.db.execute("SELECT current_database()").fetchone()
    with private_umask():
        workspace.db.execute("ATTACH ? AS fresh", [str(fresh)])
        workspace.db.execute(f'COPY FROM DATABASE "{name}" TO fresh')
        workspace.db.execute("DETACH fresh")
    workspace.db.close()
    os.replace(fresh, workspace.path)
    for leftover in workspace.folder.glob(workspace.path.name + ".wal"):
        leftover.unlink()
    with private_umask():
        workspace.db = duckdb.connect(str(workspace.path))


def forget(
    folder: Path, participant_id: str, key: bytes | None = None, review: Path | None = None
) -> Erasure:
    """Erase one participant (by their raw id, used only to compute the pseudonym with the
    pseudonymisation key — by default the one ``reflect analyse`` uses; a workspace made
    with another key is refused rather than silently erasing nobody), and their taught
    answers from the ``review`` file."""
    folder = Path(folder)
    if not (folder / "cache.duckdb").exists():
        raise ConfigError(f"{folder}: no reflect workspace here")
    key = key if key is not None else load_key(create=False, forbidden=(folder,))
    from reflect.workspace.store import Workspace

    with Workspace(folder, key) as workspace:
        typed = [participant_id, *_as_numbered(workspace, participant_id, key)]
        kept = [s for typed_id in typed for s in _kept_spellings(workspace, typed_id, key)]
        for typed_id in typed:  # before the rewrite; the number's shape too, theirs alone
            tag = spelling_tag(key, typed_id)
            workspace.db.execute("DELETE FROM spellings WHERE tag = ?", [tag])
            if shape := number_shape(key, typed_id):
                workspace.db.execute("DELETE FROM spellings WHERE tag = ? AND shape = ?", shape)
        spellings = [*(s for typed_id in typed for s in id_spellings(typed_id)), *kept]
        names = [pseudonym(p, key) for p in dict.fromkeys(spellings)]
        erased = workspace.forget([*names, erased_id_tag(key, participant_id)], key)
    if review is not None and Path(review).exists():
        erased = replace(erased, taught=_untaught(Path(review), erased.own_texts))
    return erased


def _untaught(path: Path, own_texts: frozenset[str]) -> int:
    """Take the person's answers out of the review file's taught answers (``reflect themes
    teach`` keeps them, redacted): what only they wrote is theirs to have erased. A workspace
    that released reports keeps its taught answers fixed (``privacy.pins``): its next report
    is refused, and a new workspace takes the review as it is now."""
    from reflect import frames as F
    from reflect.review.files import load_review, save_review

    review = load_review(path)
    removed = 0
    for entry in review.teaching.values():
        for verdict, texts in entry.items():
            kept = [t for t in texts if F.text_hash(t) not in own_texts]
            removed += len(texts) - len(kept)
            entry[verdict] = kept
    if removed:
        save_review(review, path)
    return removed


def id_shape(participant_id: str) -> str | None:
    """Where the separators of an id with digits stand in it, as JSON ("RM-0553":
    ``[[2, "-"]]``), or None for an id whose separators tell people apart (``keys.id_key``)."""
    value = " ".join(participant_id.strip().lower().split())
    if id_key(value) != ID_SEPARATORS.sub("", value):
        return None
    shape = [[len(ID_SEPARATORS.sub("", value[: m.start()])), m.group()]
             for m in ID_SEPARATORS.finditer(value)]  # fmt: skip
    return json.dumps(shape) if shape else None


def spelling_tag(key: bytes, participant_id: str) -> str:
    return keyed_tag(key, "spelling", id_key(participant_id))


_NUMBERED = re.compile(r"([^\W\d_]*)(\d+)")


def number_shape(key: bytes, participant_id: str) -> tuple[str, str] | None:
    """An id's number under a keyed tag, and its prefix and width as JSON ("E086954": 86954,
    ``["e", 6]``): ``forget`` given "E86954" or "86954" finds the "E086954" ingest read
    them as (``ingest.rows.participant_ids``). Never the id itself, nor a prefix that could
    be part of a name ("smith123"): an id scheme's letters are up to three."""
    parts = _NUMBERED.fullmatch(id_key(participant_id))
    if parts is None or len(parts[1]) > 3:
        return None
    return keyed_tag(key, "id number", str(int(parts[2]))), json.dumps([parts[1], len(parts[2])])


def _as_numbered(workspace: Workspace, participant_id: str, key: bytes) -> list[str]:
    """The id as the workspace's runs wrote its number: prefix and width (``number_shape``)."""
    if (found := number_shape(key, participant_id)) is None:
        return []
    rows = workspace.db.execute("SELECT shape FROM spellings WHERE tag = ?", [found[0]])
    shapes = [json.loads(shape) for (shape,) in rows.fetchall()]
    typed, digits = _NUMBERED.fullmatch(id_key(participant_id)).groups()
    if not shapes and typed:  # a workspace last run before shapes were kept (stop 42)
        shapes = [(typed, len(digits) + n) for n in (1, 2, 3)]
    prefixes = {prefix for prefix, _ in shapes}
    if typed:  # "C86954" is no "E086954"'s; "86954" is when one prefix has that number
        shapes = [(prefix, width) for prefix, width in shapes if prefix == typed]
    elif len(prefixes) > 1:
        return []
    return [prefix + str(int(digits)).zfill(width) for prefix, width in shapes]


def erased_id_tag(key: bytes, participant_id: str) -> str:
    """Kept among the erased pseudonyms: a later export spelling the id another way still
    drops the person's rows (``drop_erased``)."""
    return keyed_tag(key, "erased id", id_key(participant_id))


def _kept_spellings(workspace: Workspace, participant_id: str, key: bytes) -> list[str]:
    """The spellings of the id that ingest kept in this workspace's runs, from their shapes."""
    tag = spelling_tag(key, participant_id)
    rows = workspace.db.execute("SELECT shape FROM spellings WHERE tag = ?", [tag]).fetchall()
    bare, out = id_key(participant_id), []
    for (shape,) in rows:
        spelt, at = bare, 0
        for position, separator in json.loads(shape):
            spelt = spelt[: position + at] + separator + spelt[position + at :]
            at += len(separator)
        out.append(spelt)
    return out


def id_spellings(participant_id: str) -> list[str]:
    """The id as typed and as an export may type it with another separator, or none, between
    its letters and digits ("RM-0553", "RM0553", "rm 0553"): ingest reads those as one person,
    written as the export writes it most (``ingest.rows.participant_ids``); for runs that
    recorded no spellings (``_kept_spellings``: from stop 41 on they do)."""
    bare = ID_SEPARATORS.sub("", participant_id.strip())
    parts = re.fullmatch(r"([^\W\d_]+)(\d+)", bare)
    if parts is None or "@" in participant_id:
        return [participant_id]
    joined = (parts[1] + sep + parts[2] for sep in ("", "-", "_", ".", "/", " "))
    return list(dict.fromkeys([participant_id, *joined]))


def drop_erased(frame: pd.DataFrame, erased: set[str], key: bytes) -> pd.DataFrame:
    """The ingested frame without the rows of erased participants (matched by pseudonym, so
    the workspace never stores their raw ids)."""
    if not erased:
        return frame
    from reflect import frames as F

    ids = frame[F.PARTICIPANT].astype(str)
    gone = ids.map(lambda p: pseudonym(p, key)).isin(erased)
    gone |= ids.map(lambda p: erased_id_tag(key, p)).isin(erased)  # spelt another way now
    return frame[~gone]
