"""``report.md``: the report as Markdown, for wikis and emails — the same title, summary,
breakdowns and wording as report.html (``reflect.report.view``), every text from the data
escaped (``reflect.report.escape``)."""

from __future__ import annotations

from reflect.privacy.model import SafeReport
from reflect.report import ReportFormat, report_formats
from reflect.report.escape import markdown
from reflect.report.summary import executive_summary
from reflect.report.view import (
    WITHHELD,
    Dimension,
    card_phrases,
    count,
    dimensions,
    dp_note,
    named_themes,
    percent,
    small_programme,
    title,
    withheld_legend,
)


def render_markdown(report: SafeReport) -> str:
    k = report.min_group_size
    dims = dimensions(report)
    shown = named_themes(report)
    hidden = [t for t in report.themes if t.participants is None]
    quotes = report.privacy.get("quotes")
    lines = [
        f"# {markdown(title(report))}",
        "",
        f"{count(report.n_participants)} participants, "
        + (
            f"{count(report.n_reflections)} reflections. "
            if report.n_reflections is not None
            else "the number of reflections withheld. "
        )
        + f"Every number counts distinct people and is shown only when at least {k} "
        f"stand behind it; any other number reads “{WITHHELD}” ({withheld_legend(k)}). "
        + (
            "Quotes are short sentences that passed a screen for identifying details."
            if quotes
            else "No one’s words are quoted."
        )
        + (
            f" {dp_note(report.privacy, report.n_participants)}"
            if report.privacy.get("dp_epsilon") is not None
            else ""
        ),
        "",
    ]
    if report.privacy.get("filter"):
        lines += [f"**Filtered view:** {markdown(report.privacy['filter'].get('expression'))}.", ""]
    if note := small_programme(report):
        lines += [f"**A small programme:** {note}", ""]
    lines += [
        "## Summary",
        "",
        *[f"- **{markdown(f.heading)}.** {markdown(f.text)}" for f in executive_summary(report)],
        "",
        "## Themes",
        "",
    ]
    roles = dims.get("role")
    header = ["Theme", "Kind", "People", "Share"]
    header += [markdown(roles.label(g)) for g in roles.columns] if roles else []
    header += ["Facets and phrases"]
    rows = []
    for theme in shown:
        cells = [
            markdown(theme.label),
            theme.kind,
            count(theme.participants),
            percent(theme.share),
        ]
        cells += [count(v) for v in roles.cells(theme).values()] if roles else []
        cells += [markdown("; ".join(_facets(theme) or card_phrases(theme)))]
        rows.append(cells)
    lines += _table(header, rows)
    if hidden:
        names = ", ".join(markdown(t.label) for t in hidden)
        lines += ["", f"Programme themes whose number is withheld: {names}."]
    if "prompt" in dims:
        lines += ["", "## Question by question", ""]
        lines += _breakdown_table(dims["prompt"], shown, lambda t, p: t.by_prompt.get(p))
    if "session" in dims:
        sessions = dims["session"]
        lines += ["", f"## Themes over the {sessions.plural}", ""]
        lines += _breakdown_table(sessions, shown, lambda t, s: t.by_session.get(s))
    if "cohort" in dims:
        cohorts = dims["cohort"]
        lines += ["", f"## Themes by {cohorts.noun}", ""]
        lines += _breakdown_table(cohorts, shown, lambda t, g: cohorts.cells(t).get(g))
    privacy = report.privacy
    suppressed = privacy.get("suppressed", {})
    lines += [
        "",
        "## How people are protected",
        "",
        *[f"- {markdown(rule)}" for rule in privacy.get("rules", [])],
        "- removed before analysis: " + _removed(privacy.get("redactions")),
        f"- withheld: {suppressed.get('themes', 0)} themes, "
        f"{suppressed.get('theme_cells', 0) + suppressed.get('total_cells', 0)} breakdown "
        + (
            f"cells, {suppressed['phrases']} phrases"
            if suppressed.get("phrases") is not None
            else "cells; no phrases shown under differential privacy (noise covers counts, "
            "not words)"
        )
        + _not_listed(suppressed.get("emerging_not_listed", 0)),
        "",
    ]
    return "\n".join(lines)


def _not_listed(n: int) -> str:
    # New themes too small, or with nothing safe to name them by, are left out entirely.
    return f"; {n} new theme{'s' if n != 1 else ''} found but not listed" if n else ""


def _facets(theme) -> list[str]:
    """A theme's facets as "label (n)" (no number under differential privacy)."""
    return [
        f["label"] + ("" if f["participants"] is None else f" ({f['participants']})")
        for f in theme.facets
    ]


def _breakdown_table(dimension: Dimension, themes, value) -> list[str]:
    columns = dimension.columns
    header = ["Theme", *[markdown(dimension.label(g)) for g in columns]]
    rows = [[markdown(t.label), *[count(value(t, g)) for g in columns]] for t in themes]
    rows.append(
        ["People in all", *[count(dimension.totals.get(g)) for g in columns]],
    )
    return _table(header, rows)


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    return [
        "| " + " | ".join(header) + " |",
        "|" + "---|" * len(header),
        *["| " + " | ".join(row) + " |" for row in rows],
    ]


report_formats.register("md")(ReportFormat("report.md", render_markdown))


def _removed(redactions: dict[str, int] | None) -> str:
    if redactions is None:  # differential privacy releases noised theme counts only
        return "how much was removed is not shown with differential privacy on"
    return ", ".join(f"{n} {label}" for label, n in redactions.items()) or "nothing"
