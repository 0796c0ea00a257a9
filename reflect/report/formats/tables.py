"""``themes.csv`` / ``themes.parquet``: the theme table for batch pipelines;
``theme_breakdowns.csv`` (format ``breakdowns``): the same cells in long format."""

from __future__ import annotations

from pathlib import Path

from reflect.privacy.model import SafeReport
from reflect.report import writers
from reflect.report.tables import breakdowns_table, themes_table


@writers.register("csv")
def write_csv(report: SafeReport, folder: Path) -> list[Path]:
    path = folder / "themes.csv"
    themes_table(report).to_csv(path, index=False)
    return [path]


@writers.register("parquet")
def write_parquet(report: SafeReport, folder: Path) -> list[Path]:
    path = folder / "themes.parquet"
    themes_table(report).to_parquet(path, index=False)
    return [path]


@writers.register("breakdowns")
def write_breakdowns(report: SafeReport, folder: Path) -> list[Path]:
    path = folder / "theme_breakdowns.csv"
    breakdowns_table(report).to_csv(path, index=False)
    return [path]
