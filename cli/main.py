"""The ``reflect`` command: a thin Typer layer over the library. It parses options, calls
one library function per command and turns library errors into one line and an exit code."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import Annotated

import typer
from reflect.cli.progress import progress_for

# typer 0.29 vendors its own click (pinned in pyproject); its usage errors live here.
from typer._click.exceptions import NoArgsIsHelpError, UsageError

from reflect.config import load_config
from reflect.errors import EXIT_BAD_INPUT, EXIT_INTERNAL, EXIT_USAGE, ReflectError

app_typer = typer.Typer(
    name="reflect",
    help="Privacy-safe themes from reverse-mentoring reflections.\n\n"
    "Example: reflect analyse corpora/demo/reflections.csv --roster corpora/demo/roster.csv "
    "--out out/",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


@app_typer.callback()
def main() -> None:
    """Privacy-safe themes from reverse-mentoring reflections."""


ConfigOption = Annotated[
    Path | None,
    typer.Option(
        "--config",
        help="A reflect.toml with column mapping, taxonomy, "
        "k and outputs; options given here override it.",
    ),
]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bars.")]


@app_typer.command()
def analyse(
    input: Annotated[
        Path,
        typer.Argument(
            help="Reflections export: .csv, .xlsx, .jsonl or .parquet.", show_default=False
        ),
    ],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the reports.")] = Path("out"),
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
    )
    result = run(input, settings, progress=progress_for(settings.quiet))
    written = result.write(out, settings.formats)
    if not settings.quiet:
        typer.echo(f"wrote {', '.join(str(p) for p in written)}", err=True)


def app() -> None:
    """Console entry point: every failure becomes one line on stderr and an exit code."""
    logging.basicConfig(
        level=os.environ.get("REFLECT_LOG", "WARNING"),
        stream=sys.stderr,
        format="reflect: %(message)s",
    )
    try:
        app_typer(standalone_mode=False)
    except NoArgsIsHelpError as exc:  # bare "reflect": show help, not an error
        sys.stdout.write(exc.ctx.get_help() + "\n")
        sys.exit(EXIT_USAGE)
    except UsageError as exc:
        command = exc.ctx.command_path if exc.ctx else "reflect"
        sys.stderr.write(f"reflect: error: {exc.format_message()} (see {command} --help)\n")
        sys.exit(EXIT_USAGE)
    except typer.Abort:
        sys.stderr.write("reflect: aborted\n")
        sys.exit(EXIT_INTERNAL)
    except ReflectError as exc:
        sys.stderr.write(f"reflect: error: {exc}\n")
        sys.exit(exc.exit_code)
    except OSError as exc:
        # Only the path and the reason: never file contents.
        sys.stderr.write(f"reflect: error: {exc.filename or ''}: {exc.strerror}\n")
        sys.exit(EXIT_BAD_INPUT)
    except Exception as exc:  # noqa: BLE001 - last resort, see below
        # An unexpected error's message could quote data (a KeyError on a text, say), so only
        # its type and place are shown unless REFLECT_DEBUG asks for the full traceback.
        if os.environ.get("REFLECT_DEBUG"):
            raise
        tb = exc.__traceback__
        while tb.tb_next:
            tb = tb.tb_next
        where = f"{Path(tb.tb_frame.f_code.co_filename).name}:{tb.tb_lineno}"
        sys.stderr.write(
            f"reflect: internal error: {type(exc).__name__} at {where} "
            "(set REFLECT_DEBUG=1 for a traceback)\n"
        )
        sys.exit(EXIT_INTERNAL)
    except KeyboardInterrupt:
        sys.stderr.write("reflect: interrupted\n")
        sys.exit(130)


if __name__ == "__main__":
    app()
