"""The per-user cache of things derived from installed packages — never from anyone's text:
the ONNX export of the packaged model, the place-name, first-name and tech-term lists. Entries
are keyed by what they were built from, written to a temporary file and renamed into place
(concurrent first runs cannot leave half a file), and rebuilt whenever they are missing or
unreadable.

When the cache folder cannot be written (a read-only home on some CI runners), this process
caches in a private temporary folder of its own (random name, 0700, removed at exit) — never
in a shared, predictable path such as ``/tmp/reflect-<uid>``, where another user could plant
a model file or a place list before us."""

from __future__ import annotations

import atexit
import functools
import json
import logging
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from reflect.atomic import write_text

log = logging.getLogger("reflect")


def cache_root() -> Path:
    """``$REFLECT_CACHE_DIR``, else ``$XDG_CACHE_HOME/reflect``, else ``~/.cache/reflect``."""
    if os.environ.get("REFLECT_CACHE_DIR"):
        return Path(os.environ["REFLECT_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "reflect"


def writable(folder: Path) -> Path:
    """``folder`` if this user can write there, else a private folder for this process."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".probe-"):
            return folder
    except OSError:
        fallback = _process_cache() / folder.name
        fallback.mkdir(mode=0o700, exist_ok=True)
        return fallback


@functools.cache
def _process_cache() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="reflect-cache-"))  # unique name, mode 0700
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    log.warning(
        "the user cache %s cannot be written; caching in %s for this run only "
        "(set REFLECT_CACHE_DIR to keep the cache)",
        cache_root(),
        folder,
    )
    return folder


def cached_json(name: str, build: Callable[[], object]) -> object:
    """``build()``'s result, kept as ``name`` (a file name that encodes its inputs)."""
    folder = writable(cache_root() / "data")
    path = folder / name
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    value = build()
    write_text(path, json.dumps(value))
    return value
