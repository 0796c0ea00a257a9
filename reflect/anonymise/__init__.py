"""Stage 2 — anonymise: redact personal data from every answer and replace participants by
keyed pseudonyms. After this stage only redacted text exists; the raw frame is dropped.

``anonymise(frame, roster, key, workspace)`` takes the ingested reflections frame and returns
the redacted frame (same columns plus ``text_hash``) and a ``RedactionStats``.

Names are re-exported lazily (PEP 562): importing ``reflect.anonymise.spans`` or
``reflect.anonymise.redactor`` loads neither spaCy nor torch; only what a caller touches is loaded.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

# name -> the module that defines it
_EXPORTS = {
    "QUASI_IDENTIFIER": "reflect.anonymise.spans",
    "SCREEN_ONLY": "reflect.anonymise.spans",
    "Span": "reflect.anonymise.spans",
    "Analyzer": "reflect.anonymise.analyzer",
    "redact": "reflect.anonymise.redactor",
    "load_key": "reflect.keys",
    "pseudonym": "reflect.keys",
    "RedactionStats": "reflect.anonymise.stage",
    "anonymise": "reflect.anonymise.stage",
    "quasi_identifiers": "reflect.anonymise.stage",
    "redact_file": "reflect.anonymise.files",
}
__all__ = [
    "QUASI_IDENTIFIER",
    "SCREEN_ONLY",
    "Span",
    "Analyzer",
    "redact",
    "load_key",
    "pseudonym",
    "RedactionStats",
    "anonymise",
    "quasi_identifiers",
    "redact_file",
]

if TYPE_CHECKING:
    from reflect.anonymise.analyzer import Analyzer
    from reflect.anonymise.files import redact_file
    from reflect.anonymise.redactor import redact
    from reflect.anonymise.spans import QUASI_IDENTIFIER, SCREEN_ONLY, Span
    from reflect.anonymise.stage import RedactionStats, anonymise, quasi_identifiers
    from reflect.keys import load_key, pseudonym


def __getattr__(name: str):
    if name not in _EXPORTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(_EXPORTS[name]), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS))
