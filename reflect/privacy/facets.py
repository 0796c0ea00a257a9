"""Facets in the report: a theme's sub-topics, each with its own count of distinct people.

A facet is shown (``{"label", "participants"}``) only if
- at least k people raised it (in a filtered view, k of the group's people);
- its label passes the phrase screen (``screening.phrase_is_safe``: no placeholder, number,
  name or identifying description; every word used by k people);
- the theme's own shown total minus the facet's count is at least k too: otherwise the few
  people of the theme who did *not* raise it could be told apart ("all but two");
- in a filtered view, the full report's count of the same facet minus this one is at least k
  (the people outside the group who raised it), as for every filtered number.
With differential privacy on, facet counts are not part of the noised release, so the label
is shown without its number (``participants`` null); so it is in a filtered view: facet counts
are not suppressed jointly across views as theme cells are, and the cohort views' counts of a
facet, taken from the full report's, gave the last cohort's (16 − 6 − 6 = 4: a red-team
finding, 3 December 2026).
"""

from __future__ import annotations

import numpy as np

from reflect.privacy.digests import bitset
from reflect.privacy.screening import Vocabulary, phrase_is_safe
from reflect.themes.model import Phrase, Theme

MAX_FACETS = 6


def safe_facets(
    theme: Theme,
    total: int | None,
    k: int,
    words: Vocabulary,
    people: frozenset[str] | None = None,
    noised: bool = False,
    label: str | None = None,
) -> tuple[list[dict], int]:
    """The theme's shown facets and how many candidates were withheld. ``total``: the
    theme's shown count in this view; ``people``: a filtered view's participants; ``label``:
    the label shown (an emerging theme whose own label was screened out is named by its
    first safe phrase, which a facet then only repeats)."""
    if total is None or noised or people is not None:
        # Under DP a facet would be text that depends on who took part beyond the noised
        # counts: two reports one person apart showed that person's sub-topic. In a filtered
        # view a facet shown (k or more of its writers inside, k or more outside) bounded its
        # count there by the full report's: 10 in all, shown to mentors and to mentees, was
        # 5 and 5 (red team, 4 December 2026). Sub-topics are the full report's.
        return [], min(len(theme.facets), MAX_FACETS)
    shown, labels, withheld = [], set(), 0
    for facet in theme.facets:
        if len(shown) == MAX_FACETS:
            break  # spare candidates not needed are not "withheld"
        if facet.text.lower() == (label or theme.label).lower():
            continue
        writers = facet.participants if people is None else facet.participants & people
        count = len(writers)
        outside = len(facet.participants) - count
        if (
            count < k
            or total - count < k
            or (people is not None and outside < k)
            or facet.text in labels
            or not phrase_is_safe(Phrase(facet.text, writers), k, words)
        ):
            withheld += 1
            continue
        labels.add(facet.text)
        counted = not noised and people is None
        shown.append({"label": facet.text, "participants": count if counted else None})
    return shown, withheld


def facet_sets(theme: Theme, facets: list[dict], people, bits) -> list[tuple[dict, int]]:
    """Each shown facet count with the people behind it (as a ledger bitset)."""
    writers = {f.text: f.participants for f in theme.facets}
    out = []
    for facet in facets:
        if facet["participants"] is None:
            continue
        who = writers[facet["label"]] if people is None else writers[facet["label"]] & people
        out.append((facet, bitset(np.array([bits[p] for p in who], dtype=np.int64))))
    return out


def facets_against_ledger(theme, facets, people, bits, ledger, k) -> int:
    """Withhold facet counts whose people differ from a released set by 1 to k−1."""
    withheld = 0
    for facet, people_set in facet_sets(theme, facets, people, bits):
        if ledger.differs_by_a_few(people_set, k):
            facet["participants"] = None
            withheld += 1
    return withheld
