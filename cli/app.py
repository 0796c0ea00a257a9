"""The Typer app object and options shared by several commands.

Start-up matters (``reflect --help`` and every error should answer in well under a second),
so command modules import nothing heavy at module level: the library is imported inside
each command, once its options are known."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated

import typer
from typer.core import TyperArgument, TyperCommand

app_typer = typer.Typer(
    name="reflect",
    help="Privacy-safe themes from the written reflections of a programme (reverse "
    "mentoring, coaching, courses, workshops).\n\n"
    "Example: reflect analyse corpora/demo/reflections.csv --roster corpora/demo/roster.csv "
    "--out out/",
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


class _ListArgument(TyperArgument):
    """A repeatable argument's help shows its items' type, as a single one's does:
    ``RUN... <path>``, not Typer's ``<list[Path]>``; its metavar names one item (``RUN``), so
    the usage line reads ``{RUN}...`` rather than ``{RUN...}...``."""

    def _rich_display_name(self) -> str:
        name = super()._rich_display_name()
        return name if self.nargs == 1 or name.endswith("...") else f"{name}..."

    def display_type(self, ctx) -> str:
        label = super().display_type(ctx)
        element = re.fullmatch(r"<list\[(\w+)\]>", label)
        return f"<{element.group(1).lower()}>" if element else label


class Command(TyperCommand):
    """The class of a command with a repeatable argument (``@app.command(cls=Command)``)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for param in self.params:
            if type(param) is TyperArgument:
                param.__class__ = _ListArgument  # only how its type reads in help changes


def _version(value: bool) -> None:
    if value:
        from reflect import __version__

        typer.echo(f"reflect {__version__}")
        raise typer.Exit()


@app_typer.callback(invoke_without_command=True)
def main(
    ctx: typer.Context,
    version: Annotated[
        bool,
        typer.Option(
            "--version", help="Print the version and exit.", callback=_version, is_eager=True
        ),
    ] = False,
) -> None:
    """Privacy-safe themes from the written reflections of a programme."""
    if ctx.invoked_subcommand is None:  # bare "reflect": the help, as a usage error
        typer.echo(ctx.get_help())
        raise typer.Exit(2)


ConfigOption = Annotated[
    Path | None,
    typer.Option(
        "--config",
        metavar="FILE",
        help="A reflect.toml with column mapping, taxonomy, k and outputs; options given "
        "here override it.",
        show_default=False,
    ),
]
QuietOption = Annotated[
    bool,
    typer.Option(
        "--quiet",
        "-q",
        help="Print nothing but errors: no progress bars, messages or library logs.",
    ),
]
