"""Scan files for secrets the way somebody holding the files could: their bytes, and the
values inside DuckDB and Parquet files, which compress strings on disk (a raw byte scan can
miss a compressed string, and can also "find" a short name by chance inside binary data)."""

from __future__ import annotations

import re
from pathlib import Path

BINARY_SUFFIXES = {".duckdb", ".parquet", ".onnx", ".wal"}
# Three random bytes match "Pip" somewhere in a few megabytes of vectors; six do not.
_SHORTEST_IN_BINARY = 6


def _database_text(path: Path) -> str:
    import duckdb

    con = duckdb.connect(str(path), read_only=True)
    try:
        tables = [row[0] for row in con.sql("SELECT table_name FROM duckdb_tables()").fetchall()]
        parts = []
        for table in tables:
            rows = con.sql(f'SELECT * FROM "{table}"').fetchall()
            parts += ["\t".join(map(str, row)) for row in rows]
        return "\n".join(parts)
    finally:
        con.close()


def _parquet_text(path: Path) -> str:
    import pyarrow.parquet as pq

    return pq.read_table(path).to_pandas().to_csv(index=False)


def readable_text(path: Path) -> str:
    """The values a file holds, as text."""
    if path.suffix == ".duckdb":
        return _database_text(path)
    if path.suffix == ".parquet":
        return _parquet_text(path)
    return path.read_bytes().decode("utf-8", errors="replace")


def found_in(path: Path, secrets: set[str], *, any_case: bool = False) -> list[str]:
    """The secrets present in ``path``: in its values, or as whole words in its raw bytes."""
    text = readable_text(path)
    data = path.read_bytes()
    hits = []
    for secret in secrets:
        forms = {secret, secret.lower(), secret.upper()} if any_case else {secret}
        in_values = any(form in text for form in forms)
        in_bytes = False
        if path.suffix not in BINARY_SUFFIXES:
            in_bytes = any(
                form.encode(enc) in data for form in forms for enc in ("utf-8", "utf-16-le")
            )
        elif len(secret) >= _SHORTEST_IN_BINARY:
            whole_word = rb"(?<![A-Za-z0-9])%b(?![A-Za-z0-9])"
            in_bytes = any(re.search(whole_word % re.escape(form.encode()), data) for form in forms)
        if in_values or in_bytes:
            hits.append(secret)
    return hits


def files_under(*folders: Path) -> list[Path]:
    return [p for folder in folders for p in folder.rglob("*") if p.is_file()]
