"""The workspace folder is private: 0700, every file in it 0600 — the cache holds redacted
text, and with it whatever redaction missed."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

FOLDER_MODE, FILE_MODE = 0o700, 0o600


def make_private(folder: Path) -> None:
    """The folder 0700 and every file directly in it 0600 (created if missing)."""
    folder.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    if os.name != "posix":
        return
    if stat.S_IMODE(folder.stat().st_mode) != FOLDER_MODE:
        folder.chmod(FOLDER_MODE)
    for path in folder.iterdir():
        regular = path.is_file() and not path.is_symlink()
        if regular and stat.S_IMODE(path.stat().st_mode) != FILE_MODE:
            path.chmod(FILE_MODE)


@contextmanager
def private_umask() -> Iterator[None]:
    """Files DuckDB creates meanwhile (the database, its write-ahead log) start as 0600.
    The umask is process-wide, so it is changed only around the calls that create files."""
    previous = os.umask(0o077)
    try:
        yield
    finally:
        os.umask(previous)
