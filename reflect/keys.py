"""The pseudonymisation key, keyed pseudonyms and keyed tags.

Standard library only: ``reflect forget`` and the workspace need one HMAC, and importing this
module must not load a model (``python -X importtime -c "import reflect.keys"``: a few ms).

The key is at least 32 random bytes, written as hex digits (``openssl rand -hex 32``). Where
it comes from, first match wins:

1. ``REFLECT_KEY``: the key itself, for CI and batch jobs;
2. ``REFLECT_KEY_FILE``: the path of a key file;
3. ``$XDG_CONFIG_HOME/reflect/key`` (default ``~/.config/reflect/key``), created on first use.

A key file is created exclusively (two first runs at once end up with the same key, never
half a file) with mode 0600 in a 0700 folder. A key is refused — one line, exit 2 — when it
is empty, shorter than 32 bytes, not hex, visibly not random, readable or writable by other
users, owned by another user, or inside the workspace or the output folder (a key stored
next to the pseudonyms it protects protects nothing).

- ``pseudonym(id, key)``: ``P-`` + 10 hex digits of HMAC-SHA256(key, normalised id). The same
  key gives the same pseudonym on every run; without it nobody can link a pseudonym to an id
  by guessing ids.
- ``keyed_tag(key, purpose, *parts)``: a tag for stored links (whose text is this, who was
  counted in that cell) that is meaningless without the key.
- ``fingerprint(key)``: a one-way, keyed value a workspace records so that it refuses to run
  with another key (see ``reflect.workspace``); it does not reveal the key.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import stat
from collections.abc import Iterable
from pathlib import Path

from reflect.errors import ConfigError

KEY_ENV = "REFLECT_KEY"
KEY_FILE_ENV = "REFLECT_KEY_FILE"
KEY_BYTES = 32
# 32 random bytes hold about 30 distinct values; fewer than this is a typed or repeated
# pattern ("0000...", "abab..."), not a random key.
_MIN_DISTINCT_BYTES = 8
HOW_TO_MAKE_ONE = "make one with: openssl rand -hex 32"


def default_key_path() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config"
    return Path(base) / "reflect" / "key"


def key_path() -> Path:
    return Path(os.environ.get(KEY_FILE_ENV) or default_key_path())


def load_key(create: bool = True, forbidden: Iterable[Path] = ()) -> bytes:
    """The pseudonymisation key (created on first use unless ``create`` is off).

    ``forbidden``: folders the key file must not be inside (the workspace, the outputs)."""
    if KEY_ENV in os.environ:
        return parse_key(os.environ[KEY_ENV], KEY_ENV)
    path = key_path()
    if not path.exists():
        if not create:
            raise ConfigError(f"no pseudonymisation key at {path} ({KEY_FILE_ENV} or {KEY_ENV})")
        _check_place(path, forbidden)
        return create_key(path)
    _check_place(path, forbidden)
    return read_key_file(path)


def read_key_file(path: Path) -> bytes:
    _check_private(path)
    try:
        text = path.read_bytes().decode("ascii")
    except UnicodeDecodeError:
        text = "\x00"  # not hex: refused below, without echoing the file's bytes
    return parse_key(text, f"key file {path}")


def parse_key(text: str, where: str) -> bytes:
    """The key's bytes for HMAC: its hex text, lower-cased (so existing pseudonyms stay)."""
    text = text.strip().lower()
    if not text:
        raise ConfigError(f"{where} is empty; {HOW_TO_MAKE_ONE}")
    try:
        raw = bytes.fromhex(text)
    except ValueError:
        raise ConfigError(
            f"{where} must be hex digits (at least {2 * KEY_BYTES}); {HOW_TO_MAKE_ONE}"
        ) from None
    if len(raw) < KEY_BYTES:
        raise ConfigError(
            f"{where} holds {len(raw)} bytes; at least {KEY_BYTES} random bytes "
            f"({2 * KEY_BYTES} hex digits) are needed; {HOW_TO_MAKE_ONE}"
        )
    if len(set(raw)) < _MIN_DISTINCT_BYTES:
        raise ConfigError(f"{where} is a repeated pattern, not a random key; {HOW_TO_MAKE_ONE}")
    return raw.hex().encode("ascii")


def create_key(path: Path | None = None) -> bytes:
    """Create a fresh key file, exclusively: if another process created one first, that key
    is returned. It never replaces an existing key (see README: rotating the key)."""
    import secrets  # only when creating: keeps importing this module cheap

    path = path or key_path()
    _private_folder(path.parent)
    text = secrets.token_hex(KEY_BYTES)
    if not _write_exclusive(path, text + "\n"):
        return read_key_file(path)
    _sync_folder(path.parent)
    return text.encode("ascii")


def _write_exclusive(path: Path, text: str) -> bool:
    """Write ``text`` as ``path`` (mode 0600) unless it exists; never leaves half a file
    there. False when the file existed."""
    import tempfile

    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".key-")  # mode 0600
    try:
        with os.fdopen(fd, "w", encoding="ascii") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.link(tmp, path)  # atomic, and fails if the key exists
            return True
        except FileExistsError:
            return False
        except OSError:  # a filesystem without hard links: O_EXCL, written in place
            pass
    finally:
        Path(tmp).unlink(missing_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return False
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    return True


def _private_folder(folder: Path) -> None:
    existed = folder.exists()
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    if not existed:
        folder.chmod(0o700)  # mkdir's mode is filtered by the umask


def _sync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _check_private(path: Path) -> None:
    if os.name != "posix":
        return
    info = path.stat()
    if info.st_mode & (stat.S_IRWXG | stat.S_IRWXO):
        mode = stat.S_IMODE(info.st_mode)
        raise ConfigError(
            f"key file {path} is readable or writable by other users (mode {mode:o}); "
            f"run: chmod 600 {path}"
        )
    if info.st_uid != os.geteuid():
        raise ConfigError(f"key file {path} belongs to another user; use a key of your own")


def _check_place(path: Path, forbidden: Iterable[Path]) -> None:
    where = path.resolve()
    for folder in forbidden:
        if where.is_relative_to(Path(folder).resolve()):
            raise ConfigError(
                f"key file {path} is inside {folder}; keep the key outside the workspace and "
                f"the outputs ({KEY_FILE_ENV})"
            )


def pseudonym(participant_id: str, key: bytes) -> str:
    normalised = " ".join(participant_id.strip().lower().split())
    digest = hmac.new(key, normalised.encode("utf-8"), hashlib.sha256).hexdigest()
    return f"P-{digest[:10]}"


# Separators an id with digits is typed with or without ("RM-0553", "rm 0553", "RM0553").
ID_SEPARATORS = re.compile(r"[\s._/-]+")


def id_key(participant_id: str) -> str:
    """What tells one participant's id from another's: not its case, nor the separators
    inside an id with digits (an e-mail's dots and a name's spaces do tell people apart).
    Ingest reads ids with one key as one person, spelt as the export spells it most."""
    value = " ".join(participant_id.strip().lower().split())
    if "@" in value or not any(ch.isdigit() for ch in value):
        return value
    return ID_SEPARATORS.sub("", value)


def keyed_hash(text: str, key: bytes) -> str:
    """Cache key for raw text: keyed, so the cache cannot be searched by guessing answers."""
    return hmac.new(key, text.encode("utf-8"), hashlib.sha256).hexdigest()


def keyed_tag(key: bytes, purpose: str, *parts: str, length: int = 32) -> str:
    """HMAC of ``purpose`` and ``parts`` (hex, ``length`` digits): different purposes never
    share tags, and without the key a tag tells nothing about its parts."""
    message = "\x1f".join((purpose, *parts)).encode("utf-8")
    return hmac.new(key, message, hashlib.sha256).hexdigest()[:length]


def fingerprint(key: bytes) -> str:
    """A one-way, keyed value that tells whether two keys are the same, never the key."""
    return keyed_tag(key, "reflect key fingerprint v1")
