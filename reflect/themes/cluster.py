"""Clustering that adapts to group size: average-linkage agglomerative clustering on cosine
distance for up to ``max_direct`` points (quadratic in time and memory, so it dominates growth
up to that size); above it, k-means first reduces the points to ``max_direct`` centroids
(linear in the number of points), and the centroids are clustered the same way. A group of 4
reflections and a programme of 100,000 go through the same code.

The agglomeration is scipy's ``linkage``, cut as scikit-learn's ``AgglomerativeClustering``
cuts it (same clusters, same numbering): importing scikit-learn takes 1.6 s, which a run
pays only when a group is larger than ``max_direct`` (k-means)."""

from __future__ import annotations

from heapq import heappush, heappushpop

import numpy as np


def cluster_points(vectors: np.ndarray, distance: float, max_direct: int = 2000) -> np.ndarray:
    """Cluster label of each row of ``vectors`` (L2-normalised); labels are 0..n_clusters-1."""
    n = len(vectors)
    if n == 0:
        return np.zeros(0, dtype=int)
    if n == 1:
        return np.zeros(1, dtype=int)
    if n <= max_direct:
        return _agglomerate(vectors, distance)
    from sklearn.cluster import MiniBatchKMeans

    # k-means++ seeding of 2,000 centres costs ten times the fit itself; random seeding gives
    # the same inertia here, and the centres are only a summary for the agglomeration below.
    coarse = MiniBatchKMeans(
        n_clusters=max_direct, n_init=1, random_state=0, batch_size=4096, init="random"
    ).fit(vectors)
    centres = coarse.cluster_centers_
    centres /= np.maximum(np.linalg.norm(centres, axis=1, keepdims=True), 1e-12)
    return _agglomerate(centres, distance)[coarse.labels_]


def _agglomerate(points: np.ndarray, distance: float) -> np.ndarray:
    """Average linkage on cosine distance, the tree cut where merges reach ``distance``."""
    from scipy.cluster.hierarchy import linkage

    tree = linkage(points, method="average", metric="cosine")
    children = tree[:, :2].astype(int)
    clusters = int(np.count_nonzero(tree[:, 2] >= distance)) + 1
    return _cut(clusters, children, len(points))


def _cut(clusters: int, children: np.ndarray, leaves: int) -> np.ndarray:
    """Labels of the ``clusters`` subtrees left when the last merges are undone, numbered as
    scikit-learn's ``_hc_cut`` numbers them (a heap of negated node ids)."""
    nodes = [-(int(max(children[-1])) + 1)]
    for _ in range(clusters - 1):
        pair = children[-nodes[0] - leaves]
        heappush(nodes, -int(pair[0]))
        heappushpop(nodes, -int(pair[1]))
    labels = np.zeros(leaves, dtype=np.intp)
    for label, node in enumerate(nodes):
        stack = [-node]
        while stack:
            top = stack.pop()
            if top < leaves:
                labels[top] = label
            else:
                stack.extend(int(c) for c in children[top - leaves])
    return labels
