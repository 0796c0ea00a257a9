"""The first check of an input file, before anything heavy is imported: a missing path or a
folder fails in a fraction of a second (the ingest stage needs pandas, and later stages load
models). Also the one decoding of a text file's bytes, shared by ingest and ``reflect redact``."""

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


def decode_text(path: Path, encoding: str) -> str:
    """The file's text: UTF-8 with or without a byte-order mark unless ``encoding`` says
    otherwise, or UTF-16 when its byte-order mark says so (Excel's "Unicode text" export);
    an undecodable byte is one ``InputError`` naming its line, not its text."""
    data = path.read_bytes()
    if encoding.lower() in {"utf-8", "utf8"} and data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        encoding = "utf-16"  # the mark is unambiguous; the codec reads and drops it
    try:
        return data.decode("utf-8-sig" if encoding.lower() in {"utf-8", "utf8"} else encoding)
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise InputError(
            f"line {line}: not valid {encoding} text (byte 0x{data[err.start]:02x}); "
            "re-export as UTF-8 or pass --encoding (e.g. cp1252)",
            file=path,
        ) from None
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}", file=path) from None
