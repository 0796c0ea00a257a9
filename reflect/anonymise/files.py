"""``reflect redact``: redact a CSV or JSONL file for sharing, without analysing it.

- CSV (and the other table formats ingest reads): text columns are guessed as ingest guesses
  them (or named); each is redacted in place, the participant column becomes its pseudonym and
  every other column is kept as it is.
- JSONL: rows ``{"id", "text"}`` come back as ``{"id", "text": redacted, "spans": [[start,
  end, label], ...]}`` with offsets on the original text. Other keys are kept.

The output is written to a temporary file beside it and renamed into place, so a failure
never leaves half a file.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from reflect.anonymise.analyzer import Analyzer
from reflect.anonymise.redactor import KEEP_BY_DEFAULT, redact
from reflect.anonymise.spans import SCREEN_ONLY, Span
from reflect.config import ColumnMap
from reflect.errors import InputError
from reflect.ingest import Roster, map_columns, read_table
from reflect.keys import pseudonym

_BATCH = 512
_JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}
_OUTPUT_SUFFIXES = {".csv", ".tsv", ".txt", ".jsonl", ".ndjson", ".json"}


@dataclass(frozen=True)
class RedactFileResult:
    rows: int
    texts: int
    spans_by_label: dict[str, int]


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
) -> RedactFileResult:
    """Redact ``source`` into ``out`` (same format as the source's extension says)."""
    source, out = Path(source), Path(out)
    if out.resolve() == source.resolve():
        raise InputError("--out must differ from the input file", file=out)
    if out.suffix.lower() not in _OUTPUT_SUFFIXES:
        raise InputError("write the redacted copy as .csv, .tsv or .jsonl", file=out)
    if source.suffix.lower() in _JSONL_SUFFIXES:
        return _redact_jsonl(source, out, key, roster, encoding, recognizer_names, keep, progress)
    return _redact_table(
        source, out, key, roster, columns, encoding, recognizer_names, keep, progress
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


def _redact_jsonl(source, out, key, roster, encoding, names, keep, progress) -> RedactFileResult:
    table, rows = read_table(source, encoding)
    if "text" not in table.columns:
        raise InputError(
            'JSONL rows need a "text" field (and usually an "id")', file=source, column="text"
        )
    records = _jsonl_records(source, encoding)
    texts = [r.get("text") for r in records]
    for text, row in zip(texts, rows, strict=True):
        if text is not None and not isinstance(text, str):
            raise InputError("text must be a string", file=source, row=row, column="text")
    texts = [t or "" for t in texts]
    analyzer = Analyzer(roster, names)
    found = _analyze(analyzer, texts, progress)
    with _atomic(out) as handle:
        for record, text, spans in zip(records, texts, found, strict=True):
            shown = [s for s in spans if s.label not in keep]
            record = dict(record)
            record["text"] = redact(text, spans, keep)
            record["spans"] = [[s.start, s.end, s.label] for s in shown]
            quasi = [[s.start, s.end, s.label] for s in spans if s.label in SCREEN_ONLY]
            if quasi and keep:
                record["quasi_identifiers"] = quasi
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return RedactFileResult(len(records), len(texts), _count(found, keep))


def _jsonl_records(source: Path, encoding: str) -> list[dict]:
    # read_table has validated every line already; this keeps the original JSON types.
    text = source.read_bytes().decode(
        "utf-8-sig" if encoding.lower() in {"utf-8", "utf8"} else encoding
    )
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def _redact_table(
    source, out, key, roster, columns, encoding, names, keep, progress
) -> RedactFileResult:
    table, _rows = read_table(source, encoding)
    mapping = map_columns(source, table, columns or ColumnMap())
    text_columns: list[str] = list(mapping["text"])
    participant = mapping.get("participant")
    own_ids = tuple(sorted({v for v in table[participant] if v})) if participant else ()
    roster = Roster(
        ids=tuple(sorted(set(roster.ids) | set(own_ids))) if roster else own_ids,
        names=roster.names if roster else (),
        nicknames=roster.nicknames if roster else (),
    )
    analyzer = Analyzer(roster, names)
    cells = [(column, i) for column in text_columns for i in range(len(table))]
    texts = [table[column].iat[i] for column, i in cells]
    found = _analyze(analyzer, texts, progress)
    redacted = table.copy()
    new_values = {column: list(table[column]) for column in text_columns}
    for (column, i), text, spans in zip(cells, texts, found, strict=True):
        new_values[column][i] = redact(text, spans, keep)
    for column, values in new_values.items():
        redacted[column] = values
    if participant:
        redacted[participant] = [pseudonym(v, key) if v else "" for v in table[participant]]
    suffix = out.suffix.lower()
    with _atomic(out) as handle:
        if suffix in _JSONL_SUFFIXES:
            for record in redacted.to_dict(orient="records"):
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        else:
            redacted.to_csv(handle, index=False, sep="\t" if suffix == ".tsv" else ",")
    return RedactFileResult(len(table), len(texts), _count(found, keep))


@contextmanager
def _atomic(out: Path) -> Iterator:
    """A text handle on a temporary file beside ``out``, renamed over it only on success."""
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            yield handle
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
