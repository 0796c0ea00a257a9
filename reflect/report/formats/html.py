"""``report.html``: one self-contained page for programme leads — no script, no CDN, no web
fonts; charts are drawn here (``charts.py``), each next to a table of the same numbers. It
reads on a 360-px phone and prints on A4 (see the template's CSS)."""

from __future__ import annotations

from dataclasses import dataclass

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from reflect.privacy.model import SafeReport, SafeTheme
from reflect.report import ReportFormat, report_formats
from reflect.report.charts import Series, bar_chart, heat_level, sparkline
from reflect.report.summary import executive_summary
from reflect.report.view import (
    OTHER,
    SHOWN_GROUPS,
    WITHHELD,
    Dimension,
    card_phrases,
    dimensions,
    dp_note,
    group_name,
    is_named,
    named_themes,
    plural,
    small_programme,
    taxonomy_fits,
    title,
    withheld_legend,
)

_env = Environment(
    loader=PackageLoader("reflect.report", "templates"),
    autoescape=select_autoescape(["html", "j2"]),
    trim_blocks=True,
    lstrip_blocks=True,
)
_env.globals["group_name"] = group_name
MAX_CHART_ROWS = 16  # more bars than this stop being readable; the tables hold the rest
PROMPT_THEMES = 8  # themes listed under each question
# Plain words for the redaction labels of the anonymise stage (others are title-cased).
REDACTION_NAMES = {
    "PERSON": "Names",
    "EMAIL": "Email addresses",
    "PHONE": "Phone numbers",
    "EMPLOYEE_ID": "Employee IDs",
    "HANDLE": "Social media handles",
    "URL": "Web addresses",
    "POSTCODE": "Postcodes",
    "DATE_OF_BIRTH": "Dates of birth",
    "ADDRESS": "Street addresses",
    "NATIONAL_ID": "National ID numbers",
    "BANK_ACCOUNT": "Bank account numbers",
    "CREDIT_CARD": "Card numbers",
    "PLACE": "Places",
    "WORKPLACE_ID": "Store and branch numbers",
    "VEHICLE_ID": "Vehicle registrations",
    "AGE": "Ages",
    "DATE": "Full dates",
}


def redaction_name(label: str) -> str:
    return REDACTION_NAMES.get(label, label.replace("_", " ").capitalize())


@dataclass(frozen=True)
class HeatCell:
    group: str
    value: int | None
    level: float | None


@dataclass(frozen=True)
class Card:
    theme: SafeTheme
    anchor: str
    groups: list[tuple[str, int | None]]  # (group label, people) for roles and cohorts
    trend: Markup | None
    phrases: list[str]  # ``view.card_phrases``


def render_html(report: SafeReport) -> str:
    shown = named_themes(report)
    reported = [t for t in report.themes if t.participants is not None]
    dims = dimensions(report)
    anchors = {t.id: f"theme-{i}" for i, t in enumerate(shown)}
    sessions = dims.get("session")
    session_totals = _complete(sessions.totals) if sessions else None
    return _env.get_template("report.html.j2").render(
        title=title(report),
        report=report,
        k=report.min_group_size,
        shown=shown,
        anchors=anchors,
        unnamed=[t for t in reported if not is_named(t)],
        hidden=[t for t in report.themes if t.participants is None],
        dims=dims,
        roles=dims.get("role"),
        cohorts=dims.get("cohort"),
        sessions=sessions,
        prompts=_prompt_columns(report, shown, dims.get("prompt"), anchors),
        chart_rows=MAX_CHART_ROWS,
        shown_groups=SHOWN_GROUPS,
        withheld=WITHHELD,
        dp_note=dp_note(report.privacy, report.n_participants),
        legend=withheld_legend(report.min_group_size),
        small=small_programme(report),
        fits=taxonomy_fits(report),
        set_aside=(report.taxonomy_fit or {}).get("not_counted") or [],
        other_programme=(report.taxonomy_fit or {}).get("other_programme"),
        # "new" says a theme is outside the taxonomy: noise when no topic comes from one
        badges=any(t.kind != "emerging" and not t.nothing_to_report for t in shown),
        findings=executive_summary(report),
        role_chart=_group_chart(report, shown, dims.get("role"), anchors, "overview"),
        cohort_chart=_group_chart(report, shown, dims.get("cohort"), anchors, "by-cohort"),
        heatmap=_heatmap(shown, sessions, session_totals) if sessions else [],
        heat_uses_share=session_totals is not None,
        cards=[_card(t, anchors[t.id], dims, session_totals) for t in shown],
        epsilon=report.privacy.get("dp_epsilon"),
        suppressed=report.privacy.get("suppressed", {}),
        redactions=report.privacy.get("redactions"),  # None: not released (DP)
        redaction_name=redaction_name,
        plural=plural,
        OTHER=OTHER,
    )


def _complete(totals: dict[str, int | None]) -> dict[str, int | None] | None:
    """Group sizes, only if every one of them is shown (shares need them all)."""
    return totals if totals and all(v for v in totals.values()) else None


def _series(dimension: Dimension) -> list[Series]:
    return [Series(g, dimension.label(g), f"s{i}") for i, g in enumerate(dimension.columns)]


@dataclass(frozen=True)
class GroupChart:
    chart: Markup
    blank: list[str]  # themes left out of the chart: every one of their groups is withheld


def _group_chart(report, themes, dimension: Dimension | None, anchors, chart_id):
    """Themes by role or cohort: the largest groups and "other", as bars. A theme whose
    every group is withheld has nothing to draw; it is named under the chart instead."""
    if dimension is None or not themes:
        return None
    cells = {t.id: dimension.cells(t) for t in themes}
    drawn = [t for t in themes if any(v is not None for v in cells[t.id].values())]
    blank = [t.label for t in themes if t not in drawn]
    rows = [(t.label, anchors[t.id], cells[t.id]) for t in drawn[:MAX_CHART_ROWS]]
    names = ", ".join(dimension.label(g) for g in dimension.columns)
    chart = bar_chart(
        rows,
        _series(dimension),
        title=f"Themes by {dimension.noun}: distinct participants ({names})",
        desc=f"For each theme, how many people in each {dimension.noun} raised it; the "
        "table has the same numbers.",
        chart_id=chart_id,
        denominators=_complete(dimension.totals),
    )
    return GroupChart(chart, blank)


@dataclass(frozen=True)
class PromptColumn:
    prompt: str
    people: int | None
    chart: Markup


def _prompt_columns(report, themes, prompts: Dimension | None, anchors) -> list[PromptColumn]:
    """One column per question: the themes most people raised in their answers to it."""
    if prompts is None:
        return []
    columns = []
    for i, prompt in enumerate(prompts.groups):
        ranked = sorted(
            ((n, t) for t in themes if (n := t.by_prompt.get(prompt)) is not None),
            key=lambda r: (-r[0], r[1].label),
        )[:PROMPT_THEMES]
        total = prompts.totals.get(prompt)
        chart = bar_chart(
            [(t.label, anchors[t.id], {prompt: n}) for n, t in ranked],
            [Series(prompt, prompt, f"s{i % 4}")],
            title=f"Themes in answers to “{prompt}”",
            desc="How many people raised each theme in their answers to this question.",
            chart_id=f"prompt-{i}",
            denominators={prompt: total} if total else None,
            headed=False,
        )
        columns.append(PromptColumn(prompt, total, chart))
    return columns


def _heatmap(themes, sessions: Dimension, totals) -> list[tuple[SafeTheme, list[HeatCell]]]:
    def level_input(t, s):
        v = t.by_session.get(s)
        if v is None:
            return None
        return v / totals[s] if totals else float(v)

    groups = sessions.groups
    peak = max([x for t in themes for s in groups if (x := level_input(t, s)) is not None] + [1e-9])
    return [
        (
            t,
            [
                HeatCell(s, t.by_session.get(s), heat_level(level_input(t, s), None, peak))
                for s in groups
            ],
        )
        for t in themes
    ]


def _card(theme: SafeTheme, anchor: str, dims: dict[str, Dimension], session_totals) -> Card:
    groups = []
    for key in ("role", "cohort"):
        if key in dims:
            dim = dims[key]
            groups += [(dim.label(g), v) for g, v in dim.cells(theme).items()]
    trend = None
    sessions = dims.get("session")
    if sessions is not None:
        trend = sparkline(
            [(s, theme.by_session.get(s)) for s in sessions.groups],
            session_totals or {},
            title=f"{theme.label}: over the {sessions.plural}",
            chart_id=f"{anchor}-trend",
            noun=sessions.noun,
        )
    return Card(theme, anchor, groups, trend, card_phrases(theme))


report_formats.register("html")(ReportFormat("report.html", render_html))
