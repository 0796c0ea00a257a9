"""Facets: what people said *within* a theme — 3 to 6 short sub-topic phrases, each with the
distinct people who raised it ("rescheduled sessions" 14, "meeting rooms" 9 within a
scheduling theme). They come from the same engine that summarises a class's reflections
(``engine.find_group_themes``, the ReflectSumm one), run on the theme's own answers, so a
facet is a sub-theme with its own label and support, not a frequent word."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import replace

import numpy as np

from reflect.themes.engine import find_group_themes
from reflect.themes.label import says_what
from reflect.themes.model import Phrase
from reflect.themes.presets import Preset

MAX_FACETS = 6


def theme_facets(
    texts: Sequence[str],
    authors: Sequence[Hashable],
    embed: Callable[[Sequence[str]], np.ndarray],
    preset: Preset,
    prompt: str = "",
    vectors: np.ndarray | None = None,
) -> list[Phrase]:
    """Up to ``MAX_FACETS`` facets of one theme's answers, most people first. Each needs
    ``preset.min_support`` people; a facet every one of the theme's people raised says
    nothing the theme does not (and privacy would hide it anyway), and a one-word facet must
    name a thing, as an emerging theme's label must ("small" or "expect" summarise nothing)."""
    settings = replace(preset, max_themes=MAX_FACETS, empty_theme=False)
    found = find_group_themes(texts, authors, embed, settings, prompt=prompt, vectors=vectors)
    everyone = len(set(authors))
    facets = []
    for sub in found:
        people = frozenset(authors[i] for i in sub.members)
        if sub.kind == "topic" and says_what(sub.label) and len(people) < everyone:
            facets.append(Phrase(sub.label, people))
    facets.sort(key=lambda p: (-len(p.participants), p.text))
    return facets[:MAX_FACETS]
