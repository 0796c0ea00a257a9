"""``themes.csv`` / ``themes.parquet``: the theme table for batch pipelines."""

from __future__ import annotations

from pathlib import Path

from reflect.privacy.model import SafeReport
from reflect.report import writers
from reflect.report.tables import themes_table


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
