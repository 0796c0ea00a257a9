"""``report.html``: one self-contained page for programme leads — no script, no CDN, no web
fonts; charts are inline SVG drawn here, each with a table of the same numbers."""

from __future__ import annotations

from dataclasses import dataclass

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from reflect.privacy.model import SafeReport, SafeTheme
from reflect.report import ReportFormat, report_formats
from reflect.report.charts import Series, grouped_bars, heat_level, sparkline
from reflect.report.summary import executive_summary, first_last_sessions, role_pair

_env = Environment(
    loader=PackageLoader("reflect.report", "templates"),
    autoescape=select_autoescape(["html", "j2"]),
    trim_blocks=True,
    lstrip_blocks=True,
)
MAX_SERIES = 4  # colours defined in the template (s0..s3)
MAX_CHART_ROWS = 16  # more bars than this stop being readable; the tables hold the rest
# Role and cohort cells add up to a shown total, so a hidden one may be protecting another
# cell rather than being small itself: "fewer than k" would then be untrue.
WITHHELD = "withheld"
TITLE = "Reverse-mentoring programme: what participants reflected on"
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
    trend: Markup | None


def render_html(report: SafeReport) -> str:
    k = report.min_group_size
    reported = [t for t in report.themes if t.participants is not None]
    shown = [t for t in reported if is_named(t)]
    unnamed = [t for t in reported if not is_named(t)]
    hidden = [t for t in report.themes if t.participants is None]
    roles = _roles(report)
    sessions = list(report.participants_by_session)
    cohorts = [c for c in report.participants_by_cohort if c]
    session_totals = _complete(report.participants_by_session)
    return _env.get_template("report.html.j2").render(
        title=TITLE,
        report=report,
        k=k,
        shown=shown,
        unnamed=unnamed,
        hidden=hidden,
        chart_rows=MAX_CHART_ROWS,
        withheld=WITHHELD,
        roles=roles,
        sessions=sessions,
        cohorts=cohorts,
        findings=executive_summary(report),
        first_last=first_last_sessions(report),
        overview=_overview_chart(report, shown, roles),
        heatmap=_heatmap(shown, sessions, session_totals),
        heat_uses_share=session_totals is not None,
        cohort_chart=_cohort_chart(report, shown, cohorts) if len(cohorts) >= 2 else None,
        cards=[_card(t, i, sessions, session_totals or {}, k) for i, t in enumerate(shown)],
        epsilon=report.privacy.get("dp_epsilon"),
        suppressed=report.privacy.get("suppressed", {}),
        redactions=report.privacy.get("redactions", {}),
        fewer=f"fewer than {k}",
        redaction_name=redaction_name,
    )


def is_named(theme: SafeTheme) -> bool:
    """Emerging themes left without a reportable phrase have only a placeholder name
    ("Emerging theme 12"): listed compactly, not given a chart row or a card."""
    return theme.kind != "emerging" or bool(theme.phrases)


def _roles(report: SafeReport) -> list[str]:
    pair = role_pair(report)
    if pair:
        return list(pair)
    return [r for r in report.participants_by_role if r != "unknown"][:MAX_SERIES]


def _complete(totals: dict[str, int | None]) -> dict[str, int | None] | None:
    """Group sizes, only if every one of them is shown (shares need them all)."""
    return totals if totals and all(v for v in totals.values()) else None


def _overview_chart(report: SafeReport, themes: list[SafeTheme], roles: list[str]):
    if not themes or not roles:
        return None
    series = [Series(r, f"s{i}") for i, r in enumerate(roles)]
    rows = [(t.label, {r: t.by_role.get(r) for r in roles}) for t in themes[:MAX_CHART_ROWS]]
    return grouped_bars(
        rows,
        series,
        report.min_group_size,
        title="Themes by role: distinct participants",
        desc="For each theme, how many "
        + " and ".join(f"{r}s" for r in roles)
        + " raised it; the table after the chart gives the same numbers.",
        chart_id="overview",
        denominators=_complete({r: report.participants_by_role.get(r) for r in roles}),
        hidden_text=WITHHELD,
    )


def _cohort_chart(report: SafeReport, themes: list[SafeTheme], cohorts: list[str]):
    chosen = cohorts[:MAX_SERIES]
    series = [Series(c, f"s{i}") for i, c in enumerate(chosen)]
    rows = [(t.label, {c: t.by_cohort.get(c) for c in chosen}) for t in themes[:MAX_CHART_ROWS]]
    return grouped_bars(
        rows,
        series,
        report.min_group_size,
        title="Themes by cohort: distinct participants",
        desc="For each theme, how many people in each cohort raised it; "
        "the table after the chart gives the same numbers.",
        chart_id="cohorts",
        denominators=_complete({c: report.participants_by_cohort.get(c) for c in chosen}),
        hidden_text=WITHHELD,
    )


def _heatmap(themes, sessions, totals) -> list[tuple[SafeTheme, list[HeatCell]]]:
    def level_input(t, s):
        v = t.by_session.get(s)
        if v is None:
            return None
        return v / totals[s] if totals else float(v)

    peak = max(
        [x for t in themes for s in sessions if (x := level_input(t, s)) is not None] + [1e-9]
    )
    return [
        (
            t,
            [
                HeatCell(s, t.by_session.get(s), heat_level(level_input(t, s), None, peak))
                for s in sessions
            ],
        )
        for t in themes
    ]


def _card(theme: SafeTheme, i: int, sessions, totals, k: int) -> Card:
    trend = None
    if len(sessions) >= 2:
        trend = sparkline(
            [(s, theme.by_session.get(s)) for s in sessions],
            totals,
            k,
            title=f"{theme.label}: trend over the sessions",
            chart_id=f"trend-{i}",
        )
    return Card(theme, f"theme-{i}", trend)


report_formats.register("html")(ReportFormat("report.html", render_html))
