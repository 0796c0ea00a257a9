"""``report.html``: one self-contained page for programme leads (no scripts, no CDN)."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape

from reflect.privacy.model import SafeReport
from reflect.report import writers

_env = Environment(
    loader=PackageLoader("reflect.report", "templates"),
    autoescape=select_autoescape(["html"]),
    trim_blocks=True,
    lstrip_blocks=True,
)


def render_html(report: SafeReport) -> str:
    k = report.min_group_size
    roles = list(report.participants_by_role)
    chart_max = max([t.participants or 0 for t in report.themes] + [1])
    return _env.get_template("report.html.j2").render(
        report=report,
        k=k,
        roles=roles,
        chart_max=chart_max,
        sessions=list(report.participants_by_session),
    )


@writers.register("html")
def write_html(report: SafeReport, folder: Path) -> list[Path]:
    path = folder / "report.html"
    path.write_text(render_html(report), encoding="utf-8")
    return [path]
