"""The first check of an input file, before anything heavy is imported: a missing path or a
folder fails in a fraction of a second (the ingest stage needs pandas, and later stages load
models)."""

from __future__ import annotations

from pathlib import Path

from reflect.errors import InputError


def check_file(path: Path | str) -> Path:
    """``path`` as a ``Path`` if it names an existing file; else one clear ``InputError``."""
    path = Path(path)
    if not path.exists():
        raise InputError("file not found", file=path)
    if path.is_dir():
        raise InputError("is a folder, expected a file", file=path)
    return path
