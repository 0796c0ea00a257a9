"""Atomic writes: a file (or a folder of files) appears whole or not at all, even if the
process dies or the machine loses power half-way.

Every writer in reflect goes through here, so the rule lives in one place:

* the new content goes to a temporary file with a **unique** name in the target's own folder
  (two runs writing the same target never share a temporary file, and a rename within one
  file system is atomic);
* the file is flushed and **fsync**'d before it is renamed over the target, and the folder is
  fsync'd after, so the rename itself survives a crash;
* on any error the temporary file is removed and the target is left as it was.

``write_text`` / ``write_bytes`` for content in memory, ``open_atomic`` for writers that
stream (``DataFrame.to_csv(handle)``), ``move_into_place`` for a file a library wrote to a
temporary path, ``replace_folder`` for a set of files that must be replaced together (the
reports of one run).
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

__all__ = [
    "fsync_folder",
    "move_into_place",
    "open_atomic",
    "replace_folder",
    "write_bytes",
    "write_text",
]


def write_text(
    path: Path | str, text: str, *, encoding: str = "utf-8", permissions: int | None = None
) -> Path:
    """Write ``text`` to ``path`` atomically. ``permissions`` (e.g. ``0o600``) defaults to
    what an ordinary new file would get under the process umask."""
    with open_atomic(path, "w", encoding=encoding, permissions=permissions) as handle:
        handle.write(text)
    return Path(path)


def write_bytes(path: Path | str, data: bytes, *, permissions: int | None = None) -> Path:
    with open_atomic(path, "wb", permissions=permissions) as handle:
        handle.write(data)
    return Path(path)


@contextlib.contextmanager
def open_atomic(
    path: Path | str,
    mode: str = "w",
    *,
    encoding: str | None = "utf-8",
    newline: str | None = None,
    permissions: int | None = None,
) -> Iterator[IO]:
    """A handle on a uniquely named temporary file beside ``path``; on a clean exit it is
    fsync'd and renamed over ``path`` (then the folder is fsync'd), on an error removed."""
    if mode not in ("w", "wb"):
        raise ValueError("open_atomic writes whole files: mode 'w' or 'wb'")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        # mkstemp creates 0600; give the file the mode the caller (or the umask) asks for.
        os.fchmod(fd, 0o666 & ~_umask() if permissions is None else permissions)
        text = "b" not in mode
        with os.fdopen(
            fd, mode, encoding=encoding if text else None, newline=newline if text else None
        ) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    fsync_folder(path.parent)


def move_into_place(source: Path | str, target: Path | str) -> Path:
    """Rename a finished file (written by a library to a temporary path in the target's
    folder, such as an ONNX export) over ``target``, durably: the file is fsync'd first and
    the folder after."""
    source, target = Path(source), Path(target)
    fd = os.open(source, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(source, target)
    fsync_folder(target.parent)
    return target


def fsync_folder(folder: Path | str) -> None:
    """Make a rename or a new file in ``folder`` durable (a no-op where folders cannot be
    opened, as on Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems refuse fsync on a folder; the rename is still atomic
    finally:
        os.close(fd)


def staging_folder(target: Path | str, permissions: int | None = None) -> Path:
    """A new empty folder beside ``target`` (same file system, so it can be renamed over it),
    with ``permissions`` or, by default, those of an ordinary new folder under the umask."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    folder.chmod(0o777 & ~_umask() if permissions is None else permissions)
    return folder


def replace_folder(staging: Path, target: Path) -> None:
    """Put the folder ``staging`` in place of ``target`` as a whole: a reader sees the old
    set of files or the new one, never a mix. Every file in ``staging`` must already be
    durable (written with this module). ``target`` is swapped in one step where the system
    can (Linux ``renameat2``), else in two renames with the old folder restored on failure."""
    staging, target = Path(staging), Path(target)
    fsync_folder(staging)
    if not target.exists():
        os.rename(staging, target)
        fsync_folder(target.parent)
        return
    if _exchange(staging, target):
        # ``staging`` now holds the previous outputs.
        fsync_folder(target.parent)
        shutil.rmtree(staging, ignore_errors=True)
        return
    previous = Path(tempfile.mkdtemp(prefix=f".{target.name}-previous-", dir=target.parent))
    previous.rmdir()
    os.rename(target, previous)
    try:
        os.rename(staging, target)
    except BaseException:
        os.rename(previous, target)
        raise
    fsync_folder(target.parent)
    shutil.rmtree(previous, ignore_errors=True)


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically with Linux's renameat2(RENAME_EXCHANGE); False where the
    system or file system cannot."""
    renameat2 = getattr(_libc(), "renameat2", None)
    if renameat2 is None:
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    return result == 0


@functools.cache
def _libc():
    try:
        return ctypes.CDLL(None, use_errno=True)  # the C library the interpreter runs on
    except OSError:
        return None


def _umask() -> int:
    # The umask can only be read by setting it; set it straight back.
    umask = os.umask(0o022)
    os.umask(umask)
    return umask
