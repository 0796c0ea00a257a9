"""Filtered views: a report on one group of the programme (``role=mentor``,
``cohort="Cohort A"``, ``session=1..3``) that is safe to read next to the full report.

The danger of a filtered view is differencing: full report minus filtered report gives the
complement, which may be a handful of people. So a filtered view is only produced when both
the group and its complement hold at least k distinct participants (``check_filter``), and
every number in it is protected against subtraction from the full report (see
``reflect.privacy.views``).

Role and cohort filters name one value: each person has one role and one cohort, so the
group and its complement partition the participants, and the filtered reports for every value
are rows of one suppressed table (consistent with each other and with the full report).
Session filters name a set or an inclusive numeric range of sessions; the "complement" is the
people who wrote in the other sessions.
"""

from __future__ import annotations

import pandas as pd

from reflect import frames as F
from reflect.errors import InputError
from reflect.groups import FILTER_COLUMNS, PARTITION_COLUMNS, Filter, not_with_a_filter

__all__ = ["FILTER_COLUMNS", "PARTITION_COLUMNS", "Filter", "check_filter", "not_with_a_filter"]


def check_filter(frame: pd.DataFrame, group: Filter, k: int) -> pd.Series:
    """Raise ``InputError`` unless both the group and its complement hold at least k distinct
    participants; return the group's row mask. The error never says how many people there
    are (that would be the small number the rule protects)."""
    mask = group.mask(frame)
    if not mask.any():
        raise InputError(f"--filter {group}: no reflections match", column=group.column)
    inside = frame.loc[mask, F.PARTICIPANT].nunique()
    # For roles and cohorts: everyone else; for sessions: who wrote in the other sessions.
    outside = frame.loc[~mask, F.PARTICIPANT].nunique()
    # Sessions overlap, so the full report minus this one counts the people who wrote only
    # outside the range: none is fine (the totals agree), a handful is not.
    only_outside = frame[F.PARTICIPANT].nunique() - inside
    if inside < k or outside < k or 0 < only_outside < k:
        which = (
            "the group"
            if inside < k
            else "the rest of the programme"
            if outside < k
            else "the people who wrote only outside it"
        )
        raise InputError(
            f"--filter {group}: {which} has fewer than {k} participants, so a filtered "
            "report could expose individuals by comparison with the full report"
        )
    if group.column in PARTITION_COLUMNS:
        # The filtered report's size is the full report's cell for this group; if that cell
        # is withheld (another group is small), a filtered report would give it away.
        from reflect.privacy.suppression import suppress

        sizes = frame.groupby(group.column)[F.PARTICIPANT].nunique()
        cells = {str(g): int(n) for g, n in sizes.items() if g != ""}
        if suppress(cells, k, partition=True).get(group.values[0]) is None:
            raise InputError(
                f"--filter {group}: another {group.column} has fewer than {k} participants, "
                "so the full report withholds this group's size and a filtered report would "
                "give it away"
            )
    return mask
