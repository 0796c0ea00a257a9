"""reflect compare: contrasts only numbers the reports already show, and refuses run pairs
whose difference could single people out."""

from __future__ import annotations

import copy
import json

import pytest
from report_samples import sample_report

from reflect.compare import compare_groups, compare_runs, default_groups
from reflect.errors import ConfigError, DisclosureRefused


def _report() -> dict:
    return sample_report().to_dict()


def _by_label(comparison):
    return {c.label: c for c in comparison.changes}


def test_when_cohorts_are_compared_then_cells_come_from_the_report_and_hidden_stay_hidden():
    report = _report()
    result = _by_label(compare_groups(report, "cohort=Cohort A", "cohort=Cohort B"))
    assert (result["AI at work"].a, result["AI at work"].b) == (20, 28)
    assert result["AI at work"].verdict == "higher in Cohort B"
    assert result["parking permits"].b is None
    assert result["parking permits"].verdict == "only shown in Cohort A"
    assert result["Career and retention"].verdict == "not comparable"
    # Themes suppressed as a whole have no cells to compare.
    assert "Inclusion of under-represented groups" not in result


@pytest.mark.parametrize(
    ("by", "expected"),
    [
        ("session", ("session=1", "session=6")),
        ("role", ("role=mentor", "role=mentee")),
        ("cohort", ("cohort=Cohort A", "cohort=Cohort B")),
    ],
)
def test_when_only_a_dimension_is_given_then_the_natural_pair_is_compared(by, expected):
    assert default_groups(_report(), by) == expected


def test_when_first_and_last_sessions_are_compared_then_changes_are_over_time():
    result = _by_label(compare_groups(_report(), "session=1", "session=6"))
    assert result["AI at work"].verdict == "grew"
    assert result["Digital tools and social media"].verdict == "shrank"
    # Withheld in session 1 (below k, or to protect another cell): not "appeared".
    assert result["Hierarchy and speaking up"].verdict == "only shown in session 6"


def test_when_a_group_is_a_session_range_then_it_is_refused_with_a_pointer():
    with pytest.raises(ConfigError, match="--filter"):
        compare_groups(_report(), "session=1..3", "session=4..6")


def anything(report: dict) -> bool:
    """A ledger check that lets every report through: for tests of the comparison itself
    (the ledger's own tests are in test_privacy_attacks.py and below)."""
    return True


def test_when_a_run_is_not_in_the_workspace_ledger_then_nothing_is_compared():
    a, b = _report(), _report()
    b["n_participants"] = a["n_participants"] - 2  # a hand-made or edited report
    with pytest.raises(DisclosureRefused, match="not a report released from this workspace"):
        compare_runs(a, b, released=lambda report: report is a)
    with pytest.raises(DisclosureRefused):
        compare_runs(a, b)  # no ledger: no comparison of runs


def test_when_one_run_is_a_filtered_view_then_the_notes_say_so():
    a, b = _report(), _report()
    b["privacy"]["filter"] = {"expression": "cohort=Cohort A"}
    result = compare_runs(a, b, "all", "cohort A", released=anything)
    assert any("filtered view" in note for note in result.notes)


def test_when_an_emerging_themes_phrases_shift_then_it_is_still_matched_across_runs():
    a, b = _report(), _report()
    parking = next(t for t in b["themes"] if t["kind"] == "emerging")
    parking["phrases"] = ["parking permits", "car park"]
    parking["participants"] = 30
    result = _by_label(compare_runs(a, b, released=anything))
    assert (result["parking permits"].a, result["parking permits"].b) == (9, 30)
    assert result["parking permits"].verdict == "grew"


def test_when_a_themes_count_is_withheld_in_one_run_then_it_is_not_called_faded():
    a, b = _report(), copy.deepcopy(_report())
    b["themes"][0]["participants"] = None  # listed, its number withheld (k, or another cell)
    b["themes"] = [t for t in b["themes"] if t["kind"] != "emerging"]  # gone below k
    result = _by_label(compare_runs(a, b, "October", "November", released=anything))
    assert result["Hybrid working"].verdict == "only shown in October"
    assert result["parking permits"].verdict == "faded"


def test_when_compared_then_no_number_appears_that_the_reports_do_not_show():
    a, b = _report(), copy.deepcopy(_report())
    b["themes"][0]["participants"] = None
    for comparison in (
        compare_runs(a, b, released=anything),
        compare_groups(a, "role=mentor", "role=mentee"),
    ):
        shown = {None}
        for report in (a, b):
            for t in report["themes"]:
                shown.add(t["participants"])
                for key in ("by_role", "by_session", "by_cohort"):
                    shown.update(t[key].values())
        for c in comparison.changes:
            assert c.a in shown and c.b in shown


def test_when_run_from_the_cli_then_json_and_errors_are_machine_friendly(reflect_cli, tmp_path):
    (tmp_path / "run").mkdir()
    (tmp_path / "run" / "report.json").write_text(json.dumps(_report()))
    code, out, _ = reflect_cli(
        "compare", str(tmp_path / "run"), "--by", "cohort", "--format", "json"
    )
    assert code == 0
    data = json.loads(out)
    assert data["a"] == "Cohort A" and data["min_group_size"] == 5
    code, out, err = reflect_cli("compare", str(tmp_path / "missing"))
    assert code == 2 and err.count("\n") == 1 and "report.json" in err
