"""Ingest's row checks and reshaping: cells within limits, a participant for every answer, one
row per non-blank answer, and duplicates refused (or dropped on request)."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from reflect import frames as F
from reflect.errors import InputError


def check_cells(path, table, rows, mapping, max_cell_chars) -> None:
    for column in mapping["text"]:
        lengths = table[column].str.len()
        too_long = lengths > max_cell_chars
        if too_long.any():
            at = int(too_long.to_numpy().argmax())
            raise InputError(
                f"cell has {int(lengths.iloc[at]):,} characters (limit {max_cell_chars:,}); "
                "split it or raise --max-cell-chars",
                file=path,
                row=rows[at],
                column=column,
            )
    participant = mapping["participant"]
    has_text = (table[mapping["text"]].apply(lambda c: c.str.strip() != "")).any(axis=1)
    missing = (table[participant].str.strip() == "") & has_text
    if missing.any():
        at = int(missing.to_numpy().argmax())
        raise InputError(
            "missing participant for a non-blank answer",
            file=path,
            row=rows[at],
            column=participant,
        )


def to_long(table: pd.DataFrame, rows: list[int], mapping: dict[str, object]) -> pd.DataFrame:
    """One row per non-blank answer; the prompt is the text column's header (wide format)
    or the row's question (long format)."""

    def column(field: str, normalise=lambda s: s.str.strip()) -> pd.Series:
        if field in mapping:
            return normalise(table[mapping[field]])
        return pd.Series([""] * len(table), index=table.index)

    base = pd.DataFrame(
        {
            F.ROW: rows,
            F.PARTICIPANT: column("participant"),
            F.ROLE: column("role", lambda s: s.map(F.role_label)).replace("", "unknown"),
            F.SESSION: column("session", _session_labels),
            F.COHORT: column("cohort"),
            F.DATE: column("date"),
        }
    )
    parts = []
    for text_column in mapping["text"]:
        part = base.copy()
        part[F.PROMPT] = column("prompt") if "prompt" in mapping else text_column
        part[F.TEXT] = table[text_column].str.strip()
        parts.append(part[part[F.TEXT] != ""])
    return pd.concat(parts, ignore_index=True)[F.INGESTED_COLUMNS]


def _session_labels(values: pd.Series) -> pd.Series:
    # "Session 3", "3", "3.0" all mean session 3.
    def label(value: str) -> str:
        value = value.strip()
        match = re.fullmatch(r"(?:session|meeting|week)?\s*#?\s*(\d+)(?:\.0+)?", value, re.I)
        return str(int(match.group(1))) if match else value

    return values.map(label)


def check_duplicates(path: Path, long: pd.DataFrame, drop: bool) -> pd.DataFrame:
    key = [F.PARTICIPANT, F.SESSION, F.COHORT, F.PROMPT, F.TEXT]
    dup = long.duplicated(subset=key, keep="first")
    if not dup.any():
        return long
    if drop:
        return long[~dup]
    first_dup = long[dup].iloc[0]
    original = long[(long[key] == first_dup[key]).all(axis=1)].iloc[0]
    raise InputError(
        f"duplicates row {original[F.ROW]} (same participant, session and answer); "
        "remove it or pass --drop-duplicates",
        file=path,
        row=int(first_dup[F.ROW]),
        column=str(first_dup[F.PROMPT]),
    )
