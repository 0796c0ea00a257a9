"""Ingest's row checks and reshaping: cells within limits, a participant for every answer, one
row per non-blank answer, and duplicates refused (or dropped on request)."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from reflect import frames as F
from reflect.errors import InputError
from reflect.ingest.columns import looks_like_text
from reflect.keys import id_key


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
            F.PARTICIPANT: column("participant", participant_ids),
            F.ROLE: column("role", _role_labels).replace("", "unknown"),
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


def questions(table: pd.DataFrame, mapping: dict[str, object]) -> tuple[str, ...]:
    """The prompts the export asks, whether or not anyone answered them, in the export's order:
    a wide export's text columns and the blank columns headed like one ("Any problems?" no one
    answered), a long export's questions (blank answers' rows too). Text columns guessed from
    their answers stay a guess: ``--text-column`` names them."""
    if "prompt" in mapping:
        asked = table[mapping["prompt"]].str.strip()
        return tuple(dict.fromkeys(p for p in asked if p))
    taken = {h for v in mapping.values() for h in (v if isinstance(v, list) else [v])}
    return tuple(
        header
        for header in table.columns
        if header in mapping["text"]
        or (
            header not in taken
            and looks_like_text(header)
            and (table[header].str.strip() == "").all()
        )
    )


def participant_ids(values: pd.Series) -> pd.Series:
    """One id per participant however the export typed it ("RM-0553", "rm-0553", "RM0553"),
    written as the export writes it most (then the first in sort order): case, and the
    separators inside an id with digits, are typing, not another person — a person counted
    twice is a theme's count too high and a pseudonym the roster never had."""
    values = values.str.strip()
    keys = _same_number(values.map(id_key))
    shown = {
        key: min(spellings.value_counts().items(), key=lambda kv: (-kv[1], kv[0]))[0]
        for key, spellings in values.groupby(keys)
    }
    return keys.map(shown)


_NUMBERED = re.compile(r"([^\W\d_]*)(\d+)")


def _same_number(keys: pd.Series) -> pd.Series:
    """ "L412" and "0412" beside "L0412": where most ids are one prefix and a number of one
    width, an id with that number and the prefix or none, written short or without its
    leading zeros, is the id of that number (a typed slip, not a person the roster lacks)."""
    numbered = {k: m for k in set(keys) if (m := _NUMBERED.fullmatch(k))}
    if len(numbered) < 2:
        return keys
    shapes = pd.Series([(m[1], len(m[2])) for m in numbered.values()]).value_counts()
    (prefix, width), count = shapes.index[0], shapes.iloc[0]
    if count * 2 <= len(numbered):  # no shape most ids have: a tie would pick by hash order
        return keys
    full = {k for k, m in numbered.items() if (m[1], len(m[2])) == (prefix, width)}
    alias = {}
    for k, m in numbered.items():
        canonical = prefix + str(int(m[2])).zfill(width)
        if k not in full and m[1] in (prefix, "") and canonical in full:
            alias[k] = canonical
    return keys.map(lambda k: alias.get(k, k))


def _role_labels(values: pd.Series) -> pd.Series:
    """One label per role whatever its casing ("Mentor ", "MENTOR" -> "mentor"), written as
    the export writes it most when that spelling holds a capital inside ("HR business
    partner", "IT Lead"): lower-cased, "hr business partner" reads as a typo in a report."""
    keys = values.map(F.role_label)
    shown: dict[str, str] = {}
    for key, spellings in values.str.strip().groupby(keys):
        commonest = spellings.value_counts().index[0]
        inner_capital = any(ch.isupper() for ch in commonest[1:])
        shown[key] = commonest if inner_capital and not commonest.isupper() else key
    return keys.map(shown)


def _session_labels(values: pd.Series) -> pd.Series:
    # "Session 3", "3", "3.0" all mean session 3.
    def label(value: str) -> str:
        value = value.strip()
        match = re.fullmatch(r"(?:session|meeting|week)?\s*#?\s*(\d+)(?:\.0+)?", value, re.I)
        return str(int(match.group(1))) if match else value

    return values.map(label)


def check_duplicates(
    path: Path, table: pd.DataFrame, rows: list[int], drop: bool
) -> tuple[pd.DataFrame, list[int]]:
    """A row that repeats an earlier one in every column (an export appended twice, a row
    copied) is refused, or dropped on request. Two submissions that differ anywhere — a
    response id, a time, another answer — are two reflections, even when the same person
    wrote the same answer in both ("No suggestions.")."""
    dup = table.duplicated(keep="first").to_numpy()
    if not dup.any():
        return table, rows
    if drop:
        return table[~dup], [r for r, d in zip(rows, dup, strict=True) if not d]
    at = int(dup.argmax())
    same = (table == table.iloc[at]).all(axis=1).to_numpy()
    raise InputError(
        f"repeats row {rows[int(same.argmax())]} in every column; "
        "remove it or pass --drop-duplicates",
        file=path,
        row=rows[at],
    )
