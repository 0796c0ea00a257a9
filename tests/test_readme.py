"""The README's Python example with a data frame and a Config runs as written."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

README = Path(__file__).parents[1] / "README.md"


def _block(marker: str) -> str:
    text = README.read_text(encoding="utf-8")
    return re.search(rf"<!-- {marker} -->\n```python\n(.*?)```", text, re.S).group(1)


@pytest.mark.model
def test_when_the_readme_data_frame_example_runs_then_its_config_maps_the_columns(tmp_path, capsys):
    code = _block("dataframe-example").replace("/tmp/reflect-example", str(tmp_path / "ws"))
    scope: dict = {}
    exec(compile(code, "README.md", "exec"), scope)  # noqa: S102 - our own README
    result = scope["result"]
    assert capsys.readouterr().out == "Employee ID 12\n"
    assert result.report.programme == "Spreadsheet course"
    assert result.report.columns["cohort"] == "Team"
    assert set(result.report.participants_by_cohort) == {"Sales", "Operations"}
