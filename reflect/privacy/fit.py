"""The taxonomy fit as a report may show it (``themes.fit``): whether the taxonomy fits, and
the share of answers it explains only when the people behind that share could not be singled
out by it.

The share is a number like any count: in a small programme one answer moves it (one of 19
answers explained or not: 10% against 5%), and next to an earlier report it tells what one
person's answer was taken for. So the share is shown only when at least k people wrote the
answers it explains and either nobody or at least k people wrote the ones it leaves out; both
sets of people are released counts for the ledger (a later report in which they moved by 1 to
k−1 withholds the share, or is refused under the ledger's rule 3, as is any report in which 1
to k−1 people are new or wrote something else: one person's edited answer moves a share of
answers while both sets stay the same); under ``--dp-epsilon`` the share is withheld (it is
not noised), as the number of reflections is, and so is the verdict ``fits``: it is the share
against a bar, and an analyst padding the export to the bar read one answer a report from it.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from reflect import frames as F


def safe_fit(fit, frame: pd.DataFrame, k: int, dp: bool, ledger=None, bits=None, threshold=0):
    """``(taxonomy_fit dict, released sets, moved)``: the report's ``taxonomy_fit``; the sets
    of people behind a shown share (for the ledger to record); and 1 if the share was withheld
    because those people moved by a few since a release (ledger rule 3), else 0."""
    if fit is None:
        return None, [], 0
    shown = fit.to_dict()
    people = [
        frozenset(frame[F.PARTICIPANT].to_numpy()[np.asarray(rows, dtype=int)])
        for rows in (fit.explained_rows, fit.unexplained_rows)
    ]
    explained, unexplained = people
    small = len(explained) < k or 0 < len(unexplained) < k
    if dp:  # the verdict is the share thresholded: as exact (red team, stop 41)
        shown["fits"] = None
    if dp or small or not fit.taxonomy_themes:
        shown["explained_share"] = None
        return shown, [], 0
    if ledger is None or bits is None:
        return shown, [], 0
    from reflect.privacy.digests import bitset

    sets = [bitset(np.array([bits[p] for p in group], dtype=np.int64)) for group in people if group]
    if any(ledger.differs_by_a_few(s, threshold) for s in sets):
        shown["explained_share"] = None
        return shown, [], 1
    return shown, sets, 0
