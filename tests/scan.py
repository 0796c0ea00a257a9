"""Scan files for secrets the way somebody holding the files could: their bytes, and the
values inside DuckDB and Parquet files, which compress strings on disk (a raw byte scan can
miss a compressed string, and can also "find" a short name by chance inside binary data).
Secrets are matched as whole words: an id like "e46123" occurs by chance inside hex hashes.
``numbers_in`` lists the numbers of a report, for the minimum-group-size checks."""

from __future__ import annotations

import re
from pathlib import Path

BINARY_SUFFIXES = {".duckdb", ".parquet", ".onnx", ".wal"}
# Three random bytes match "Pip" somewhere in a few megabytes of vectors; six do not.
_SHORTEST_IN_BINARY = 6
_WHOLE_WORD = r"(?<![A-Za-z0-9])%s(?![A-Za-z0-9])"


def _database_text(path: Path) -> str:
    import duckdb

    con = duckdb.connect(str(path), read_only=True)
    try:
        columns = con.sql(
            "SELECT table_name, column_name FROM duckdb_columns()"
            " WHERE data_type = 'VARCHAR' AND NOT internal"
        ).fetchall()
        parts = []
        for table, column in columns:  # text only: vectors cannot spell a name
            rows = con.sql(f'SELECT "{column}" FROM "{table}"').fetchall()
            parts += [str(value) for (value,) in rows]
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
    """The secrets present in ``path`` as whole words (not inside a longer word or a hex hash:
    "e46123" occurs by chance in some thousands of cache keys), in its values or its bytes."""
    text = readable_text(path)
    data = path.read_bytes()
    binary = path.suffix in BINARY_SUFFIXES
    hits = []
    for secret in secrets:
        forms = {secret, secret.lower(), secret.upper()} if any_case else {secret}
        # A plain substring test first: the regular expression only confirms rare hits.
        found = any(
            form in text and re.search(_WHOLE_WORD % re.escape(form), text) for form in forms
        )
        if not binary or len(secret) >= _SHORTEST_IN_BINARY:
            encodings = ("utf-8",) if binary else ("utf-8", "utf-16-le")
            found = found or any(
                needle in data and re.search(_WHOLE_WORD.encode() % re.escape(needle), data)
                for form in forms
                for needle in (form.encode(enc) for enc in encodings)
            )
        if found:
            hits.append(secret)
    return hits


def files_under(*folders: Path) -> list[Path]:
    return [p for folder in folders for p in folder.rglob("*") if p.is_file()]


def numbers_in(value, path=""):
    """Every number in a JSON value with its path ("themes[2].participants"); booleans are not
    numbers."""
    if isinstance(value, bool):
        return
    if isinstance(value, int | float):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from numbers_in(item, f"{path}.{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from numbers_in(item, f"{path}[{i}]")
