"""Analyst teaching: a few answers per theme confirmed or rejected by an analyst
(``reflect themes teach``), learnt on top of the taxonomy's seeds.

Seeds say what a theme is about; judged answers say where its edge lies *in this data*. A
theme whose seeds read like any friendly conversation ("we really listened to each other")
takes too much, one whose seeds are narrow takes too little, and no threshold set in advance
suits both. Two light learners, each with scikit-learn's fit/predict contract, take the judged
answers (always redacted text, never raw):

- ``ThemeThresholds`` moves each theme's threshold on the assigner's evidence to where the
  judged answers fall (a one-feature logistic fit per theme, held near the default by a prior,
  so five judgements move it a little and twenty more);
- ``ExampleEvidence`` adds evidence for an answer that is close to a confirmed answer of the
  theme and takes it away from one close to a rejected one (nearest neighbours on the sentence
  embeddings).

The answers an analyst judged are then counted as they said, whatever the scores.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from scipy.optimize import minimize_scalar
from sklearn.base import BaseEstimator

Embed = Callable[[Sequence[str]], np.ndarray]
EXAMPLE_WEIGHT = 0.1


@dataclass(frozen=True)
class Judgement:
    """An analyst's verdict on one (redacted) answer for one theme."""

    text: str
    theme: str
    confirmed: bool


class ThemeThresholds(BaseEstimator):
    """Per-theme thresholds on evidence. ``fit(X, Y)``: ``X`` answers x themes evidence
    (``-inf`` where an answer cannot reach a theme), ``Y`` answers x themes in {1 confirmed,
    0 rejected, -1 not judged}. Each theme's threshold is the maximum a posteriori cut of a
    logistic model P(confirmed) = sigmoid(slope * (x - threshold)) with a normal prior
    N(``prior``, ``prior_scale``²) on the threshold."""

    def __init__(self, prior: float = 0.30, prior_scale: float = 0.03, slope: float = 20.0,
                 reach: float = 0.15):  # fmt: skip
        self.prior = prior
        self.prior_scale = prior_scale
        self.slope = slope
        self.reach = reach

    def fit(self, X: np.ndarray, Y: np.ndarray) -> ThemeThresholds:
        X, Y = np.asarray(X, dtype=float), np.asarray(Y)
        prior = np.broadcast_to(np.asarray(self.prior, dtype=float), (X.shape[1],))
        self.thresholds_ = prior.astype(float).copy()
        for j in range(X.shape[1]):
            judged = (Y[:, j] >= 0) & np.isfinite(X[:, j])
            if judged.any():
                self.thresholds_[j] = self._cut(X[judged, j], Y[judged, j] == 1, prior[j])
        return self

    def _cut(self, x: np.ndarray, y: np.ndarray, prior: float) -> float:
        def loss(cut: float) -> float:
            z = self.slope * (x - cut)
            # -log sigmoid(z) for confirmed, -log sigmoid(-z) for rejected
            fit = np.logaddexp(0, -z)[y].sum() + np.logaddexp(0, z)[~y].sum()
            return fit + 0.5 * ((cut - prior) / self.prior_scale) ** 2

        found = minimize_scalar(
            loss, bounds=(prior - self.reach, prior + self.reach), method="bounded"
        )
        return float(found.x)

    def decision_function(self, X: np.ndarray) -> np.ndarray:
        return np.asarray(X, dtype=float) - self.thresholds_[None, :]

    def predict(self, X: np.ndarray) -> np.ndarray:
        return self.decision_function(X) >= 0


class ExampleEvidence(BaseEstimator):
    """Evidence learnt from judged answers: one logistic regression per theme on the
    sentence embeddings, trained on the theme's confirmed answers against its rejected ones
    (and, weighted lightly, the taxonomy's seeds: the theme's own as confirmed, the others'
    as rejected). ``fit(X, Y, seeds=..., owner=...)``; ``decision_function(X)`` is
    ``weight`` x (P(confirmed) - 1/2), 0 for a theme with no judged answer."""

    def __init__(self, weight: float = 0.1, C: float = 1.0, seed_weight: float = 0.2):
        self.weight = weight
        self.C = C
        self.seed_weight = seed_weight

    def fit(self, X, Y, seeds=None, owner=None) -> ExampleEvidence:
        from sklearn.linear_model import LogisticRegression

        X, Y = np.asarray(X, dtype=float), np.asarray(Y)
        self.models_ = []
        for j in range(Y.shape[1]):
            judged = Y[:, j] >= 0
            if not judged.any():
                self.models_.append(None)
                continue
            parts = [(X[judged], Y[judged, j] == 1, np.ones(judged.sum()))]
            if seeds is not None:
                own = np.asarray(owner) == j
                parts.append((seeds, own, np.full(len(seeds), self.seed_weight)))
            x = np.vstack([p[0] for p in parts])
            y = np.concatenate([p[1] for p in parts])
            w = np.concatenate([p[2] for p in parts])
            if y.all() or not y.any():
                self.models_.append(None)
                continue
            self.models_.append(
                LogisticRegression(C=self.C, max_iter=1000, class_weight="balanced").fit(
                    x, y, sample_weight=w
                )
            )
        return self

    def decision_function(self, X) -> np.ndarray:
        X = np.asarray(X, dtype=float)
        out = np.zeros((len(X), len(self.models_)), dtype=np.float32)
        for j, model in enumerate(self.models_):
            if model is not None:
                out[:, j] = self.weight * (model.predict_proba(X)[:, 1] - 0.5)
        return out


class Teaching:
    """The analyst's judgements, ready for ``assign.assign_themes(..., teaching=...)``."""

    def __init__(self, judgements: Sequence[Judgement], vectors: np.ndarray):
        self.judgements = list(judgements)
        self.vectors = np.asarray(vectors, dtype=np.float32).reshape(len(self.judgements), -1)

    @classmethod
    def from_judgements(
        cls, items: Sequence[tuple[str, str, bool] | Judgement], embed: Embed
    ) -> Teaching:
        judgements = [j if isinstance(j, Judgement) else Judgement(*j) for j in items]
        vectors = embed([j.text for j in judgements])  # (0, dimension) when there are none
        return cls(judgements, vectors)

    def __len__(self) -> int:
        return len(self.judgements)

    def labels(self, ids: list[str]) -> tuple[list[str], np.ndarray, np.ndarray]:
        """The distinct judged texts, their vectors, and texts x themes in {1, 0, -1}."""
        texts = list(dict.fromkeys(j.text for j in self.judgements))
        index = {t: i for i, t in enumerate(texts)}
        vector_of = {j.text: v for j, v in zip(self.judgements, self.vectors, strict=True)}
        labels = np.full((len(texts), len(ids)), -1)
        for j in self.judgements:
            if j.theme in ids:
                labels[index[j.text], ids.index(j.theme)] = int(j.confirmed)
        vectors = np.stack([vector_of[t] for t in texts]) if texts else self.vectors[:0]
        return texts, vectors, labels

    def example_evidence(self, ids: list[str], seed_vectors, owner) -> ExampleEvidence | None:
        texts, vectors, labels = self.labels(ids)
        if not texts or EXAMPLE_WEIGHT <= 0:
            return None
        return ExampleEvidence(weight=EXAMPLE_WEIGHT).fit(vectors, labels, seed_vectors, owner)

    def thresholds(self, evidence, default: float) -> np.ndarray:
        """Each theme's threshold on its strongest evidence in an answer, moved to where this
        data's judged answers fall."""
        texts, vectors, labels = self.labels([t.id for t in evidence.taxonomy])
        if not texts:
            return default
        # fitted on the evidence membership is decided on: an answer whose best sentence for a
        # theme trails another theme's by more than the margin is not the theme's even with a
        # high score, and judging it says nothing about where the threshold lies (fitted on the
        # plain scores, 20 judged answers per theme raised every demo theme's threshold, digital
        # tools' too, which takes too few answers).
        found = evidence.of(vectors, texts)
        model = ThemeThresholds(prior=default).fit(found.reach, labels)
        return model.thresholds_.astype(np.float32)

    def apply_verdicts(
        self, membership: np.ndarray, texts: Sequence[str], ids: list[str], common=frozenset()
    ) -> None:
        """The answers an analyst judged count as judged — those of the ``common`` texts, which
        k people or more wrote. One person's answer put in a theme by its text moved that
        theme by its writer alone: a theme and its copy, one taught the answer and the other
        its twin (a space added: the same embedding, no answer's text), differed by that person
        exactly when they were not in it, within one report (red team, stop 39)."""
        verdicts = {(j.text, j.theme): j.confirmed for j in self.judgements}
        wanted = {j.text for j in self.judgements} & set(common)
        for i, text in enumerate(texts):
            if text in wanted:
                for k, theme in enumerate(ids):
                    if (text, theme) in verdicts:
                        membership[i, k] = verdicts[(text, theme)]
