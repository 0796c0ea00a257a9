"""``report.md``: the report as Markdown, for wikis and emails."""

from __future__ import annotations

from reflect.privacy.model import SafeReport
from reflect.report import ReportFormat, report_formats
from reflect.report.escape import markdown
from reflect.report.summary import executive_summary


def cell(value: int | None, k: int) -> str:
    return f"fewer than {k}" if value is None else str(value)


def part(value: int | None) -> str:
    """A role or cohort cell: hidden ones may protect another cell, so not "fewer than k"."""
    return "withheld" if value is None else str(value)


def render_markdown(report: SafeReport) -> str:
    k = report.min_group_size
    lines = [
        "# Reverse-mentoring reflections: themes",
        "",
        f"{cell(report.n_participants, k)} participants wrote "
        f"{cell(report.n_reflections, k)} reflections. Every number below counts distinct "
        f"people and is shown only when at least {k} stand behind it; a role or cohort "
        "number that would let someone work out a smaller one by subtraction is withheld.",
        "",
        "## Summary",
        "",
        *[f"- **{markdown(f.heading)}.** {markdown(f.text)}" for f in executive_summary(report)],
        "",
        "## Themes",
        "",
    ]
    roles = list(report.participants_by_role)
    header = [
        "Theme",
        "Kind",
        "People",
        "Share",
        *[markdown(r.capitalize()) for r in roles],
        "Phrases",
    ]
    lines += ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for theme in report.themes:
        share = "" if theme.share is None else f"{theme.share:.0%}"
        lines.append(
            "| "
            + " | ".join(
                [
                    markdown(theme.label),
                    theme.kind,
                    cell(theme.participants, k),
                    share,
                    *[part(theme.by_role.get(r)) for r in roles],
                    markdown("; ".join(_facets(theme) or theme.phrases)),
                ]
            )
            + " |"
        )
    sessions = list(report.participants_by_session)
    if sessions:
        lines += [
            "",
            "## Themes by session",
            "",
            "| Theme | " + " | ".join(f"S{markdown(s)}" for s in sessions) + " |",
            "|---|" + "---|" * len(sessions),
        ]
        for theme in report.themes:
            lines.append(
                f"| {markdown(theme.label)} | "
                + " | ".join(cell(theme.by_session.get(s), k) for s in sessions)
                + " |"
            )
    privacy = report.privacy
    lines += [
        "",
        "## Privacy",
        "",
        *[f"- {rule}" for rule in privacy["rules"]],
        "- redacted before analysis: "
        + (", ".join(f"{n} {label}" for label, n in privacy["redactions"].items()) or "nothing"),
        f"- suppressed: {privacy['suppressed']['themes']} themes, "
        f"{privacy['suppressed']['theme_cells']} breakdown cells, "
        f"{privacy['suppressed']['phrases']} phrases",
        "",
    ]
    return "\n".join(lines)


report_formats.register("md")(ReportFormat("report.md", render_markdown))


def _facets(theme) -> list[str]:
    """A theme's facets as "label (n)" (no number under differential privacy)."""
    return [
        f["label"] + ("" if f["participants"] is None else f" ({f['participants']})")
        for f in theme.facets
    ]
