"""The workspace: an embedded DuckDB file of per-text caches, so a re-run only does the work
that is new. It holds redacted text, keyed hashes and vectors only — never raw text.

Tables
- ``redactions(key, redacted, labels)``: key = HMAC(key, redaction fingerprint + raw text)
- ``embeddings(model, text_hash, vector)``: text_hash = sha256(redacted text)
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd

_SCHEMA = """
CREATE TABLE IF NOT EXISTS redactions (key VARCHAR PRIMARY KEY, redacted VARCHAR, labels VARCHAR);
CREATE TABLE IF NOT EXISTS embeddings (
    model VARCHAR, text_hash VARCHAR, vector FLOAT[], PRIMARY KEY (model, text_hash));
"""


class Workspace:
    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.path = self.folder / "cache.duckdb"
        self.db = duckdb.connect(str(self.path))
        self.db.execute(_SCHEMA)

    def close(self) -> None:
        self.db.close()

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
