"""Keyed pseudonyms for participants, and the key's lifecycle.

A pseudonym is ``P-`` + the first 10 hex digits of HMAC-SHA256(key, normalised id). The same
key gives the same pseudonym on every run, so runs can be compared; without the key nobody
can link a pseudonym back to an id by guessing ids, and deleting (or rotating) the key makes
old pseudonyms unlinkable for good.

Where the key lives, first match wins:
1. ``REFLECT_KEY``: the key itself (any string of 16+ characters), for CI and batch jobs;
2. ``REFLECT_KEY_FILE``: a path to a key file;
3. ``~/.config/reflect/key`` (or ``$XDG_CONFIG_HOME/reflect/key``), created with mode 0600 on
   first use. It is never inside a workspace or output folder.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from pathlib import Path

from reflect.errors import ConfigError

KEY_ENV = "REFLECT_KEY"
KEY_FILE_ENV = "REFLECT_KEY_FILE"
_MIN_KEY_CHARS = 16


def default_key_path() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config"
    return Path(base) / "reflect" / "key"


def key_path() -> Path:
    return Path(os.environ.get(KEY_FILE_ENV) or default_key_path())


def load_key(create: bool = True) -> bytes:
    """The pseudonymisation key, created on first use."""
    if value := os.environ.get(KEY_ENV):
        if len(value) < _MIN_KEY_CHARS:
            raise ConfigError(f"{KEY_ENV} must be at least {_MIN_KEY_CHARS} characters")
        return value.encode("utf-8")
    path = key_path()
    if path.exists():
        return path.read_text(encoding="ascii").strip().encode("ascii")
    if not create:
        raise ConfigError(f"no pseudonymisation key at {path}")
    return create_key(path)


def create_key(path: Path | None = None) -> bytes:
    """Write a fresh random key (rotating it: old pseudonyms can no longer be linked)."""
    path = path or key_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_hex(32)
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(key + "\n")
    tmp.replace(path)
    return key.encode("ascii")


def pseudonym(participant_id: str, key: bytes) -> str:
    normalised = " ".join(participant_id.strip().lower().split())
    digest = hmac.new(key, normalised.encode("utf-8"), hashlib.sha256).hexdigest()
    return f"P-{digest[:10]}"


def keyed_hash(text: str, key: bytes) -> str:
    """Cache key for raw text: keyed, so the cache cannot be searched by guessing answers."""
    return hmac.new(key, text.encode("utf-8"), hashlib.sha256).hexdigest()
