"""Choosing a group's themes among its phrase clusters: a greedy cover of the group's authors
weighted by each cluster's closeness to what the group wrote about, and the soft assignment
of reflections that named no chosen phrase to the theme they are most similar to."""

from __future__ import annotations

import heapq
from collections.abc import Hashable, Sequence

import numpy as np

from reflect.themes.phrases import GroupPhrases
from reflect.themes.presets import Preset


def greedy(
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


def closeness(clusters, labels, key_vectors, phrases, vectors, preset) -> dict[int, float]:
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


def centre(
    key_vectors: np.ndarray, in_cluster: np.ndarray, phrases: GroupPhrases, rows: set[int]
) -> np.ndarray:
    keys = np.flatnonzero(in_cluster)
    weights = np.array([len(phrases.used_by[k] & rows) + 0.1 for k in keys], dtype=np.float32)
    centre = (key_vectors[keys] * weights[:, None]).sum(axis=0)
    return centre / max(float(np.linalg.norm(centre)), 1e-12)


def soft_assign(
    n: int,
    empty: list[bool],
    members: dict[int, set[int]],
    centres: dict[int, np.ndarray],
    phrases: GroupPhrases,
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
