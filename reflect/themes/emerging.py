"""Emerging themes: clusters of reflections that fit no taxonomy theme, kept only when
enough distinct people stand behind them."""

from __future__ import annotations

import numpy as np
from sklearn.cluster import AgglomerativeClustering, KMeans

DISTANCE_THRESHOLD = 0.6  # cosine distance within a cluster (average linkage)
_MAX_DIRECT = 3000  # above this, cluster k-means centroids instead of points


def find_emerging(
    vectors: np.ndarray, rows: np.ndarray, participants: np.ndarray, min_support: int
) -> list[list[int]]:
    if len(rows) < min_support:
        return []
    points = vectors[rows]
    if len(rows) > _MAX_DIRECT:
        coarse = KMeans(n_clusters=_MAX_DIRECT // 10, n_init=1, random_state=0).fit(points)
        centroid_labels = _agglomerate(coarse.cluster_centers_)
        labels = centroid_labels[coarse.labels_]
    else:
        labels = _agglomerate(points)
    clusters = []
    for label in np.unique(labels):
        members = rows[labels == label]
        if len(set(participants[members])) >= min_support:
            clusters.append(members.tolist())
    return sorted(clusters, key=len, reverse=True)


def _agglomerate(points: np.ndarray) -> np.ndarray:
    if len(points) < 2:
        return np.zeros(len(points), dtype=int)
    model = AgglomerativeClustering(
        n_clusters=None,
        metric="cosine",
        linkage="average",
        distance_threshold=DISTANCE_THRESHOLD,
    )
    return model.fit_predict(points)
