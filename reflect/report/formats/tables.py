"""``themes.csv`` / ``themes.parquet``: the theme table for batch pipelines;
``theme_breakdowns.csv`` (format ``breakdowns``): the same cells in long format.
CSV cells are neutralised for spreadsheets (``reflect.report.escape``)."""

from __future__ import annotations

import io

from reflect.privacy.model import SafeReport
from reflect.report import ReportFormat, report_formats
from reflect.report.escape import csv_safe
from reflect.report.tables import breakdowns_table, themes_table


def render_themes_csv(report: SafeReport) -> str:
    return csv_safe(themes_table(report)).to_csv(index=False)


def render_breakdowns_csv(report: SafeReport) -> str:
    return csv_safe(breakdowns_table(report)).to_csv(index=False)


def render_themes_parquet(report: SafeReport) -> bytes:
    buffer = io.BytesIO()
    themes_table(report).to_parquet(buffer, index=False)
    return buffer.getvalue()


report_formats.register("csv")(ReportFormat("themes.csv", render_themes_csv))
report_formats.register("parquet")(ReportFormat("themes.parquet", render_themes_parquet))
report_formats.register("breakdowns")(ReportFormat("theme_breakdowns.csv", render_breakdowns_csv))
