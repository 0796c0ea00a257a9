"""Stage 2 — anonymise: redact personal data from every answer and replace participants by
keyed pseudonyms. After this stage only redacted text exists; the raw frame is dropped.

``anonymise(frame, roster, key, workspace)`` takes the ingested reflections frame and returns
the redacted frame (same columns plus ``text_hash``) and a ``RedactionStats``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import pandas as pd

from reflect import frames as F
from reflect.anonymise.analyzer import DEFAULT_RECOGNIZERS, Analyzer
from reflect.anonymise.pseudonyms import keyed_hash, load_key, pseudonym
from reflect.anonymise.redactor import redact
from reflect.anonymise.spans import Span
from reflect.ingest import Roster

__all__ = ["Analyzer", "RedactionStats", "Span", "anonymise", "load_key", "pseudonym", "redact"]

# Bump when recognizers change what they find, so cached redactions are redone.
REDACTION_VERSION = "1"


@dataclass
class RedactionStats:
    texts: int = 0
    texts_with_redactions: int = 0
    by_label: dict[str, int] = field(default_factory=dict)


def anonymise(
    frame: pd.DataFrame,
    roster: Roster | None,
    key: bytes,
    workspace=None,
    recognizer_names=DEFAULT_RECOGNIZERS,
    progress=None,
) -> tuple[pd.DataFrame, RedactionStats]:
    F.check_columns(frame, F.INGESTED_COLUMNS, "anonymise")
    out = frame.copy()
    # Participants' own ids are redacted from text too, so the roster always includes them.
    own_ids = tuple(sorted(set(frame[F.PARTICIPANT])))
    roster = Roster(
        ids=tuple(sorted(set(roster.ids) | set(own_ids))) if roster else own_ids,
        names=roster.names if roster else (),
        nicknames=roster.nicknames if roster else (),
    )
    fingerprint = _fingerprint(roster, recognizer_names, key)
    unique = list(dict.fromkeys(out[F.TEXT]))
    cache_keys = [keyed_hash(fingerprint + text, key) for text in unique]
    cached = workspace.get_redactions(cache_keys) if workspace is not None else {}
    todo = [(k, t) for k, t in zip(cache_keys, unique, strict=True) if k not in cached]
    if todo:
        analyzer = Analyzer(roster, recognizer_names)
        batch = 512
        for start in range(0, len(todo), batch):
            chunk = todo[start : start + batch]
            spans = analyzer.analyze([t for _, t in chunk])
            for (k, t), found in zip(chunk, spans, strict=True):
                cached[k] = (redact(t, found), ",".join(s.label for s in found))
            if progress:
                progress(len(chunk))
        if workspace is not None:
            workspace.put_redactions({k: cached[k] for k, _ in todo})
    redacted = {t: cached[k] for k, t in zip(cache_keys, unique, strict=True)}

    labels = Counter()
    with_redactions = 0
    for text in out[F.TEXT]:
        found = redacted[text][1]
        if found:
            with_redactions += 1
            labels.update(found.split(","))
    out[F.TEXT] = out[F.TEXT].map(lambda t: redacted[t][0])
    out[F.PARTICIPANT] = out[F.PARTICIPANT].map(lambda p: pseudonym(p, key))
    out[F.TEXT_HASH] = out[F.TEXT].map(F.text_hash)
    stats = RedactionStats(len(out), with_redactions, dict(sorted(labels.items())))
    return out[F.REDACTED_COLUMNS], stats


def _fingerprint(roster: Roster, names, key: bytes) -> str:
    # Keyed, so the roster's names cannot be recovered from a cache key.
    parts = [REDACTION_VERSION, *names, *roster.names, *roster.nicknames, *roster.ids]
    return keyed_hash("\x1f".join(parts), key)[:16]
