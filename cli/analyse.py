"""``reflect analyse``: the main job."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from reflect.cli.app import ConfigOption, QuietOption, app_typer
from reflect.defaults import MIN_GROUP_SIZE
from reflect.errors import ConfigError


def _column(help: str) -> object:
    return typer.Option(metavar="COLUMN", help=help, show_default=False)


@app_typer.command(short_help="Find themes in an export and write privacy-safe reports.")
def analyse(
    input: Annotated[
        Path | None,
        typer.Argument(
            metavar="EXPORT",
            help="Reflections export: .csv, .xlsx, .jsonl or .parquet (or `input` in the "
            "--config file).",
            show_default=False,
        ),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            metavar="FOLDER",
            help="Folder for the reports, replaced as a whole; '-' with --format json prints "
            "report.json to stdout [default: out].",
            show_default=False,
        ),
    ] = None,
    roster: Annotated[
        Path | None,
        typer.Option(
            metavar="FILE",
            help="CSV of participants (id, name, optional nickname) whose names are redacted.",
            show_default=False,
        ),
    ] = None,
    taxonomy: Annotated[
        Path | None,
        typer.Option(
            metavar="FILE",
            help="Theme taxonomy TOML [default: the programme taxonomy in models/].",
            show_default=False,
        ),
    ] = None,
    programme: Annotated[
        str | None,
        typer.Option(
            metavar="NAME",
            help='The programme\'s name, for the report title, e.g. "Data skills workshops".',
            show_default=False,
        ),
    ] = None,
    min_group_size: Annotated[
        int | None,
        typer.Option(
            "--min-group-size",
            "-k",
            metavar="K",
            help="Smallest number of distinct participants behind any reported figure "
            f"[default: {MIN_GROUP_SIZE}].",
            show_default=False,
        ),
    ] = None,
    text_column: Annotated[
        list[str] | None,
        _column("A column of answers; repeat for several prompts [default: guessed]."),
    ] = None,
    prompt_column: Annotated[
        str | None,
        _column(
            "Long-format exports (one row per answer): the column naming the question; "
            "--text-column then names the answer column [default: detected when clear]."
        ),
    ] = None,
    participant_column: Annotated[
        str | None, _column("Column identifying the writer [default: guessed from headers].")
    ] = None,
    role_column: Annotated[
        str | None, _column("Column with each person's role (mentor, coach, learner...).")
    ] = None,
    session_column: Annotated[
        str | None, _column("Column with the session (or workshop, module, week).")
    ] = None,
    cohort_column: Annotated[
        str | None, _column("Column with the cohort (or class, group, workshop).")
    ] = None,
    date_column: Annotated[str | None, _column("Column with the date.")] = None,
    workspace: Annotated[
        Path | None,
        typer.Option(
            metavar="FOLDER",
            help="Cache folder (redacted text and vectors only) [default: .reflect].",
            show_default=False,
        ),
    ] = None,
    format: Annotated[
        list[str] | None,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="Output format; repeat it or separate by commas for several: html, md, "
            "json, csv (themes.csv), parquet (themes.parquet), breakdowns "
            "(theme_breakdowns.csv) [default: html, md, json, csv].",
            show_default=False,
        ),
    ] = None,
    encoding: Annotated[
        str | None,
        typer.Option(
            metavar="NAME",
            help="Text encoding of CSV/JSONL input, e.g. cp1252 [default: utf-8].",
            show_default=False,
        ),
    ] = None,
    max_cell_chars: Annotated[
        int | None,
        typer.Option(
            metavar="N",
            help="Reject answers longer than this [default: 20000].",
            show_default=False,
        ),
    ] = None,
    drop_duplicates: Annotated[
        bool,
        typer.Option(
            "--drop-duplicates",
            help="Keep the first of rows repeated in every column instead of failing.",
        ),
    ] = False,
    review: Annotated[
        Path | None,
        typer.Option(
            metavar="FILE",
            help="Theme review to apply (see `reflect themes`), even one made for another "
            "programme [default: reflect-review.toml if present and made for this "
            "programme].",
            show_default=False,
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
            metavar="EPSILON",
            help="Add differentially private noise to every count with this total privacy "
            "budget, e.g. 1.0 (off by default).",
            show_default=False,
        ),
    ] = None,
    dp_budget: Annotated[
        float | None,
        typer.Option(
            "--dp-budget",
            metavar="EPSILON",
            help="The total ε all --dp-epsilon reports of this workspace may spend; a report "
            "that would exceed it is refused. Kept once given (it can be lowered, not raised).",
            show_default=False,
        ),
    ] = None,
    filter: Annotated[
        list[str] | None,
        typer.Option(
            "--filter",
            metavar="GROUP",
            help='Report on one group only: role=mentor, cohort="Cohort A", session=1..3 '
            "(refused when the group or the rest is smaller than k). Once per report.",
            show_default=False,
        ),
    ] = None,
    config: ConfigOption = None,
    quiet: QuietOption = False,
) -> None:
    """Find themes in a reflections export and write privacy-safe reports (HTML, Markdown,
    JSON, CSV). Prints which columns it used for what, unless --quiet.

    Example: reflect analyse reflections.csv --roster roster.csv --out out/
    """
    from reflect.cli.progress import progress_for
    from reflect.config import load_config
    from reflect.pipeline import analyse as run
    from reflect.report import check_output_folder

    if review is not None and not review.exists():
        raise ConfigError(f"{review}: review file not found")
    if filter and len(filter) > 1:  # the last one alone would read as the views intersected
        raise ConfigError("--filter: give one group per report (views cannot be combined yet)")
    settings = load_config(config).with_overrides(
        roster=roster,
        taxonomy=taxonomy,
        programme=programme,
        min_group_size=min_group_size,
        text=tuple(text_column or ()),
        prompt=prompt_column,
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
        dp_budget=dp_budget,
        filter=filter[0] if filter else None,
        review=review,
        input=input,
        out=out,
    )
    if settings.input is None:
        raise ConfigError("no input: give the reflections file, or `input` in the --config file")
    out = settings.out or Path("out")
    to_stdout = str(out) == "-"
    if to_stdout and tuple(settings.formats) != ("json",):
        raise ConfigError("--out - prints to stdout and needs exactly one --format json")
    if not to_stdout:
        check_output_folder(out)
    result = run(settings.input, settings, progress=progress_for(settings.quiet))
    if to_stdout:
        typer.echo(result.to_json(), nl=False)
        return
    written = result.write(out, settings.formats)
    if not settings.quiet:
        typer.echo(f"wrote {', '.join(str(p) for p in written)}", err=True)
