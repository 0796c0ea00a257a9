"""The Typer app object and options shared by several commands."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

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
