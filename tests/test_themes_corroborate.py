"""The data's own check of the seeds' verdicts (``corroborate.py``), on small arrays: units near
the answers clearly about a theme keep it, units near those clearly about nothing lose it, and
a theme with too few clear answers is never checked."""

from __future__ import annotations

import numpy as np

from reflect.themes.corroborate import MIN_CLEAR, corroborated

THRESHOLD, MARGIN = 0.30, 0.03


def unit(*xyz: float) -> np.ndarray:
    v = np.array(xyz, dtype=np.float32)
    return v / np.linalg.norm(v)


def data(n_clear: int = 8):
    """Axis 0: a theme's subject; axis 1: small talk; axis 2: another theme's subject."""
    vectors, scores = [], []
    for k in range(n_clear):  # clearly about theme 0
        vectors.append(unit(1, 0.1 * k, 0)), scores.append([0.50, 0.30])
    for k in range(n_clear):  # clearly about theme 1
        vectors.append(unit(0, 0.1 * k, 1)), scores.append([0.20, 0.50])
    for k in range(n_clear):  # about nothing: no theme near the threshold
        vectors.append(unit(0.1 * k, 1, 0)), scores.append([0.22, 0.20])
    # the two units judged: small talk that reaches theme 0's seeds, and a real answer
    vectors += [unit(0.2, 1, 0), unit(1, 0.3, 0)]
    scores += [[0.31, 0.25], [0.31, 0.25]]
    return np.stack(vectors), np.array(scores, dtype=np.float32)


def test_small_talk_loses_the_theme_a_real_answer_keeps():
    vectors, scores = data()
    keep = corroborated(vectors, scores, np.array([True, True]), THRESHOLD, MARGIN)
    small_talk, real = keep[-2], keep[-1]
    assert not small_talk[0] and real[0]
    assert keep[:8, 0].all(), "the clear answers are on their own side"


def test_a_theme_with_few_clear_answers_is_not_checked():
    vectors, scores = data(n_clear=MIN_CLEAR - 1)
    keep = corroborated(vectors, scores, np.array([True, True]), THRESHOLD, MARGIN)
    assert keep.all()


def test_only_the_themes_asked_for_are_checked():
    vectors, scores = data()
    keep = corroborated(vectors, scores, np.array([False, True]), THRESHOLD, MARGIN)
    assert keep[:, 0].all()


def test_units_that_may_join_no_theme_are_no_evidence():
    vectors, scores = data()
    # every "about nothing" unit made ineligible (an empty answer, a question of the other
    # stance): nothing is left to learn "not about it" from
    scores[16:24] = -np.inf
    scores[8:16] = -np.inf
    keep = corroborated(vectors, scores, np.array([True, True]), THRESHOLD, MARGIN)
    assert keep[:, 0].all()


def test_no_units_and_one_theme():
    assert corroborated(
        np.zeros((0, 3)), np.zeros((0, 2)), np.array([True, True]), 0.3, 0.03
    ).shape == (0, 2)
    one = corroborated(np.eye(3), np.full((3, 1), 0.5), np.array([True]), 0.3, 0.03)
    assert one.all()
