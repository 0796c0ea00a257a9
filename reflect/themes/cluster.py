"""Clustering that adapts to group size: average-linkage agglomerative clustering on cosine
distance for up to ``max_direct`` points (quadratic in time and memory, so it dominates growth
up to that size); above it, k-means first reduces the points to ``max_direct`` centroids
(linear in the number of points), and the centroids are clustered the same way. A group of 4
reflections and a programme of 100,000 go through the same code."""

from __future__ import annotations

import numpy as np
from sklearn.cluster import AgglomerativeClustering, MiniBatchKMeans


def cluster_points(vectors: np.ndarray, distance: float, max_direct: int = 2000) -> np.ndarray:
    """Cluster label of each row of ``vectors`` (L2-normalised); labels are 0..n_clusters-1."""
    n = len(vectors)
    if n == 0:
        return np.zeros(0, dtype=int)
    if n == 1:
        return np.zeros(1, dtype=int)
    if n <= max_direct:
        return _agglomerate(vectors, distance)
    # k-means++ seeding of 2,000 centres costs ten times the fit itself; random seeding gives
    # the same inertia here, and the centres are only a summary for the agglomeration below.
    coarse = MiniBatchKMeans(
        n_clusters=max_direct, n_init=1, random_state=0, batch_size=4096, init="random"
    ).fit(vectors)
    centres = coarse.cluster_centers_
    centres /= np.maximum(np.linalg.norm(centres, axis=1, keepdims=True), 1e-12)
    return _agglomerate(centres, distance)[coarse.labels_]


def _agglomerate(points: np.ndarray, distance: float) -> np.ndarray:
    model = AgglomerativeClustering(
        n_clusters=None, metric="cosine", linkage="average", distance_threshold=distance
    )
    return model.fit_predict(points)
