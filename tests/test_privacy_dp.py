"""Differentially private counts: budget accounting, sensitivity, and suppression on the
noisy counts. Seeded noise stands in for OpenDP's (unseedable) sampler where a test needs
reproducible numbers."""

from __future__ import annotations

import hashlib

import numpy as np
import pandas as pd
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from test_privacy_suppression import _numbers, programme

from reflect import frames as F
from reflect.errors import DisclosureRefused
from reflect.privacy import disclose
from reflect.privacy.dp import budget, verify
from reflect.privacy.group_values import pool_group_values
from reflect.themes.model import Theme


def seeded_noise(seed: int):
    rng = np.random.default_rng(seed)

    def noise(values, scale):
        # Discrete Laplace as the difference of two geometric variables.
        p = 1 - np.exp(-1 / scale)
        size = len(values)
        return list(np.asarray(values) + rng.geometric(p, size) - rng.geometric(p, size))

    return noise


def recorder(calls: list):
    def noise(values, scale):
        calls.append((list(values), scale))
        return list(values)

    return noise


def _themes_by_rule(frame: pd.DataFrame, n_themes: int) -> list[Theme]:
    """Membership decided by each row's own content, so removing a person leaves the other
    rows' memberships unchanged (as for a real theme model that scores texts one by one)."""
    themes = []
    for t in range(n_themes):
        members = [
            i
            for i, (p, s) in enumerate(zip(frame[F.PARTICIPANT], frame[F.SESSION], strict=True))
            if hashlib.sha256(f"{t}{p}{s}".encode()).digest()[0] % (t + 2) == 0
        ]
        themes.append(Theme(f"t{t}", f"T{t}", "taxonomy", members=members))
    return themes


def test_the_noise_scale_gives_exactly_the_budget_by_opendps_own_privacy_map():
    # OpenDP, not this code, says what epsilon a scale buys for a sensitivity.
    for epsilon in (0.5, 1.0, 3.0):
        b = budget(epsilon, units=4, roles=2, cohorts=3, sessions=6)
        assert verify(b) == pytest.approx(epsilon)


def test_a_smaller_budget_or_more_sessions_means_more_noise():
    base = budget(1.0, units=4, roles=2, cohorts=3, sessions=6)
    assert budget(0.5, units=4, roles=2, cohorts=3, sessions=6).scale == pytest.approx(
        2 * base.scale
    )
    assert budget(1.0, units=4, roles=2, cohorts=3, sessions=7).scale > base.scale
    assert budget(1.0, units=5, roles=2, cohorts=3, sessions=6).scale > base.scale
    split = base.to_dict(released=100, verified_epsilon=None)["split"]
    assert sum(split.values()) == pytest.approx(1.0)
    assert split["by_session"] > split["by_role"]  # six counts per person against one


def test_when_no_cohorts_then_they_cost_nothing():
    b = budget(2.0, units=3, roles=2, cohorts=0, sessions=2)
    assert b.sensitivity == 3 * (1 + 1 + 2) and "by_cohort" not in b.to_dict(1, None)["split"]


@settings(max_examples=15, deadline=None)
@given(st.integers(0, 1000), st.integers(6, 30), st.integers(1, 3))
def test_one_participant_moves_the_released_vector_by_at_most_the_sensitivity(
    seed, n_people, n_themes
):
    frame, _ = programme(seed, n_people, 0)
    calls: list = []
    try:
        disclose(_themes_by_rule(frame, n_themes), frame, 5, dp_epsilon=1.0,
                 dp_noise=recorder(calls))  # fmt: skip
    except DisclosureRefused:
        assume(False)  # too small to report on at all
    ((full, scale),) = calls
    sensitivity = round(scale * 1.0)
    moves = []
    for person in frame[F.PARTICIPANT].unique()[:5]:
        without = frame[frame[F.PARTICIPANT] != person].reset_index(drop=True)
        if _printed_groups(without) != _printed_groups(frame):
            continue  # a group crossed k: which labels are printed is not covered by ε
        calls.clear()
        themes = _themes_by_rule(without, n_themes)
        disclose(themes, without, 5, dp_epsilon=1.0, dp_noise=recorder(calls))
        ((fewer, _),) = calls
        assert len(fewer) == len(full)
        moves.append(sum(abs(a - b) for a, b in zip(full, fewer, strict=True)))
    assume(moves)  # else nothing was compared: Hypothesis fails if no example compares
    assert max(moves) <= sensitivity
    # Each person counts at least in the total: the bound is met, not vacuous.
    assert min(moves) >= 1


def test_whether_anyone_answered_a_question_changes_no_dp_report_shape():
    # A question one person alone answered was listed ("other prompts"), and grew the
    # sensitivity, with them in the export and not without (red team, stop 41)
    frame, themes = programme(7, 30, 2)
    alone = frame.iloc[[0]].assign(**{F.PROMPT: "Anything to flag?", F.ROW: 999})
    asked = ("q", "Anything to flag?")
    shapes = []
    for rows in (frame, pd.concat([frame, alone], ignore_index=True)):
        calls: list = []
        report = disclose(themes, rows, 5, dp_epsilon=1.0, dp_noise=recorder(calls),
                          questions=asked)  # fmt: skip
        ((released, scale),) = calls
        shapes.append((len(released), scale, list(report.participants_by_prompt)))
    assert shapes[0] == shapes[1]
    assert shapes[0][2] == ["Anything to flag?", "q"]  # each question, answered or not
    # questions the answers decide (guessed text columns, a long export): no prompt breakdown
    calls = []
    report = disclose(themes, frame, 5, dp_epsilon=1.0, dp_noise=recorder(calls))
    assert report.participants_by_prompt == {}


def _printed_groups(frame: pd.DataFrame) -> dict:
    pooled, _ = pool_group_values(frame, 5, lambda value: True)
    return {c: sorted(set(pooled[c])) for c in (F.ROLE, F.SESSION, F.COHORT, F.PROMPT)}


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 10_000), st.integers(1, 45), st.integers(0, 3), st.floats(0.1, 5))
def test_noisy_counts_are_still_suppressed_below_k(seed, n_people, n_themes, epsilon):
    frame, themes = programme(seed, n_people, n_themes)
    try:
        report = disclose(themes, frame, 5, dp_epsilon=epsilon, dp_noise=seeded_noise(seed))
    except DisclosureRefused:
        assume(False)
    assert report.n_reflections is None  # unbounded per person: withheld under DP
    for where, value in _numbers(report):
        assert value >= 5, where


def test_suppression_works_on_the_noisy_counts():
    frame, themes = programme(3, 30, 1)

    def plus_ten(values, scale):
        return [v + 10 for v in values]

    def minus_ten(values, scale):
        return [v - 10 for v in values]

    high = disclose(themes, frame, 5, dp_epsilon=1.0, dp_noise=plus_ten)
    low = disclose(themes, frame, 5, dp_epsilon=1.0, dp_noise=minus_ten)
    assert high.n_participants == 40  # 30 people + 10
    assert min(v for v in high.participants_by_session.values()) >= 10
    assert low.n_participants == 20 and all(  # 30 - 10; small cells clip to 0, hidden
        v is None or v >= 5 for v in low.participants_by_cohort.values()
    )


def test_noisy_counts_nest_as_true_ones_do():
    # After noise a theme can count more people than the programme, or a group of it more
    # than the theme; post-processing (free under DP) makes them nest again.
    from reflect.privacy.counts import ALL, UnitCounts
    from reflect.privacy.dp import nested

    counts = {
        ALL: UnitCounts(96, {F.PROMPT: {"What worked?": 90, "What was hard?": 99}}),
        "t0": UnitCounts(101, {F.PROMPT: {"What worked?": 129, "What was hard?": 7}}),
    }
    made = nested(counts)
    assert made[ALL].cells[F.PROMPT] == {"What worked?": 90, "What was hard?": 96}
    assert made["t0"].total == 96
    assert made["t0"].cells[F.PROMPT] == {"What worked?": 90, "What was hard?": 7}


def test_with_opendp_the_privacy_section_reports_the_budget():
    frame, themes = programme(11, 40, 2)
    report = disclose(themes, frame, 5, dp_epsilon=2.0, questions=("q",))
    dp = report.privacy["dp"]
    assert report.privacy["dp_epsilon"] == 2.0
    assert dp["epsilon"] == 2.0 and dp["library"] == "opendp"
    assert dp["verified_epsilon"] <= 2.0 + 1e-9
    # units × (total + roles + sessions + cohorts + prompts)
    assert dp["released_counts"] == 3 * (1 + 2 + 4 + 3 + 1)
    assert dp["sensitivity_l1"] == 3 * (1 + 1 + 1 + 4 + 1)
    for where, value in _numbers(report):
        assert value >= 5, where


def test_nine_noisy_counts_in_ten_stay_within_the_reported_margin():
    from reflect.privacy.dp import noisy

    b = budget(1.0, units=3, roles=2, cohorts=0, sessions=2, prompts=1)
    values = [50] * 4000
    off = np.abs(np.array(noisy(values, b)) - 50)
    assert 0.87 <= float(np.mean(off <= b.margin_90)) <= 0.93
