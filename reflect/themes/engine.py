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
"""

from __future__ import annotations

import heapq
import zlib
from collections import Counter
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from typing import Literal

import numpy as np

from reflect.themes.candidates import extract_candidates
from reflect.themes.cluster import cluster_points
from reflect.themes.empty import is_empty_answer
from reflect.themes.label import centralities, choose_label, empty_answer_label
from reflect.themes.model import Phrase
from reflect.themes.presets import Preset

Embed = Callable[[Sequence[str]], np.ndarray]
MAX_PHRASES = 20


@dataclass
class GroupTheme:
    label: str
    kind: Literal["topic", "empty"]
    members: list[int]  # positions in the group's texts
    support: int  # distinct authors among members
    phrases: list[Phrase] = field(default_factory=list)  # best first; the label is first


@dataclass
class _Phrases:
    """The distinct phrases of a set of reflections."""

    keys: list[str]
    display: list[str]
    used_by: list[set[int]]  # reflection positions using each key
    of_reflection: dict[int, list[int]]  # reflection position -> key indices
    clause: list[bool]  # written only as a verb clause ("finding bin width")


def find_group_themes(
    texts: Sequence[str],
    authors: Sequence[Hashable],
    embed: Embed,
    preset: Preset,
    prompt: str = "",
    vectors: np.ndarray | None = None,
) -> list[GroupTheme]:
    """Themes of one group, most supported first. ``vectors``: the reflections' own embeddings
    if already known (they place the group's centre and let reflections without a phrase join
    a theme)."""
    n = len(texts)
    if n == 0:
        return []
    empty = [is_empty_answer(t) for t in texts]
    parsed = parsed_rows(texts, preset)
    phrases = _collect(texts, parsed, prompt, preset.clauses)
    key_vectors = embed(phrases.display)  # (0, dimension) when there are none
    labels = cluster_points(key_vectors, preset.distance, preset.max_direct)
    clusters: dict[int, set[int]] = {}
    for k, label in enumerate(labels):
        clusters.setdefault(int(label), set()).update(phrases.used_by[k])

    empty_label = empty_answer_label(prompt) if preset.empty_theme else None
    empty_rows = [i for i in range(n) if empty[i]] if empty_label else []
    spare = preset.max_themes + preset.spare_themes if preset.max_themes else None
    weight = _closeness(clusters, labels, key_vectors, phrases, vectors, preset)
    chosen = _greedy(clusters, empty_rows, authors, preset, spare, weight)
    members: dict[int, set[int]] = dict(chosen)
    centres = {c: _centre(key_vectors, labels == c, phrases, members[c]) for c in members if c >= 0}
    _soft_assign(n, empty, members, centres, phrases, key_vectors, vectors, preset)

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
    best first, each with the distinct authors who used it."""
    parsed = parsed_rows(texts, preset)
    phrases = _collect(texts, parsed, prompt, preset.clauses)
    if not phrases.keys:
        return []
    key_vectors = embed(phrases.display)
    return describe(
        list(range(len(phrases.keys))), set(parsed), phrases, key_vectors, authors, preset
    )


def describe(
    keys: list[int],
    rows: set[int],
    phrases: _Phrases,
    key_vectors: np.ndarray,
    authors: Sequence[Hashable],
    preset: Preset,
    about: np.ndarray | None = None,
) -> list[Phrase]:
    """A cluster's phrases ranked for display, the chosen label first. A phrase's people are
    the theme's authors who used it or a longer phrase containing it."""
    frequency = {k: len({authors[i] for i in phrases.used_by[k] & rows}) for k in keys}
    keys = sorted(keys, key=lambda k: -frequency[k])[: 4 * MAX_PHRASES]
    weights = np.array([max(frequency[k], 1) for k in keys], dtype=np.float32)
    central = centralities(key_vectors[keys], weights)
    words = {k: set(phrases.keys[k].split()) for k in keys}
    # Compared phrase by phrase, not reflection by reflection: far fewer subset tests.
    used = {j for i in rows for j in phrases.of_reflection.get(i, [])}
    used_words = [(j, set(phrases.keys[j].split())) for j in used]
    people: dict[str, set] = {}
    for k in keys:
        longer = [j for j, w in used_words if words[k] <= w]
        people[phrases.keys[k]] = {authors[i] for j in longer for i in phrases.used_by[j] & rows}
    centrality = {
        phrases.keys[k]: float(c) * (preset.clause_weight if phrases.clause[k] else 1.0)
        for k, c in zip(keys, central, strict=True)
    }
    label = choose_label(
        [phrases.keys[k] for k in keys],
        people,
        centrality,
        preset.extend_ratio,
        preset.centrality_weight,
    )
    display = {phrases.keys[k]: phrases.display[k] for k in keys}
    if preset.word_cost is not None:
        label, extra = _widen(label, rows, phrases, authors, preset, people, key_vectors, about)
        for k in extra:
            display.setdefault(phrases.keys[k], phrases.display[k])
            centrality.setdefault(phrases.keys[k], 1.0)
    ranked = sorted(
        people,
        key=lambda key: (key != label, -len(people[key]) * max(centrality[key], 1e-3)),
    )
    return [Phrase(display[key], frozenset(people[key])) for key in ranked[:MAX_PHRASES]]


def _widen(
    label: str,
    rows: set[int],
    phrases: _Phrases,
    authors: Sequence[Hashable],
    preset: Preset,
    people: dict[str, set],
    key_vectors: np.ndarray | None = None,
    about: np.ndarray | None = None,
) -> tuple[str, list[int]]:
    """The theme's phrase whose words the most of its people wrote: each word of a phrase is
    worth the share of the theme's authors who used it, minus ``word_cost``, so the label
    grows ("pigeons" -> "messenger pigeons") only by words many of them share; plus
    ``label_closeness`` times its cosine to ``about`` (the mean of the theme's reflection
    vectors), so of equally shared phrases the one closest to what they wrote wins. Returns the
    label key and the phrases considered (indices), and adds the label's people."""
    theme_authors = {authors[i] for i in rows}
    if not theme_authors:
        return label, []
    writers: dict[str, set] = {}
    pool: dict[int, set] = {}
    for i in rows:
        for k in phrases.of_reflection.get(i, []):
            pool.setdefault(k, set()).add(authors[i])
            for w in phrases.keys[k].split():
                writers.setdefault(w, set()).add(authors[i])
    share = {w: len(a) / len(theme_authors) for w, a in writers.items()}

    index = {phrases.keys[k]: k for k in pool}

    def value(key: str) -> float:
        words = key.split()
        v = sum(share.get(w, 0.0) for w in set(words)) - preset.word_cost * len(words)
        if about is not None and key_vectors is not None and key in index:
            v += preset.label_closeness * float(key_vectors[index[key]] @ about)
        return v

    options = {label: None}
    for k in pool:
        key = phrases.keys[k]
        options.setdefault(key, k)
    best = max(options, key=lambda key: (value(key), -len(key)))
    if best != label and options[best] is not None:
        people.setdefault(best, pool[options[best]])
    return best, [k for k in options.values() if k is not None]


def parsed_rows(texts: Sequence[str], preset: Preset) -> list[int]:
    """The reflections of a group whose phrases are extracted: its answers (not "nothing"), at
    most ``preset.max_parsed`` of them."""
    answered = [i for i, t in enumerate(texts) if not is_empty_answer(t)]
    return _sample(answered, preset.max_parsed, texts)


def _sample(rows: list[int], limit: int, texts: Sequence[str]) -> list[int]:
    """At most ``limit`` rows, chosen by a hash of their text: a random-like, deterministic
    sample that stays the same when reflections are added (a re-run with 1% new answers
    parses about 1% new samples, not a new spread) and picks the same texts in every theme."""
    if len(rows) <= limit:
        return rows
    rank = sorted(rows, key=lambda i: (zlib.crc32(texts[i].encode("utf-8")), i))
    return sorted(rank[:limit])


def _collect(texts: Sequence[str], rows: list[int], prompt: str, clauses: bool) -> _Phrases:
    parsed = extract_candidates([texts[i] for i in rows], prompt)
    index: dict[str, int] = {}
    surface: list[Counter] = []
    used_by: list[set[int]] = []
    of_reflection: dict[int, list[int]] = {}
    clause: list[bool] = []
    for i, result in zip(rows, parsed, strict=True):
        for cand in result.candidates:
            if cand.clause and not clauses:
                continue
            k = index.setdefault(cand.key, len(index))
            if k == len(surface):
                surface.append(Counter())
                used_by.append(set())
                clause.append(True)
            clause[k] = clause[k] and cand.clause
            surface[k][cand.text] += 1
            used_by[k].add(i)
            of_reflection.setdefault(i, []).append(k)
    keys = list(index)
    display = [s.most_common(1)[0][0] for s in surface]
    return _Phrases(keys, display, used_by, of_reflection, clause)


def _greedy(
    clusters: dict[int, set[int]],
    empty_rows: list[int],
    authors: Sequence[Hashable],
    preset: Preset,
    limit: int | None = None,
    weight: dict[int, float] | None = None,
) -> list[tuple[int, set[int]]]:
    """Lazy greedy cover: repeatedly take the cluster with the most authors not yet covered,
    plus ``covered_weight`` per author an earlier theme already counted (a reflection can
    raise two things), times the cluster's ``weight``. Gains only shrink as rows get covered,
    so a popped cluster whose recomputed gain still beats the next one in the heap is the true
    best (no full rescan per pick)."""
    candidates = dict(clusters)
    if empty_rows:
        candidates[-1] = set(empty_rows)  # the "nothing to report" answers
    covered: set[int] = set()

    weight = weight or {}
    top = max(weight.values(), default=1.0)

    def gain(c: int) -> tuple[float, int, int]:
        rows = candidates[c] - covered
        new = len({authors[i] for i in rows})
        counted = len({authors[i] for i in candidates[c] & covered}) if covered else 0
        score = (new + preset.covered_weight * counted) * weight.get(c, top)
        return score, new, len(rows)

    heap = [(tuple(-g for g in gain(c)), c) for c in candidates]
    heapq.heapify(heap)
    chosen: list[tuple[int, set[int]]] = []
    limit = limit or len(candidates)
    while heap and len(chosen) < limit:
        _, c = heapq.heappop(heap)
        current = gain(c)
        if current[0] <= 0 or len({authors[i] for i in candidates[c]}) < preset.min_support:
            continue
        if heap and tuple(-g for g in current) > heap[0][0]:
            heapq.heappush(heap, (tuple(-g for g in current), c))
            continue
        rows = candidates[c] - covered
        # every person already counted: the theme is still described by its own reflections
        chosen.append((c, rows or set(candidates[c])))
        covered |= rows
    # Still room: themes whose people were all counted already, by their own support (a
    # reflection can raise two things; it still counts once per theme).
    if limit < len(candidates) and len(chosen) < limit:
        taken = {c for c, _ in chosen}
        rest = sorted(
            (c for c in candidates if c not in taken),
            key=lambda c: (-len({authors[i] for i in candidates[c]}), -len(candidates[c]), c),
        )
        for c in rest[: limit - len(chosen)]:
            if len({authors[i] for i in candidates[c]}) >= max(preset.min_support, 1):
                chosen.append((c, set(candidates[c])))
    return chosen


def _closeness(clusters, labels, key_vectors, phrases, vectors, preset) -> dict[int, float]:
    """How close each cluster is to what the group as a whole wrote about, raised to
    ``centre_power``, times how close it is to its own reflections, raised to ``own_power``:
    off-topic asides and side remarks rank below the subjects people actually raised."""
    if not (preset.centre_power or preset.own_power) or not len(key_vectors):
        return {}
    uses = np.array([len(u) for u in phrases.used_by], dtype=np.float32)
    if vectors is not None:
        group = vectors.mean(axis=0)
    else:
        group = (key_vectors * uses[:, None]).sum(axis=0)
    group = group / max(float(np.linalg.norm(group)), 1e-12)
    out = {}
    for c in clusters:
        inside = labels == c
        centre = (key_vectors[inside] * uses[inside][:, None]).sum(axis=0)
        centre = centre / max(float(np.linalg.norm(centre)), 1e-12)
        out[c] = max(float(centre @ group), preset.centre_floor) ** preset.centre_power
        if preset.own_power and vectors is not None:
            # ...and how much its reflections are about it ("the box" in a reflection about
            # running scripts is not what that person raised).
            own = float(np.mean(vectors[sorted(clusters[c])] @ centre))
            out[c] *= max(own, preset.centre_floor) ** preset.own_power
    return out


def _centre(
    key_vectors: np.ndarray, in_cluster: np.ndarray, phrases: _Phrases, rows: set[int]
) -> np.ndarray:
    keys = np.flatnonzero(in_cluster)
    weights = np.array([len(phrases.used_by[k] & rows) + 0.1 for k in keys], dtype=np.float32)
    centre = (key_vectors[keys] * weights[:, None]).sum(axis=0)
    return centre / max(float(np.linalg.norm(centre)), 1e-12)


def _soft_assign(
    n: int,
    empty: list[bool],
    members: dict[int, set[int]],
    centres: dict[int, np.ndarray],
    phrases: _Phrases,
    key_vectors: np.ndarray,
    vectors: np.ndarray | None,
    preset: Preset,
) -> None:
    """Reflections in no chosen theme join the most similar one above ``soft_threshold``."""
    if not centres:
        return
    taken = set().union(*members.values())
    loose = [i for i in range(n) if i not in taken and not empty[i]]
    if not loose:
        return
    ids = list(centres)
    matrix = np.stack([centres[c] for c in ids])
    for i in loose:
        if vectors is not None:
            own = vectors[i][None, :]
        elif phrases.of_reflection.get(i):
            own = key_vectors[phrases.of_reflection[i]]
        else:
            continue
        sims = (own @ matrix.T).max(axis=0)
        best = int(np.argmax(sims))
        if sims[best] >= preset.soft_threshold:
            members[ids[best]].add(i)
