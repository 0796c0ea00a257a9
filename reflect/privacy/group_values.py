"""Group values — the roles, cohorts, sessions and prompts a report breaks its counts down by —
are printed only when printing them is safe.

A group value is typed by whoever built the export ("Cohort A (Jo - on sick leave)", "mentee -
pregnant, returning Jan", "3 - Jo off sick"), so it is data like any answer, and it is printed
where no count protects it: as a key of report.json, a column of themes.csv, a heading of the
HTML and Markdown reports, a line of ``reflect compare``. So a value is printed only if

1. at least k distinct participants share it — a value one person holds names that person's
   group even when every count beside it is withheld; and
2. the redaction analyzer finds no personal data in it (a name, an email, an id...); and
3. the sensitive-topic screen finds no health, family, religion, pay... topic in it.

Every other value of a breakdown is pooled under one neutral label ("other cohorts"), and the
pooled group is then counted and suppressed like any group. Roles and cohorts (each person is in
one, so their cells add up to a shown total) of fewer than ``SMALL_GROUP`` x k people are pooled
too when two or more are that small and another is not (a small group too small even with the
others is pooled with the smallest larger group too, when another larger one stays apart: "HR
business partner or senior sponsor" beside new managers): nearly all their cells would be
withheld, and complementary suppression would withhold the large group's cells beside them (a
held-out export with 66 participants, 18 line managers and 6 facilitators showed 3 of 14
participant counts; pooled, the other two roles are one group of 24, named "circle facilitator
or line manager" since each could be named alone). The rule reads only how
many people each value has, which the report prints anyway. The rule runs first in the privacy
stage, so nothing after it prints the original value (the ledger alone reads it, as part of a
person's keyed version: pooling a group does not make its people new). Filters (``--filter``)
and ``reflect compare`` name groups by their printed value.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache

import pandas as pd

from reflect import frames as F
from reflect.privacy.counts import PARTITIONS, ordered_groups
from reflect.privacy.screening import mentions_sensitive_topic

GROUP_COLUMNS = (F.ROLE, F.SESSION, F.COHORT, F.PROMPT)
POOLED = {
    F.ROLE: "other roles",
    F.SESSION: "other sessions",
    F.COHORT: "other cohorts",
    F.PROMPT: "other prompts",
}

# The size (x k) under which groups of a breakdown holding each person once (a role, a cohort:
# ``counts.PARTITIONS``) are pooled: a group of 4k people raising a theme at a fifth (a common
# share) is just at k.
SMALL_GROUP = 4
# Groups pooled for their size alone (each printable, each of k people or more) are named
# together ("circle facilitator or line manager") when there are at most this many.
NAMED_POOL = 3

# Whether a value's words may be printed (rule 2 and 3); the pipeline passes one built on
# the redaction stage's own analyzer, with the programme's roster.
Printable = Callable[[str], bool]


def pool_group_values(
    frame: pd.DataFrame,
    k: int,
    printable: Printable | None = None,
    design: Mapping[str, Sequence[str]] | None = None,
) -> tuple[pd.DataFrame, dict[str, int]]:
    """The frame with every unprintable group value replaced by its column's neutral label
    (and roles and cohorts too small to break down by pooled, named by themselves when each
    could be named alone), and how many distinct values each column pooled. ``""`` (no value)
    stays as it is. ``design``: columns whose groups the export fixes whoever answered (its
    questions, under differential privacy: ``design_groups``); only rules 2 and 3 pool them."""
    printable = printable or default_printable
    design = design or {}
    out = frame.copy()
    pooled: dict[str, int] = {}
    for column in GROUP_COLUMNS:
        people = frame.groupby(column)[F.PARTICIPANT].nunique()
        few = k if column not in design else 0
        hidden = {
            value
            for value, n in people.items()
            if value != "" and value != POOLED[column] and (n < few or not printable(str(value)))
        }
        label = POOLED[column]
        if PARTITIONS[column] and column not in design:
            small = {
                value
                for value, n in people.items()
                if value not in ("", POOLED[column]) and n < SMALL_GROUP * k
            }
            large = sorted(
                (n, str(v), v) for v, n in people.items() if v != "" and n >= SMALL_GROUP * k
            )
            if (
                not hidden
                and small
                and len(large) >= 2
                and sum(people[v] for v in small) < (SMALL_GROUP * k)
            ):
                small.add(large[0][2])  # too few even together: with the smallest large group
            if large and len(small | hidden) >= 2:
                if not hidden and len(small) <= NAMED_POOL:
                    # each could be named alone: together they are named too
                    label = " or ".join(sorted(map(str, small)))
                hidden |= small
        if hidden:
            out[column] = frame[column].where(~frame[column].isin(hidden), label)
            pooled[column] = len(hidden)
    return out, pooled


def design_groups(column: str, values: Sequence[str], printable: Printable | None = None):
    """A breakdown's groups as the export's design fixes them, answered or not: each value the
    screen passes by itself, the others as one pooled group. Under differential privacy the
    prompts are these, so that whether anyone answered a question is no exact bit of a report
    (red team, stop 41: a question only one person answered was listed, and Δ grew, with them
    in the export and not without)."""
    printable = printable or default_printable
    kept = {v if printable(str(v)) else POOLED[column] for v in values if v != ""}
    return ordered_groups(pd.Series(sorted(kept), dtype=object))


def default_printable(value: str) -> bool:
    """Rules 2 and 3 with the redaction analyzer's default recognizers (no roster)."""
    return _printable(value)


@lru_cache(maxsize=4096)
def _printable(value: str) -> bool:
    if mentions_sensitive_topic(value):
        return False
    return not _analyzer().analyze([value])[0]


@lru_cache(maxsize=1)
def _analyzer():
    from reflect.anonymise.analyzer import Analyzer

    return Analyzer()
