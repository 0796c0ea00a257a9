"""``report.json``: the machine contract (schema in ``schemas/report.schema.json``)."""

from __future__ import annotations

import json

from reflect.privacy.model import SafeReport
from reflect.report import ReportFormat, report_formats


def render_json(report: SafeReport) -> str:
    return json.dumps(report.to_dict(), indent=2, ensure_ascii=False) + "\n"


report_formats.register("json")(ReportFormat("report.json", render_json))
