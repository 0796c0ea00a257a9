"""``reflect redact``: redact a file of reflections for sharing, without analysing it."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from reflect.cli.app import QuietOption, app_typer
from reflect.cli.progress import progress_for


@app_typer.command(short_help="Redact personal data from a CSV or JSONL file, for sharing.")
def redact(
    input: Annotated[
        Path,
        typer.Argument(
            help="File to redact: .csv/.tsv/.xlsx/.parquet (text columns guessed like "
            '`reflect analyse`), or .jsonl with {"id", "text"} rows. '
            "Example: reflect redact reflections.csv --out redacted.csv",
            show_default=False,
        ),
    ],
    out: Annotated[
        Path,
        typer.Option(
            "--out",
            "-o",
            metavar="FILE",
            help="Where to write the redacted copy (.csv, .tsv or .jsonl; JSONL input gives "
            'JSONL with a "spans" list of [start, end, label] on the original text). '
            "Written atomically. Example: --out shared/redacted.jsonl",
            show_default=False,
        ),
    ],
    roster: Annotated[
        Path | None,
        typer.Option(
            metavar="FILE",
            help="CSV of participants (id, name, optional nickname) whose names and ids are "
            "redacted in any case and with typos. Example: --roster roster.csv",
        ),
    ] = None,
    text_column: Annotated[
        list[str] | None,
        typer.Option(
            metavar="COLUMN",
            help="A column of answers to redact; repeat for several (default: guessed). "
            'Example: --text-column "What worked?"',
        ),
    ] = None,
    participant_column: Annotated[
        str | None,
        typer.Option(
            metavar="COLUMN",
            help="Column identifying the writer, replaced by its keyed pseudonym (default: "
            'guessed). Example: --participant-column "Employee ID"',
        ),
    ] = None,
    keep_column: Annotated[
        list[str] | None,
        typer.Option(
            metavar="COLUMN",
            help="Keep a column that is not mapped (its values are redacted too); repeat for "
            "several. Other unmapped columns (names, emails, notes) are dropped. "
            'Example: --keep-column "Department"',
        ),
    ] = None,
    encoding: Annotated[
        str,
        typer.Option(metavar="NAME", help="Text encoding of CSV/JSONL input, e.g. cp1252."),
    ] = "utf-8",
    quiet: QuietOption = False,
) -> None:
    """Redact names, emails, phone numbers, ids, handles, URLs, addresses and other personal
    data from a CSV or JSONL file, for analysts who must share text. Participants become
    keyed pseudonyms (see README: the key); columns that are not mapped are dropped unless
    --keep-column names them; descriptions that single someone out ("the only
    62-year-old in finance") are kept in the text and listed as quasi_identifiers in JSONL.

    Example: reflect redact answers.jsonl --out redacted.jsonl --roster roster.csv
    """
    from reflect.anonymise import load_key, redact_file
    from reflect.config import ColumnMap
    from reflect.ingest import read_roster

    progress = progress_for(quiet)
    columns = ColumnMap(
        text=tuple(text_column) if text_column else None, participant=participant_column
    )
    known = read_roster(roster, encoding) if roster else None
    with progress.stage("redacting") as advance:
        result = redact_file(
            input,
            out,
            key=load_key(),
            roster=known,
            columns=columns,
            encoding=encoding,
            progress=advance,
            keep_columns=tuple(keep_column or ()),
        )
    if not quiet:
        found = ", ".join(f"{n} {label}" for label, n in result.spans_by_label.items()) or "none"
        typer.echo(f"wrote {out}: {result.texts} text(s), redacted {found}", err=True)
        if result.dropped_columns:
            typer.echo(
                f"dropped {len(result.dropped_columns)} column(s) that are not mapped: "
                f"{', '.join(result.dropped_columns)} (keep one, redacted, with --keep-column)",
                err=True,
            )
