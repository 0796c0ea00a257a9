"""Digests of what a report released, for the ledger (``ledger.py``): the set of people
behind a count as one integer, and one digest of every count a report shows."""

from __future__ import annotations

import hashlib
import json

import numpy as np


def bitset(bits: np.ndarray) -> int:
    """The set of people at ``bits`` as one integer (bit i set: person i is in the set)."""
    if len(bits) == 0:
        return 0
    flags = np.zeros(int(bits.max()) + 1, dtype=np.uint8)
    flags[bits] = 1
    return int.from_bytes(np.packbits(flags, bitorder="little").tobytes(), "little")


def set_bytes(people: int) -> bytes:
    """A set of people as the ledger stores it (``set_int`` reads it back)."""
    return people.to_bytes((people.bit_length() + 7) // 8, "little")


def set_int(data: bytes) -> int:
    return int.from_bytes(bytes(data), "little")


def set_digest(data: bytes, erased: int) -> str:
    """A stored set's key: its members and how many of them were erased since."""
    return hashlib.sha256(data + f"|{erased}".encode()).hexdigest()


def numbers_digest(report: dict) -> str:
    """A digest of every count a report.json shows (labels aside: renames are allowed)."""
    numbers = [("n", report.get("n_participants"))]
    for name, value in sorted(report.items()):
        if name.startswith("participants_by_") and isinstance(value, dict):
            numbers += [(f"{name}.{g}", v) for g, v in sorted(value.items())]
    for theme in sorted(report.get("themes", []), key=lambda t: str(t.get("id"))):
        numbers.append((f"{theme.get('id')}", theme.get("participants")))
        for name, value in sorted(theme.items()):
            if name.startswith("by_") and isinstance(value, dict):
                numbers += [(f"{theme.get('id')}.{name}.{g}", v) for g, v in sorted(value.items())]
    return hashlib.sha256(json.dumps(numbers).encode("utf-8")).hexdigest()
