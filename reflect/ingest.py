"""Stage 1 — ingest: read a survey export (CSV, XLSX, JSONL, Parquet), map its columns and
validate it into the reflections frame (see ``reflect.frames``), one row per non-blank answer.

Every problem is an ``InputError`` naming file, row and column — never the cell's contents.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from reflect import frames as F
from reflect.config import ColumnMap
from reflect.errors import InputError
from reflect.registry import Registry
from reflect.roster import Roster
from reflect.source import check_file

# A reader returns every cell as a string plus each record's row number in the source.
Reader = Callable[[Path, str], tuple[pd.DataFrame, list[int]]]
readers: Registry[Reader] = Registry("input format")

# Header words that identify a column (matched on lower-cased headers, first rule wins).
_HEADER_RULES: dict[str, tuple[str, ...]] = {
    "participant": (
        "participant",
        "respondent",
        "employee",
        "person",
        "user",
        "author",
        "email",
        "name",
    ),
    "role": ("role", "mentor or mentee", "mentor/mentee", "position in pair"),
    "session": ("session", "meeting", "week"),
    "cohort": (
        "cohort",
        "group",
        "programme",
        "program",
        "wave",
        "intake",
        "workshop",
        "course",
        "class",
    ),
    "date": ("date", "submitted", "timestamp", "created", "time"),
}
# Headers of identifiers and contact details: never answers, however long their values are
# (a "Full name" column would otherwise be analysed, and kept by `reflect redact`, as text).
_NOT_TEXT = re.compile(r"\b(id|ids|identifier|number|no|name|names|e-?mail|phone|mobile)\b")
_TEXT_HINTS = ("reflection", "comment", "what", "?", "text", "answer", "feedback", "notes")
_MIN_FREE_TEXT_CHARS = 15  # mean answer length above which an unmapped column is free text


@dataclass(frozen=True)
class Export:
    """An ingested export: the reflections frame and which source column was used for what
    (``{"participant": "Employee ID", "text": ["What worked?"], "prompt": None, ...}``;
    ``format`` is ``"wide"`` — one column per prompt — or ``"long"`` — a question column
    and an answer column). The column record goes into report.json as ``columns``."""

    frame: pd.DataFrame
    columns: dict[str, object]


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
        if len(table.columns) == 0 or table.empty:
            raise InputError("no rows or no columns", file=path)
    else:
        path = Path(source)
        table, rows = read_table(path, encoding)
    mapping = map_columns(path, table, columns or ColumnMap())
    _check_cells(path, table, rows, mapping, max_cell_chars)
    long = _to_long(table, rows, mapping)
    long = _check_duplicates(path, long, drop_duplicates)
    if long.empty:
        raise InputError("no reflections: every text cell is blank", file=path)
    return Export(long.reset_index(drop=True), _column_record(mapping))


def _column_record(mapping: dict[str, object]) -> dict[str, object]:
    record: dict[str, object] = {
        field: mapping.get(field) for field in ("participant", "role", "session", "cohort")
    }
    record["date"] = mapping.get("date")
    record["text"] = list(mapping["text"])
    record["prompt"] = mapping.get("prompt")
    record["format"] = "long" if mapping.get("prompt") else "wide"
    return record


def _quoted(header: object) -> str:
    # As the header reads in the spreadsheet: repr() would show a no-break space as \xa0.
    return "'" + " ".join(str(header).split()) + "'"


# Words a session or cohort header may use for what it counts ("Workshop", "Week no.").
_SESSION_NOUNS = ("session", "meeting", "week", "workshop", "module", "lesson", "class", "day")
_COHORT_NOUNS = ("cohort", "group", "class", "wave", "intake", "workshop", "team", "circle")


def group_nouns(columns: dict[str, object]) -> dict[str, str]:
    """What one session and one cohort are called, from the headers of their columns
    ("Workshop" -> workshop); "session" and "cohort" when the header says nothing clearer."""

    def noun(header: object, words: tuple[str, ...], default: str) -> str:
        found = [w for w in re.findall(r"[a-z]+", str(header or "").lower()) if w in words]
        return found[0] if found else default

    return {
        "session": noun(columns.get("session"), _SESSION_NOUNS, "session"),
        "cohort": noun(columns.get("cohort"), _COHORT_NOUNS, "cohort"),
    }


def describe_columns(columns: dict[str, object]) -> str:
    """One line saying which column was used for what (printed by ``reflect analyse``)."""
    parts = []
    for field in ("participant", "role", "session", "cohort", "date"):
        if columns.get(field):
            parts.append(f"{field} {_quoted(columns[field])}")
    texts = ", ".join(_quoted(t) for t in columns.get("text") or [])
    if columns.get("prompt"):
        parts.append(f"answers {texts} to the questions in {_quoted(columns['prompt'])}")
    else:
        n = len(columns.get("text") or [])
        parts.append(f"answers in {texts} ({'one prompt' if n == 1 else f'{n} prompts'})")
    absent = [f for f in ("role", "session", "cohort") if not columns.get(f)]
    if absent:
        parts.append("no " + " or ".join(absent) + " column")
    return "columns: " + "; ".join(parts)


def read_roster(path: Path, encoding: str = "utf-8") -> Roster:
    """A roster has an id column and a name column; a ``nickname`` column is optional."""
    table, rows = read_table(path, encoding)
    headers = {c.lower().strip(): c for c in table.columns}
    id_col = next(
        (
            headers[h]
            for h in headers
            if "id" in h.split("_")
            or h.endswith(" id")
            or h in {"id", "participant_id", "employee_id"}
        ),
        None,
    )
    name_col = next((headers[h] for h in headers if h in {"name", "full name", "full_name"}), None)
    if name_col is None:
        raise InputError("roster needs a 'name' column", file=path)
    nick_col = next((headers[h] for h in headers if "nick" in h), None)
    ids = tuple(v for v in table[id_col].str.strip() if v) if id_col else ()
    names = tuple(v for v in table[name_col].str.strip() if v)
    nicknames = tuple(v for v in table[nick_col].str.strip() if v) if nick_col else ()
    return Roster(ids=ids, names=names, nicknames=nicknames)


def read_table(path: Path, encoding: str = "utf-8") -> tuple[pd.DataFrame, list[int]]:
    path = check_file(path)
    suffix = path.suffix.lower().lstrip(".")
    fmt = {
        "tsv": "csv",
        "txt": "csv",
        "xls": "xlsx",
        "xlsm": "xlsx",
        "ndjson": "jsonl",
        "json": "jsonl",
        "pq": "parquet",
    }.get(suffix, suffix)
    if fmt not in readers.names():
        raise InputError(
            f"unsupported file type '.{suffix}' (use {', '.join(readers.names())})", file=path
        )
    if path.stat().st_size == 0:
        raise InputError("empty file", file=path)
    table, rows = readers.get(fmt)(path, encoding)
    if len(table.columns) == 0:
        raise InputError("no header row", file=path)
    if table.empty:
        raise InputError("no data rows below the header", file=path)
    table.columns = [str(c).strip() for c in table.columns]
    return table.fillna("").astype(str), rows


def _decode(path: Path, encoding: str) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig" if encoding.lower() in {"utf-8", "utf8"} else encoding)
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise InputError(
            f"line {line}: not valid {encoding} text (byte 0x{data[err.start]:02x}); "
            "re-export as UTF-8 or pass --encoding (e.g. cp1252)",
            file=path,
        ) from None
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}", file=path) from None


@readers.register("csv")
def _read_csv(path: Path, encoding: str) -> tuple[pd.DataFrame, list[int]]:
    text = _decode(path, encoding)
    if not text.strip():
        raise InputError("empty file", file=path)
    try:
        table = pd.read_csv(
            io.StringIO(text), dtype=str, keep_default_na=False, sep=_delimiter(path, text)
        )
    except pd.errors.ParserError as err:
        # pandas' message cites line numbers and field counts, never cell text.
        detail = str(err).split("\n")[0].replace("Error tokenizing data. C error: ", "")
        raise InputError(f"malformed CSV: {detail}", file=path) from None
    except pd.errors.EmptyDataError:
        raise InputError("empty file", file=path) from None
    return table, [i + 2 for i in range(len(table))]


def _delimiter(path: Path, text: str) -> str:
    # Survey tools in some locales export ";"-separated files; only the header is sniffed.
    if path.suffix.lower() == ".tsv":
        return "\t"
    try:
        return csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=",;\t|").delimiter
    except csv.Error:
        return ","


@readers.register("xlsx")
def _read_xlsx(path: Path, encoding: str) -> tuple[pd.DataFrame, list[int]]:
    try:
        table = pd.read_excel(path, dtype=str, keep_default_na=False, engine="openpyxl")
    except Exception as err:  # openpyxl raises many types for a corrupt workbook
        raise InputError(
            f"not a readable XLSX workbook ({type(err).__name__})", file=path
        ) from None
    return table, [i + 2 for i in range(len(table))]


@readers.register("jsonl")
def _read_jsonl(path: Path, encoding: str) -> tuple[pd.DataFrame, list[int]]:
    records, rows = [], []
    for number, line in enumerate(_decode(path, encoding).splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            raise InputError("not valid JSON", file=path, row=number) from None
        if not isinstance(record, dict):
            raise InputError("expected a JSON object per line", file=path, row=number)
        records.append({k: "" if v is None else v for k, v in record.items()})
        rows.append(number)
    if not records:
        raise InputError("empty file", file=path)
    table = pd.DataFrame.from_records(records)
    for column in table.columns:
        table[column] = table[column].map(lambda v: "" if v is None or v != v else str(v))
    return table, rows


@readers.register("parquet")
def _read_parquet(path: Path, encoding: str) -> tuple[pd.DataFrame, list[int]]:
    try:
        table = pd.read_parquet(path)
    except Exception as err:  # pyarrow raises several types for a corrupt file
        raise InputError(f"not a readable Parquet file ({type(err).__name__})", file=path) from None
    table = table.astype(object).where(table.notna(), "").astype(str)
    return table, [i + 1 for i in range(len(table))]


def _norm(header: str) -> str:
    return re.sub(r"[\s_]+", " ", header.lower()).strip()


def map_columns(path: Path, table: pd.DataFrame, given: ColumnMap) -> dict[str, object]:
    """Resolve each field to a source column: explicit options first, then header guesses."""
    headers = list(table.columns)
    mapping: dict[str, object] = {}
    taken: set[str] = set()

    def resolve(field: str, name: str, option: str) -> str:
        if name in headers:
            return name
        by_norm = {_norm(h): h for h in headers}
        if _norm(name) in by_norm:
            return by_norm[_norm(name)]
        raise InputError(
            f"column {name!r} (from {option}) not found; columns are: {', '.join(headers)}",
            file=path,
        )

    for field in ("participant", "role", "session", "cohort", "date", "prompt"):
        name = getattr(given, field)
        if name is not None:
            mapping[field] = resolve(field, name, f"--{field}-column")
            taken.add(mapping[field])
    for field, words in _HEADER_RULES.items():
        if field in mapping:
            continue
        for word in words:
            hit = next(
                (
                    h
                    for h in headers
                    if h not in taken
                    and word in _norm(h)
                    and not (field == "participant" and "response" in _norm(h))
                    and not any(hint in _norm(h) for hint in ("?", "what", "reflection"))
                ),
                None,
            )
            if hit:
                mapping[field] = hit
                taken.add(hit)
                break

    if given.text:
        mapping["text"] = [resolve("text", name, "--text-column") for name in given.text]
    else:
        mapping["text"] = _guess_text_columns(table, [h for h in headers if h not in taken])
    _long_format(path, table, mapping, [h for h in headers if h not in taken])
    if not mapping["text"]:
        blank = [h for h in headers if h not in taken and _looks_like_text(h)]
        if blank and all((table[h].str.strip() == "").all() for h in blank):
            raise InputError(
                "no reflections: every answer is blank (in "
                + ", ".join(repr(h) for h in blank)
                + ")",
                file=path,
            )
        raise InputError(
            f"no text column found; name it with --text-column (columns are: {', '.join(headers)})",
            file=path,
        )
    if "participant" not in mapping:
        raise InputError(
            "no participant column found (looked for headers containing participant, "
            "respondent, employee, name...); name it with --participant-column",
            file=path,
        )
    if mapping["participant"] in mapping["text"]:
        raise InputError(
            "the participant column cannot also be a text column",
            file=path,
            column=str(mapping["participant"]),
        )
    return mapping


def _long_format(path: Path, table: pd.DataFrame, mapping: dict, untaken: list[str]) -> None:
    """Long-format exports hold one row per answer: a column naming the question and one
    holding the answer. Read as wide, the question wording would be analysed as answers, so
    the question column is found (``--prompt-column``, or detected when clear) and the
    answer column must then be exactly one; anything unclear is refused with a hint."""
    texts = mapping["text"]
    if "prompt" in mapping:
        texts = [t for t in texts if t != mapping["prompt"]]
    else:
        questions = [h for h in untaken if _is_question_column(h, table[h])]
        if not questions:
            return
        if len(questions) > 1:
            raise InputError(
                "this looks like a long-format export (columns "
                + ", ".join(repr(q) for q in questions)
                + " repeat the same questions): name the question column with "
                "--prompt-column and the answer column with --text-column",
                file=path,
            )
        mapping["prompt"] = questions[0]
        texts = [t for t in texts if t != questions[0]]
    if len(texts) != 1:
        found = ", ".join(repr(t) for t in texts) or "none"
        raise InputError(
            f"with the questions in {mapping['prompt']!r} (long format) exactly one column "
            f"must hold the answers (found {found}); name it with --text-column",
            file=path,
        )
    mapping["text"] = texts


_QUESTION_HEADERS = re.compile(r"\b(question|questions|prompt|item)\b")


def _is_question_column(header: str, values: pd.Series) -> bool:
    """A column of question wording: few distinct values, each repeated across many rows,
    under a header that says so or worded as questions."""
    filled = values.str.strip()
    filled = filled[filled != ""]
    if not _repeats(filled) or filled.nunique() > 50:
        return False
    worded_as_questions = filled.str.endswith("?").mean() >= 0.8
    return worded_as_questions or bool(_QUESTION_HEADERS.search(_norm(header)))


def _looks_like_text(header: str) -> bool:
    norm = _norm(header)
    return any(hint in norm for hint in _TEXT_HINTS) and not (
        _NOT_TEXT.search(norm) and "?" not in norm
    )


def _guess_text_columns(table: pd.DataFrame, candidates: list[str]) -> list[str]:
    chosen = []
    for header in candidates:
        norm = _norm(header)
        if _NOT_TEXT.search(norm) and "?" not in norm:
            continue
        values = table[header].str.strip()
        filled = values[values != ""]
        if filled.empty:
            continue
        hinted = any(hint in norm for hint in _TEXT_HINTS)
        long_enough = filled.str.len().mean() >= _MIN_FREE_TEXT_CHARS
        wordy = filled.str.contains(r"\s").mean() >= 0.5
        # A few values repeated down the column ("Human Resources", a workshop's title, a
        # question's wording) label rows; they are not answers unless the header says so.
        if not hinted and _repeats(filled):
            continue
        if (hinted and wordy) or (long_enough and wordy):
            chosen.append(header)
    return chosen


def _repeats(filled: pd.Series) -> bool:
    distinct = filled.nunique()
    return len(filled) >= 6 and distinct <= max(2, len(filled) // 3)


def _check_cells(path, table, rows, mapping, max_cell_chars) -> None:
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


def _to_long(table: pd.DataFrame, rows: list[int], mapping: dict[str, object]) -> pd.DataFrame:
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
            F.ROLE: column("role", lambda s: s.str.strip().str.lower()).replace("", "unknown"),
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


def _check_duplicates(path: Path, long: pd.DataFrame, drop: bool) -> pd.DataFrame:
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
