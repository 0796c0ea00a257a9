"""Evening out the themes' false-positive rates (``themes/calibrate.py``) on small invented
arrays: a theme that takes answers clearly about other themes more often than the others gives
up its weakest, and nothing moves without enough evidence."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np

from reflect.themes.calibrate import MAX_SHIFT, MIN_CLEAR, even_false_positives

THRESHOLD = 0.30


def _found(n_per_theme: int, loose_rate: float, rate: float = 0.1, seed: int = 0):
    """Four themes, each the clear best of ``n_per_theme`` answers (score 0.6, the others
    0.2); theme 3 still reaches the threshold on ``loose_rate`` of the other themes' answers,
    the others on ``rate``."""
    rng = np.random.default_rng(seed)
    n = 4 * n_per_theme
    best = np.repeat(np.arange(4), n_per_theme)
    scores = np.full((n, 4), 0.2, dtype=np.float32)
    scores[np.arange(n), best] = 0.6
    decisive = np.full((n, 4), -np.inf, dtype=np.float32)
    decisive[np.arange(n), best] = 0.6
    for j, share in enumerate([rate, rate, rate, loose_rate]):
        others = np.flatnonzero(best != j)
        taken = rng.permutation(others)[: int(round(share * len(others)))]
        # evidence spread just above the threshold; the rest are within the margin, below it
        decisive[others, j] = rng.uniform(0.22, 0.29, len(others))
        decisive[taken, j] = rng.uniform(0.30, 0.34, len(taken))
    return SimpleNamespace(
        scores=scores, decisive=decisive, topical=np.ones(n, dtype=bool),
        allowed=np.ones((n, 4), dtype=bool),
    )  # fmt: skip


def _rate(found, j, shift):
    clear = found.scores.argmax(axis=1) != j
    return float((found.decisive[clear, j] + shift >= THRESHOLD).mean())


def test_a_loose_theme_gives_up_its_weakest_answers():
    found = _found(40, loose_rate=0.3)
    kinds = np.array(["topic"] * 4)
    shift = even_false_positives(found, kinds, THRESHOLD)
    assert shift[3] < 0
    assert np.all(np.abs(shift[:3]) < 0.01)
    assert _rate(found, 3, shift[3]) < 0.3
    assert np.all(np.abs(shift) <= MAX_SHIFT + 1e-6)


def test_nothing_moves_without_evidence():
    kinds = np.array(["topic"] * 4)
    # too few answers clearly about other themes to estimate a rate
    few = _found(MIN_CLEAR // 4, loose_rate=0.5)
    assert not even_false_positives(few, kinds, THRESHOLD).any()
    # the themes are well apart: the median theme takes none of the others' answers
    apart = _found(40, loose_rate=0.2, rate=0.0)
    assert not even_false_positives(apart, kinds, THRESHOLD).any()
    # other kinds of theme ("nothing", "other") are never moved
    mixed = np.array(["topic", "topic", "topic", "other"])
    assert even_false_positives(_found(40, loose_rate=0.5), mixed, THRESHOLD)[3] == 0
