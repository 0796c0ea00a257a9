"""Stage 4 — themes: assign reflections to the programme taxonomy by embedding similarity,
cluster what fits nowhere into emerging themes, and attach phrase candidates with the
distinct participants behind each. Support counts are computed later, by privacy.

``find_themes(frame, vectors, taxonomy, embed) -> list[Theme]``
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import pandas as pd

from reflect import frames as F
from reflect.themes.assign import assign_taxonomy
from reflect.themes.emerging import find_emerging
from reflect.themes.model import Phrase, Theme
from reflect.themes.phrases import extract_phrases
from reflect.themes.taxonomy import TaxonomyTheme, load_taxonomy

__all__ = ["Phrase", "TaxonomyTheme", "Theme", "find_themes", "load_taxonomy"]

Embed = Callable[[Sequence[str]], np.ndarray]


def find_themes(
    frame: pd.DataFrame,
    vectors: np.ndarray,
    taxonomy: list[TaxonomyTheme],
    embed: Embed,
    min_support: int = 5,
) -> list[Theme]:
    F.check_columns(frame, F.REDACTED_COLUMNS, "themes")
    participants = frame[F.PARTICIPANT].to_numpy()
    phrases = extract_phrases(frame[F.TEXT].tolist())
    membership = assign_taxonomy(vectors, taxonomy, embed)
    themes = []
    for j, spec in enumerate(taxonomy):
        members = np.flatnonzero(membership[:, j]).tolist()
        themes.append(
            Theme(
                spec.id,
                spec.label,
                "taxonomy",
                spec.description,
                members,
                _phrase_support(members, phrases, participants),
            )
        )
    unassigned = np.flatnonzero(~membership.any(axis=1))
    for cluster in find_emerging(vectors, unassigned, participants, min_support):
        support = _phrase_support(cluster, phrases, participants)
        label = support[0].text if support else "other"
        themes.append(Theme(f"emerging_{len(themes)}", label, "emerging", "", cluster, support))
    return themes


def _phrase_support(members, phrases, participants) -> list[Phrase]:
    """Phrases of a theme's reflections, ranked by how many distinct people used them."""
    who: dict[str, set[str]] = {}
    for i in members:
        for phrase in phrases[i]:
            who.setdefault(phrase, set()).add(participants[i])
    ranked = sorted(who.items(), key=lambda kv: (-len(kv[1]), -len(kv[0].split()), kv[0]))
    return [Phrase(text, frozenset(people)) for text, people in ranked[:50]]
