"""Communities of sentences that hold whatever the clustering's random start: the k-nearest-
neighbour graph of the sentence vectors, clustered by Leiden (igraph) from several seeds, and
kept where the runs agree. A topic is a region of sentences that are each other's neighbours,
so sentences that share no noun can still meet through the sentences between them."""

from __future__ import annotations

import numpy as np

NEIGHBOURS = 10
# Resolution of the modularity clustering: higher gives more, smaller topics. Demo dev, 1,900
# sentences: 3.0 gives ~45 communities; 1.0 joins scheduling with office life (support 107
# against gold 52).
RESOLUTION = 3.0
# Clustering runs from different seeds, and the share of them in which two neighbours must
# share a community to be in one topic. Eight runs left a topic to one answer: leaving out one
# of the demo's 1,457 answers kept 0.90 of the emerging labels (``benchmarks/stability.py``;
# a law firm's export 0.92), 32 keep 0.96 (0.97) for 0.5 s more on the demo; 64 and 128
# runs moved the communities little further (adjusted Rand after dropping one sentence 0.92,
# 0.94, 0.95). Consensus (dev): 0.5 chains the graph into a few giant components; 0.7 keeps
# ~90% of the sentences in communities of 8 or more; 0.9 two thirds.
RUNS = 32
CONSENSUS = 0.7


def consensus_communities(vectors: np.ndarray) -> list[np.ndarray]:
    """Communities of the k-nearest-neighbour graph (cosine-weighted edges) that hold whatever
    the clustering's random start: Leiden (igraph) is run from ``RUNS`` seeds, and two
    neighbours are in one community when they share one in at least ``CONSENSUS`` of the runs
    (the connected components of those edges). A sentence with no such neighbour is left
    alone. One run's communities move with its seed — of two runs on the same sentences a
    quarter to a third of the pairs disagree (dev: demo and Jupyter survey, adjusted Rand
    0.74 and 0.83 for Leiden, 0.60 and 0.70 for networkx's Louvain) — and the consensus of
    ``RUNS`` runs from other seeds moves far less (eight: 0.85 and 0.89)."""
    import random

    import igraph

    n = len(vectors)
    k = min(NEIGHBOURS, n - 1)
    if k < 1:
        return [np.arange(n)]
    edges, weights = [], []
    for start in range(0, n, 1024):
        sims = vectors[start : start + 1024] @ vectors.T
        for offset in range(len(sims)):
            sims[offset, start + offset] = -np.inf
        nearest = np.argpartition(-sims, k - 1, axis=1)[:, :k]
        for offset, js in enumerate(nearest):
            for j in js:
                edges.append((start + offset, int(j)))
                weights.append(max(float(sims[offset, j]), 1e-3))
    graph = igraph.Graph(n=n, edges=edges, edge_attrs={"weight": weights})
    graph.simplify(combine_edges="max")  # i and j each other's neighbours: one edge
    ends = np.array(graph.get_edgelist()).reshape(-1, 2)
    together = np.zeros(len(ends))
    try:
        for seed in range(RUNS):
            # igraph draws from the generator it is given: a seeded one, not Python's own
            igraph.set_random_number_generator(random.Random(seed))
            found = graph.community_leiden(
                "modularity", weights="weight", resolution=RESOLUTION, n_iterations=-1
            )
            membership = np.array(found.membership)
            together += membership[ends[:, 0]] == membership[ends[:, 1]]
    finally:
        igraph.set_random_number_generator(random)
    agreed = igraph.Graph(n=n, edges=ends[together >= CONSENSUS * RUNS].tolist())
    components = agreed.connected_components()
    return [np.array(sorted(c)) for c in sorted(components, key=lambda c: (-len(c), min(c)))]
