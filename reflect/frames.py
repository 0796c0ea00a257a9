"""The one contract between stages: the reflections frame, one row per non-blank answer.

Columns (names defined once, here):

==============  =======  ==============================================================
column          dtype    meaning
==============  =======  ==============================================================
``row``         int      row number in the source file (spreadsheet numbering: the header
                         is row 1), so errors and audits can point at the source
``participant`` str      after ingest: the raw participant id (sensitive, memory only);
                         after anonymise: a keyed pseudonym such as ``P-3f9a1c0b2e``
``role``        str      e.g. ``mentor`` / ``mentee`` (lower-cased); ``unknown`` if absent
``session``     str      session label (``"1"``, ``"2"``...); ``""`` if absent
``cohort``      str      cohort label; ``""`` if absent
``date``        object   ISO date string or ``""``
``prompt``      str      which question the answer is to (the source column's header)
``text``        str      after ingest: raw answer (memory only); after anonymise: redacted,
                         personal data replaced by ``PLACEHOLDER`` (e.g. ``[PERSON]``)
``text_hash``   str      after anonymise: sha256 of the redacted text (cache key)
==============  =======  ==============================================================
"""

from __future__ import annotations

import hashlib
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    # Only for annotations: importing pandas here would cost every caller that needs a
    # column name alone, such as the command line's error paths.
    import pandas as pd

# Redacted text marks what was removed as an upper-case label in brackets: "[EMAIL]".
PLACEHOLDER = "[{label}]"
PLACEHOLDER_PATTERN = re.compile(r"\[[A-Z_]+\]")

ROW = "row"
PARTICIPANT = "participant"
ROLE = "role"
SESSION = "session"
COHORT = "cohort"
DATE = "date"
PROMPT = "prompt"
TEXT = "text"
TEXT_HASH = "text_hash"

INGESTED_COLUMNS = [ROW, PARTICIPANT, ROLE, SESSION, COHORT, DATE, PROMPT, TEXT]
REDACTED_COLUMNS = [*INGESTED_COLUMNS, TEXT_HASH]

# The groupings a report may break themes down by.
BREAKDOWNS = (ROLE, SESSION, COHORT)


def role_label(role: str) -> str:
    """How a role is stored and compared: "Mentor " in an export and ``--filter role=MENTOR``
    both mean ``mentor``."""
    return role.strip().lower()


def text_hash(text: str) -> str:
    """Cache key of a redacted text. Never call this on raw text: a plain hash of a short raw
    answer can be reversed by guessing, which would leak it through the cache."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def check_columns(frame: pd.DataFrame, expected: list[str], stage: str) -> None:
    """Stage boundaries check the frame they receive, like spaCy checks a component's Doc."""
    missing = [c for c in expected if c not in frame.columns]
    if missing:
        raise TypeError(f"{stage}: reflections frame lacks columns {missing}")


def session_sort_key(label: str) -> tuple:
    """Sessions sort numerically when they are numbers ("2" before "10")."""
    try:
        return (0, float(label), label)
    except ValueError:
        return (1, 0.0, label)
