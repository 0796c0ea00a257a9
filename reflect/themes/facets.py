"""Facets: what people said *within* a theme — 3 to 6 short sub-topic phrases, each with the
distinct people who raised it ("rescheduled sessions" 14, "meeting rooms" 9 within a
scheduling theme). They come from the same engine that summarises a class's reflections
(``engine.find_group_themes``, the ReflectSumm one), run on the theme's own answers, so a
facet is a sub-theme with its own label and support, not a frequent word.

A sub-theme is often named by a word every theme's people write ("team", "meetings") or by
the theme's own label ("AI" under "AI at work"), which the themes stage then drops; the
sub-theme's other phrases are its fallbacks ("AI policy" 7), so the card still says what
the sub-theme was about (``facet_options``, ``choose_facets``)."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import replace

import numpy as np

from reflect.themes.engine import find_group_themes
from reflect.themes.label import says_what
from reflect.themes.model import Phrase
from reflect.themes.presets import Preset
from reflect.themes.words import WrittenAsSuch, folded

# Sub-themes asked of the engine, and facets handed to the privacy stage, which shows at most
# six of those it finds safe: a few spare ones keep a card full when some are withheld.
MAX_SUBTHEMES = 8
MAX_FACETS = 8
MAX_OPTIONS = 4  # phrases tried per sub-theme


def facet_options(
    texts: Sequence[str],
    authors: Sequence[Hashable],
    embed: Callable[[Sequence[str]], np.ndarray],
    preset: Preset,
    prompt: str = "",
    vectors: np.ndarray | None = None,
    skip: Callable[[str], bool] | None = None,
) -> list[list[Phrase]]:
    """Per sub-theme of one theme's answers, the phrases that could name it, best first.

    The first is the sub-theme's label (or, when the engine built it from words nobody wrote
    together, the first of its phrases people did write) and counts the people who wrote one
    of the sub-theme's phrases (not those the engine only placed near it); a fallback counts
    the people who wrote it. Each needs ``preset.min_support`` people
    who wrote it as such (``WrittenAsSuch``: "rota software (31)", which two of them wrote in
    a sub-theme about rotas, is not what 31 of them said); a one-word facet must name a thing,
    as an emerging theme's label must ("small" or "expect" summarise nothing); and a
    sub-theme every one of the theme's people raised says nothing the theme does not (and
    privacy would hide it anyway). ``skip``: words that may not form a sub-theme (the
    theme's own, and those its people write no more than everyone does), so that sub-themes
    form around what is particular ("AI policy", "prompts"), not around "AI" or "team"."""
    settings = replace(preset, max_themes=MAX_SUBTHEMES, empty_theme=False)
    found = find_group_themes(
        texts, authors, embed, settings, prompt=prompt, vectors=vectors, skip=skip
    )
    everyone = len(set(authors))
    written = WrittenAsSuch(texts, authors)
    options = []
    for sub in found:
        people = frozenset(authors[i] for i in sub.members)
        if sub.kind != "topic" or len(people) >= everyone:
            continue
        named = [p for p in sub.phrases
                 if says_what(p.text) and written.by(p.text) >= preset.min_support]  # fmt: skip
        if not named:
            continue
        first, *rest = named
        # the people who wrote one of its phrases, not those the engine only placed near it
        wrote = frozenset().union(*(p.participants for p in sub.phrases)) & people
        fallbacks = [p for p in rest if len(p.participants) >= preset.min_support]
        options.append([Phrase(first.text, wrote), *fallbacks][:MAX_OPTIONS])
    return options


def choose_facets(options: list[list[Phrase]], keep: Callable[[Phrase], bool]) -> list[Phrase]:
    """Each sub-theme's first phrase ``keep`` accepts; one written the same way by two
    sub-themes is one facet with the people of both. Most people first."""
    chosen: dict[str, Phrase] = {}
    for phrases in options:
        phrase = next((p for p in phrases if keep(p)), None)
        if phrase is None:
            continue
        key = folded(phrase.text)
        if key in chosen:
            phrase = Phrase(chosen[key].text, chosen[key].participants | phrase.participants)
        chosen[key] = phrase
    facets = sorted(chosen.values(), key=lambda p: (-len(p.participants), p.text))
    return facets[:MAX_FACETS]
