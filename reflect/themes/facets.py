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
from reflect.themes.words import WrittenAsSuch

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
    # named by a phrase k of the theme's people wrote as such (``WrittenAsSuch``): the engine
    # builds a label from the words most of a group use, which suits a class summary, but
    # "rota software (31)", which two of them wrote in a sub-theme about rotas, is not what 31
    # of them said
    written = WrittenAsSuch(texts, authors)
    facets = []
    for sub in found:
        people = frozenset(authors[i] for i in sub.members)
        label = next(
            (p.text for p in sub.phrases  # the label first, then by people
             if says_what(p.text) and written.by(p.text) >= preset.min_support),
            None,
        )  # fmt: skip
        if sub.kind == "topic" and label and len(people) < everyone:
            facets.append(Phrase(label, people))
    facets.sort(key=lambda p: (-len(p.participants), p.text))
    return facets[:MAX_FACETS]
