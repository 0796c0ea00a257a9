"""``reflect compare``: which themes grew, shrank, appeared or faded — between two runs, or
between two groups of one run. The library does the work (``reflect.compare``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from reflect.cli.app import Command, app_typer
from reflect.errors import ConfigError


@app_typer.command(
    cls=Command, short_help="Which themes grew, shrank, appeared or faded: two runs or groups."
)
def compare(
    runs: Annotated[
        list[Path],
        typer.Argument(
            metavar="RUN",
            help="One run (output folder or report.json) to compare groups in, or two runs.",
            show_default=False,
        ),
    ],
    by: Annotated[
        str | None,
        typer.Option(
            metavar="DIMENSION",
            help="Compare groups of one run: cohort (first two), session (first vs last) "
            "or role (mentor vs mentee).",
        ),
    ] = None,
    group: Annotated[
        list[str] | None,
        typer.Option(
            "--group",
            "-g",
            metavar="GROUP",
            help="Name the two groups instead, e.g. -g session=2 -g session=5 "
            '(or -g "cohort=Cohort A" -g "cohort=Cohort B").',
        ),
    ] = None,
    workspace: Annotated[
        Path,
        typer.Option(
            "--workspace",
            metavar="DIR",
            help="The workspace both runs were released from: only reports its release ledger "
            "recorded (and that were not edited since) are compared.",
        ),
    ] = Path(".reflect"),
    format: Annotated[
        str, typer.Option("--format", "-f", metavar="FORMAT", help="text, md or json.")
    ] = "text",
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", metavar="FILE", help="Write to this file instead of stdout."),
    ] = None,
) -> None:
    """Contrast two runs or two groups: which themes grew, shrank, appeared or faded.

    Only numbers the reports already show are used; withheld numbers stay withheld. Two runs
    are compared only if both were released from the same workspace (its release ledger).

    Example: reflect compare out/ --by cohort ; reflect compare before/ after/
    """
    if format not in ("text", "md", "json"):
        raise ConfigError("--format must be text, md or json")
    from reflect.compare import (
        compare_groups,
        compare_runs,
        default_groups,
        load_report,
        render_markdown,
        render_text,
    )

    if len(runs) == 2:
        if by or group:
            raise ConfigError("--by/--group compare groups of one run; give one run")
        comparison = compare_runs(
            load_report(runs[0]),
            load_report(runs[1]),
            _name(runs[0]),
            _name(runs[1]),
            released=_released_from(workspace),
        )
    elif len(runs) == 1:
        report = load_report(runs[0])
        if group:
            if len(group) != 2:
                raise ConfigError("--group takes exactly two groups")
            pair = (group[0], group[1])
        else:
            pair = default_groups(report, by or "session")
        comparison = compare_groups(report, *pair)
    else:
        raise ConfigError("give one run (with --by or --group) or two runs")
    if format == "json":
        text = json.dumps(comparison.to_dict(), indent=2, ensure_ascii=False) + "\n"
    elif format == "md":
        text = render_markdown(comparison)
    else:
        text = render_text(comparison)
    if out is None:
        typer.echo(text, nl=False)
    else:
        from reflect.atomic import write_text

        write_text(out, text)


def _name(path: Path) -> str:
    path = Path(path)
    return (path.parent if path.name == "report.json" else path).name or str(path)


def _released_from(folder: Path):
    """The ledger check for reports of the workspace in ``folder`` (read when called)."""
    if not (folder / "cache.duckdb").exists():
        raise ConfigError(f"{folder}: no reflect workspace here (give the runs' --workspace)")

    def released(report: dict) -> bool:
        from reflect.privacy.ledger import released as in_ledger
        from reflect.workspace import Workspace

        with Workspace(folder) as ws:
            return in_ledger(ws.db, report)

    return released
