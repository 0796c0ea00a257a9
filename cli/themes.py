"""``reflect themes list|show|rename|merge|split|hide|teach``: the analyst's theme review.

Edits go to a review file (``reflect-review.toml`` by default) and take effect on the next
``reflect analyse``; the library does the work (``reflect.review``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from reflect.cli.app import Command, app_typer
from reflect.defaults import REVIEW_FILE as DEFAULT_REVIEW_FILE
from reflect.review import Review, RunTheme, load_report, resolve, run_themes

themes_app = typer.Typer(
    name="themes",
    short_help="Review a run's themes: rename, merge, split or hide them.",
    help="Review a run's themes at programme close: rename, merge, split or hide them.\n\n"
    "Edits are stored in a review file (default reflect-review.toml) that you can commit to "
    "git; every later `reflect analyse` applies them, matched by theme, not by position.\n\n"
    'Example: reflect themes rename hybrid_work "Hybrid and remote working"',
    no_args_is_help=True,
)
app_typer.add_typer(themes_app, name="themes")

RunOption = Annotated[
    Path,
    typer.Option(
        "--run", metavar="RUN", help="The run to review: an output folder or its report.json."
    ),
]
ReviewOption = Annotated[
    Path,
    typer.Option("--review", metavar="FILE", help="The review file to read and edit."),
]
DEFAULT_RUN = Path("out")


def _load(run: Path, review_path: Path) -> tuple[list[RunTheme], Review]:
    from reflect.review.files import load_review  # typed decoding: imported when needed

    review = load_review(review_path)
    review.record_programme(load_report(run))  # what the review is made for, when saved
    return run_themes(run), review


def _save(review: Review, path: Path, what: str) -> None:
    from reflect.review.files import save_review

    save_review(review, path)
    typer.echo(f"{what} (saved in {path}; re-run `reflect analyse` to apply)", err=True)


def _remember(review: Review, themes: list[RunTheme], refs: list[str]) -> None:
    for t in themes:
        if t.ref in refs:
            review.remember(t.ref, t.phrases)


def _status(review: Review, theme: RunTheme) -> str:
    return review.status(theme.ref) or _note(theme)


def _note(theme: RunTheme) -> str:
    # Reports written before emerging ids were refs: "emerging_13" is only a position.
    if theme.kind == "emerging" and theme.ref.startswith("emerging_"):
        return "not reviewable: no phrase to identify it by"
    return ""


def _people(value: int | None, k: int) -> str:
    # One word for every hidden number, as in the reports: a number may be hidden for being
    # small, to protect another, or to keep two releases from being differenced, so "fewer
    # than k" would often be untrue (reflect.report.view).
    return "withheld" if value is None else str(value)


@themes_app.command("list", short_help="List the run's themes, their refs and review edits.")
def list_(
    run: RunOption = DEFAULT_RUN,
    review_file: ReviewOption = DEFAULT_REVIEW_FILE,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per theme.")] = False,
) -> None:
    """List the run's themes with their refs and what the review does to them.

    Example: reflect themes list --run out/
    """
    themes, review = _load(run, review_file)
    listed = {t.ref for t in themes}
    rows = [
        (t.ref, t.label, t.kind, _people(t.participants, t.min_group_size), _status(review, t))
        for t in themes
    ]
    # Themes the review removed from this run (hidden, merged away) are listed too.
    for ref in sorted(set(review.hidden) | {r for m in review.merges for r in m.themes[1:]}):
        if ref not in listed:
            rows.append((ref, review.renames.get(ref, ""), "", "", review.status(ref)))
    if as_json:
        for ref, label, kind, people, status in rows:
            typer.echo(
                json.dumps(
                    {
                        "ref": ref,
                        "label": label,
                        "kind": kind,
                        "participants": people,
                        "review": status,
                    }
                )
            )
        return
    width = max([len(r[0]) for r in rows] + [3])
    typer.echo(f"{'REF':<{width}}  {'PEOPLE':>12}  LABEL  [REVIEW]")
    for ref, label, _kind, people, status in rows:
        note = f"  [{status}]" if status else ""
        typer.echo(f"{ref:<{width}}  {people:>12}  {label}{note}")


@themes_app.command(short_help="Show one theme's counts, phrases and review edits.")
def show(
    theme: Annotated[
        str, typer.Argument(metavar="THEME", help="A ref, id or label from `reflect themes list`.")
    ],
    run: RunOption = DEFAULT_RUN,
    review_file: ReviewOption = DEFAULT_REVIEW_FILE,
) -> None:
    """Show one theme: counts by role, session and cohort, phrases and review edits.

    Example: reflect themes show hybrid_work
    """
    themes, review = _load(run, review_file)
    ref = resolve(theme, themes, review, for_edit=False)
    found = next((t for t in themes if t.ref == ref), None)
    typer.echo(f"{ref}: {found.label if found else '(not in this run)'}")
    if found:
        data = found.data
        k = found.min_group_size
        typer.echo(f"  kind: {found.kind}; people: {_people(found.participants, k)}")
        if data.get("description"):
            typer.echo(f"  {data['description']}")
        for key in ("by_role", "by_session", "by_cohort"):
            cells = data.get(key) or {}
            if cells:
                shown = ", ".join(f"{g}: {_people(v, k)}" for g, v in cells.items())
                typer.echo(f"  {key.replace('_', ' ')}: {shown}")
        if found.phrases:
            typer.echo(f"  phrases: {'; '.join(found.phrases)}")
    status = review.status(ref)
    typer.echo(f"  review: {status or 'no edits'}")


@themes_app.command()
def rename(
    theme: Annotated[
        str, typer.Argument(metavar="THEME", help="A ref, id or label from `reflect themes list`.")
    ],
    label: Annotated[str, typer.Argument(metavar="LABEL", help="The new label.")],
    run: RunOption = DEFAULT_RUN,
    review_file: ReviewOption = DEFAULT_REVIEW_FILE,
) -> None:
    """Give a theme a new label.

    Example: reflect themes rename hybrid_work "Hybrid and remote working"
    """
    themes, review = _load(run, review_file)
    ref = resolve(theme, themes, review)
    review.rename(ref, label)
    _remember(review, themes, [ref])
    _save(review, review_file, f"renamed {ref} to {label!r}")


@themes_app.command(cls=Command)
def merge(
    themes_: Annotated[
        list[str],
        typer.Argument(
            metavar="THEME", help="Two or more themes; the first keeps its ref and label."
        ),
    ],
    label: Annotated[
        str | None, typer.Option(metavar="LABEL", help="A label for the merged theme.")
    ] = None,
    run: RunOption = DEFAULT_RUN,
    review_file: ReviewOption = DEFAULT_REVIEW_FILE,
) -> None:
    """Merge themes into one; a person in several counts once.

    Example: reflect themes merge wellbeing emerging:3fa2b1 --label "Wellbeing and workload"
    """
    themes, review = _load(run, review_file)
    refs = [resolve(t, themes, review) for t in themes_]
    review.merge(refs, label)
    _remember(review, themes, refs)
    _save(review, review_file, f"merged {', '.join(refs[1:])} into {refs[0]}")


@themes_app.command(short_help="Move a theme's reflections that mention a phrase into a new theme.")
def split(
    theme: Annotated[
        str, typer.Argument(metavar="THEME", help="A ref, id or label from `reflect themes list`.")
    ],
    phrase: Annotated[
        list[str],
        typer.Option(
            "--phrase",
            "-p",
            metavar="PHRASE",
            help="Reflections containing this phrase move out; repeatable.",
        ),
    ],
    label: Annotated[str, typer.Option(metavar="LABEL", help="Label of the new theme.")],
    run: RunOption = DEFAULT_RUN,
    review_file: ReviewOption = DEFAULT_REVIEW_FILE,
) -> None:
    """Split a theme by phrase: its reflections that mention any --phrase (whole words, any
    case) become a new theme; the rest stay.

    Example: reflect themes split digital_tools -p chatgpt -p copilot --label "AI assistants"
    """
    themes, review = _load(run, review_file)
    ref = resolve(theme, themes, review)
    new = review.split(ref, phrase, label)
    _remember(review, themes, [ref])
    _save(review, review_file, f"split {new.new_ref} out of {ref}")


@themes_app.command(short_help="Leave a theme out of the reports.")
def hide(
    theme: Annotated[
        str, typer.Argument(metavar="THEME", help="A ref, id or label from `reflect themes list`.")
    ],
    undo: Annotated[bool, typer.Option("--undo", help="Show the theme again.")] = False,
    run: RunOption = DEFAULT_RUN,
    review_file: ReviewOption = DEFAULT_REVIEW_FILE,
) -> None:
    """Leave a theme out of the reports, such as an off-topic emerging theme.

    Example: reflect themes hide emerging:3fa2b1
    """
    themes, review = _load(run, review_file)
    ref = resolve(theme, themes, review)
    if undo:
        review.unhide(ref)
    else:
        review.hide(ref)
        _remember(review, themes, [ref])
    _save(review, review_file, f"{'unhid' if undo else 'hid'} {ref}")


@themes_app.command(cls=Command, short_help="Confirm or reject answers for a taxonomy theme.")
def teach(
    theme: Annotated[
        str,
        typer.Argument(metavar="THEME", help="A taxonomy theme's ref from `reflect themes list`."),
    ],
    answers: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="ANSWER", help="Answers as written in the export.", show_default=False
        ),
    ] = None,
    reject: Annotated[
        bool, typer.Option("--reject", help="The answers do not belong to the theme.")
    ] = False,
    from_file: Annotated[
        Path | None,
        typer.Option("--file", metavar="FILE", help="A text file with one answer per line."),
    ] = None,
    roster: Annotated[
        Path | None,
        typer.Option(
            metavar="FILE",
            help="The roster `reflect analyse` uses, so names are redacted the same way.",
        ),
    ] = None,
    undo: Annotated[bool, typer.Option("--undo", help="Forget what the theme was taught.")] = False,
    run: RunOption = DEFAULT_RUN,
    review_file: ReviewOption = DEFAULT_REVIEW_FILE,
) -> None:
    """Teach a taxonomy theme: confirm answers that belong to it (or --reject answers that do
    not). Answers are redacted before they are saved; the next `reflect analyse` moves the
    theme's edge to where they fall (and counts as taught an answer that k people or more
    wrote word for word), so a few per theme correct a theme that takes too much or too
    little. Teaching is fixed once a workspace has released a report: re-run a new teaching
    into a new workspace (--workspace).

    Example: reflect themes teach trust "She never once looked at her phone." --roster roster.csv
    """
    from reflect.errors import ConfigError

    themes, review = _load(run, review_file)
    ref = resolve(theme, themes, review)
    kind = next((t.kind for t in themes if t.ref == ref), None)
    if kind != "taxonomy" or ref.startswith("emerging"):
        raise ConfigError(
            f"{ref} is not a taxonomy theme: only themes of the taxonomy are assigned, and can "
            "be taught (rename, merge, split or hide an emerging theme instead)"
        )
    if undo:
        review.unteach(ref)
        _save(review, review_file, f"forgot what {ref} was taught")
        return
    texts = list(answers or [])
    if from_file is not None:
        try:
            lines = from_file.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as err:
            raise ConfigError(f"{from_file}: cannot read answers ({type(err).__name__})") from None
        texts += [line for line in lines if line.strip()]
    texts = [t.strip() for t in texts if t.strip()]
    if not texts:
        raise ConfigError("no answers to teach: give them as arguments or with --file")
    redacted = _redacted(texts, roster)
    review.teach(ref, redacted, confirmed=not reject)
    _save(
        review,
        review_file,
        f"taught {ref}: {len(redacted)} answer(s) {'rejected' if reject else 'confirmed'}, "
        "saved redacted",
    )


def _redacted(texts: list[str], roster: Path | None) -> list[str]:
    """The answers as `reflect analyse` stores them: personal data replaced by placeholders."""
    from reflect.anonymise import Analyzer, redact
    from reflect.ingest import Roster, read_roster

    known = read_roster(roster) if roster else Roster()
    analyzer = Analyzer(known)
    return [redact(text, spans) for text, spans in zip(texts, analyzer.analyze(texts), strict=True)]
