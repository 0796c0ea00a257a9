"""The per-user cache of things derived from installed packages — never from anyone's text:
the ONNX export of the packaged model, the place-name lists. Entries are keyed by what they
were built from, written to a temporary file and renamed into place (concurrent first runs
cannot leave half a file), and rebuilt whenever they are missing or unreadable."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path


def cache_root() -> Path:
    """``$REFLECT_CACHE_DIR``, else ``$XDG_CACHE_HOME/reflect``, else ``~/.cache/reflect``."""
    if os.environ.get("REFLECT_CACHE_DIR"):
        return Path(os.environ["REFLECT_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "reflect"


def writable(folder: Path) -> Path:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".probe-"):
            return folder
    except OSError:
        # A read-only home (some CI runners) still gets a per-user cache in the temp folder.
        fallback = Path(tempfile.gettempdir()) / f"reflect-{os.getuid()}" / folder.name
        fallback.mkdir(parents=True, exist_ok=True)
        return fallback


def cached_json(name: str, build: Callable[[], object]) -> object:
    """``build()``'s result, kept as ``name`` (a file name that encodes its inputs)."""
    folder = writable(cache_root() / "data")
    path = folder / name
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    value = build()
    with tempfile.NamedTemporaryFile(
        "w", encoding="utf-8", dir=folder, prefix=f".{name}-", delete=False
    ) as handle:
        json.dump(value, handle)
    os.replace(handle.name, path)
    return value
