"""Filtered views: the complement rule, parsing, and agreement with the full report."""

from __future__ import annotations

import pandas as pd
import pytest

from reflect import frames as F
from reflect.config import Config
from reflect.errors import ConfigError, InputError
from reflect.privacy import Filter, check_filter, disclose
from reflect.themes.model import Theme


def _frame(cohorts: dict[str, int], sessions=("1", "2", "3", "4")) -> pd.DataFrame:
    rows = []
    person = 0
    for cohort, n in cohorts.items():
        for _ in range(n):
            for session in sessions:
                rows.append(
                    {
                        F.ROW: len(rows) + 2,
                        F.PARTICIPANT: f"P-{person:03d}",
                        F.ROLE: "mentor" if person % 2 else "mentee",
                        F.SESSION: session,
                        F.COHORT: cohort,
                        F.DATE: "",
                        F.PROMPT: "q",
                        F.TEXT: "we talked about hybrid work",
                    }
                )
            person += 1
    frame = pd.DataFrame(rows)
    frame[F.TEXT_HASH] = frame[F.TEXT].map(F.text_hash)
    return frame


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("role=mentor", Filter("role", ("mentor",))),
        ("role=Mentor", Filter("role", ("mentor",))),
        ('cohort="Cohort A"', Filter("cohort", ("Cohort A",))),
        ("session=1..3", Filter("session", low=1.0, high=3.0)),
        ("session=2,4", Filter("session", ("2", "4"))),
    ],
)
def test_filter_expressions_parse(text, expected):
    assert Filter.parse(text) == expected


@pytest.mark.parametrize(
    "text", ["mentor", "team=red", "role=", "=mentor", "session=3..1", "session= , "]
)
def test_when_filter_expression_is_bad_then_config_error(text):
    with pytest.raises(ConfigError):
        Filter.parse(text)


def test_when_config_has_a_bad_filter_then_it_fails_before_any_work():
    with pytest.raises(ConfigError):
        Config(filter="colour=blue")


@pytest.mark.parametrize(
    ("cohorts", "expression", "ok"),
    [
        ({"A": 8, "B": 8}, "cohort=A", True),
        ({"A": 8, "B": 3}, "cohort=A", False),  # the complement is below k
        ({"A": 3, "B": 8}, "cohort=A", False),  # the group is below k
        ({"A": 8, "B": 3, "C": 3}, "cohort=A", True),  # complement B+C = 6
        ({"A": 8, "B": 3, "C": 20}, "cohort=A", False),  # A's size is withheld in the full
    ],
)
def test_a_filtered_view_needs_both_group_and_complement_at_k(cohorts, expression, ok):
    frame = _frame(cohorts)
    group = Filter.parse(expression)
    if ok:
        assert check_filter(frame, group, 5).sum() > 0
        disclose([], frame, 5, filter=group)
    else:
        with pytest.raises(InputError) as info:
            disclose([], frame, 5, filter=group)
        message = str(info.value)
        # A group below k is pooled ("other cohorts") before filters see it: it matches nothing.
        assert "fewer than 5" in message or "no reflections match" in message
        assert "3" not in message.replace(expression, "") and "8" not in message


def test_when_no_row_matches_then_input_error():
    with pytest.raises(InputError, match="no reflections match"):
        check_filter(_frame({"A": 8, "B": 8}), Filter.parse("cohort=Z"), 5)


def test_when_a_cohort_cell_is_hidden_in_the_full_report_then_the_filtered_view_hides_it():
    # Theme raised by 10 people of A and 2 of B: the full report hides both cohort cells,
    # so cohort=A must not show 10 (12 - 10 = 2 would give B away).
    frame = _frame({"A": 10, "B": 10})
    people = frame[F.PARTICIPANT]
    members = [i for i, p in enumerate(people) if int(p[2:]) < 10 or int(p[2:]) in (10, 11)]
    theme = Theme("hybrid_work", "Hybrid working", "taxonomy", members=members)
    full = disclose([theme], frame, 5).themes[0]
    assert full.participants == 12 and full.by_cohort == {"A": None, "B": None}
    filtered = disclose([theme], frame, 5, filter=Filter.parse("cohort=A"))
    assert filtered.themes[0].participants is None
    assert filtered.n_participants == 10
    assert filtered.privacy["filter"] == {
        "expression": "cohort=A",
        "group": "≥ 5",
        "complement": "≥ 5",
        "rule": filtered.privacy["filter"]["rule"],
    }


def test_when_session_filter_differs_from_full_by_less_than_k_then_hidden():
    frame = _frame({"A": 10, "B": 10})
    # Theme: everybody in sessions 1-2, plus 3 people who raised it only in session 4.
    members = [
        i
        for i, (p, s) in enumerate(zip(frame[F.PARTICIPANT], frame[F.SESSION], strict=True))
        if s in ("1", "2") or (s == "4" and int(p[2:]) < 3)
    ]
    theme = Theme("hybrid_work", "Hybrid working", "taxonomy", members=members)
    group = Filter.parse("session=1..2")
    report = disclose([theme], frame, 5, filter=group)
    safe = report.themes[0]
    assert safe.participants is None  # 20 of 20 in sessions 1-2, 0 only elsewhere
    assert set(safe.by_session) == {"1", "2"}  # sessions outside the range are not shown
    assert report.privacy["suppressed"]["by_reason"]["difference"] >= 0


def test_when_session_filter_is_safe_then_counts_are_shown():
    frame = _frame({"A": 13, "B": 13})
    # 12 people raise it in sessions 1-2 only, 8 others in sessions 3-4 only, 6 never (had
    # all 26 raised it, the full report would withhold it, "all of them", and so the view).
    members = [
        i
        for i, (p, s) in enumerate(zip(frame[F.PARTICIPANT], frame[F.SESSION], strict=True))
        if (int(p[2:]) < 12 and s in ("1", "2")) or (12 <= int(p[2:]) < 20 and s in ("3", "4"))
    ]
    theme = Theme("hybrid_work", "Hybrid working", "taxonomy", members=members)
    safe = disclose([theme], frame, 5, filter=Filter.parse("session=1..2")).themes[0]
    assert safe.participants == 12
    assert safe.by_session == {"1": 12, "2": 12}


def test_dp_and_filter_together_are_refused():
    with pytest.raises(ConfigError):
        disclose([], _frame({"A": 8, "B": 8}), 5, filter=Filter.parse("cohort=A"), dp_epsilon=1)


def test_when_a_few_people_wrote_only_outside_the_range_then_refused():
    frame = _frame({"A": 10, "B": 10}, sessions=("1", "2", "3"))  # 20 people in session 3
    late = _frame({"C": 2}, sessions=("3",))
    late[F.PARTICIPANT] = ["P-900", "P-901"]  # two who wrote only in session 3
    both = pd.concat([frame, late], ignore_index=True)
    with pytest.raises(InputError, match="only outside"):
        check_filter(both, Filter.parse("session=1..2"), 5)
    report = disclose([], frame, 5, filter=Filter.parse("session=1"))
    assert report.n_participants == 20  # everyone wrote in session 1: nothing new


def test_a_role_s_people_under_both_questions_are_a_cell_of_the_joint_table():
    # Mentors: 10 under "worked", 8 under "hard", 16 in all: 2 under both. A mentees' view
    # showing both its question cells would give the mentors' by subtraction from the full
    # report (red team, 4 December 2026): the mentors' smaller cell is hidden in the table,
    # and the column's complementary protection hides the mentees' cell beside it.
    from reflect.privacy.counts import cross_counts
    from reflect.privacy.views import _small_overlaps

    rows = []
    for n in range(16):
        prompts = ["worked", "hard"] if n < 2 else ["worked"] if n < 10 else ["hard"]
        rows += [{F.PARTICIPANT: f"M{n}", F.ROLE: "mentor", F.PROMPT: p} for p in prompts]
    for n in range(18):
        prompts = ["worked", "hard"] if n < 9 else ["worked"] if n < 13 else ["hard"]
        rows += [{F.PARTICIPANT: f"E{n}", F.ROLE: "mentee", F.PROMPT: p} for p in prompts]
    frame = pd.DataFrame(rows)
    groups = {F.ROLE: ["mentee", "mentor"], F.PROMPT: ["hard", "worked"]}
    table = cross_counts(frame, F.ROLE, F.PROMPT, groups)
    assert _small_overlaps(frame, table, F.ROLE, F.PROMPT, groups, 5) == [("mentor", "hard")]
