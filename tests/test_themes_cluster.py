"""The agglomeration (scipy's linkage, cut as scikit-learn cuts it) gives scikit-learn's
clusters and numbering, and the stop-word copy is scikit-learn's list: reflect avoids
importing scikit-learn for both, and must not change a theme by doing so."""

import numpy as np
import pytest

from reflect.themes.cluster import cluster_points
from reflect.themes.stop_words import ENGLISH_STOP_WORDS

sklearn = pytest.importorskip("sklearn")


def _unit_rows(rng, n: int, d: int, repeats: bool) -> np.ndarray:
    v = rng.normal(size=(n, d)).astype(np.float32)
    if repeats:  # equal points: merges at distance 0, where ties are decided
        v[n // 2 :] = v[: n - n // 2]
    return v / np.linalg.norm(v, axis=1, keepdims=True)


@pytest.mark.parametrize("seed", range(20))
def test_same_clusters_and_numbering_as_scikit_learn(seed):
    from sklearn.cluster import AgglomerativeClustering

    rng = np.random.default_rng(seed)
    points = _unit_rows(rng, int(rng.integers(2, 300)), int(rng.integers(2, 30)), seed % 2 == 0)
    for distance in (0.2, 0.4, 0.7):
        expected = AgglomerativeClustering(
            n_clusters=None, metric="cosine", linkage="average", distance_threshold=distance
        ).fit_predict(points)
        assert np.array_equal(cluster_points(points, distance), expected)


def test_stop_words_are_scikit_learns():
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS as theirs

    assert theirs == ENGLISH_STOP_WORDS
