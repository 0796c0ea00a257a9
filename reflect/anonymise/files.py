"""``reflect redact``: redact a CSV or JSONL file for sharing, without analysing it.

- CSV (and the other table formats ingest reads): columns are mapped as ``reflect analyse``
  maps them (or named). Text columns are redacted, the participant column becomes its
  pseudonym, role/session/cohort/date values are redacted too (a hand-typed cohort can hold a
  name), and every column that is not mapped — a full name, an email, free notes — is dropped
  unless ``keep_columns`` names it, in which case its values are redacted as well.
- JSONL: rows ``{"id", "text"}`` come back as ``{"id", "text": redacted, "spans": [[start,
  end, label], ...]}`` with offsets on the original text. Other keys are dropped unless
  ``keep_columns`` names them (their string values are then redacted).

The output is written to a temporary file beside it and renamed into place, so a failure
never leaves half a file.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from reflect.anonymise.analyzer import Analyzer
from reflect.anonymise.redactor import KEEP_BY_DEFAULT, redact
from reflect.anonymise.spans import SCREEN_ONLY, Span
from reflect.atomic import open_atomic
from reflect.config import ColumnMap
from reflect.errors import InputError
from reflect.ingest import map_columns, read_table
from reflect.keys import pseudonym
from reflect.roster import Roster, with_own_ids
from reflect.source import decode_text

_BATCH = 512
_JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}
_OUTPUT_SUFFIXES = {".csv", ".tsv", ".txt", ".jsonl", ".ndjson", ".json"}


@dataclass(frozen=True)
class RedactFileResult:
    rows: int
    texts: int
    spans_by_label: dict[str, int]
    dropped_columns: tuple[str, ...] = ()  # names only: never their values


def redact_file(
    source: Path,
    out: Path,
    *,
    key: bytes,
    roster: Roster | None = None,
    columns: ColumnMap | None = None,
    encoding: str = "utf-8",
    recognizer_names=None,
    keep: frozenset[str] = KEEP_BY_DEFAULT,
    progress: Callable[[int], None] | None = None,
    keep_columns: Sequence[str] = (),
) -> RedactFileResult:
    """Redact ``source`` into ``out`` (same format as the source's extension says).
    ``keep_columns``: columns (JSONL keys) to keep besides the mapped ones, redacted too."""
    source, out = Path(source), Path(out)
    if out.resolve() == source.resolve():
        raise InputError("--out must differ from the input file", file=out)
    if out.suffix.lower() not in _OUTPUT_SUFFIXES:
        raise InputError("write the redacted copy as .csv, .tsv or .jsonl", file=out)
    if source.suffix.lower() in _JSONL_SUFFIXES:
        return _redact_jsonl(
            source, out, roster, encoding, recognizer_names, keep, progress, keep_columns
        )
    return _redact_table(
        source, out, key, roster, columns, encoding, recognizer_names, keep, progress, keep_columns
    )


def _analyze(analyzer: Analyzer, texts: list[str], progress) -> list[list[Span]]:
    found: list[list[Span]] = []
    for start in range(0, len(texts), _BATCH):
        chunk = texts[start : start + _BATCH]
        found += analyzer.analyze(chunk)
        if progress:
            progress(len(chunk))
    return found


def _count(found: list[list[Span]], keep) -> dict[str, int]:
    counts: dict[str, int] = {}
    for spans in found:
        for span in spans:
            if span.label not in keep:
                counts[span.label] = counts.get(span.label, 0) + 1
    return dict(sorted(counts.items()))


def _redact_jsonl(
    source, out, roster, encoding, names, keep, progress, keep_columns
) -> RedactFileResult:
    table, rows = read_table(source, encoding)
    if "text" not in table.columns:
        raise InputError(
            'JSONL rows need a "text" field (and usually an "id")', file=source, column="text"
        )
    kept = [_kept_column(source, list(table.columns), name) for name in keep_columns]
    records = _jsonl_records(source, encoding)
    texts = [r.get("text") for r in records]
    for text, row in zip(texts, rows, strict=True):
        if text is not None and not isinstance(text, str):
            raise InputError("text must be a string", file=source, row=row, column="text")
    texts = [t or "" for t in texts]
    analyzer = Analyzer(roster, names)
    found = _analyze(analyzer, texts, progress)
    others = {c: _redacted_values(analyzer, [r.get(c) for r in records], keep) for c in kept}
    with open_atomic(out, newline="") as handle:
        for i, (record, text, spans) in enumerate(zip(records, texts, found, strict=True)):
            shown = [s for s in spans if s.label not in keep]
            line = {k: record[k] for k in ("id",) if k in record}
            line["text"] = redact(text, spans, keep)
            line.update({c: others[c][0][i] for c in kept if c in record})
            line["spans"] = [[s.start, s.end, s.label] for s in shown]
            quasi = [[s.start, s.end, s.label] for s in spans if s.label in SCREEN_ONLY]
            if quasi and keep:
                line["quasi_identifiers"] = quasi
            handle.write(json.dumps(line, ensure_ascii=False) + "\n")
    dropped = [c for c in table.columns if c not in ("id", "text", *kept)]
    counts = _count(found + [s for c in kept for s in others[c][1]], keep)
    return RedactFileResult(len(records), len(texts), counts, tuple(dropped))


def _kept_column(source: Path, columns: list[str], name: str) -> str:
    """A ``--keep-column`` name resolved to a column (exact, else ignoring case/spaces)."""
    if name in columns:
        return name
    loose = {" ".join(c.lower().split()): c for c in columns}
    if " ".join(name.lower().split()) in loose:
        return loose[" ".join(name.lower().split())]
    raise InputError(
        f"--keep-column {name!r}: no such column (columns are: {', '.join(columns)})",
        file=source,
    )


def _redacted_values(
    analyzer: Analyzer, values: list, keep: frozenset[str]
) -> tuple[list, list[list[Span]]]:
    """Each string value redacted (each distinct value analysed once), other values as they
    are; and the spans found, cell by cell, for the counts."""
    distinct = sorted({v for v in values if isinstance(v, str) and v.strip()})
    spans = dict(zip(distinct, analyzer.analyze(distinct), strict=True)) if distinct else {}
    redacted = [redact(v, spans[v], keep) if v in spans else v for v in values]
    return redacted, [spans[v] for v in values if v in spans]


def _jsonl_records(source: Path, encoding: str) -> list[dict]:
    # read_table has validated every line already; this keeps the original JSON types.
    text = decode_text(source, encoding)
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def _redact_table(
    source, out, key, roster, columns, encoding, names, keep, progress, keep_columns
) -> RedactFileResult:
    table, _rows = read_table(source, encoding)
    mapping = map_columns(source, table, columns or ColumnMap())
    text_columns: list[str] = list(mapping["text"])
    participant = mapping.get("participant")
    described = [mapping[f] for f in ("role", "session", "cohort", "date") if f in mapping]
    extra = [_kept_column(source, list(table.columns), name) for name in keep_columns]
    kept = {*text_columns, *described, *extra, participant}
    own_ids = tuple(sorted({v for v in table[participant] if v})) if participant else ()
    roster = with_own_ids(roster, own_ids)
    analyzer = Analyzer(roster, names)
    cells = [(column, i) for column in text_columns for i in range(len(table))]
    texts = [table[column].iat[i] for column, i in cells]
    found = _analyze(analyzer, texts, progress)
    redacted = table[[c for c in table.columns if c in kept]].copy()
    new_values = {column: list(table[column]) for column in text_columns}
    for (column, i), text, spans in zip(cells, texts, found, strict=True):
        new_values[column][i] = redact(text, spans, keep)
    for column in redacted.columns:
        if column in new_values or column == participant:
            continue
        # A date column keeps its dates; a name or an email in any such cell goes.
        keep_here = keep | {"DATE"} if column == mapping.get("date") else keep
        new_values[column], spans = _redacted_values(analyzer, list(table[column]), keep_here)
        found += [[s for s in cell if s.label not in keep_here] for cell in spans]
    for column, values in new_values.items():
        redacted[column] = values
    if participant:
        redacted[participant] = [pseudonym(v, key) if v else "" for v in table[participant]]
    suffix = out.suffix.lower()
    with open_atomic(out, newline="") as handle:
        if suffix in _JSONL_SUFFIXES:
            for record in redacted.to_dict(orient="records"):
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        else:
            redacted.to_csv(handle, index=False, sep="\t" if suffix == ".tsv" else ",")
    dropped = tuple(c for c in table.columns if c not in kept)
    return RedactFileResult(len(table), len(texts), _count(found, keep), dropped)
