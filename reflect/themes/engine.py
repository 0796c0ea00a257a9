"""The theme engine: a group's reflections in, its themes out — each a short label, the
reflections behind it and the distinct authors who raised it. The product runs it for emerging
themes and for the taxonomy themes' phrases; ``benchmarks/reflectsumm.py`` runs it per lecture.

1. candidates: noun phrases and short clauses per reflection (``candidates.py``);
2. the distinct phrases are embedded and clustered (``cluster.py``, adapts to group size);
3. themes are picked greedily, each time the cluster that the most not-yet-covered authors
   wrote about (weighted by its closeness to what the whole group wrote about), so every
   reflection counts once and themes do not repeat each other; answers that say "nothing"
   compete as their own theme;
4. reflections that named no phrase of a theme join the theme they are most similar to, if
   similar enough (so support is not under-counted);
5. each theme is labelled with its most shared central phrase (``label.py``), grown into a
   longer phrase of its reflections when most of its people share the extra words; a theme
   whose label only repeats an earlier one's words gives way to the next cluster.

Phrase collection and ranking live in ``phrases.py``, the choice of clusters (steps 3–4) in
``cover.py``; this module runs the steps in order.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from typing import Literal

import numpy as np

from reflect.themes.cluster import cluster_points
from reflect.themes.cover import centre, closeness, greedy, soft_assign
from reflect.themes.empty import is_empty_answer
from reflect.themes.label import empty_answer_label
from reflect.themes.model import Phrase
from reflect.themes.phrases import collect, describe, parsed_rows
from reflect.themes.presets import Preset
from reflect.themes.things import says_what

Embed = Callable[[Sequence[str]], np.ndarray]


@dataclass
class GroupTheme:
    label: str
    kind: Literal["topic", "empty"]
    members: list[int]  # positions in the group's texts
    support: int  # distinct authors among members
    phrases: list[Phrase] = field(default_factory=list)  # best first; the label is first


def find_group_themes(
    texts: Sequence[str],
    authors: Sequence[Hashable],
    embed: Embed,
    preset: Preset,
    prompt: str = "",
    vectors: np.ndarray | None = None,
    skip: Callable[[str], bool] | None = None,
) -> list[GroupTheme]:
    """Themes of one group, most supported first. ``vectors``: the reflections' own embeddings
    if already known (they place the group's centre and let reflections without a phrase join
    a theme); ``skip``: candidate phrases that may not form or name a theme."""
    n = len(texts)
    if n == 0:
        return []
    empty = [is_empty_answer(t) for t in texts]
    parsed = parsed_rows(texts, preset)
    phrases = collect(texts, parsed, prompt, preset.clauses, skip)
    key_vectors = embed(phrases.display)  # (0, dimension) when there are none
    labels = cluster_points(key_vectors, preset.distance, preset.max_direct)
    clusters: dict[int, set[int]] = {}
    for k, label in enumerate(labels):
        clusters.setdefault(int(label), set()).update(phrases.used_by[k])

    empty_label = empty_answer_label(prompt) if preset.empty_theme else None
    empty_rows = [i for i in range(n) if empty[i]] if empty_label else []
    spare = preset.max_themes + preset.spare_themes if preset.max_themes else None
    weight = closeness(clusters, labels, key_vectors, phrases, vectors, preset)
    chosen = greedy(clusters, empty_rows, authors, preset, spare, weight)
    members: dict[int, set[int]] = dict(chosen)
    centres = {c: centre(key_vectors, labels == c, phrases, members[c]) for c in members if c >= 0}
    soft_assign(n, empty, members, centres, phrases, key_vectors, vectors, preset)

    themes: list[GroupTheme] = []
    said: list[set[str]] = []
    for c, rows in members.items():
        if preset.max_themes and len(themes) >= preset.max_themes:
            break
        # A theme's members, support and label are all who wrote about it (a reflection
        # raising two things counts for both), not only those no earlier theme counted.
        whole = rows | clusters[c] if c >= 0 and not preset.exclusive_support else rows
        ordered = sorted(whole)
        support = len({authors[i] for i in ordered})
        if support < preset.min_support:
            continue
        if c < 0:
            themes.append(GroupTheme(empty_label or "", "empty", ordered, support))
            said.append(set())
            continue
        keys = np.flatnonzero(labels == c).tolist()
        about = None
        if vectors is not None:
            about = vectors[sorted(whole)].mean(axis=0)
            about = about / max(float(np.linalg.norm(about)), 1e-12)
        ranked = describe(keys, whole, phrases, key_vectors, authors, preset, about)
        # Singular and plural alike: "demonstration" repeats "laser demonstrations".
        words = {w.rstrip("s") for w in ranked[0].text.split()}
        same = [j for j, w in enumerate(said) if w and words <= w]
        if same and preset.spare_themes:
            # Same subject as an earlier theme: its people count there.
            earlier = themes[same[0]]
            earlier.members = sorted(set(earlier.members) | whole)
            earlier.support = len({authors[i] for i in earlier.members})
            continue
        themes.append(GroupTheme(ranked[0].text, "topic", ordered, support, ranked))
        said.append(words)
    themes.sort(key=lambda t: (-t.support, t.label))
    return themes


def theme_phrases(
    texts: Sequence[str],
    authors: Sequence[Hashable],
    embed: Embed,
    preset: Preset,
    prompt: str = "",
) -> list[Phrase]:
    """Representative phrases of reflections already known to share a theme (taxonomy themes),
    best first, each with the distinct authors who used it; a lone word only when it names a
    thing ("small" alone summarises nothing)."""
    parsed = parsed_rows(texts, preset)
    phrases = collect(texts, parsed, prompt, preset.clauses)
    if not phrases.keys:
        return []
    key_vectors = embed(phrases.display)
    found = describe(
        list(range(len(phrases.keys))), set(parsed), phrases, key_vectors, authors, preset
    )
    return [p for p in found if says_what(p.text)]
