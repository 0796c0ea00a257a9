"""Flat tables of a ``SafeReport`` for CSV/Parquet and for the Python API.

``themes_table`` columns: id, label, kind, participants, share, phrases (``"; "``-joined),
then one column per breakdown cell: ``role:<name>``, ``session:<label>``, ``cohort:<name>``,
``prompt:<question>``.
Suppressed values are empty (NA), never a small number.
"""

from __future__ import annotations

import pandas as pd

from reflect.privacy.model import SafeReport


def themes_table(report: SafeReport) -> pd.DataFrame:
    rows = []
    for theme in report.themes:
        row = {
            "id": theme.id,
            "label": theme.label,
            "kind": theme.kind,
            "participants": theme.participants,
            "share": theme.share,
            "phrases": "; ".join(theme.phrases),
        }
        for prefix, cells in _breakdowns(theme):
            for name, value in cells.items():
                row[f"{prefix}:{name}"] = value
        rows.append(row)
    table = pd.DataFrame(rows)
    for column in table.columns:
        if column == "participants" or ":" in column:
            table[column] = table[column].astype("Int64")
    return table


def breakdowns_table(report: SafeReport) -> pd.DataFrame:
    """Long format, one row per theme and breakdown cell: ``theme_id``, ``theme``,
    ``dimension`` (role/session/cohort/prompt), ``group``, ``participants`` (empty when
    suppressed).
    Easier than the wide table for BI tools and pivoting."""
    rows = [
        {
            "theme_id": theme.id,
            "theme": theme.label,
            "dimension": dimension,
            "group": group,
            "participants": value,
        }
        for theme in report.themes
        for dimension, cells in _breakdowns(theme)
        for group, value in cells.items()
    ]
    columns = ["theme_id", "theme", "dimension", "group", "participants"]
    table = pd.DataFrame(rows, columns=columns)
    table["participants"] = table["participants"].astype("Int64")
    return table


def _breakdowns(theme) -> list[tuple[str, dict[str, int | None]]]:
    return [
        ("role", theme.by_role),
        ("session", theme.by_session),
        ("cohort", theme.by_cohort),
        ("prompt", theme.by_prompt),
    ]
