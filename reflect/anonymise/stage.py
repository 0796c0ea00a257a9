"""The anonymise stage over the reflections frame: redact every answer (with a keyed cache in
the workspace) and replace participants by keyed pseudonyms."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache, partial

import pandas as pd

from reflect import frames as F
from reflect.anonymise.analyzer import (
    Analyzer,
    analyze_with,
    default_recognizers,
    default_settings,
    settings_text,
)
from reflect.anonymise.redactor import redact
from reflect.anonymise.spans import QUASI_IDENTIFIER, SCREEN_ONLY, Span
from reflect.defaults import MIN_GROUP_SIZE
from reflect.keys import keyed_hash, pseudonym
from reflect.parallel import map_chunks
from reflect.roster import Roster, common_id_shapes, ids_of_shapes, with_own_ids

# Bump when recognizers change what they find, so cached redactions are redone (an edit of
# ``models/patterns.toml`` redoes them by itself).
REDACTION_VERSION = "30"


@dataclass
class RedactionStats:
    texts: int = 0
    texts_with_redactions: int = 0
    by_label: dict[str, int] = field(default_factory=dict)  # redacted spans by label
    # Texts holding an identifying description (kept in the text, flagged for screening).
    texts_with_quasi_identifiers: int = 0
    # Distinct participants behind each figure above: a figure is shown only when k are
    # (one person's five ages are no group).
    people_by_label: dict[str, int] | None = None
    people_with_redactions: int | None = None
    people_with_quasi_identifiers: int | None = None


BATCH = 512  # texts per analyzer call (and per worker task on large inputs)


def anonymise(
    frame: pd.DataFrame,
    roster: Roster | None,
    key: bytes,
    workspace=None,
    recognizer_names=None,
    progress=None,
    also: Sequence[str] = (),
    id_shapes: frozenset[str] | None = None,
) -> tuple[pd.DataFrame, RedactionStats]:
    """``also``: texts to redact into the workspace's cache along with the answers (the
    group-value screen's, which then finds them there and loads no model of its own);
    ``id_shapes``: the shapes of the participants' own ids looked for in answers (default:
    the shapes most of them share, ``roster.common_id_shapes``)."""
    F.check_columns(frame, F.INGESTED_COLUMNS, "anonymise")
    out = frame.copy()
    # Participants' own ids are redacted from text too, so the roster always includes them.
    # They are left out of the cache fingerprint (a new participant would otherwise void every
    # cached redaction) and replaced in cached texts by ``_redact_ids`` below instead.
    if id_shapes is None:
        id_shapes = common_id_shapes(frame[F.PARTICIPANT], MIN_GROUP_SIZE)
    not_ids = default_settings().get("employee_id", {}).get("not_ids", [])
    own_ids = ids_of_shapes(set(frame[F.PARTICIPANT]), id_shapes, not_ids)
    fingerprint = _fingerprint(roster or Roster(), recognizer_names, key)
    roster = with_own_ids(roster, own_ids)
    unique = list(dict.fromkeys([*out[F.TEXT], *(also if workspace is not None else ())]))
    cache_keys = [keyed_hash(fingerprint + text, key) for text in unique]
    cached = workspace.get_redactions(cache_keys) if workspace is not None else {}
    todo = [(k, t) for k, t in zip(cache_keys, unique, strict=True) if k not in cached]
    if todo:
        recipe = partial(analyze_with, roster, recognizer_names)  # built once per worker
        found_spans = map_chunks(recipe, [t for _, t in todo], BATCH)
        for start, spans in zip(range(0, len(todo), BATCH), found_spans, strict=True):
            chunk = todo[start : start + BATCH]
            for (k, t), found in zip(chunk, spans, strict=True):
                cached[k] = (redact(t, found), ",".join(s.label for s in found))
                # Only labels are cached, never the spans' text.
            if progress:
                progress(len(chunk))
        if workspace is not None:
            workspace.put_redactions({k: cached[k] for k, _ in todo})
    wanted = frozenset(i.upper() for i in own_ids)
    redacted = {t: _redact_ids(*cached[k], wanted) for k, t in zip(cache_keys, unique, strict=True)}

    labels = Counter()
    with_redactions = with_quasi = 0
    people: dict[str, set] = {"redacted": set(), "quasi": set()}
    for text, who in zip(out[F.TEXT], out[F.PARTICIPANT], strict=True):
        found = [label for label in redacted[text][1].split(",") if label]
        shown = [label for label in found if label not in SCREEN_ONLY]
        with_redactions += bool(shown)
        with_quasi += len(shown) < len(found)
        labels.update(shown)
        for name in {
            *shown,
            *(["redacted"] if shown else []),
            *(["quasi"] * (len(shown) < len(found))),
        }:
            people.setdefault(name, set()).add(who)
    out[F.TEXT] = out[F.TEXT].map(lambda t: redacted[t][0])
    out[F.PARTICIPANT] = out[F.PARTICIPANT].map(lambda p: pseudonym(p, key))
    out[F.TEXT_HASH] = out[F.TEXT].map(F.text_hash)
    stats = RedactionStats(
        len(out), with_redactions, dict(sorted(labels.items())), with_quasi,
        {label: len(people[label]) for label in sorted(labels)},
        len(people["redacted"]), len(people["quasi"]),
    )  # fmt: skip
    return out[F.REDACTED_COLUMNS], stats


_ID_TOKEN = re.compile(r"[\w-]+")


def _redact_ids(text: str, labels: str, ids: frozenset[str]) -> tuple[str, str]:
    """A participant id (``ids``: upper case) left in a redacted text (one cached before that
    participant joined)."""
    if ids.isdisjoint(_ID_TOKEN.findall(text.upper())):
        return text, labels  # the common case, checked without a Python loop per word
    found = [m for m in _ID_TOKEN.finditer(text) if m.group().upper() in ids]
    for m in reversed(found):
        text = text[: m.start()] + "[EMPLOYEE_ID]" + text[m.end() :]
    return text, ",".join(filter(None, [labels, *["EMPLOYEE_ID"] * len(found)]))


def quasi_identifiers(text: str) -> list[Span]:
    """Identifying descriptions in a text ("the only 62-year-old in finance"), for screening
    phrases and quotes; loads no model."""
    return [s for s in _quasi_analyzer().analyze([text])[0] if s.label == QUASI_IDENTIFIER]


@lru_cache(maxsize=1)
def _quasi_analyzer() -> Analyzer:
    return Analyzer(names=("quasi_identifier",))


def _fingerprint(roster: Roster, names, key: bytes) -> str:
    # Keyed, so the roster's names cannot be recovered from a cache key.
    names = names if names is not None else default_recognizers()
    parts = [REDACTION_VERSION, settings_text(), *names, *roster.names, *roster.nicknames,
             *roster.ids]  # fmt: skip
    return keyed_hash("\x1f".join(parts), key)[:16]
