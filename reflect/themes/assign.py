"""Taxonomy assignment. A reflection often raises several things ("she showed me Teams; I was
nervous to challenge her"), so each sentence is compared with every theme on its own: a
sentence belongs to a theme when it is close enough to one of the theme's seeds (its label,
description and seed phrases) and not much further than to its best theme; a reflection belongs
to every theme one of its sentences (or the whole text) belongs to."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import numpy as np

from reflect.themes.taxonomy import TaxonomyTheme

# Calibrated on the demo corpus (benchmarks/taxonomy.py); see README "Themes".
THRESHOLD = 0.30  # mean cosine to the theme's TOP_K nearest seeds
MARGIN = 0.03  # ...and no more than this below the sentence's best theme
TOP_K = 3  # several seeds must agree: one loose seed match is not a theme
MIN_SENTENCE_WORDS = 4  # shorter fragments ("Good.", "Thanks!") are judged with their text

_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+|\s+[-–—]+\s+|\n+")


def split_sentences(text: str) -> list[str]:
    parts = [p.strip() for p in _SENTENCE_END.split(text) if p and p.strip()]
    return [p for p in parts if len(p.split()) >= MIN_SENTENCE_WORDS]


def assign_taxonomy(
    vectors: np.ndarray,
    taxonomy: list[TaxonomyTheme],
    embed: Callable[[Sequence[str]], np.ndarray],
    texts: Sequence[str] | None = None,
) -> np.ndarray:
    """Boolean matrix (reflections x themes). With ``texts``, sentences are scored one by one
    (their vectors come from ``embed``, cached like any text)."""
    if len(vectors) == 0:
        return np.zeros((0, len(taxonomy)), dtype=bool)
    seeds, owner = _seeds(taxonomy)
    seed_vectors = embed(seeds)
    membership = _decide(vectors @ seed_vectors.T, owner, len(taxonomy))
    if texts is not None:
        pieces = [(i, s) for i, text in enumerate(texts) for s in split_sentences(text)]
        pieces = [(i, s) for i, s in pieces if s != texts[i].strip()]
        if pieces:
            rows = np.array([i for i, _ in pieces])
            sentence_vectors = embed([s for _, s in pieces])
            decided = _decide(sentence_vectors @ seed_vectors.T, owner, len(taxonomy))
            np.logical_or.at(membership, rows, decided)
    return membership


def _seeds(taxonomy: list[TaxonomyTheme]) -> tuple[list[str], np.ndarray]:
    """Every theme's seed texts, and the theme index of each."""
    seeds = [s for t in taxonomy for s in _seed_texts(t)]
    return seeds, np.array([j for j, t in enumerate(taxonomy) for _ in _seed_texts(t)])


def _seed_texts(theme: TaxonomyTheme) -> list[str]:
    return [theme.label, *([theme.description] if theme.description else []), *theme.seeds]


def theme_scores(
    vectors: np.ndarray,
    taxonomy: list[TaxonomyTheme],
    embed: Callable[[Sequence[str]], np.ndarray],
) -> np.ndarray:
    """Texts x themes: the mean cosine to each theme's TOP_K nearest seeds."""
    seeds, owner = _seeds(taxonomy)
    return _scores(vectors @ embed(seeds).T, owner, len(taxonomy))


def _scores(sims: np.ndarray, owner: np.ndarray, n_themes: int) -> np.ndarray:
    per_theme = np.full((len(sims), n_themes), -1.0, dtype=np.float32)
    for j in range(n_themes):
        own = sims[:, owner == j]
        per_theme[:, j] = np.sort(own, axis=1)[:, -TOP_K:].mean(axis=1)
    return per_theme


def _decide(sims: np.ndarray, owner: np.ndarray, n_themes: int) -> np.ndarray:
    per_theme = _scores(sims, owner, n_themes)
    best = per_theme.max(axis=1, keepdims=True)
    return (per_theme >= THRESHOLD) & (per_theme >= best - MARGIN)
