"""Ingest's readers: one per file format, registered by name, each returning every cell as a
string and each record's row number in the source. ``read_table`` picks the reader from the
file's suffix; ``read_roster`` reads a roster file with the same readers."""

from __future__ import annotations

import csv
import io
import json
import logging
import re
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from reflect.errors import InputError
from reflect.registry import Registry
from reflect.roster import Roster
from reflect.source import check_file, decode_text

# A reader returns every cell as a string plus each record's row number in the source.
Reader = Callable[[Path, str], tuple[pd.DataFrame, list[int]]]
readers: Registry[Reader] = Registry("input format")


_NUMBER_WORDS = {"number", "no", "num", "code", "ref", "reference"}
_PERSON_WORDS = {
    "employee", "emp", "staff", "participant", "person", "member", "payroll", "personnel",
}  # fmt: skip


def _header_words(header: str) -> set[str]:
    """Its words, in lower case, camel case split too ("EmpNo": emp, no)."""
    return set(re.findall(r"[a-z0-9]+", re.sub(r"(?<=[a-z])(?=[A-Z])", " ", header).lower()))


def _names_an_id(header: str) -> bool:
    """ "id", "Participant ID", "employee_id", "Employee number", "Staff no.", "EmpNo"."""
    words = _header_words(header)
    return bool(
        words & {"id", "ids", "identifier"}
        or (words & _NUMBER_WORDS and (len(words) == 1 or words & _PERSON_WORDS))
    )


def _names_a_full_name(header: str) -> bool:
    """ "Employee name", "Participant full name" — not a first, last or user name."""
    words = set(re.findall(r"[a-z0-9]+", header))
    return "name" in words and not words & {"first", "last", "given", "family", "user", "nick"}


def read_roster(path: Path, encoding: str = "utf-8") -> Roster:
    """A roster has an id column and a name column; a ``nickname`` column is optional."""
    table, rows = read_table(path, encoding)
    headers = {c.lower().strip(): c for c in table.columns}
    id_col = next((c for c in table.columns if _names_an_id(c)), None)
    name_col = next((headers[h] for h in headers if h in {"name", "full name", "full_name"}), None)
    name_col = name_col or next((headers[h] for h in headers if _names_a_full_name(h)), None)
    if name_col is None:
        raise InputError("roster needs a 'name' column", file=path)
    nick_col = next((headers[h] for h in headers if "nick" in h), None)
    if id_col is None:
        # Not an error (names alone are worth redacting), but a silent one if unsaid: ids
        # written in the text would then be caught only when they are the export's own.
        logging.getLogger("reflect").warning(
            "%s: the roster has no id column (e.g. 'id', 'employee_id'): only its names are "
            "redacted from the text",
            path.name,
        )
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
    table, rows = _question_text_headers(table.fillna("").astype(str), rows)
    table, rows = _sub_header_row(table, rows)
    refuse_duplicate_headers(path, table.columns)
    return table, rows


_IMPORT_ID = re.compile(r'\{\s*"ImportId"\s*:')


_RESPONSE = {"response", "open-ended response"}


def _sub_header_row(table: pd.DataFrame, rows: list[int]) -> tuple[pd.DataFrame, list[int]]:
    """SurveyMonkey exports have two header rows: the questions, then under each column
    "Response", "Open-Ended Response" or one choice of a multiple-choice question (whose
    other columns have a blank question header). Such a file is read with one header per
    column: the question, and " - " and the choice where there is one."""
    first = [v.strip() for v in table.iloc[0]]
    if first[0] or not any(v.lower() in _RESPONSE for v in first):
        return table, rows
    headers, question = [], ""
    for header, sub in zip(table.columns, first, strict=True):
        if header and not re.fullmatch(r"Unnamed: \d+", header):
            question = header
        headers.append(question if sub.lower() in _RESPONSE or not sub else f"{question} - {sub}")
    table = table.iloc[1:].reset_index(drop=True)
    table.columns = headers
    return table, rows[1:]


def _question_text_headers(table: pd.DataFrame, rows: list[int]) -> tuple[pd.DataFrame, list[int]]:
    """Qualtrics exports put short ids in the header ("Q1", "Q2_TEXT"), each question's text
    in the first row below it and ``{"ImportId": ...}`` in the second. Such a file is read with
    the question texts as headers and its data from the third row on (rows keep their line
    numbers), so columns are recognised by what they ask."""
    if len(table) < 2:
        return table, rows
    second = [v.strip() for v in table.iloc[1]]
    if not any(second) or not all(_IMPORT_ID.match(v) for v in second if v):
        return table, rows
    questions = [" ".join(str(q).split()) for q in table.iloc[0]]
    table = table.iloc[2:].reset_index(drop=True)
    table.columns = [q or header for q, header in zip(questions, table.columns, strict=True)]
    return table, rows[2:]


def refuse_duplicate_headers(path: Path, headers) -> None:
    """Two columns under one header would be told apart by pandas as ``What worked?`` and
    ``What worked?.1`` — and the second reported as a prompt of its own. Refused instead."""
    seen: dict[str, int] = {}
    for number, header in enumerate(headers, start=1):
        name = " ".join(str(header).split())
        if name and name in seen:
            raise InputError(
                f"two columns have this header (columns {seen[name]} and {number}); "
                "rename one so each column has its own",
                file=path,
                column=name,
            )
        seen.setdefault(name, number)


@readers.register("csv")
def _read_csv(path: Path, encoding: str) -> tuple[pd.DataFrame, list[int]]:
    text = decode_text(path, encoding)
    if not text.strip():
        raise InputError("empty file", file=path)
    sep = _delimiter(path, text)
    # pandas renames a repeated header ("X", "X.1"): the header row is checked as written.
    refuse_duplicate_headers(path, next(csv.reader(io.StringIO(text), delimiter=sep), []))
    try:
        table = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False, sep=sep)
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
    refuse_duplicate_headers(path, _xlsx_header(path))
    return table, [i + 2 for i in range(len(table))]


def _xlsx_header(path: Path) -> tuple:
    # pandas renames a repeated header ("X", "X.1"): the first sheet's header row as written.
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        row = next(workbook.worksheets[0].iter_rows(max_row=1, values_only=True), ())
    finally:
        workbook.close()
    return tuple(cell for cell in row if cell is not None)


@readers.register("jsonl")
def _read_jsonl(path: Path, encoding: str) -> tuple[pd.DataFrame, list[int]]:
    records, rows = [], []
    for number, line in enumerate(decode_text(path, encoding).splitlines(), start=1):
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
