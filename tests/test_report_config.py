"""The shipped reflect.example.toml is a valid config, CLI options override it, and the
Python API's Result gives tables, JSON and HTML without touching disk."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
from report_samples import sample_report

from reflect.config import load_config
from reflect.pipeline import Result

ROOT = Path(__file__).parents[1]


def test_when_the_example_config_is_loaded_then_paths_resolve_next_to_it():
    config = load_config(ROOT / "reflect.example.toml")
    assert config.input == ROOT / "corpora" / "demo" / "reflections.csv"
    assert config.review == ROOT / "reflect-review.toml"
    assert config.columns.participant == "Participant ID" and len(config.columns.text) == 2
    assert "breakdowns" in config.formats


def test_when_options_are_given_then_they_override_the_config_file():
    config = load_config(ROOT / "reflect.example.toml").with_overrides(
        min_group_size=8, out=Path("elsewhere"), participant="Employee"
    )
    assert config.min_group_size == 8 and config.out == Path("elsewhere")
    assert config.columns.participant == "Employee" and config.columns.role == "Role"


def test_when_a_result_is_read_from_python_then_tables_json_and_html_agree():
    result = Result(sample_report())
    schema = json.loads((ROOT / "schemas" / "report.schema.json").read_text())
    data = json.loads(result.to_json())
    jsonschema.validate(data, schema)
    assert data == json.loads(json.dumps(result.to_dict()))
    assert list(result.themes["id"])[:2] == ["hybrid_work", "digital_tools"]
    assert set(result.breakdowns["dimension"]) == {"role", "session", "cohort"}
    assert result.to_html().startswith("<!doctype html>")


def _fake_pipeline(monkeypatch) -> list:
    """The CLI without the model: the pipeline returns the sample report."""
    import reflect.pipeline

    calls = []

    def fake(source, config, progress=None):
        calls.append((source, config))
        return Result(sample_report())

    monkeypatch.setattr(reflect.pipeline, "analyse", fake)
    return calls


def test_when_json_goes_to_stdout_then_it_is_the_only_output(reflect_cli, monkeypatch, tmp_path):
    _fake_pipeline(monkeypatch)
    monkeypatch.chdir(tmp_path)
    code, out, err = reflect_cli("analyse", "x.csv", "--format", "json", "--out", "-", "--quiet")
    assert code == 0 and err == ""
    schema = json.loads((ROOT / "schemas" / "report.schema.json").read_text())
    jsonschema.validate(json.loads(out), schema)
    assert list(tmp_path.iterdir()) == []  # nothing written to disk
    code, _, err = reflect_cli("analyse", "x.csv", "--out", "-")
    assert code == 2 and "--format json" in err


def test_when_the_config_names_the_input_then_no_argument_is_needed(
    reflect_cli, monkeypatch, tmp_path
):
    calls = _fake_pipeline(monkeypatch)
    (tmp_path / "reflect.toml").write_text('input = "data/export.csv"\nout = "reports"\n')
    code, _, err = reflect_cli("analyse", "--config", str(tmp_path / "reflect.toml"))
    assert code == 0, err
    assert calls[0][0] == tmp_path / "data" / "export.csv"
    assert (tmp_path / "reports" / "report.html").exists()
    code, _, err = reflect_cli("analyse")
    assert code == 2 and "no input" in err
