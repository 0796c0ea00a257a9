"""Each topic theme's false-positive rate, read from the data and evened out.

A report counts *people*: a theme's share is the people with at least one answer under it, and
a person writes a dozen answers, so a theme that wrongly takes one answer in twenty is raised
by about half of everyone. How often a theme takes answers wrongly can be seen without labels:
an answer whose best theme leads every other by ``CLEAR`` is clearly about that theme, and the
share of those answers another theme still takes is mostly that theme's false-positive rate
(true second topics among them are no likelier for one theme than another). Themes differ here
by several times: seeds that read like any friendly conversation ("we listened to each other")
take many, narrow seeds few. Each theme's evidence is moved so that its rate on the answers
clearly about other themes is the taxonomy's median rate: a theme taking too much gives up its
weakest answers, one taking too little gains its nearest misses (a classify-and-count
correction of each theme's false positives, made by moving its threshold, so every answer still
belongs or not and phrases, facets and counts stay coherent).

Dev figures (``benchmarks/taxonomy.py``, the demo corpus against its gold): share MAE 9.9 ->
6.4 points, worst theme 21.9 -> 17.2, macro F1 0.521 -> 0.522; ReflectSumm dev
(``benchmarks/assign.py``) F1 0.7739 -> 0.7737 (3 more false pairs in 5,854 reflections),
share MAE 5.99 -> 5.99: its lectures are small, so few themes have ``MIN_CLEAR`` answers.
"""

from __future__ import annotations

import numpy as np

# An answer whose best theme leads the next by this much is clearly about it (0.06-0.10 give
# demo share MAE 7.3-6.4 points; 0.02 gives 8.3: narrow leads are often answers on two topics).
CLEAR = 0.08
# A rate is estimated from at least this many answers clearly about other themes, else the
# theme is left as it is.
MIN_CLEAR = 30
# No theme moves further than this: a rate estimated from a few dozen answers is noisy, and its
# quantile in the tail more so (unbounded, and moving themes when the median rate was zero,
# ReflectSumm dev lectures of 50 answers moved themes by 0.28: F1 0.774 -> 0.761). The demo's
# largest move is 0.041.
MAX_SHIFT = 0.05


def even_false_positives(found, kinds: np.ndarray, threshold: float) -> np.ndarray:
    """Per theme: the evidence shift that brings its rate of taking answers clearly about
    another theme (``found``: ``Evidence.decide``'s, with ``scores`` and ``decisive``) to the
    median rate of the topic themes; zero for themes with too few such answers, and for all
    when the median theme takes none (the themes are then well apart)."""
    shift = np.zeros(len(kinds), dtype=np.float32)
    topic = np.flatnonzero(kinds == "topic")
    if len(topic) < 3 or not len(found.scores):
        return shift
    scores = found.scores[:, topic]
    ranked = -np.sort(-scores, axis=1)
    answered = found.topical & np.isfinite(ranked[:, 1])
    lead = np.where(answered, ranked[:, 0] - np.where(answered, ranked[:, 1], 0.0), 0.0)
    best = scores.argmax(axis=1)
    taken: dict[int, np.ndarray] = {}
    for k, j in enumerate(topic):
        clear = answered & (best != k) & (lead >= CLEAR) & found.allowed[:, j]
        if clear.sum() >= MIN_CLEAR:
            evidence = found.decisive[clear, j]
            taken[j] = np.where(np.isfinite(evidence), evidence, -1.0)
    if len(taken) < 3:
        return shift
    target = float(np.median([(x >= threshold).mean() for x in taken.values()]))
    if target == 0:
        return shift
    for j, x in taken.items():
        # the evidence an answer needs to be among the top ``target`` of these answers; none
        # when fewer than that are even within the margin of their unit's best theme
        cut = float(np.quantile(x, 1.0 - target))
        shift[j] = threshold - cut if cut > -1.0 else 0.0
    return np.clip(shift, -MAX_SHIFT, MAX_SHIFT)
