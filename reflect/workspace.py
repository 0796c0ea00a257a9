"""The workspace: an embedded DuckDB file of per-text caches, so a re-run only does the work
that is new. It holds redacted text, keyed hashes and vectors only — never raw text, names
or participant ids.

Tables
- ``redactions(key, redacted, labels)``: key = HMAC(key, redaction fingerprint + raw text)
- ``embeddings(model, text_hash, vector)``: text_hash = sha256(redacted text)
- ``owners(tag, text_hash, run_id)``: whose texts the caches hold, written by the pipeline
  after redaction so that ``forget`` can find a person's rows. tag = HMAC(key, pseudonym +
  text hash), different for every text: without the key the workspace does not even tell
  which texts share an author, yet with the key ``forget`` recognises a person's rows.
- ``parses(text_hash, context, payload)``: the phrase candidates of each redacted text (JSON),
  so a re-run parses only new texts; context = the parsing code's and spaCy's versions and the
  question's words (see ``themes/parse_cache.py``)
- ``runs(run_id, started_at, finished_at, reflections)``: when each analysis ran
- ``erased(pseudonym, erased_at)``: people erased with ``reflect forget``; the pipeline drops
  their rows before redaction on every later run, so re-running on the same export does not
  bring them back. A pseudonym means nothing without the key.

Erasure (``forget``) deletes every row of a person from every table: their ``owners`` rows,
rows whose ``text_hash`` is one of their texts (any table with that column, so later caches
following the convention are covered), rows whose ``pseudonym`` is theirs, and redactions whose
redacted text hashes to one of theirs. A text two people wrote identically ("nothing much")
goes from the caches too and is simply recomputed for the other person. DuckDB may keep
deleted values in free blocks of the file, so the database is then copied into a fresh file
that replaces the old one, and a ``STALE`` marker tells the next run (and the analyst) that
reports produced before the erasure still include the person.

The key and the files
- ``settings(name, value)`` holds ``key_fingerprint``: a one-way keyed value of the key the
  workspace was made with (``reflect.keys.fingerprint``). A workspace opened with another key
  is refused: under another key every pseudonym changes, so ``erased`` would match nobody and
  forgotten people would be counted again. To start afresh, point ``--workspace`` at a new
  folder (or delete this one) — and remove erased people from the export first.
- The folder is private (0700) and every file in it 0600: the cache holds redacted text, and
  with it whatever redaction missed.
"""

from __future__ import annotations

import os
import stat
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd

from reflect.atomic import write_text
from reflect.errors import ConfigError, WorkspaceBusyError
from reflect.keys import KEY_ENV, KEY_FILE_ENV, fingerprint, keyed_tag, load_key, pseudonym

_SCHEMA = """
CREATE TABLE IF NOT EXISTS redactions (key VARCHAR PRIMARY KEY, redacted VARCHAR, labels VARCHAR);
CREATE TABLE IF NOT EXISTS embeddings (
    model VARCHAR, text_hash VARCHAR, vector FLOAT[], PRIMARY KEY (model, text_hash));
CREATE TABLE IF NOT EXISTS owners (tag VARCHAR PRIMARY KEY, text_hash VARCHAR, run_id VARCHAR);
CREATE TABLE IF NOT EXISTS runs (
    run_id VARCHAR PRIMARY KEY, started_at VARCHAR, finished_at VARCHAR, reflections INTEGER);
CREATE TABLE IF NOT EXISTS erased (pseudonym VARCHAR PRIMARY KEY, erased_at VARCHAR);
CREATE TABLE IF NOT EXISTS parses (
    text_hash VARCHAR, context VARCHAR, payload VARCHAR, PRIMARY KEY (text_hash, context));
CREATE TABLE IF NOT EXISTS settings (name VARCHAR PRIMARY KEY, value VARCHAR);
"""
STALE = "STALE"
_FOLDER_MODE, _FILE_MODE = 0o700, 0o600


def owner_tag(key: bytes, pseudonym: str, text_hash: str) -> str:
    return keyed_tag(key, "owner", pseudonym, text_hash)


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(frozen=True)
class Erasure:
    """What ``forget`` removed (counts of rows, never their contents)."""

    reflections: int
    redactions: int
    embeddings: int
    other_rows: int


class Workspace:
    """``key``: the pseudonymisation key of this run. The first run records its fingerprint;
    any later opening with another key is refused (see module doc). Without a key (caches
    only: tests, benchmarks) nothing is checked."""

    def __init__(self, folder: Path, key: bytes | None = None) -> None:
        self.folder = Path(folder)
        _make_private(self.folder)
        self.path = self.folder / "cache.duckdb"
        try:
            with _private_umask():
                self.db = duckdb.connect(str(self.path))
        except duckdb.IOException as error:
            if "lock" not in str(error).lower():
                raise
            raise WorkspaceBusyError(
                f"workspace {self.folder} is in use by another reflect run; wait for it to "
                "finish or pass another --workspace"
            ) from None
        self.db.execute(_SCHEMA)
        self.key = key
        if key is not None:
            try:
                self._check_key(key)
            except ConfigError:
                self.close()
                raise

    def _check_key(self, key: bytes) -> None:
        row = self.db.execute("SELECT value FROM settings WHERE name = 'key_fingerprint'")
        recorded = row.fetchone()
        if recorded is None:
            self.db.execute(
                "INSERT INTO settings VALUES ('key_fingerprint', ?)", [fingerprint(key)]
            )
        elif recorded[0] != fingerprint(key):
            raise ConfigError(
                f"workspace {self.folder} was made with another pseudonymisation key: under this "
                "key its erasures (reflect forget) would match nobody. Use the key it was made "
                f"with ({KEY_FILE_ENV} or {KEY_ENV}), or start a fresh workspace with "
                "--workspace NEW_FOLDER after removing erased people from the export "
                "(README: the key)"
            )

    def _key(self, key: bytes | None) -> bytes:
        """The key for keyed tags: the one given, else the workspace's, else the user's —
        checked against the workspace's fingerprint in every case."""
        key = key if key is not None else self.key if self.key is not None else load_key()
        if key != self.key:
            self._check_key(key)
            self.key = key
        return key

    def close(self) -> None:
        self.db.close()
        _make_private(self.folder)

    # -- ownership, runs and erasure -----------------------------------------------------------
    def start_run(self) -> str:
        run_id = uuid.uuid4().hex[:12]
        self.db.execute("INSERT INTO runs VALUES (?, ?, NULL, NULL)", [run_id, _now()])
        return run_id

    def finish_run(self, run_id: str, reflections: int) -> None:
        self.db.execute(
            "UPDATE runs SET finished_at = ?, reflections = ? WHERE run_id = ?",
            [_now(), reflections, run_id],
        )
        (self.folder / STALE).unlink(missing_ok=True)

    def record_reflections(
        self, pseudonyms: list[str], hashes: list[str], run_id: str, key: bytes | None = None
    ) -> None:
        """Remember whose texts the caches now hold, as keyed owner tags (see module doc)."""
        key = self._key(key)
        pairs = sorted(set(zip(pseudonyms, hashes, strict=True)))
        rows = pd.DataFrame(
            {
                "tag": [owner_tag(key, p, h) for p, h in pairs],
                "text_hash": [h for _, h in pairs],
                "run_id": run_id,
            }
        )
        with self._table("new", rows):
            self.db.execute("INSERT OR REPLACE INTO owners SELECT tag, text_hash, run_id FROM new")

    def erased(self) -> set[str]:
        return {p for (p,) in self.db.execute("SELECT pseudonym FROM erased").fetchall()}

    def stale_note(self) -> str | None:
        """Why earlier reports are out of date, if they are."""
        marker = self.folder / STALE
        return marker.read_text(encoding="utf-8").strip() if marker.exists() else None

    def forget(self, pseudonym: str, key: bytes | None = None) -> Erasure:
        """Delete every row of one person and rewrite the database file (see module doc)."""
        key = self._key(key)
        rows = self.db.execute("SELECT tag, text_hash FROM owners").fetchall()
        mine = [(tag, h) for tag, h in rows if tag == owner_tag(key, pseudonym, h)]
        hashes = sorted({h for _, h in mine})
        deleted = {"reflections": len(hashes), "redactions": 0, "embeddings": 0, "other_rows": 0}
        with self._table("gone", pd.DataFrame({"tag": [t for t, _ in mine]}, dtype=str)):
            self.db.execute("DELETE FROM owners WHERE tag IN (SELECT tag FROM gone)")
        with self._table("gone", pd.DataFrame({"text_hash": hashes}, dtype=str)):
            for table, columns in self._tables().items():
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
                (n,) = self.db.execute(
                    f"SELECT count(*) FROM {table} WHERE {where}", params
                ).fetchone()
                self.db.execute(f"DELETE FROM {table} WHERE {where}", params)
                deleted[table if table in deleted else "other_rows"] += n
        self.db.execute("INSERT OR REPLACE INTO erased VALUES (?, ?)", [pseudonym, _now()])
        # The release ledger keeps the sizes of what was released, not the person in them.
        from reflect.privacy.ledger import erase_person

        erase_person(self.db, key, pseudonym)
        self._rewrite()
        write_text(
            self.folder / STALE,
            f"A participant was erased at {_now()} (reflect forget): reports produced before "
            "then still include them; re-run reflect analyse to replace them.\n",
            permissions=_FILE_MODE,
        )
        return Erasure(**deleted)

    def _tables(self) -> dict[str, set[str]]:
        rows = self.db.execute(
            "SELECT table_name, column_name FROM information_schema.columns "
            "WHERE table_catalog = current_database() AND table_schema = 'main'"
        ).fetchall()
        tables: dict[str, set[str]] = {}
        for table, column in rows:
            tables.setdefault(table, set()).add(column)
        return tables

    def _rewrite(self) -> None:
        """Copy the live data into a fresh file and swap it in: deleted values that DuckDB
        left in free blocks or the write-ahead log do not survive."""
        fresh = self.folder / "cache.fresh.duckdb"
        fresh.unlink(missing_ok=True)
        (name,) = self.db.execute("SELECT current_database()").fetchone()
        with _private_umask():
            self.db.execute("ATTACH ? AS fresh", [str(fresh)])
            self.db.execute(f'COPY FROM DATABASE "{name}" TO fresh')
            self.db.execute("DETACH fresh")
        self.db.close()
        os.replace(fresh, self.path)
        for leftover in self.folder.glob(self.path.name + ".wal"):
            leftover.unlink()
        with _private_umask():
            self.db = duckdb.connect(str(self.path))

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def _table(self, name: str, frame: pd.DataFrame) -> Iterator[None]:
        self.db.register(name, frame)
        try:
            yield
        finally:
            self.db.unregister(name)

    # -- redactions -------------------------------------------------------------------------
    def get_redactions(self, keys: list[str]) -> dict[str, tuple[str, str]]:
        if not keys:
            return {}
        with self._table("wanted", pd.DataFrame({"key": keys})):
            rows = self.db.execute(
                "SELECT r.key, r.redacted, r.labels FROM redactions r JOIN wanted w USING (key)"
            ).fetchall()
        return {k: (red, labels) for k, red, labels in rows}

    def put_redactions(self, items: dict[str, tuple[str, str]]) -> None:
        if not items:
            return
        new = pd.DataFrame(
            [(k, red, labels) for k, (red, labels) in items.items()],
            columns=["key", "redacted", "labels"],
        )
        with self._table("new", new):
            self.db.execute("INSERT OR REPLACE INTO redactions SELECT * FROM new")

    # -- embeddings -------------------------------------------------------------------------
    def get_embeddings(self, model: str, hashes: list[str]) -> dict[str, np.ndarray]:
        if not hashes:
            return {}
        with self._table("wanted", pd.DataFrame({"text_hash": hashes})):
            table = self.db.sql(
                "SELECT e.text_hash, e.vector FROM embeddings e JOIN wanted w USING (text_hash) "
                "WHERE e.model = $model",
                params={"model": model},
            ).to_arrow_table()
        if table.num_rows == 0:
            return {}
        keys = table.column("text_hash").to_pylist()
        flat = table.column("vector").combine_chunks().flatten().to_numpy(zero_copy_only=False)
        vectors = flat.astype(np.float32).reshape(len(keys), -1)
        return dict(zip(keys, vectors, strict=True))

    def put_embeddings(self, model: str, hashes: list[str], vectors: np.ndarray) -> None:
        if not hashes:
            return
        new = pd.DataFrame(
            {
                "model": model,
                "text_hash": hashes,
                "vector": list(np.asarray(vectors, dtype=np.float32)),
            }
        )
        with self._table("new", new):
            self.db.execute("INSERT OR REPLACE INTO embeddings SELECT * FROM new")

    # -- phrase candidates (parsed redacted texts) ---------------------------------------------
    def get_parses(self, hashes: list[str], context: str) -> dict[str, str]:
        if not hashes:
            return {}
        with self._table("wanted", pd.DataFrame({"text_hash": hashes})):
            rows = self.db.execute(
                "SELECT p.text_hash, p.payload FROM parses p JOIN wanted w USING (text_hash) "
                "WHERE p.context = ?",
                [context],
            ).fetchall()
        return dict(rows)

    def put_parses(self, context: str, payloads: dict[str, str]) -> None:
        if not payloads:
            return
        new = pd.DataFrame(
            {"text_hash": list(payloads), "context": context, "payload": list(payloads.values())}
        )
        with self._table("new", new):
            self.db.execute("INSERT OR REPLACE INTO parses SELECT * FROM new")


def _make_private(folder: Path) -> None:
    """The folder 0700 and every file directly in it 0600 (created if missing)."""
    folder.mkdir(mode=_FOLDER_MODE, parents=True, exist_ok=True)
    if os.name != "posix":
        return
    if stat.S_IMODE(folder.stat().st_mode) != _FOLDER_MODE:
        folder.chmod(_FOLDER_MODE)
    for path in folder.iterdir():
        regular = path.is_file() and not path.is_symlink()
        if regular and stat.S_IMODE(path.stat().st_mode) != _FILE_MODE:
            path.chmod(_FILE_MODE)


@contextmanager
def _private_umask() -> Iterator[None]:
    """Files DuckDB creates meanwhile (the database, its write-ahead log) start as 0600.
    The umask is process-wide, so it is changed only around the calls that create files."""
    previous = os.umask(0o077)
    try:
        yield
    finally:
        os.umask(previous)


def forget(folder: Path, participant_id: str, key: bytes | None = None) -> Erasure:
    """Erase one participant (by their raw id, used only to compute the pseudonym with the
    pseudonymisation key — by default the one ``reflect analyse`` uses; a workspace made
    with another key is refused rather than silently erasing nobody)."""
    folder = Path(folder)
    if not (folder / "cache.duckdb").exists():
        raise ConfigError(f"{folder}: no reflect workspace here")
    key = key if key is not None else load_key(create=False, forbidden=(folder,))
    with Workspace(folder, key) as workspace:
        return workspace.forget(pseudonym(participant_id, key), key)


def drop_erased(frame: pd.DataFrame, erased: set[str], key: bytes) -> pd.DataFrame:
    """The ingested frame without the rows of erased participants (matched by pseudonym, so
    the workspace never stores their raw ids)."""
    if not erased:
        return frame
    from reflect import frames as F

    keep = ~frame[F.PARTICIPANT].map(lambda p: pseudonym(str(p), key)).isin(erased)
    return frame[keep]
