"""Facets: what people said *within* a theme — 3 to 6 short sub-topic phrases, each with the
distinct people who raised it ("rescheduled sessions" 14, "meeting rooms" 9 within a
scheduling theme). They come from the same engine that summarises a class's reflections
(``engine.find_group_themes``, the ReflectSumm one), run on the theme's own answers, so a
facet is a sub-theme with its own label and support, not a frequent word.

A sub-theme is often named by a word every theme's people write ("team", "meetings") or by
the theme's own label ("AI" under "AI at work"), which the themes stage then drops; the
sub-theme's other phrases are its fallbacks ("AI policy" 7), so the card still says what
the sub-theme was about (``facet_options``, ``choose_facets``). What cannot be a sub-topic
(``not_particular`` before the engine runs, ``specific_facets`` after it) is decided here too:
the theme's own words, words every theme's people write, and facets naming another theme."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Sequence
from dataclasses import replace

import numpy as np

from reflect.themes.engine import find_group_themes
from reflect.themes.model import Phrase, Theme
from reflect.themes.presets import Preset
from reflect.themes.things import says_what
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
    who wrote it (``WrittenAsSuch.together``: its words side by side in one clause, in any
    order — "cell outputs", "outputs of cells"; "rota software (31)", which two of them wrote
    in a sub-theme about rotas, is not what 31 of them said); a one-word facet must name a thing,
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
    k = preset.min_support
    options = []
    for sub in found:
        people = frozenset(authors[i] for i in sub.members)
        if sub.kind != "topic" or len(people) >= everyone:
            continue
        named = [p for p in sub.phrases if says_what(p.text) and written.together(p.text) >= k]
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


# A facet found in more than this share of the themes ("team", "meetings") is how everyone
# writes, not a sub-topic of one theme (as IDF discounts words every document has).
MAX_FACET_SPREAD = 0.25
# ... and so is a facet not at least this many times as common in its theme's answers as in
# all answers (an emerging label's own rule, ``MIN_LABEL_LIFT``, at the level of answers).
MIN_FACET_LIFT = 2.0


def not_particular(
    theme: Theme, n_answers: int, answers_with, common: frozenset[str] = frozenset()
) -> Callable[[str], bool]:
    """A one-word phrase that cannot be a sub-theme of ``theme``: one of its label's words,
    or a word its answers use less than ``MIN_FACET_LIFT`` times as often as all answers
    ("team", "meeting" in a programme's every theme), or one among the phrases of many
    themes (``common``: ``widespread``). Longer phrases carry their own particulars ("team
    meetings")."""
    own = set(folded(theme.label).split())
    members = set(theme.members)
    judged: dict[str, bool] = {}

    def skip(key: str) -> bool:
        if " " in key:
            return False
        if key not in judged:
            rows = answers_with(key)
            inside = len(rows & members) / max(len(members), 1)
            judged[key] = folded(key) in own | common or (
                bool(rows) and inside < MIN_FACET_LIFT * len(rows) / max(n_answers, 1)
            )
        return judged[key]

    return skip


def specific_facets(themes: list[Theme], texts: Sequence[str]) -> list[Theme]:
    """Facets that are how everyone writes are dropped, and so are facets naming a theme:
    "rota (5)" under "handovers" reads as a sub-topic of it when rota is a theme of its own,
    with its own count, and "laptop (7)" under "laptop" is no sub-topic at all. How everyone
    writes is judged twice: a facet among the phrases of many themes, or one hardly more
    common in its theme's answers than in all answers ("notebooks" in a survey about them)."""
    spread = _spread(themes)
    limit = _spread_limit(themes)
    # A label of two words joined ("code and programming") names each of them.
    labels = {folded(part) for t in themes for part in (t.label, *t.label.split(" and "))}
    # Answers, not people, are counted: a theme most people raise once can hold a fifth of
    # the answers, and no phrase is much more common among most of the people than among all.
    answers_with = WrittenAsSuch(texts, range(len(texts))).writers

    def typical(phrase: Phrase, members: set[int]) -> bool:
        rows = answers_with(phrase.text)
        inside = len(rows & members) / max(len(members), 1)
        return not rows or inside >= MIN_FACET_LIFT * len(rows) / len(texts)

    for theme in themes:
        members = set(theme.members)
        theme.facets = [
            f
            for f in theme.facets
            if spread[f.text] <= limit and folded(f.text) not in labels and typical(f, members)
        ]
    return themes


def _spread(themes: list[Theme]) -> Counter:
    """In how many themes each text is a facet or one of the first phrases."""
    return Counter(
        text
        for theme in themes
        for text in {p.text for p in theme.facets} | {p.text for p in theme.phrases[:20]}
    )


def _spread_limit(themes: list[Theme]) -> float:
    return max(2, MAX_FACET_SPREAD * len(themes))


def widespread(themes: list[Theme]) -> frozenset[str]:
    """One-word phrases among the first phrases of more than ``MAX_FACET_SPREAD`` of the
    themes, folded ("conversation" in most cards of a mentoring programme): no theme's
    sub-topic."""
    limit = _spread_limit(themes)
    return frozenset(
        folded(text) for text, n in _spread(themes).items() if n > limit and " " not in text
    )
