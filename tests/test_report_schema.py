"""report.json follows the published JSON Schema (schemas/report.schema.json), and the
pipeline-facing tables keep suppressed cells empty."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from report_samples import sample_report

from reflect.report import write_reports
from reflect.report.formats.json import render_json
from reflect.report.tables import breakdowns_table, themes_table

SCHEMA = json.loads(
    (Path(__file__).parents[1] / "schemas" / "report.schema.json").read_text(encoding="utf-8")
)


def test_when_the_schema_is_read_then_it_is_a_valid_json_schema():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_when_a_report_is_written_then_it_validates_against_the_schema():
    jsonschema.validate(json.loads(render_json(sample_report())), SCHEMA)


@pytest.mark.parametrize(
    ("path", "bad"),
    [
        (("n_participants",), "12"),
        (("themes", 0, "kind"), "cluster"),
        (("themes", 0, "by_role", "mentor"), 3.5),
        (("themes", 0, "share"), 1.5),
    ],
)
def test_when_a_field_breaks_the_contract_then_validation_fails(path, bad):
    data = json.loads(render_json(sample_report()))
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = bad
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, SCHEMA)


def test_when_tabulated_then_suppressed_cells_are_empty_not_numbers(tmp_path):
    report = sample_report()
    wide = themes_table(report)
    career = wide.set_index("id").loc["career"]
    assert career["role:mentor"] == 19 and career.isna()["role:mentee"]
    long = breakdowns_table(report)
    assert list(long.columns) == ["theme_id", "theme", "dimension", "group", "participants"]
    shown = long.dropna(subset=["participants"])
    assert (shown["participants"] >= report.min_group_size).all()
    written = write_reports(report, tmp_path / "out", ["breakdowns", "csv"])
    assert {p.name for p in written} == {"theme_breakdowns.csv", "themes.csv"}
    text = (tmp_path / "out" / "theme_breakdowns.csv").read_text()
    assert "career,Career and retention,role,mentee,\n" in text
