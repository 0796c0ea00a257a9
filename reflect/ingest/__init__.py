"""Stage 1 — ingest: read a survey export (CSV, XLSX, JSONL, Parquet), map its columns and
validate it into the reflections frame (see ``reflect.frames``), one row per non-blank answer.
Readers per format live in ``readers``, column mapping in ``columns``, row checks and the
reshaping to one row per answer in ``rows``.

Every problem is an ``InputError`` naming file, row and column — never the cell's contents.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from reflect.config import ColumnMap
from reflect.errors import InputError
from reflect.ingest.columns import map_columns
from reflect.ingest.describe import describe_columns, group_nouns
from reflect.ingest.readers import (
    Reader,
    read_roster,
    read_table,
    readers,
    refuse_duplicate_headers,
)
from reflect.ingest.rows import (
    check_cells,
    check_duplicates,
    participant_ids,
    questions,
    to_long,
)
from reflect.roster import Roster

__all__ = [
    "Export",
    "Reader",
    "Roster",
    "describe_columns",
    "group_nouns",
    "map_columns",
    "read_export",
    "read_reflections",
    "read_roster",
    "read_table",
    "readers",
]


@dataclass(frozen=True)
class Export:
    """An ingested export: the reflections frame and which source column was used for what
    (``{"participant": "Employee ID", "text": ["What worked?"], "prompt": None, ...}``;
    ``format`` is ``"wide"`` — one column per prompt — or ``"long"`` — a question column
    and an answer column). The column record goes into report.json as ``columns``."""

    frame: pd.DataFrame
    columns: dict[str, object]
    ids_typed_apart: int = 0  # ids typed two ways ("RM-0553", "rm0553") read as one person
    # The questions the export asks, answered or not, where the analyst named them (``rows.
    # questions``; None: the answers decide). Design, where ``frame`` holds the prompts
    # someone answered.
    questions: tuple[str, ...] | None = None


def read_reflections(
    path: Path | pd.DataFrame,
    columns: ColumnMap | None = None,
    *,
    encoding: str = "utf-8",
    max_cell_chars: int = 20_000,
    drop_duplicates: bool = False,
) -> pd.DataFrame:
    """Read, map and validate an export into the reflections frame (raw text, memory only)."""
    return read_export(
        path,
        columns,
        encoding=encoding,
        max_cell_chars=max_cell_chars,
        drop_duplicates=drop_duplicates,
    ).frame


def read_export(
    source: Path | pd.DataFrame,
    columns: ColumnMap | None = None,
    *,
    encoding: str = "utf-8",
    max_cell_chars: int = 20_000,
    drop_duplicates: bool = False,
) -> Export:
    """``read_reflections`` with the record of which columns were used. ``source`` is a file
    or a data frame shaped like an export (its columns are mapped the same way)."""
    if isinstance(source, pd.DataFrame):
        path = Path("data frame")
        table = source.rename(columns=lambda c: str(c).strip()).fillna("").astype(str)
        rows = list(range(1, len(table) + 1))
        refuse_duplicate_headers(path, table.columns)
        if len(table.columns) == 0 or table.empty:
            raise InputError("no rows or no columns", file=path)
    else:
        path = Path(source)
        table, rows = read_table(path, encoding)
    mapping = map_columns(path, table, columns or ColumnMap())
    check_cells(path, table, rows, mapping, max_cell_chars)
    table, rows = check_duplicates(path, table, rows, drop_duplicates)
    long = to_long(table, rows, mapping)
    if long.empty:
        raise InputError("no reflections: every text cell is blank", file=path)
    written = table[mapping["participant"]].str.strip()
    typed_apart = written.nunique() - participant_ids(written).nunique()
    asked = questions(mapping, named=bool(columns and columns.text))
    return Export(long.reset_index(drop=True), _column_record(mapping), typed_apart, asked)


def _column_record(mapping: dict[str, object]) -> dict[str, object]:
    record: dict[str, object] = {
        field: mapping.get(field) for field in ("participant", "role", "session", "cohort")
    }
    record["date"] = mapping.get("date")
    record["text"] = list(mapping["text"])
    record["prompt"] = mapping.get("prompt")
    record["format"] = "long" if mapping.get("prompt") else "wide"
    return record
