"""Taxonomy fit: how much of the data the analyst's taxonomy explains, and whether that is
enough to lead the report with it.

A taxonomy written for one programme, run on answers from another domain (a software survey,
a workshop evaluation), still finds something close to each answer unless the assigner
refuses weak evidence. So the assigner's thresholds are set where answers from another domain
mostly fall below them, and the fit is the share of answers with a topic (not "nothing to
report") that some topic theme of the taxonomy takes. Below ``MIN_EXPLAINED_SHARE`` the
taxonomy does not fit: the report says so and leads with the themes found in the answers,
which are found among all sentences, not only among those the taxonomy leaves unexplained.
The taxonomy shipped in ``models/`` (run by default, never chosen for this data) is then set
aside, its topic themes not counted (``set_aside``: the mentoring taxonomy on a software
survey counted answers naming job roles as "Career and retention"); an analyst's own
taxonomy keeps its counts, flagged as a poor fit.

Dev figures (``benchmarks/taxonomy.py``, README "Themes"; December 2026): the demo programme
with its own taxonomy 0.79 (0.76 while thresholds were fitted to each programme, until 5
December); the 2020 Jupyter survey with a software taxonomy 0.60 (0.65 then), with the
mentoring taxonomy 0.21 (then); ReflectSumm lectures with their own phrase labels median 0.87 (10th
percentile 0.68), with the mentoring taxonomy median 0.13.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from reflect import frames as F

MIN_EXPLAINED_SHARE = 0.5
# The share is reported in steps of 5 points: a lead needs "about a third", and a finer
# figure would move with one person's answers between two runs.
SHARE_STEP = 0.05
# The shipped taxonomy applies where a role or a question names its programme, or where this
# share of the participants (and at least k) write a word naming it.
PROGRAMME_SHARE = 0.1


@dataclass(frozen=True)
class TaxonomyFit:
    fits: bool
    explained_share: float  # of the answers with a topic, 0..1 (exact; rounded in to_dict)
    taxonomy_themes: int  # topic themes in the taxonomy (0: --taxonomy none)
    set_aside: tuple[str, ...] = ()  # labels of the themes not counted because it does not fit
    # The kind of programme the shipped taxonomy is for, when these answers are not from one.
    other_programme: str | None = None
    # Positions of the answers with a topic that the taxonomy explains / leaves unexplained:
    # their writers are the people behind the share (``privacy.fit``), never shown.
    explained_rows: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=int))
    unexplained_rows: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=int))
    # False under differential privacy: ``fits`` is then the design's decision, not a verdict
    measured: bool = True

    def to_dict(self) -> dict:
        return {
            "fits": self.fits if self.measured else None,
            "explained_share": round(round(self.explained_share / SHARE_STEP) * SHARE_STEP, 2),
            "min_explained_share": MIN_EXPLAINED_SHARE,
            "taxonomy_themes": self.taxonomy_themes,
            "emerging_from": "unexplained answers" if self.fits else "all answers",
            "not_counted": list(self.set_aside),
            "other_programme": self.other_programme,
        }


def measure_fit(membership: np.ndarray, topical: np.ndarray, kinds: list[str]) -> TaxonomyFit:
    """``membership``: answers x themes; ``topical``: answers that raise a topic at all;
    ``kinds``: each theme's kind (only ``topic`` themes explain an answer)."""
    topic = np.array([k == "topic" for k in kinds], dtype=bool)
    n_topic = int(topic.sum())
    answered = np.asarray(topical, dtype=bool)
    if n_topic == 0 or not answered.any():
        return TaxonomyFit(False, 0.0, n_topic)
    taken = membership[:, topic].any(axis=1)
    explained = float(taken[answered].mean())
    return TaxonomyFit(
        explained >= MIN_EXPLAINED_SHARE, explained, n_topic,
        explained_rows=np.flatnonzero(answered & taken),
        unexplained_rows=np.flatnonzero(answered & ~taken),
    )  # fmt: skip


def from_programme(
    frame: pd.DataFrame,
    words: tuple[str, ...],
    k: int,
    questions: Sequence[str] | None = (),
) -> bool:
    """Do these answers come from the kind of programme ``words`` name ("mentor", "mentee")?
    Yes when a role or a question names it, or when at least a tenth of the participants, and
    k of them, write one of the words. A coaching circle, a workshop or a survey of software
    users, run without a taxonomy of its own, is not a mentoring programme, and the mentoring
    themes would only take its answers by loose resemblance ("Hybrid working" for the office
    days of new starters). ``questions``: the export's, answered or not."""
    named = re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b", re.IGNORECASE)
    labels = {*frame[F.ROLE].astype(str), *frame[F.PROMPT].astype(str), *(questions or ())}
    if any(named.search(label) for label in labels):
        return True
    writers = frame.loc[frame[F.TEXT].str.contains(named), F.PARTICIPANT].nunique()
    return writers >= max(k, PROGRAMME_SHARE * frame[F.PARTICIPANT].nunique())


def fit_line(fit: dict) -> str:
    """The one line ``reflect analyse`` prints about the fit, from the report's
    ``taxonomy_fit`` (the share as disclosed: None when withheld)."""
    if not fit["taxonomy_themes"]:
        return "no taxonomy: every theme is found in the answers themselves"
    if programme := fit.get("other_programme"):
        return (
            f"the built-in taxonomy is for {programme} and these answers are not from such a "
            "programme (no role or question names it, few answers do): its themes are not "
            "counted; the themes found in the answers lead the report (name your own with "
            "--taxonomy)"
        )
    share = fit["explained_share"]
    if fit["fits"] is None:
        return (
            "taxonomy fit: not measured under differential privacy (it would be an exact "
            "count); the taxonomy's themes lead the report"
        )
    if fit["fits"]:
        if share is None:
            return "taxonomy fit: it explains most of the answers that raise a topic"
        return f"taxonomy fit: it explains about {share:.0%} of the answers that raise a topic"
    return (
        "the taxonomy does not fit these answers: it explains "
        + ("less than half" if share is None else f"only about {share:.0%}")
        + f" of those that raise a topic (at least {MIN_EXPLAINED_SHARE:.0%} expected); "
        + ("its themes are not counted, " if fit["not_counted"] else "")
        + "the themes found in the answers lead the report"
    )
