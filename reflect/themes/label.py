"""Labels: each theme is named by one of its own phrases — the one most distinct authors used
(counting longer phrases that contain it) and closest to the theme's centre — extended to a
longer phrase ("matrix" -> "adjacency matrix") when enough of the same people wrote that."""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy as np

from reflect.themes.model import Phrase
from reflect.themes.things import RELATIONAL, names_a_thing
from reflect.themes.words import stem

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


def topic_label(
    phrases: list[tuple[Phrase, float, int]],
    people: int,
    min_people: int,
    typical: list[str],
    display: dict[str, str],
    proper: set[str] = frozenset(),
    related: Callable[[str, str], float] | None = None,
    nouns: frozenset[str] = frozenset(),
) -> Phrase | None:
    """An emerging topic's label. ``phrases``: ``(phrase, closeness to the topic's centre, how
    many of the topic's people wrote it)``; ``typical``: the topic's most typical words, best
    first. A phrase at least ``min_people`` of the topic's people wrote, close to the topic,
    is the label (2–4 words preferred; a lone word that needs a complement — "lack", "use" —
    is never one); when the topic's people share no phrase (each wrote it their own way) it
    is named by two of its most typical words that belong together (``related``: their
    cosine; ``RELATED``) — "coffee and canteen", not "laugh and director", which says the
    topic is a mixed bag, so it gets no label (None). Words people write as
    proper nouns (a product, a place) name a topic only when no other phrase does: a cluster
    of tool names is labelled by what the tools are for ("code editor", not one brand)."""
    common = [p for p in phrases if not set(p[0].text.split()) & proper]
    common_words = [w for w in typical if display[w] not in proper]
    if product := _dominant_product(phrases, common, min_people, typical, display):
        return product
    chosen = _by_phrase(common, people, min_people, common_words, display, nouns)
    if chosen is None and len(common) < len(phrases):
        # A product's own name ("jupyterlab") says more than two loosely typical words.
        chosen = _by_phrase(phrases, people, min_people, typical, display, nouns)
    if chosen is not None:
        return chosen
    typical = common_words if len(common_words) >= 2 else typical
    typical = _one_form_each([w for w in typical if w not in RELATIONAL], display)
    if not typical:
        return None
    if len(typical) == 1:
        word = display[typical[0]]
        return Phrase(word, frozenset()) if names_a_thing(word, nouns) else None
    first, second = (display[w] for w in typical[:2])
    # In the order people write them, with what stands between ("exploratory data analysis"
    # for "analysis" + "exploratory"), when some phrase holds both.
    for phrase, _, _ in sorted(phrases, key=lambda p: -p[2]):
        tokens = phrase.text.split()
        if first in tokens and second in tokens:
            i, j = sorted((tokens.index(first), tokens.index(second)))
            if 0 < j - i <= 2:
                return Phrase(" ".join(tokens[i : j + 1]), frozenset())
    words = _pair_that_belongs(typical, display, related, nouns)
    return Phrase(" and ".join(words), frozenset()) if words else None


# A product's name labels its topic when this many times as many of the topic's people wrote
# it as wrote any other phrase: the topic is that product (one tool everyone in it names), not
# what a cluster of tools is for.
DOMINANT = 2.0


def _dominant_product(phrases, common, min_people: int, typical, display) -> Phrase | None:
    """The product most of the topic's people name, if it is what the topic is about: one of
    its typical words, or close to its centre (as ``_by_phrase`` asks of any phrase)."""
    products = [p for p in phrases if p not in common and p[2] >= min_people]
    if not products:
        return None
    best = max(products, key=lambda p: p[2])
    others = [p[2] for p in phrases if p is not best and not _within(p[0].text, best[0].text)]
    top = {display[w] for w in typical[:6]}
    about = best[1] >= 0.5 or any(w in top for w in best[0].text.split())
    return best[0] if about and best[2] >= DOMINANT * max(others, default=0) else None


def _within(text: str, other: str) -> bool:
    """One phrase says part of the other ("sheetwise" in "sheetwise formulas")."""
    return f" {text} " in f" {other} " or f" {other} " in f" {text} "


def written_label(choose, phrases, written_by, min_people: int) -> Phrase | None:
    """``choose(phrases)`` (``topic_label``), until the label it picks from a phrase is one
    ``min_people`` wrote as such (``written_by``: ``WrittenAsSuch.by``), not only its words:
    a family of phrases is shown by one of them, and "night shift rota" for fifty people, three
    of whom wrote it, is close to quoting those three. A label of two typical words ("coffee
    and canteen", no people of its own) describes the topic and quotes no one."""
    label = choose(phrases)
    while label is not None and label.participants and written_by(label.text) < min_people:
        phrases = [p for p in phrases if p[0].text != label.text]
        label = choose(phrases)
    return label


# Words that share their first this many letters are forms of one word (after plurals fold).
FORMS_PREFIX = 6


def _one_form_each(words: list[str], display: dict[str, str]) -> list[str]:
    """The typical words without later forms of one already there: "listening" after
    "listener" would make the label "listener and listening"."""
    kept: list[str] = []
    for w in words:
        if not any(forms_of_one_word(display[w], display[k]) for k in kept):
            kept.append(w)
    return kept


def spelt_alike(a: str, b: str) -> bool:
    """Forms of one word, or one word inside the other ("night", "fortnight"): MiniLM finds
    such words close for their shared word pieces, and "fortnight and night" names nothing."""
    a, b = a.lower(), b.lower()
    return forms_of_one_word(a, b) or (min(len(a), len(b)) >= 4 and (a in b or b in a))


def forms_of_one_word(a: str, b: str) -> bool:
    # The same stem, or the same first FORMS_PREFIX letters ("listener", "listening";
    # "network", "networking"), not merely alike ("conference", "confidence").
    a, b = stem(a.lower()), stem(b.lower())
    if _root(a) == _root(b):  # "cleaning", "cleaners"
        return True
    return min(len(a), len(b)) >= FORMS_PREFIX and a[:FORMS_PREFIX] == b[:FORMS_PREFIX]


_ENDINGS = ("ings", "ing", "ers", "er", "ed")


def _root(word: str) -> str:
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


# Two typical words name a topic together only when they are this close (MiniLM cosine of the
# words alone): "network"/"intranet" 0.56, "coffee"/"canteen" 0.37, against 0.22-0.31 for the
# pairs of demo (dev) topics that mixed office life ("laugh"/"director", "grads"/"slack").
RELATED = 0.35
PAIR_CANDIDATES = 4  # the pair is looked for among the topic's most typical words


def _pair_that_belongs(typical, display, related, nouns=frozenset()) -> list[str] | None:
    """The most typical pair of the topic's first ``PAIR_CANDIDATES`` typical words that are
    both things (nouns or products, as a lone label must be) and related to each other;
    without ``related`` (no embedder at hand) the first two words."""
    words = [display[w] for w in typical[:PAIR_CANDIDATES]]
    if related is None:
        return words[:2]
    things = [w for w in words if names_a_thing(w, nouns)]
    for j in range(1, len(things)):
        for i in range(j):
            if spelt_alike(things[i], things[j]):
                continue
            if related(things[i], things[j]) >= RELATED:
                return [things[i], things[j]]
    return None


# A phrase made of a topic's typical words keeps the label against a better-scoring phrase
# until it scores less than this share of that phrase's score.
TYPICAL_GIVES_WAY = 0.5
# A phrase names a topic only when it is close to what the topic's people wrote or many of
# them wrote it (cosine to the centre x the root of the share of its people who wrote it):
# "progress bar", written by 5 of 44 people about reports and results, at cosine 0.43, scores
# 0.14 (Jupyter survey, dev); "exploratory data analysis", 5 of 48 at 0.82, scores 0.26.
NAMES_TOPIC = 0.18


def _by_phrase(
    phrases: list[tuple[Phrase, float, int]],
    people: int,
    min_people: int,
    typical: list[str],
    display: dict[str, str],
    nouns: frozenset[str] = frozenset(),
) -> Phrase | None:
    """``topic_label``'s choice among phrases, or None when no phrase both ``min_people`` of
    the topic's people wrote and says what the topic is about."""

    def usable(phrase: Phrase, inside: int) -> bool:
        words = phrase.text.split()
        if inside < min_people or not words:
            return False
        if len(words) == 1 and (len(words[0]) < 3 or not names_a_thing(words[0], nouns)):
            return False
        return not phrase.text.endswith("-") and not phrase.text.startswith("-")

    def names_topic(item: tuple[Phrase, float, int]) -> float:
        _, closeness, inside = item
        return max(closeness, 0.0) * (inside / max(people, 1)) ** 0.5

    def score(item: tuple[Phrase, float, int]) -> float:
        n_words = len(item[0].text.split())
        length = 1.0 if 2 <= n_words <= 4 else (0.8 if n_words == 1 else 0.6)
        return names_topic(item) * length

    phrases = [p for p in phrases if names_topic(p) >= NAMES_TOPIC]
    ranked = sorted((p for p in phrases if usable(p[0], p[2])), key=score, reverse=True)
    typical = [w for w in typical if w not in RELATIONAL]
    # Compared as stems: "thanks" is the typical word "thank" as people wrote it.
    top = {display[w] for w in typical[:6]} | set(typical[:6])

    def in_top(word: str) -> bool:
        return word in top or stem(word) in top

    # A phrase made of the topic's typical words ("exploratory analysis", "version control")
    # names it best; like every shown phrase it needs ``min_people`` of the topic's people.
    made_of_typical = [
        (phrase, closeness, inside)
        for phrase, closeness, inside in phrases
        if inside >= min_people
        and 2 <= len(phrase.text.split()) <= 4
        and sum(in_top(w) for w in phrase.text.split()) >= 2
    ]
    best = max(made_of_typical, key=lambda p: (p[2], p[1])) if made_of_typical else None
    # ...unless a phrase scores far better: "queue sorting" (8 of 100 people) does not name a
    # topic where 45 wrote "queues", close to its centre.
    if best and (not ranked or score(best) >= TYPICAL_GIVES_WAY * score(ranked[0])):
        return best[0]
    if ranked and (
        not typical or any(map(in_top, ranked[0][0].text.split())) or ranked[0][1] >= 0.5
    ):
        return ranked[0][0]
    return None


def family_phrases(
    keys: list[str],
    display: dict[str, str],
    writers: dict[str, set],
    families: np.ndarray,
    closeness: np.ndarray,
    shown: Callable[[str], bool] = lambda text: True,
    extend_ratio: float = 0.5,
) -> list[tuple[Phrase, float, int]]:
    """One phrase per family of phrases that say the same thing ("exploratory analysis",
    "data exploration"; ``families``: a cluster id per key), for ``topic_label``: the family's
    people are everyone who wrote one of its phrases, as the engine counts a theme, and it is
    shown as the phrase most of them wrote (a phrase counts the people of the longer phrases
    containing it), grown into a longer one only when ``extend_ratio`` of those wrote it
    (``choose_label``; half, not the engine's 0.3: a topic's label speaks for all of its
    people), so "mechanical engineer" does not speak for all engineers.
    ``writers``: key -> the topic's people who wrote it; ``closeness``: each key's cosine to
    the topic's centre; ``shown``: whether a phrase could be shown at all (a family none of
    whose phrases could is left out). Returns ``(phrase, closeness, people)``."""
    members: dict[int, list[int]] = {}
    for n, (key, family) in enumerate(zip(keys, families, strict=True)):
        if writers[key]:
            members.setdefault(int(family), []).append(n)
    out = []
    for family in members.values():
        words = {keys[n]: set(keys[n].split()) for n in family}
        people = {
            keys[n]: set().union(*(writers[k] for k, w in words.items() if words[keys[n]] <= w))
            for n in family
        }
        centrality = {keys[n]: float(closeness[n]) for n in family}
        options = [keys[n] for n in family if shown(display[keys[n]])]
        if not options:
            continue
        best = choose_label(options, people, centrality, extend_ratio, 1.0)
        said = frozenset().union(*(writers[keys[n]] for n in family))
        out.append((Phrase(display[best], said), centrality[best], len(said)))
    return out
