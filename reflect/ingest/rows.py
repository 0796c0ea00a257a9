"""Ingest's row checks and reshaping: cells within limits, a participant for every answer, one
row per non-blank answer, and duplicates refused (or dropped on request)."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from reflect import frames as F
from reflect.errors import InputError
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


def questions(mapping: dict[str, object], named: bool) -> tuple[str, ...] | None:
    """The prompts the export asks, whether or not anyone answered them: the text columns an
    analyst named (``--text-column``), in a wide export. None where the answers decide which
    they are: text columns guessed from what was written in them (a column one person
    answered is one, blank it is not), or a long export's question values (a question nobody
    answered may have no row)."""
    return tuple(mapping["text"]) if named and "prompt" not in mapping else None


def participant_ids(values: pd.Series) -> pd.Series:
    """One id per participant however the export typed it ("RM-0553", "rm-0553", "RM0553"),
    written as the export writes it most (then the first in sort order): case, and the
    separators inside an id with digits, are typing, not another person — a person counted
    twice is a theme's count too high and a pseudonym the roster never had."""
    values = values.str.strip()
    keys = _same_number(values.map(id_key))
    # an id typed short ("86954" for "E086954") is never the one shown: ``reflect forget``
    # finds a person by the number and prefix ids are written with (``workspace.erasure``)
    shown = {
        key: min(
            spellings.value_counts().items(), key=lambda kv: (id_key(kv[0]) != key, -kv[1], kv[0])
        )[0]
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
