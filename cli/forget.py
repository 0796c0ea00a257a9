"""``reflect forget``: erase one participant from a workspace (right to erasure)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from reflect.cli.app import QuietOption, app_typer


@app_typer.command(short_help="Erase one participant from a workspace (right to erasure).")
def forget(
    participant_id: Annotated[
        str,
        typer.Argument(
            metavar="PARTICIPANT_ID",
            help="The participant's id as it appears in the export (never stored; only its "
            "keyed pseudonym is looked up).",
            show_default=False,
        ),
    ],
    workspace: Annotated[
        Path,
        typer.Option(metavar="FOLDER", help="The workspace folder to erase them from."),
    ] = Path(".reflect"),
    review: Annotated[
        Path | None,
        typer.Option(
            metavar="FILE",
            help="Theme review whose taught answers of theirs go too "
            "[default: reflect-review.toml if present].",
            show_default=False,
        ),
    ] = None,
    quiet: QuietOption = False,
) -> None:
    """Erase a participant's reflections, embeddings and cached results from a workspace,
    and their taught answers from the theme review, and mark earlier reports stale. Later
    runs leave the participant out even if the export still holds their rows; re-run
    `reflect analyse` to replace earlier reports.

    Example: reflect forget E10023 --workspace .reflect
    """
    from reflect.defaults import REVIEW_FILE
    from reflect.workspace import forget as erase

    erasure = erase(workspace, participant_id, review=review or REVIEW_FILE)
    taught = f" and {erasure.taught} taught answer(s) from {review or REVIEW_FILE}"
    if not erasure.reflections:  # a typo in the id erases nobody; said even with --quiet
        typer.echo(
            "reflect: warning: no answers of that id are in this workspace (check it); "
            "it is remembered as erased, so later runs drop its rows",
            err=True,
        )
    elif not quiet:
        typer.echo(
            f"erased {erasure.reflections} reflection(s), {erasure.redactions} cached "
            f"redaction(s), {erasure.embeddings} embedding(s) and {erasure.other_rows} other "
            f"cached row(s) from {workspace}{taught if erasure.taught else ''}; earlier "
            "reports are stale: re-run reflect analyse",
            err=True,
        )
