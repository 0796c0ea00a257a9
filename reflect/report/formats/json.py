"""``report.json``: the machine contract (schema in ``schemas/report.schema.json``)."""

from __future__ import annotations

import json
from pathlib import Path

from reflect.privacy.model import SafeReport
from reflect.report import writers


def render_json(report: SafeReport) -> str:
    return json.dumps(report.to_dict(), indent=2, ensure_ascii=False) + "\n"


@writers.register("json")
def write_json(report: SafeReport, folder: Path) -> list[Path]:
    path = folder / "report.json"
    path.write_text(render_json(report), encoding="utf-8")
    return [path]
