"""A taxonomy theme's seeds — its label, description and seed phrases — and how close a text
lies to them: the mean cosine to its ``TOP_K`` nearest seeds (``assign.py`` explains why
several must agree)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from reflect.themes.taxonomy import TaxonomyTheme

Embed = Callable[[Sequence[str]], np.ndarray]

TOP_K = 3  # several seeds must agree: one loose seed match is not a theme


def seeds_of(taxonomy: list[TaxonomyTheme]) -> tuple[list[str], np.ndarray]:
    """Every theme's seed texts, and the theme index of each."""
    seeds = [s for t in taxonomy for s in _seed_texts(t)]
    return seeds, np.array([j for j, t in enumerate(taxonomy) for _ in _seed_texts(t)])


def _seed_texts(theme: TaxonomyTheme) -> list[str]:
    return [theme.label, *([theme.description] if theme.description else []), *theme.seeds]


def theme_scores(vectors: np.ndarray, taxonomy: list[TaxonomyTheme], embed: Embed) -> np.ndarray:
    """Texts x themes: the mean cosine to each theme's TOP_K nearest seeds."""
    seeds, owner = seeds_of(taxonomy)
    return nearest_seeds(vectors @ embed(seeds).T, owner, len(taxonomy))


def nearest_seeds(sims: np.ndarray, owner: np.ndarray, n_themes: int) -> np.ndarray:
    per_theme = np.full((len(sims), n_themes), -1.0, dtype=np.float32)
    for j in range(n_themes):
        own = sims[:, owner == j]
        if own.shape[1]:
            per_theme[:, j] = np.sort(own, axis=1)[:, -TOP_K:].mean(axis=1)
    return per_theme
