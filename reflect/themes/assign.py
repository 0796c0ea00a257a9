"""Taxonomy assignment: a reflection belongs to a theme when it is close enough to one of the
theme's seed phrases, measured against how close it is to the other themes."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from reflect.themes.taxonomy import TaxonomyTheme

THRESHOLD = 0.40  # cosine to the nearest seed of the theme
MARGIN = 0.08  # ...and no more than this below the reflection's best theme


def assign_taxonomy(
    vectors: np.ndarray,
    taxonomy: list[TaxonomyTheme],
    embed: Callable[[Sequence[str]], np.ndarray],
) -> np.ndarray:
    """Boolean matrix (reflections x themes)."""
    if len(vectors) == 0:
        return np.zeros((0, len(taxonomy)), dtype=bool)
    seeds = [s for t in taxonomy for s in (t.label, *t.seeds)]
    owner = np.array([j for j, t in enumerate(taxonomy) for _ in range(1 + len(t.seeds))])
    seed_vectors = embed(seeds)
    sims = vectors @ seed_vectors.T
    per_theme = np.full((len(vectors), len(taxonomy)), -1.0, dtype=np.float32)
    for j in range(len(taxonomy)):
        per_theme[:, j] = sims[:, owner == j].max(axis=1)
    best = per_theme.max(axis=1, keepdims=True)
    return (per_theme >= THRESHOLD) & (per_theme >= best - MARGIN)
