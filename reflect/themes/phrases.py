"""A group's phrases: which reflections are parsed (a deterministic sample when there are
many), the distinct candidate phrases they use, and a theme's phrases ranked for display with
its label chosen — grown into a longer phrase when most of its people share the extra words."""

from __future__ import annotations

import zlib
from collections import Counter
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass

import numpy as np

from reflect.themes.candidates import extract_candidates
from reflect.themes.empty import is_empty_answer
from reflect.themes.label import centralities, choose_label
from reflect.themes.model import Phrase
from reflect.themes.presets import Preset

MAX_PHRASES = 20


@dataclass
class GroupPhrases:
    """The distinct phrases of a set of reflections."""

    keys: list[str]
    display: list[str]
    used_by: list[set[int]]  # reflection positions using each key
    of_reflection: dict[int, list[int]]  # reflection position -> key indices
    clause: list[bool]  # written only as a verb clause ("finding bin width")


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


def collect(
    texts: Sequence[str],
    rows: list[int],
    prompt: str,
    clauses: bool,
    skip: Callable[[str], bool] | None = None,
) -> GroupPhrases:
    """``skip``: candidate keys left out (a theme's own words, when its sub-themes are found)."""
    parsed = extract_candidates([texts[i] for i in rows], prompt)
    index: dict[str, int] = {}
    surface: list[Counter] = []
    used_by: list[set[int]] = []
    of_reflection: dict[int, list[int]] = {}
    clause: list[bool] = []
    for i, result in zip(rows, parsed, strict=True):
        for cand in result.candidates:
            if (cand.clause and not clauses) or (skip is not None and skip(cand.key)):
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
    return GroupPhrases(keys, display, used_by, of_reflection, clause)


def describe(
    keys: list[int],
    rows: set[int],
    phrases: GroupPhrases,
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
    phrases: GroupPhrases,
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
