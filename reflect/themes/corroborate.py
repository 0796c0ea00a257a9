"""This data's own view of each theme, used to check the seeds' verdicts.

Seeds are written before the answers are seen, often in the programme's own register ("good to
talk through my worst group"), and then small talk from the same programme ("a proper reset
after Christmas") reaches them about as closely as answers that are really about a theme. No
threshold set in advance separates the two on every programme: on a teachers' coaching export
with a taxonomy written for it, off-topic answers scored 0.33–0.37 against true ones at
0.47–0.56, on the demo true answers score 0.35–0.45.

The answers themselves show where each theme lies in *this* data: the ones clearly about it
(its evidence is high and leads every other theme's) and the ones clearly not (about no theme,
or clearly about another). A sentence the seeds give a theme keeps it only when it lies nearer
the first group than the second — a nearest-centroid (Rocchio) classifier on the sentence
embeddings, one per theme, learnt from this run's own answers with no labels. A theme with too
few clear answers is not checked. Dev figures in README "Themes".
"""

from __future__ import annotations

import numpy as np

# A unit (answer or sentence) is clearly about its best theme when the evidence is at least
# this high and leads the next theme by ``LEAD``...
CLEAR_EVIDENCE = 0.37
LEAD = 0.04
# ...and clearly about none when no theme comes within the margin of the threshold, or clearly
# about another theme when that one leads by ``OTHER_LEAD`` (calibrate.CLEAR).
OTHER_LEAD = 0.08
# Both groups need this many units for a theme to be checked.
MIN_CLEAR = 5
# A sentence is refused when it lies this much nearer the "not about it" centroid (in cosine
# units along the line between the two centroids).
TOLERANCE = 0.01


def corroborated(vectors: np.ndarray, scores: np.ndarray, topic: np.ndarray,
                 threshold: float, margin: float) -> np.ndarray:  # fmt: skip
    """Units x themes: is the unit on this theme's side of its data-learnt boundary?
    ``vectors``: the units' embeddings; ``scores``: units x themes evidence with any bias
    applied, ``-inf`` where a unit may not join a theme; ``topic``: which themes to check (topic
    themes; the others are never refused)."""
    n, n_themes = scores.shape
    keep = np.ones((n, n_themes), dtype=bool)
    if n == 0 or n_themes < 2:
        return keep
    ranked = -np.sort(-scores, axis=1)[:, :2]
    answered = np.isfinite(ranked[:, 0])
    best, second = np.where(np.isfinite(ranked), ranked, -1.0).T  # a lone theme leads by far
    lead = best - second
    winner = scores.argmax(axis=1)
    about_none = answered & (best < threshold - margin)
    for j in np.flatnonzero(topic):
        about_it = answered & (winner == j) & (best >= CLEAR_EVIDENCE) & (lead >= LEAD)
        about_other = answered & (winner != j) & (lead >= OTHER_LEAD) & (scores[:, j] < threshold)
        not_it = (about_none | about_other) & ~about_it
        if about_it.sum() < MIN_CLEAR or not_it.sum() < MIN_CLEAR:
            continue
        centre_in, centre_out = vectors[about_it].mean(axis=0), vectors[not_it].mean(axis=0)
        direction = centre_in - centre_out
        midpoint = float(direction @ (centre_in + centre_out)) / 2
        keep[:, j] = vectors @ direction - midpoint >= -TOLERANCE
    return keep
