"""Taxonomy assignment: which of the analyst's themes each answer raises.

An answer often raises several things, so it and each of its sentences are scored by theme:

- by meaning: the mean cosine to the theme's ``TOP_K`` nearest seeds (its label, description
  and seed phrases, plus the answers an analyst taught it: ``teach.py``);
- by wording: the share of the label's words the answer uses, each word weighted by how rare it
  is among the answers (an analyst who labels a theme "Blockchain" means answers that say so;
  "working" in "Hybrid working" says little in a survey about work).

A sentence belongs to the themes scoring at least ``THRESHOLD`` and within ``MARGIN`` of its
best; an answer belongs to every theme its text or one of its sentences belongs to, and to every
theme whose label words it uses (``NAMED_SHARE``: "I liked the pivot tables in Excel" raises
"Working with Excel" as well as "Pivot tables"). Each answer is judged by its own text: no
threshold is fitted to the programme's answers. Until December 2026 each theme's evidence was
moved towards the taxonomy's typical score, then evened out to the median theme's rate of
taking answers clearly about others, and each sentence was checked against centroids learnt
from the run's clear answers. Without the three, thirteen exports (three written blind) read
a mean share MAE of 13.6 points against 16.7 and macro F1 0.545 against 0.517 (each as good
or better but the demo, 11.1 -> 12.7; README "Themes"); ReflectSumm dev lost a little (F1
0.762 -> 0.754, share MAE 6.02 -> 6.42). Fitted on the programme, one person's answers also
moved up to 11 others between themes (red team, stop 41). What kind of answer it is decides
which themes it may join at all:

- an answer saying there is nothing to report ("n/a", "nothing was confusing") raises no topic;
  it joins the taxonomy's ``nothing`` theme if there is one (else the built-in "No concerns"),
  and so does one that *starts* by saying so ("Nothing was confusing. We worked on the
  project."), beside any topic it goes on to raise;
- an answer is counted only for themes of the stance its question asked for (``stance.py``);
- an answer with a topic that no theme takes joins the taxonomy's ``other`` theme if there is one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from reflect.defaults import MIN_GROUP_SIZE
from reflect.themes.empty import is_empty_answer, is_nothing_to_report, leads_with_nothing
from reflect.themes.label_words import LabelWords, common_texts
from reflect.themes.seeds import nearest_seeds, seeds_of
from reflect.themes.stance import allows, prompt_stance
from reflect.themes.taxonomy import TaxonomyTheme

Embed = Callable[[Sequence[str]], np.ndarray]

# Calibrated on the demo corpus, ReflectSumm dev and four held-out exports (README "Themes"):
# 0.32, not the demo's best 0.30, where the exports all counted too many people (share MAE
# 20.3, 19.0, 11.2, 20.1 against 16.4, 16.9, 10.8, 19.0); 0.34 was worse on two.
THRESHOLD = 0.32  # evidence a sentence needs for a theme
# The taxonomy's fit is measured at the evidence its 50% bar was set at (``fit.py``): at 0.32
# the hospital export's own reverse-mentoring taxonomy read 45% and was set aside.
FIT_THRESHOLD = 0.30
MARGIN = 0.03  # ...and no more than this below the sentence's best theme
LEXICAL_WEIGHT = 0.2  # an answer using all of a label's words gains this much evidence
MIN_SENTENCE_WORDS = 4  # shorter fragments ("Good.", "Thanks!") are judged with their text
# An answer using this share of a label's words (weighted by rarity) joins the theme, whatever
# else scores higher: 0.8 and 1.0 gave the same ReflectSumm dev F1 (0.761), 0.5 less (0.759).
NAMED_SHARE = 0.8

_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+|\s+[-–—]+\s+|\n+")


@dataclass
class Assignment:
    """Answers x themes: ``membership``; ``scores``, the strongest evidence from the answer's
    text or one of its sentences; ``decisive``, the strongest from a unit where the theme is
    within ``MARGIN`` of the unit's best (-inf if none): a topic theme is joined when it reaches
    the threshold (or the label's words are used). ``topical``: answers that raise a topic at
    all. ``reach``: see ``Evidence.decide``; ``named``: the largest share of label words used;
    ``reached``: the topic themes the seeds and label words reach at ``FIT_THRESHOLD``, what
    the taxonomy's fit is measured on, as its bar was set."""

    membership: np.ndarray
    scores: np.ndarray
    decisive: np.ndarray
    topical: np.ndarray
    reach: np.ndarray | None = None
    named: np.ndarray | None = None
    reached: np.ndarray | None = None


def split_sentences(text: str) -> list[str]:
    parts = [p.strip() for p in _SENTENCE_END.split(text) if p and p.strip()]
    return [p for p in parts if len(p.split()) >= MIN_SENTENCE_WORDS]


def assign_themes(
    vectors: np.ndarray,
    taxonomy: list[TaxonomyTheme],
    embed: Embed,
    texts: Sequence[str] | None = None,
    prompts: Sequence[str] | None = None,
    teaching=None,
    participants: Sequence | None = None,
    k: int = MIN_GROUP_SIZE,
    local: bool = False,
) -> Assignment:
    """Assign answers to themes. ``vectors``: the answers' embeddings. With ``texts``,
    sentences are scored one by one (their vectors come from ``embed``, cached like any text)
    and label words count; ``prompts``: each answer's question (its stance decides which
    themes it may join); ``teaching``: the analyst's confirmed and rejected answers
    (``teach.Teaching``), which move each theme's threshold, and decide the answers judged
    that k people or more wrote (``teach.apply_verdicts``; ``participants``: each answer's
    writer, by default each answer its own). ``local``: label words weighed by no
    programme and named without counting their writers, so nothing about an answer depends
    on the others: what differential privacy's count of one person's reach assumes."""
    n, n_themes = len(vectors), len(taxonomy)
    writers = list(participants) if participants is not None else list(range(n))
    evidence = Evidence(taxonomy, embed, texts, teaching, writers=writers, k=k, prompts=prompts,
                        local=local)  # fmt: skip
    units = evidence.units(vectors, texts, prompts)
    if teaching is not None and n and n_themes:
        # Each theme's evidence shifted by how far judged answers put its edge from the default
        # threshold: one taking too much loses the sentences it shares with another.
        evidence.bias = evidence.bias + THRESHOLD - teaching.thresholds(evidence, THRESHOLD)
    kinds = evidence.kinds
    gate = 1 if local else k  # a label word's answers need k writers: see ``_joined``
    found = evidence.decide(units)
    reached = _joined(found, kinds, writers, gate, FIT_THRESHOLD)  # what the fit is measured on
    membership = _joined(found, kinds, writers, gate)
    if n and n_themes:
        nothing = found.allowed & (kinds == "nothing") & found.declines[:, None]
        _fill(membership, found.scores, nothing)
        explained = membership[:, kinds == "topic"].any(axis=1) | found.declines
        residual = found.topical & ~explained
        _fill(membership, found.scores, found.allowed & (kinds == "other") & residual[:, None])
    if teaching is not None and texts is not None:
        common = frozenset(texts) if local else common_texts(texts, writers, k)
        teaching.apply_verdicts(membership, texts, [t.id for t in taxonomy], common)
    return Assignment(
        membership, found.scores, found.decisive, found.topical, found.reach, found.named,
        reached,
    )  # fmt: skip


def _joined(found: _Found, kinds, writers, k, threshold: float = THRESHOLD) -> np.ndarray:
    """Answers x themes: the topic themes the evidence reaches or the label words name — when
    the answers they name beyond the evidence have k writers or more: words k people wrote,
    each, could still meet in one person's answer alone (red team, stop 41)."""
    reached = found.decisive >= threshold
    named = found.named >= NAMED_SHARE
    for j in np.flatnonzero((named & ~reached).any(axis=0)):
        if len({writers[i] for i in np.flatnonzero(named[:, j] & ~reached[:, j])}) < k:
            named[:, j] = False
    return (reached | named) & (kinds == "topic")[None, :]


@dataclass
class _Units:
    """Every unit (answer or sentence) of the answers scored, before any per-theme bias."""

    rows: np.ndarray  # the answer each unit belongs to
    scores: np.ndarray  # units x themes
    named: np.ndarray  # answers x themes: the largest share of the label's words a unit uses
    topical: np.ndarray
    declines: np.ndarray  # says there is nothing to report, as a whole or in its first sentence
    allowed: np.ndarray


@dataclass
class _Found:
    scores: np.ndarray
    decisive: np.ndarray
    reach: np.ndarray
    named: np.ndarray
    topical: np.ndarray
    declines: np.ndarray
    allowed: np.ndarray


class Evidence:
    """Scores answers against one taxonomy: built once per run (the seeds are embedded once),
    asked for the programme's answers and for the answers an analyst judged."""

    def __init__(self, taxonomy, embed: Embed, answers, teaching=None, writers=None,
                 k=MIN_GROUP_SIZE, prompts=None, local=False):  # fmt: skip
        self.taxonomy, self.embed = taxonomy, embed
        self.kinds = np.array([t.kind for t in taxonomy], dtype=str)  # str even when empty
        self.bias = np.zeros(len(taxonomy), dtype=np.float32)
        answers = list(answers or [])
        allowed = _allowed(taxonomy, prompts, len(answers)) if prompts is not None else None
        answers = [] if local else answers  # weighed by no programme (``LabelWords``)
        self._words = LabelWords(taxonomy, answers, writers if answers else None, k, allowed)
        if taxonomy:
            seeds, owner = seeds_of(taxonomy)
            self.seed_vectors, self.owner = embed(seeds), owner
        self.learnt = (
            teaching.example_evidence([t.id for t in taxonomy], self.seed_vectors, self.owner)
            if teaching is not None and taxonomy
            else None
        )

    def of(self, vectors, texts=None, prompts=None) -> _Found:
        return self.decide(self.units(vectors, texts, prompts))

    def units(self, vectors, texts=None, prompts=None) -> _Units:
        n, n_themes = len(vectors), len(self.taxonomy)
        topical = (
            np.array([not is_empty_answer(t) for t in texts], dtype=bool)
            if texts is not None
            else np.ones(n, dtype=bool)
        )
        declines = ~topical  # no texts: an empty answer cannot be told from a declining one
        if texts is not None:
            declines = np.array(
                [is_nothing_to_report(t) or leads_with_nothing(t) for t in texts], dtype=bool
            )
        allowed = _allowed(self.taxonomy, prompts, n)
        named = np.zeros((n, n_themes), dtype=np.float32)
        if n == 0 or n_themes == 0:
            return _Units(np.arange(n), named, named, topical, declines, allowed)
        rows, unit_vectors, unit_texts = _units(vectors, texts, self.embed)
        scores = nearest_seeds(unit_vectors @ self.seed_vectors.T, self.owner, n_themes)
        if unit_texts is not None:
            used = self._words.used(unit_texts)
            scores += LEXICAL_WEIGHT * used
            np.maximum.at(named, rows, used)
        if self.learnt is not None:
            scores += self.learnt.decision_function(unit_vectors)
        return _Units(rows, scores, named, topical, declines, allowed)

    def decide(self, units: _Units) -> _Found:
        """Per answer and theme: the strongest evidence (``scores``); the strongest from a unit
        where the theme is within ``MARGIN`` of the unit's best (``decisive``); and ``reach``,
        the strongest evidence once the margin is counted (a unit where the theme trails the
        best other by d > ``MARGIN`` counts d - ``MARGIN`` less), so that the answer joins the
        theme exactly when its reach is at least ``THRESHOLD`` — what a threshold learnt from
        judged answers is fitted on."""
        n, n_themes = len(units.topical), len(self.taxonomy)
        eligible = units.allowed & (self.kinds == "topic")[None, :] & units.topical[:, None]
        named = np.where(eligible, units.named, 0.0)
        found = _Found(*(np.full((n, n_themes), -np.inf, dtype=np.float32) for _ in range(3)),
                       named, units.topical, units.declines, units.allowed)  # fmt: skip
        if n == 0 or n_themes == 0:
            return found
        scores = units.scores + self.bias[None, :]
        masked = np.where(eligible[units.rows], scores, -np.inf)
        unit_best = masked.max(axis=1, keepdims=True)
        decisive = masked >= unit_best - MARGIN
        decisive_units = np.where(decisive, masked, -np.inf)
        # the best *other* theme of each unit, for each theme
        padded = np.hstack([masked, np.full((len(masked), 1), -np.inf)])
        first, second = (-np.sort(-padded, axis=1)[:, :2]).T
        other = np.where(masked >= first[:, None], second[:, None], first[:, None])
        behind = np.maximum(0.0, other - MARGIN - THRESHOLD)
        reach_units = np.where(np.isfinite(masked), masked - behind, -np.inf)
        np.maximum.at(found.scores, units.rows, scores.astype(np.float32))
        np.maximum.at(found.decisive, units.rows, decisive_units.astype(np.float32))
        np.maximum.at(found.reach, units.rows, reach_units.astype(np.float32))
        return found


def _units(vectors, texts, embed):
    """Every answer, then every sentence of a multi-sentence answer that says something:
    (answer row, vector, text) of each."""
    n = len(vectors)
    if texts is None:
        return np.arange(n), vectors, None
    pieces = [(i, s) for i, text in enumerate(texts) for s in split_sentences(text)]
    # A sentence saying nothing ("Good session, thanks.", "Nothing to add from me.") raises
    # no topic inside a longer answer either (ReflectSumm dev F1 0.786 -> 0.787, share MAE
    # 5.48 -> 5.45; a bank and a university export 10.8 -> 10.7, 19.0 -> 18.9, three others
    # unchanged; a held-out construction export 17.1 -> 17.3, two more people on wellbeing).
    pieces = [(i, s) for i, s in pieces if s != texts[i].strip() and not is_empty_answer(s)]
    if not pieces:
        return np.arange(n), vectors, list(texts)
    rows = np.concatenate([np.arange(n), np.array([i for i, _ in pieces])])
    sentence_vectors = embed([s for _, s in pieces])
    return rows, np.vstack([vectors, sentence_vectors]), [*texts, *(s for _, s in pieces)]


def _allowed(taxonomy, prompts, n) -> np.ndarray:
    """Answers x themes: may the answer join the theme, given its question's stance?"""
    if prompts is None or n == 0:
        return np.ones((n, len(taxonomy)), dtype=bool)
    stances = {p: prompt_stance(p) for p in set(prompts)}
    by_prompt = {
        p: np.array([allows(t.stance, s) for t in taxonomy], dtype=bool)
        for p, s in stances.items()
    }  # fmt: skip
    return np.stack([by_prompt[p] for p in prompts]).reshape(n, len(taxonomy))


def _fill(membership: np.ndarray, scores: np.ndarray, eligible: np.ndarray) -> None:
    """Each eligible answer joins the best-scoring of the themes it is eligible for."""
    rows = np.flatnonzero(eligible.any(axis=1))
    if len(rows):
        masked = np.where(eligible[rows], scores[rows], -np.inf)
        membership[rows, masked.argmax(axis=1)] = True
