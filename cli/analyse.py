"""``reflect analyse``: the main job."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from reflect.cli.app import ConfigOption, QuietOption, app_typer
from reflect.cli.progress import progress_for
from reflect.config import DEFAULT_REVIEW_FILE, load_config
from reflect.errors import ConfigError


@app_typer.command()
def analyse(
    input: Annotated[
        Path | None,
        typer.Argument(
            help="Reflections export: .csv, .xlsx, .jsonl or .parquet "
            "(or `input` in the --config file).",
            show_default=False,
        ),
    ] = None,
    out: Annotated[
        Path,
        typer.Option(
            "--out",
            "-o",
            help="Folder for the reports; '-' with --format json prints report.json to stdout "
            "[default: out].",
        ),
    ] = None,
    roster: Annotated[
        Path | None,
        typer.Option(
            help="CSV of participants (id, name, optional nickname) whose names are redacted."
        ),
    ] = None,
    taxonomy: Annotated[
        Path | None,
        typer.Option(help="Theme taxonomy TOML (default: the programme taxonomy in models/)."),
    ] = None,
    min_group_size: Annotated[
        int | None,
        typer.Option(
            "--min-group-size",
            "-k",
            help="Smallest number of distinct participants behind any reported figure "
            "[default: 5].",
        ),
    ] = None,
    text_column: Annotated[
        list[str] | None,
        typer.Option(help="A column of answers; repeat for several prompts (default: guessed)."),
    ] = None,
    participant_column: Annotated[
        str | None,
        typer.Option(help="Column identifying the writer (default: guessed from headers)."),
    ] = None,
    role_column: Annotated[str | None, typer.Option(help="Column with mentor/mentee.")] = None,
    session_column: Annotated[str | None, typer.Option(help="Column with the session.")] = None,
    cohort_column: Annotated[str | None, typer.Option(help="Column with the cohort.")] = None,
    date_column: Annotated[str | None, typer.Option(help="Column with the date.")] = None,
    workspace: Annotated[
        Path | None,
        typer.Option(help="Cache folder (redacted text and vectors only) [default: .reflect]."),
    ] = None,
    format: Annotated[
        list[str] | None,
        typer.Option(
            "--format",
            "-f",
            help="Output format; repeat for several: html, md, json, csv, "
            "parquet [default: html, md, json, csv].",
        ),
    ] = None,
    encoding: Annotated[
        str | None, typer.Option(help="Text encoding of CSV/JSONL input [default: utf-8].")
    ] = None,
    max_cell_chars: Annotated[
        int | None, typer.Option(help="Reject answers longer than this [default: 20000].")
    ] = None,
    drop_duplicates: Annotated[
        bool,
        typer.Option(
            "--drop-duplicates", help="Keep the first of duplicated answers instead of failing."
        ),
    ] = False,
    review: Annotated[
        Path | None,
        typer.Option(
            help="Theme review to apply (see `reflect themes`) "
            "[default: reflect-review.toml if present].",
        ),
    ] = None,
    quotes: Annotated[
        bool,
        typer.Option(
            "--quotes",
            help="Show up to 2 screened full-sentence quotes per theme (off by default).",
        ),
    ] = False,
    dp_epsilon: Annotated[
        float | None,
        typer.Option(
            "--dp-epsilon",
            help="Add differentially private noise to every count with this total privacy "
            "budget, e.g. --dp-epsilon 1.0 (off by default).",
        ),
    ] = None,
    filter: Annotated[
        str | None,
        typer.Option(
            "--filter",
            help='Report on one group only, e.g. --filter role=mentor, --filter cohort="Cohort A"'
            ", --filter session=1..3 (refused when the group or the rest is smaller than k).",
        ),
    ] = None,
    config: ConfigOption = None,
    quiet: QuietOption = False,
) -> None:
    """Find themes in a reflections export and write privacy-safe reports.

    Example: reflect analyse reflections.csv --roster roster.csv --out out/
    """
    from reflect.pipeline import analyse as run

    settings = load_config(config).with_overrides(
        roster=roster,
        taxonomy=taxonomy,
        min_group_size=min_group_size,
        text=tuple(text_column or ()),
        participant=participant_column,
        role=role_column,
        session=session_column,
        cohort=cohort_column,
        date=date_column,
        workspace=workspace,
        formats=tuple(format) if format else None,
        encoding=encoding,
        max_cell_chars=max_cell_chars,
        drop_duplicates=drop_duplicates or None,
        quiet=quiet or None,
        quotes=quotes or None,
        dp_epsilon=dp_epsilon,
        filter=filter,
        review=review,
        input=input,
        out=out,
    )
    if settings.input is None:
        raise ConfigError("no input: give the reflections file, or `input` in the --config file")
    if settings.review is None and DEFAULT_REVIEW_FILE.exists():
        settings = settings.with_overrides(review=DEFAULT_REVIEW_FILE)
    out = settings.out or Path("out")
    to_stdout = str(out) == "-"
    if to_stdout and tuple(settings.formats) != ("json",):
        raise ConfigError("--out - prints to stdout and needs exactly one --format json")
    result = run(settings.input, settings, progress=progress_for(settings.quiet))
    if to_stdout:
        typer.echo(result.to_json(), nl=False)
        return
    written = result.write(out, settings.formats)
    if not settings.quiet:
        typer.echo(f"wrote {', '.join(str(p) for p in written)}", err=True)
