"""Emerging themes: topics people raised that the taxonomy does not explain, found among
*sentences*, not whole answers — "the room was double booked again" is one sentence of an
answer whose other sentences are about trust, and it still belongs to a scheduling topic.

1. every answer that says something is split into sentences (an answer too short to split is
   one sentence); each sentence is embedded (cached like any text);
2. sentences the taxonomy explains (mean cosine to a theme's nearest seeds at least
   ``EXPLAINED``, decided sentence by sentence, not by whichever themes the assigner gave the
   answer) are set aside; with no taxonomy nothing is;
3. the rest are clustered by meaning on their k-nearest-neighbour graph (the communities that
   several runs of Leiden from different seeds agree on):
   a topic is a region of sentences that are each other's neighbours, so "rescheduled
   twice", "the room was double booked" and "their diary is a nightmare" can meet through
   the sentences between them, which no single noun would join;
4. a topic is named by the phrase of its sentences that most of its people wrote and that is
   closest to what they wrote (``label.topic_label``: 2–4 words preferred, never a fragment,
   never words next to a redaction placeholder, every word written by k people so the
   report can show it); phrases that say the same thing ("exploratory analysis", "data
   exploration": a ``FAMILY`` of near phrases, as the engine clusters them) count their
   people together (``label.family_phrases``); topics whose labels say the same thing are
   merged; a topic a theme of the taxonomy already covers is dropped;
5. support is the distinct people with a sentence in the topic.

Large programmes: the graph is built on at most ``MAX_DISCOVERY`` sentences (a stable,
hash-chosen sample); the other sentences join the topic whose centre they are closest to,
when close enough.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from functools import partial

import numpy as np

from reflect.themes.candidates import prompt_words
from reflect.themes.cluster import cluster_points
from reflect.themes.communities import consensus_communities
from reflect.themes.empty import is_empty_answer
from reflect.themes.label import (
    family_phrases,
    forms_of_one_word,
    topic_label,
    written_label,
)
from reflect.themes.model import Phrase
from reflect.themes.things import names_a_thing
from reflect.themes.topic_words import (
    COHERENCE,
    as_commonly_spelt,
    closest_first,
    phrase_pool,
    widened,
    with_typical_pairs,
    with_typical_words,
    written_together,
)
from reflect.themes.words import (
    TOKEN,
    WordUse,
    WrittenAsSuch,
    WrittenBy,
    folded,
    question_roots,
    root,
    stem,
)

Embed = Callable[[Sequence[str]], np.ndarray]

# A sentence at least this close to a taxonomy theme (mean cosine to its 3 nearest seeds) is
# explained by it. Demo dev: 0.32 keeps 70 of the 86 scheduling and 60 of the 75
# sustainability sentences while setting aside 42% of the others.
EXPLAINED = 0.32
# ...and a topic whose centre is this close to a theme is that theme's subject (a centre is
# the mean of many sentences, so it sits closer to every theme than its sentences do).
CENTRE_EXPLAINED = 0.45
MAX_DISCOVERY = 4000
# A sentence outside the discovery sample, or in a community too small to be a topic, joins
# the nearest topic centre at this cosine.
JOIN = 0.5
# Topics whose labels (or centres) are this close are one topic said two ways.
SAME_TOPIC = 0.7
# ...and so are topics whose centres are this close when one label is part of the other
# ("cell" and "code cells": dev, Jupyter survey, labels 0.58 apart by cosine, centres 0.66).
PART_OF = 0.6
# A label is a topic's own when this share of the people who wrote it anywhere are the
# topic's: its other writers raised the topic too.
OWN_LABEL = 2 / 3
MIN_SENTENCE_WORDS = 4
MAX_WORDS = 12
# Phrases this close (cosine distance, average linkage) are one family: the engine's preset
# distance, at which it clusters phrases into themes.
FAMILY = 0.4


@dataclass
class EmergingTopic:
    label: str
    members: list[int]  # answer positions
    phrases: list[Phrase] = field(default_factory=list)  # best first; the label first
    centre: np.ndarray | None = None
    # The label describes the topic ("coffee and canteen") rather than repeating a phrase
    # k of its people wrote: it names this topic and is no phrase of another.
    described: bool = False


def split_answer(text: str) -> list[str]:
    """The answer's sentences of ``MIN_SENTENCE_WORDS`` words or more, or the whole answer."""
    from reflect.themes.assign import split_sentences  # one splitter for assign and here

    pieces = [p for p in split_sentences(text) if len(p.split()) >= MIN_SENTENCE_WORDS]
    return pieces or [text.strip()]


def find_emerging(
    texts: Sequence[str],
    authors: Sequence[Hashable],
    embed: Embed,
    explained: Callable[[np.ndarray], np.ndarray] | None,
    min_support: int,
    prompt: str = "",
    max_topics: int = 15,
    questions: Sequence[str] | None = None,
) -> list[EmergingTopic]:
    """Emerging topics of a programme, most supported first. ``explained``: each sentence
    vector's best taxonomy score (None: no taxonomy). ``questions``: each answer's question,
    whose words its answer echoes rather than names a topic by."""
    rows, sentences = [], []
    for i, text in enumerate(texts):
        if text and not is_empty_answer(text):
            for s in split_answer(text):
                rows.append(i)
                sentences.append(s)
    if not sentences:
        return []
    vectors = embed(sentences)
    keep = np.ones(len(sentences), dtype=bool)
    if explained is not None:
        keep = explained(vectors) < EXPLAINED
    open_ = np.flatnonzero(keep)
    if len(open_) < min_support:
        return []
    sample = _sample(open_, sentences)
    communities = consensus_communities(vectors[sample])
    # A topic is a community of k people or more; it is named from its own sentences. The
    # other open sentences (outside the sample, or in a community too small to be a topic)
    # count for the topic whose centre is nearest, if close enough.
    topics: list[tuple[np.ndarray, np.ndarray]] = []  # (sentence indices, centre)
    for community in communities:
        idx = sample[community]
        if len({authors[rows[s]] for s in idx}) >= max(min_support, 2):
            topics.append((idx, _unit(vectors[idx].mean(axis=0))))
    placed = np.concatenate([idx for idx, _ in topics]) if topics else sample[:0]
    joined = _join_rest(open_, placed, vectors, [c for _, c in topics])

    centre_scores = (
        explained(np.stack([c for _, c in topics])) if explained is not None and topics else None
    )
    found = []
    for n, (idx, centre) in enumerate(topics):
        if centre_scores is not None and centre_scores[n] >= CENTRE_EXPLAINED:
            continue  # the taxonomy's own subject, said in other words
        members = sorted({rows[s] for s in idx} | {rows[s] for s in joined[n]})
        found.append((idx, centre, members))
    # Words of the programme's framing ("mentor") and of each answer's own question.
    framing = frozenset(root(w) for w in prompt_words(prompt))
    asked = questions or [""] * len(texts)
    roots = {q: framing | question_roots(q) for q in set(asked)}
    echoes = [roots[q] for q in asked]
    pool = phrase_pool(sorted({s for idx, _, _ in found for s in idx}), rows, sentences,
                       texts, authors, prompt, echoes)  # fmt: skip
    # Typical words are the words of its phrases (nouns, verbs with their objects): "sense",
    # "easier" or "he'd" say how people wrote, not what about.
    topical = {stem(w) for text, _ in pool.values() for w in TOKEN.findall(text)}
    words = WordUse(sentences, rows, authors, sorted(set(open_.tolist())), topical, echoes)
    written = WrittenBy(texts, authors)
    as_such = WrittenAsSuch(texts, authors)

    def usable(text: str) -> bool:  # every word written by k people: the report can show it
        return written.common(text, min_support)

    def related(a: str, b: str) -> float:
        first, second = embed([a, b])
        return float(first @ second)

    pool_keys = [k for k in pool if len(pool[k][1]) >= 2]
    pool_vectors = embed([pool[k][0] for k in pool_keys]) if pool_keys else None
    families = cluster_points(pool_vectors, FAMILY) if pool_vectors is not None else None
    pool_display = {k: pool[k][0] for k in pool_keys}
    topics_out = []
    for idx, centre, members in found:
        people = {authors[i] for i in members}
        typical = closest_first(words.typical(idx)[:MAX_WORDS], words.display, centre, embed)
        covered = set().union(*(words.users_in(w, idx) for w in typical[:3])) if typical else set()
        if len(covered) < max(min_support, COHERENCE * len({words.author[s] for s in idx})):
            continue  # no words its people share: a mixed bag, not a topic
        scored = []
        if pool_vectors is not None:
            writers = {k: pool[k][1] & people for k in pool_keys}
            scored = family_phrases(
                pool_keys, pool_display, writers, families, pool_vectors @ centre, usable
            )
        scored = with_typical_words(scored, typical, words, idx, centre, embed, usable, prompt)
        scored = as_commonly_spelt(scored, words, usable)
        named = [w for w in typical if usable(words.display[w])]  # the words a label may use
        scored = with_typical_pairs(scored, named, words, as_such.writers, frozenset(people),
                                    centre, embed, min_support)  # fmt: skip
        choose = partial(topic_label, people=len(people), min_people=min_support, typical=named,
                         display=words.display, proper=words.proper, related=related,
                         nouns=words.nouns)  # fmt: skip
        label = written_label(choose, scored, as_such.by, min_support)
        if label is None:
            continue
        # The label's people: the topic's people who wrote it (or, for a label made of
        # typical words, any of them in any form: "listener" counts "listening" too).
        label_people = label.participants & frozenset(people)
        if not label_people:
            label_people = frozenset().union(
                *(words.users_in(w, idx) for w, shown in words.display.items()
                  if any(forms_of_one_word(shown, part) for part in label.text.split()))
            )  # fmt: skip
        label = Phrase(label.text, label_people)
        own = [
            Phrase(words.display[w], frozenset(words.users_in(w, idx)))
            for w in typical[:MAX_WORDS]
            # "use", "lack", "small": nothing on their own, and shown when the label cannot be
            if names_a_thing(words.display[w], words.nouns)
        ]
        own = written_together(own, as_such.writers, frozenset(people), min_support, label.text)
        label = widened(label, own, words.proper, related, usable, min_support)
        in_label = set(label.text.split(" and "))
        ranked = [label] + [p for p in own if p.text != label.text and p.text not in in_label]
        described = as_such.by(label.text) < min_support  # "coffee and canteen": nobody's words
        members, named_by = _with_label_writers(members, label.text, as_such, people, authors)
        ranked[0] = Phrase(label.text, label.participants | named_by)
        topics_out.append(EmergingTopic(label.text, members, ranked, centre, described))
    merged = _merge_same(topics_out, embed, authors)
    merged.sort(key=lambda t: (-len({authors[i] for i in t.members}), t.label))
    return merged[:max_topics]


def _unit(v: np.ndarray) -> np.ndarray:
    return v / max(float(np.linalg.norm(v)), 1e-12)


def _sample(open_: np.ndarray, sentences: Sequence[str]) -> np.ndarray:
    """At most ``MAX_DISCOVERY`` sentences, chosen by a hash of their text (stable when
    answers are added)."""
    if len(open_) <= MAX_DISCOVERY:
        return open_
    ranked = sorted(open_.tolist(), key=lambda i: (zlib.crc32(sentences[i].encode()), i))
    return np.array(sorted(ranked[:MAX_DISCOVERY]))


def _join_rest(open_, placed, vectors, centres) -> list[list[int]]:
    """For each topic centre, the open sentences outside every topic that are nearest to it,
    at ``JOIN`` or closer."""
    joined: list[list[int]] = [[] for _ in centres]
    rest = np.setdiff1d(open_, placed)
    if not len(rest) or not centres:
        return joined
    centres = np.stack(centres)
    for start in range(0, len(rest), 4096):
        chunk = rest[start : start + 4096]
        sims = vectors[chunk] @ centres.T
        best = sims.argmax(axis=1)
        for s, b, value in zip(chunk, best, sims[np.arange(len(chunk)), best], strict=True):
            if value >= JOIN:
                joined[int(b)].append(int(s))
    return joined


def _with_label_writers(members, label: str, as_such, people: set, authors):
    """The topic's answers and every other answer that names it by its label (each part of a
    described label: "sustainability", "climate") when the label is the topic's own — most
    of the people who wrote it anywhere are the topic's. The sentences of one subject scatter
    over communities of style ("she said...", "we agreed..."), and a sentence a taxonomy
    theme explains is set aside before clustering, so the topic misses some who named it."""
    found, named_by = set(members), set()
    for part in label.split(" and "):
        answers = as_such.answers(part)
        writers = {authors[i] for i in answers}
        if writers and len(writers & people) >= OWN_LABEL * len(writers):
            found |= answers
            named_by |= writers
    return sorted(found), frozenset(named_by)


def _part_of(a: str, b: str) -> bool:
    """One label's words are all words of the other ("cell", "code cells")."""
    first, second = set(folded(a).split()), set(folded(b).split())
    return bool(first and second) and (first <= second or second <= first)


def _merge_same(topics: list[EmergingTopic], embed: Embed, authors) -> list[EmergingTopic]:
    """Topics whose labels mean the same ("inline plots", "inline graphics"), or whose centres
    are close and one label is part of the other ("cell", "code cells"), become one."""
    if len(topics) < 2:
        return topics
    labels = embed([t.label for t in topics])
    order = sorted(range(len(topics)), key=lambda i: -len({authors[r] for r in topics[i].members}))
    kept: list[int] = []
    for i in order:
        same = [
            j
            for j in kept
            if float(labels[i] @ labels[j]) >= SAME_TOPIC
            or float(topics[i].centre @ topics[j].centre) >= SAME_TOPIC + 0.1
            or (
                _part_of(topics[i].label, topics[j].label)
                and float(topics[i].centre @ topics[j].centre) >= PART_OF
            )
        ]
        # The one it is most like, not the largest: "classic notebook" joins "notebook".
        target = max(same, key=lambda j: float(labels[i] @ labels[j]), default=None)
        if target is None:
            kept.append(i)
            continue
        head, part = topics[target], topics[i]
        head.members = sorted(set(head.members) | set(part.members))
        people: dict[str, set] = {p.text: set(p.participants) for p in head.phrases}
        for p in part.phrases:
            if part.described and p.text == part.label:
                continue  # a description of the merged topic, not words its people wrote
            people.setdefault(p.text, set()).update(p.participants)
        head.phrases = [Phrase(t, frozenset(who)) for t, who in people.items()]
        head.phrases.sort(key=lambda p: (p.text != head.label, -len(p.participants)))
    return [topics[i] for i in kept]
