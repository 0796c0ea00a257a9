"""Taxonomy assignment: which of the analyst's themes each answer raises.

A reflection often raises several things ("she showed me Teams; I was nervous to challenge
her"), so the whole answer and each of its sentences are scored against every theme:

- by meaning: the mean cosine to the theme's ``TOP_K`` nearest seeds (its label, description
  and seed phrases, plus the answers an analyst taught it: ``teach.py``);
- by wording: the share of the label's words the answer uses, each word weighted by how rare it
  is among the answers (an analyst who labels a theme "Blockchain" means answers that say so;
  "working" in "Hybrid working" says little in a survey about work).

A sentence belongs to the themes scoring at least ``THRESHOLD`` and within ``MARGIN`` of its
best; an answer belongs to every theme its text or one of its sentences belongs to. What kind
of answer it is decides which themes it may join at all:

- an answer saying there is nothing to report ("n/a", "nothing was confusing") raises no topic;
  it joins the taxonomy's ``nothing`` theme if there is one (else the built-in "No concerns");
- an answer is counted only for themes of the stance its question asked for (``stance.py``);
- an answer with a topic that no theme takes joins the taxonomy's ``other`` theme if there is one.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from reflect.themes.empty import is_empty_answer
from reflect.themes.stance import allows, prompt_stance
from reflect.themes.taxonomy import TaxonomyTheme

Embed = Callable[[Sequence[str]], np.ndarray]

# Calibrated on the demo corpus and ReflectSumm dev (benchmarks/taxonomy.py, assign.py);
# see README "Themes".
THRESHOLD = 0.30  # evidence a sentence needs for a theme
MARGIN = 0.03  # ...and no more than this below the sentence's best theme
TOP_K = 3  # several seeds must agree: one loose seed match is not a theme
LEXICAL_WEIGHT = 0.2  # an answer using all of a label's words gains this much evidence
MIN_SENTENCE_WORDS = 4  # shorter fragments ("Good.", "Thanks!") are judged with their text

_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+|\s+[-–—]+\s+|\n+")
_WORD = re.compile(r"[a-z0-9]+")
# Words that carry no topic in a label ("Related to the quiz", "Issues with X").
_LABEL_STOP = frozenset(
    re.findall(
        r"\w+",
        """a an and are as at be by for from in into is it of on or the to with without about
        related regarding re other others general various more less very""",
    )
)


@dataclass
class Assignment:
    """``membership``: answers x themes. ``scores``: answers x themes, the strongest evidence
    for each theme in the answer (its text or one of its sentences). ``decisive``: the evidence
    a membership is decided on — the strongest from a unit (text or sentence) for which the
    theme is within ``MARGIN`` of the unit's best, -inf where there is none; an answer joins a
    topic theme when it reaches the theme's threshold. ``topical``: the answers that raise a
    topic at all (not "nothing to report")."""

    membership: np.ndarray
    scores: np.ndarray
    decisive: np.ndarray
    topical: np.ndarray


def split_sentences(text: str) -> list[str]:
    parts = [p.strip() for p in _SENTENCE_END.split(text) if p and p.strip()]
    return [p for p in parts if len(p.split()) >= MIN_SENTENCE_WORDS]


def assign_taxonomy(
    vectors: np.ndarray,
    taxonomy: list[TaxonomyTheme],
    embed: Embed,
    texts: Sequence[str] | None = None,
    prompts: Sequence[str] | None = None,
    teaching=None,
) -> np.ndarray:
    """Boolean matrix (answers x themes); see ``assign_themes``."""
    return assign_themes(vectors, taxonomy, embed, texts, prompts, teaching).membership


def assign_themes(
    vectors: np.ndarray,
    taxonomy: list[TaxonomyTheme],
    embed: Embed,
    texts: Sequence[str] | None = None,
    prompts: Sequence[str] | None = None,
    teaching=None,
) -> Assignment:
    """Assign answers to themes. ``vectors``: the answers' embeddings. With ``texts``,
    sentences are scored one by one (their vectors come from ``embed``, cached like any text)
    and label words count; ``prompts``: each answer's question (its stance decides which
    themes it may join); ``teaching``: the analyst's confirmed and rejected answers
    (``teach.Teaching``), which move each theme's threshold and decide the answers judged."""
    n, n_themes = len(vectors), len(taxonomy)
    evidence = Evidence(taxonomy, embed, texts, teaching)
    if teaching is not None and n and n_themes:
        # Each theme's evidence shifted by how far this data's judged answers put its edge
        # from the default threshold: a theme that takes too much loses the sentences it
        # shares with another, one that takes too little wins them.
        evidence.bias = THRESHOLD - teaching.thresholds(evidence, THRESHOLD)
    found = evidence.of(vectors, texts, prompts)
    kinds = np.array([t.kind for t in taxonomy])
    membership = (found.decisive >= THRESHOLD) & (kinds == "topic")[None, :]
    found.membership = membership
    if n and n_themes:
        _fill(
            membership, found.scores, found.allowed & (kinds == "nothing") & ~found.topical[:, None]
        )
        residual = found.topical & ~membership[:, kinds == "topic"].any(axis=1)
        _fill(membership, found.scores, found.allowed & (kinds == "other") & residual[:, None])
    if teaching is not None and texts is not None:
        teaching.apply_verdicts(membership, texts, [t.id for t in taxonomy])
    return Assignment(membership, found.scores, found.decisive, found.topical)


@dataclass
class _Found:
    scores: np.ndarray
    decisive: np.ndarray
    topical: np.ndarray
    allowed: np.ndarray
    membership: np.ndarray | None = None


class Evidence:
    """Scores answers against one taxonomy: built once per run (the seeds are embedded once),
    asked for the programme's answers and for the answers an analyst judged."""

    def __init__(self, taxonomy, embed: Embed, answers: Sequence[str] | None, teaching=None):
        self.taxonomy, self.embed = taxonomy, embed
        self.kinds = np.array([t.kind for t in taxonomy])
        self.bias = np.zeros(len(taxonomy), dtype=np.float32)
        self._words = _LabelWords(taxonomy, answers or [])
        if taxonomy:
            seeds, owner = _seeds(taxonomy)
            self.seed_vectors, self.owner = embed(seeds), owner
        self.learnt = (
            teaching.example_evidence([t.id for t in taxonomy], self.seed_vectors, self.owner)
            if teaching is not None and taxonomy
            else None
        )

    def of(self, vectors, texts=None, prompts=None) -> _Found:
        n, n_themes = len(vectors), len(self.taxonomy)
        topical = (
            np.array([not is_empty_answer(t) for t in texts], dtype=bool)
            if texts is not None
            else np.ones(n, dtype=bool)
        )
        allowed = _allowed(self.taxonomy, prompts, n)
        if n == 0 or n_themes == 0:
            zeros = np.zeros((n, n_themes), dtype=np.float32)
            return _Found(zeros, np.full_like(zeros, -np.inf), topical, allowed)
        rows, unit_vectors, unit_texts = _units(vectors, texts, self.embed)
        scores = _scores(unit_vectors @ self.seed_vectors.T, self.owner, n_themes)
        if unit_texts is not None:
            scores += LEXICAL_WEIGHT * self._words.used(unit_texts)
        if self.learnt is not None:
            scores += self.learnt.decision_function(unit_vectors)
        scores += self.bias[None, :]
        eligible = allowed & (self.kinds == "topic")[None, :] & topical[:, None]
        masked = np.where(eligible[rows], scores, -np.inf)
        unit_best = masked.max(axis=1, keepdims=True)
        decisive_units = np.where(masked >= unit_best - MARGIN, masked, -np.inf)
        best = np.full((n, n_themes), -np.inf, dtype=np.float32)
        np.maximum.at(best, rows, scores)
        decisive = np.full((n, n_themes), -np.inf, dtype=np.float32)
        np.maximum.at(decisive, rows, decisive_units.astype(np.float32))
        return _Found(best, decisive, topical, allowed)


def _units(vectors, texts, embed):
    """Every answer, then every sentence of a multi-sentence answer: (answer row, vector,
    text) of each."""
    n = len(vectors)
    if texts is None:
        return np.arange(n), vectors, None
    pieces = [(i, s) for i, text in enumerate(texts) for s in split_sentences(text)]
    pieces = [(i, s) for i, s in pieces if s != texts[i].strip()]
    if not pieces:
        return np.arange(n), vectors, list(texts)
    rows = np.concatenate([np.arange(n), np.array([i for i, _ in pieces])])
    sentence_vectors = embed([s for _, s in pieces])
    return rows, np.vstack([vectors, sentence_vectors]), [*texts, *(s for _, s in pieces)]


def _allowed(taxonomy, prompts, n) -> np.ndarray:
    """Answers x themes: may the answer join the theme, given its question's stance?"""
    if prompts is None:
        return np.ones((n, len(taxonomy)), dtype=bool)
    stances = {p: prompt_stance(p) for p in set(prompts)}
    by_prompt = {
        p: np.array([allows(t.stance, s) for t in taxonomy]) for p, s in stances.items()
    }  # fmt: skip
    return np.stack([by_prompt[p] for p in prompts])


def _fill(membership: np.ndarray, scores: np.ndarray, eligible: np.ndarray) -> None:
    """Each eligible answer joins the best-scoring of the themes it is eligible for."""
    rows = np.flatnonzero(eligible.any(axis=1))
    if len(rows):
        masked = np.where(eligible[rows], scores[rows], -np.inf)
        membership[rows, masked.argmax(axis=1)] = True


def _seeds(taxonomy: list[TaxonomyTheme]) -> tuple[list[str], np.ndarray]:
    """Every theme's seed texts, and the theme index of each."""
    seeds = [s for t in taxonomy for s in _seed_texts(t)]
    return seeds, np.array([j for j, t in enumerate(taxonomy) for _ in _seed_texts(t)])


def _seed_texts(theme: TaxonomyTheme) -> list[str]:
    return [theme.label, *([theme.description] if theme.description else []), *theme.seeds]


def theme_scores(vectors: np.ndarray, taxonomy: list[TaxonomyTheme], embed: Embed) -> np.ndarray:
    """Texts x themes: the mean cosine to each theme's TOP_K nearest seeds."""
    seeds, owner = _seeds(taxonomy)
    return _scores(vectors @ embed(seeds).T, owner, len(taxonomy))


def _scores(sims: np.ndarray, owner: np.ndarray, n_themes: int) -> np.ndarray:
    per_theme = np.full((len(sims), n_themes), -1.0, dtype=np.float32)
    for j in range(n_themes):
        own = sims[:, owner == j]
        if own.shape[1]:
            per_theme[:, j] = np.sort(own, axis=1)[:, -TOP_K:].mean(axis=1)
    return per_theme


def _words(text: str) -> set[str]:
    # The first five letters: "plots"/"plotting", "visual"/"visualization" meet, while
    # words stay apart.
    return {w[:5] for w in _WORD.findall(text.lower()) if w not in _LABEL_STOP and len(w) > 1}


class _LabelWords:
    """Units x themes: the share of a label's words a unit uses, each word weighted by its
    inverse document frequency among the programme's answers. ``nothing`` and ``other``
    themes have no topic words."""

    def __init__(self, taxonomy: list[TaxonomyTheme], answers: Sequence[str]):
        frequency = Counter(w for text in answers for w in _words(text))

        def weight(word: str) -> float:
            return float(np.log((len(answers) + 1) / (frequency[word] + 1)))

        labels = [_words(t.label) if t.kind == "topic" else set() for t in taxonomy]
        self.vocabulary = {w: k for k, w in enumerate(sorted(set().union(set(), *labels)))}
        # word x theme: the word's weight as a share of its label's total
        self.shares = np.zeros((len(self.vocabulary), len(taxonomy)), dtype=np.float32)
        for j, words in enumerate(labels):
            total = sum(weight(w) for w in words)
            for w in words if total > 0 else ():
                self.shares[self.vocabulary[w], j] = weight(w) / total

    def used(self, unit_texts: Sequence[str]) -> np.ndarray:
        present = np.zeros((len(unit_texts), len(self.vocabulary)), dtype=np.float32)
        for i, text in enumerate(unit_texts):
            for w in _words(text):
                if (k := self.vocabulary.get(w)) is not None:
                    present[i, k] = 1.0
        return present @ self.shares
