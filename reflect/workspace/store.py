"""The workspace's database: opening it (private, one writer, the key checked), runs, and the
per-text caches — redactions, embeddings and parsed phrase candidates (see the package doc)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd

from reflect.errors import ConfigError, WorkspaceBusyError
from reflect.keys import KEY_ENV, KEY_FILE_ENV, fingerprint, load_key
from reflect.workspace.erasure import (
    STALE,
    Erasure,
    erase,
    id_shape,
    number_shape,
    owner_tag,
    spelling_tag,
    utc_now,
)
from reflect.workspace.private import make_private, private_umask

# Vectors held in memory before one insert writes them (see ``put_embeddings``): 20,000 rows
# of 384 floats are 30 MB, and an interrupted cold run still keeps most of its work.
PENDING_VECTORS = 20_000

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
CREATE TABLE IF NOT EXISTS spellings (tag VARCHAR, shape VARCHAR, PRIMARY KEY (tag, shape));
"""


class Workspace:
    """``key``: the pseudonymisation key of this run. The first run records its fingerprint;
    any later opening with another key is refused (see module doc). Without a key (caches
    only: tests, benchmarks) nothing is checked."""

    def __init__(self, folder: Path, key: bytes | None = None) -> None:
        self.folder = Path(folder)
        make_private(self.folder)
        self.path = self.folder / "cache.duckdb"
        try:
            with private_umask():
                self.db = duckdb.connect(str(self.path))
        except duckdb.IOException as error:
            if "lock" not in str(error).lower():
                raise
            raise WorkspaceBusyError(
                f"workspace {self.folder} is in use by another reflect run; wait for it to "
                "finish or pass another --workspace"
            ) from None
        self.db.execute(_SCHEMA)
        self._pending: dict[tuple[str, str], np.ndarray] = {}  # (model, text hash) -> vector
        self._holds: dict[str, bool] = {}  # model -> any of its vectors in the database
        self.key = key
        if key is not None:
            try:
                self._check_key(key)
            except ConfigError:
                self.close()
                raise

    def _check_key(self, key: bytes) -> None:
        # fetchall: a result left half-read blocks the next register() on this connection
        rows = self.db.execute("SELECT value FROM settings WHERE name = 'key_fingerprint'")
        recorded = next(iter(rows.fetchall()), None)
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
        self.flush_embeddings()
        self.db.close()
        make_private(self.folder)

    # -- ownership, runs and erasure -----------------------------------------------------------
    def start_run(self) -> str:
        run_id = uuid.uuid4().hex[:12]
        self.db.execute("INSERT INTO runs VALUES (?, ?, NULL, NULL)", [run_id, utc_now()])
        return run_id

    def finish_run(self, run_id: str, reflections: int) -> None:
        self.db.execute(
            "UPDATE runs SET finished_at = ?, reflections = ? WHERE run_id = ?",
            [utc_now(), reflections, run_id],
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
        with self.table("new", rows):
            self.db.execute("INSERT OR REPLACE INTO owners SELECT tag, text_hash, run_id FROM new")

    def record_spellings(self, participant_ids, key: bytes | None = None) -> None:
        """Where the separators of each id with digits stand, under a keyed tag of the id's
        key (``keys.id_key``): ``forget`` given "E86954" finds the "E86-954" ingest kept."""
        key = self._key(key)
        rows = {(spelling_tag(key, p), shape) for p in participant_ids if (shape := id_shape(p))}
        rows |= {found for p in participant_ids if (found := number_shape(key, p))}
        if rows:
            with self.table("new", pd.DataFrame(sorted(rows), columns=["tag", "shape"])):
                self.db.execute("INSERT OR IGNORE INTO spellings SELECT tag, shape FROM new")

    def erased(self) -> set[str]:
        return {p for (p,) in self.db.execute("SELECT pseudonym FROM erased").fetchall()}

    def stale_note(self) -> str | None:
        """Why earlier reports are out of date, if they are."""
        marker = self.folder / STALE
        return marker.read_text(encoding="utf-8").strip() if marker.exists() else None

    def forget(self, pseudonyms: str | Sequence[str], key: bytes | None = None) -> Erasure:
        """Delete every row of one person (by their pseudonym, or those of each spelling of
        their id) and rewrite the database file (see the package doc)."""
        self.flush_embeddings()
        names = [pseudonyms] if isinstance(pseudonyms, str) else list(pseudonyms)
        return erase(self, names, self._key(key))

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def table(self, name: str, frame: pd.DataFrame) -> Iterator[None]:
        self.db.register(name, frame)
        try:
            yield
        finally:
            self.db.unregister(name)

    # -- redactions -------------------------------------------------------------------------
    def get_redactions(self, keys: list[str]) -> dict[str, tuple[str, str]]:
        if not keys:
            return {}
        with self.table("wanted", pd.DataFrame({"key": keys})):
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
        with self.table("new", new):
            self.db.execute("INSERT OR REPLACE INTO redactions SELECT * FROM new")

    # -- embeddings -------------------------------------------------------------------------
    def get_embeddings(self, model: str, hashes: list[str]) -> dict[str, np.ndarray]:
        found = {h: v for h in hashes if (v := self._pending.get((model, h))) is not None}
        wanted = [h for h in hashes if h not in found]
        if not wanted or not self._holds_vectors(model):
            return found
        with self.table("wanted", pd.DataFrame({"text_hash": wanted})):
            table = self.db.sql(
                "SELECT e.text_hash, e.vector FROM embeddings e JOIN wanted w USING (text_hash) "
                "WHERE e.model = $model",
                params={"model": model},
            ).to_arrow_table()
        if table.num_rows == 0:
            return found
        keys = table.column("text_hash").to_pylist()
        flat = table.column("vector").combine_chunks().flatten().to_numpy(zero_copy_only=False)
        vectors = flat.astype(np.float32).reshape(len(keys), -1)
        return found | dict(zip(keys, vectors, strict=True))

    def put_embeddings(self, model: str, hashes: list[str], vectors: np.ndarray) -> None:
        """Held in memory (and found by ``get_embeddings``) until ``PENDING_VECTORS`` rows
        wait or the workspace closes: a run embeds in dozens of small calls, and each DuckDB
        insert costs about 10 ms however few its rows."""
        for digest, vector in zip(hashes, np.array(vectors, dtype=np.float32), strict=True):
            self._pending[(model, digest)] = vector
        if len(self._pending) >= PENDING_VECTORS:
            self.flush_embeddings()

    def flush_embeddings(self) -> None:
        """Write the vectors held in memory, in one insert."""
        if not self._pending:
            return
        import pyarrow as pa

        vectors = np.stack(list(self._pending.values()))
        offsets = np.arange(0, vectors.size + 1, vectors.shape[1], dtype=np.int32)
        new = pa.table(
            {
                "model": [model for model, _ in self._pending],
                "text_hash": [digest for _, digest in self._pending],
                "vector": pa.ListArray.from_arrays(offsets, vectors.ravel()),
            }
        )
        with self.table("new", new):
            self.db.execute("INSERT OR REPLACE INTO embeddings SELECT * FROM new")
        self._holds.update({model: True for model, _ in self._pending})
        self._pending.clear()

    def _holds_vectors(self, model: str) -> bool:
        """Whether the database has any vector of ``model`` (asked once; a cold run, whose
        vectors are all in memory, then skips its look-ups)."""
        if model not in self._holds:
            found = self.db.execute("SELECT 1 FROM embeddings WHERE model = ? LIMIT 1", [model])
            self._holds[model] = bool(found.fetchall())
        return self._holds[model]

    # -- phrase candidates (parsed redacted texts) ---------------------------------------------
    def get_parses(self, hashes: list[str], context: str) -> dict[str, str]:
        if not hashes:
            return {}
        with self.table("wanted", pd.DataFrame({"text_hash": hashes})):
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
        with self.table("new", new):
            self.db.execute("INSERT OR REPLACE INTO parses SELECT * FROM new")
