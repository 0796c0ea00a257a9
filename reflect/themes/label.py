"""Labels: each theme is named by one of its own phrases — the one most distinct authors used
(counting longer phrases that contain it) and closest to the theme's centre — extended to a
longer phrase ("matrix" -> "adjacency matrix") when enough of the same people wrote that."""

from __future__ import annotations

import re

import numpy as np

# The answer to "what was confusing?" being "nothing" is reported as "No confusion".
_NOUNS = {
    "confusing": "confusion",
    "confused": "confusion",
    "unclear": "confusion",
    "difficult": "difficulty",
    "hard": "difficulty",
    "challenging": "challenges",
    "challenge": "challenges",
    "awkward": "awkwardness",
    "worried": "worries",
    "worry": "worries",
    "concern": "concerns",
    "problem": "problems",
    "improve": "suggestions",
}


_POSITIVE = {"interesting", "liked", "enjoyed", "best", "worked", "useful", "favourite"}


def empty_answer_label(prompt: str) -> str | None:
    """Label of the theme of answers that say there is nothing to report, or None when the
    question asks for highlights: "nothing" to "what was interesting?" names no theme."""
    words = re.findall(r"[a-z]+", prompt.lower())
    for word in words:
        if word in _NOUNS:
            return f"No {_NOUNS[word]}"
    if any(w in _POSITIVE for w in words):
        return None
    return "No concerns"


def choose_label(
    keys: list[str],
    authors: dict[str, set],
    centrality: dict[str, float],
    extend_ratio: float,
    centrality_weight: float,
) -> str:
    """The key of the best label among a cluster's phrase keys.

    ``authors[key]``: distinct authors in the theme who used the phrase or one containing it.
    """

    def score(key: str) -> tuple:
        c = max(centrality.get(key, 0.0), 1e-3)
        return (len(authors[key]) * c**centrality_weight, len(key.split()), -len(key))

    base = max(keys, key=score)
    base_words = set(base.split())
    need = extend_ratio * len(authors[base])
    longer = [
        k
        for k in keys
        if len(k.split()) > len(base.split())
        and base_words <= set(k.split())
        and len(authors[k]) >= need
    ]
    if longer:
        return max(longer, key=lambda k: (len(authors[k]), centrality.get(k, 0.0)))
    return base


def centralities(vectors: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Cosine of each row to the weighted mean direction of all rows."""
    centre = (vectors * weights[:, None]).sum(axis=0)
    norm = np.linalg.norm(centre)
    if norm == 0:
        return np.zeros(len(vectors))
    return vectors @ (centre / norm)
