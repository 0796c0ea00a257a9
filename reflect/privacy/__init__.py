"""Stage 5 — privacy: turn themes into a ``SafeReport`` in which every number, label and
phrase is backed by at least ``min_group_size`` (k) distinct participants.

``disclose(themes, frame, k, redactions, *, filter=None, quotes=False, dp_epsilon=None,
vocabulary=()) -> SafeReport``; ``check_filter(frame, filter, k)`` and ``Filter`` are the
pieces ``reflect compare`` reuses.

What a report shows, and why nothing hidden can be recovered by subtraction
---------------------------------------------------------------------------
Counts are always of distinct participants. A report shows
- ``n_participants`` (N) and ``participants_by_role`` / ``_by_cohort`` / ``_by_session``;
- per theme: ``participants`` (t), ``share`` (t / N) and ``by_role`` / ``by_cohort`` /
  ``by_session``.
Totals that a reader can subtract from: each person has one role and one cohort, so the
role cells and the cohort cells of a unit (the programme, or one theme) add up to that
unit's N or t; those lines get complementary suppression (``suppression.suppress``).
Nothing else adds up: sessions overlap (a person writes after several sessions, so session
cells sum to more than the total, and a theme × session table has neither row nor column
sums — its "column totals" ``participants_by_session`` count people, not theme mentions);
themes overlap (a person raises several themes, and some none), so there is no "all themes"
total and theme counts never sum to N; role and cohort breakdowns of one theme are two
different partitions whose cross-cells are never shown. So every suppressed cell lies only
in lines whose other hidden cells hold, together with it, at least k people.
Zero is a small cell like any other. A unit below k shows no number at all (an emerging
theme below k is not listed, since its label comes from its few writers).

Filtered views (``filter=``, see ``filters.py``) must also be safe next to the full report:
- role/cohort = g: the filtered report's numbers are row g of the two-way table (value of
  the filter column × groups of the other breakdown) whose margins are the full report's
  cells; the table is suppressed as a whole (``suppress_table``), with lines whose margin
  the full report hides hidden entirely. Every value's filtered report reads the same table,
  so all of them together with the full report disclose no cell below k.
- session ranges: a count c_G is shown only if c_G ≥ k and the difference from the full
  report's count (people counted only outside the range) is ≥ k as well; then the usual
  complementary rule within the filtered report. The group's own size may also equal the
  programme's (a difference of 0 tells only that everyone wrote in the range);
  ``check_filter`` refuses a range that 1 to k−1 people wrote only outside of, so a
  filtered report always shows its group size. Session cells inside the range are the
  full report's own cells.

The ``privacy`` section (``SafeReport.privacy``, JSON-serialisable)
--------------------------------------------------------------------
- ``min_group_size``: k. ``unit``: "distinct participants". ``generated_at``: UTC time.
- ``rules``: the rules applied, in plain words (for the report's privacy section).
- ``redactions``: redacted spans by label, e.g. ``{"PERSON": 41, "EMAIL": 9}``;
  ``redacted_texts``: ``{"texts", "texts_with_redactions", "texts_with_quasi_identifiers"}``
  (answers analysed, answers with something redacted, answers with an identifying
  description flagged) or null when only label counts were given.
- ``suppressed``: ``themes`` (themes shown without numbers), ``theme_cells`` (hidden
  breakdown cells of shown themes), ``total_cells`` (hidden report-level breakdown cells),
  ``phrases`` and ``quotes`` (candidates the screen rejected), ``emerging_not_listed``
  (emerging themes below k, left out with their labels), and ``by_reason``:
  ``primary`` (below k), ``complementary`` (hidden so another cannot be recovered),
  ``difference`` (filtered views: the full report minus this one would be below k).
- ``totals_shown``: which totals a reader can subtract from (see above).
- ``dp_epsilon``: ε or null; ``dp``: null or the budget — ``epsilon``, ``mechanism``,
  ``library``, ``unit``, ``sensitivity_l1``, ``noise_scale``, ``released_counts``,
  ``split`` (ε per block of counts), ``verified_epsilon`` (OpenDP's privacy map),
  ``not_covered``.
- ``quotes``: whether ``--quotes`` was on; ``quotes_shown``: how many are shown.
- ``filter``: null or ``{"expression", "group": "≥ k", "complement": "≥ k", "rule"}`` —
  sizes only as "≥ k", never the numbers.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import pandas as pd

from reflect import frames as F
from reflect.errors import ConfigError
from reflect.privacy import dp
from reflect.privacy.counts import (
    ALL,
    PARTITIONS,
    UnitCounts,
    count_unit,
    cross_counts,
    one_label_per_person,
    ordered_groups,
)
from reflect.privacy.filters import PARTITION_COLUMNS, Filter, check_filter
from reflect.privacy.model import SCHEMA_VERSION, SafeReport, SafeTheme
from reflect.privacy.screening import Vocabulary, phrase_is_safe, pick_quotes
from reflect.privacy.suppression import protect_line, suppress, suppress_table
from reflect.themes.model import Theme

if TYPE_CHECKING:
    from reflect.anonymise import RedactionStats

__all__ = [
    "SCHEMA_VERSION",
    "Filter",
    "SafeReport",
    "SafeTheme",
    "check_filter",
    "disclose",
    "suppress",
    "suppress_table",
]

MAX_PHRASES = 5
MAX_QUOTES = 2

Shown = tuple[int | None, dict[str, dict[str, int | None]]]  # (total, cells)


class _Tally:
    def __init__(self) -> None:
        self.counts = {"themes": 0, "theme_cells": 0, "total_cells": 0, "phrases": 0}
        self.counts["quotes"] = self.counts["emerging_not_listed"] = 0
        self.reasons = {"primary": 0, "complementary": 0, "difference": 0}

    def cells(self, where: str, values: dict, shown: dict, k: int, diff: dict | None = None):
        for cell, value in shown.items():
            if value is not None:
                continue
            self.counts[where] += 1
            if values[cell] < k:
                self.reasons["primary"] += 1
            elif diff is not None and diff.get(cell, k) < k:
                self.reasons["difference"] += 1
            else:
                self.reasons["complementary"] += 1

    def to_dict(self) -> dict:
        return {**self.counts, "by_reason": dict(self.reasons)}


def disclose(
    themes: list[Theme],
    frame: pd.DataFrame,
    min_group_size: int = 5,
    redactions: dict[str, int] | RedactionStats | None = None,
    *,
    filter: Filter | None = None,  # noqa: A002 - the CLI option's name
    quotes: bool = False,
    dp_epsilon: float | None = None,
    vocabulary: Iterable[str] = (),
    dp_noise: dp.Noise | None = None,
) -> SafeReport:
    """``vocabulary``: taxonomy words that may appear capitalised in phrases ("Teams").
    ``dp_noise``: tests only, a seeded noise function in place of OpenDP's."""
    k = min_group_size
    F.check_columns(frame, F.REDACTED_COLUMNS, "privacy")
    if dp_epsilon is not None and filter is not None:
        raise ConfigError("--dp-epsilon and --filter cannot be combined yet")
    # Positions are what theme members refer to; a clean index lets masks align with them.
    frame = one_label_per_person(frame).reset_index(drop=True)
    groups = {col: ordered_groups(frame[col]) for col in PARTITIONS}
    units = {ALL: frame, **{t.id: frame.iloc[t.members] for t in themes}}
    counts = {u: count_unit(rows, groups) for u, rows in units.items()}

    budget = verified = None
    released = len(units) * (1 + sum(len(labels) for labels in groups.values()))
    if dp_epsilon is not None:
        budget = dp.budget(
            dp_epsilon, len(units), len(groups[F.ROLE]), len(groups[F.COHORT]),
            len(groups[F.SESSION]),
        )  # fmt: skip
        verified = dp.verify(budget) if dp_noise is None else None
        counts = _noised(counts, groups, budget, dp_noise)

    tally = _Tally()
    enough = counts[ALL].total >= k
    full = {u: _suppress_unit(c, k, enough) for u, c in counts.items()}
    if filter is None:
        shown, group_frame, people = full, frame, None
        for u, (total, cells) in full.items():
            if total is not None:
                for col, values in cells.items():
                    where = "total_cells" if u == ALL else "theme_cells"
                    tally.cells(where, counts[u].cells[col], values, k)
    else:
        mask = check_filter(frame, filter, k)
        group_frame = frame[mask]
        people = frozenset(group_frame[F.PARTICIPANT])
        shown = {
            u: _filtered_unit(rows, mask, filter, counts[u], full[u], groups, k, tally, u == ALL)
            for u, rows in units.items()
        }

    words = Vocabulary(
        group_frame[F.TEXT].tolist(), group_frame[F.PARTICIPANT].tolist(), vocabulary
    )
    full_words = words if filter is None else Vocabulary(
        frame[F.TEXT].tolist(), frame[F.PARTICIPANT].tolist(), vocabulary
    )  # fmt: skip
    n_shown = shown[ALL][0]
    safe_themes, quotes_shown = [], 0
    for theme in themes:
        full_total = full[theme.id][0]
        if full_total is None and theme.kind == "emerging":
            tally.counts["emerging_not_listed"] += 1
            continue  # an emerging theme's label itself comes from its few authors
        label = _label(theme, k, full_words) if full_total is not None else theme.label
        total, cells = shown[theme.id]
        if total is None:
            tally.counts["themes"] += 1
            empty = {col: dict.fromkeys(cells[col]) for col in PARTITIONS}
            safe_themes.append(
                SafeTheme(theme.id, label, theme.kind, theme.description, None, None,
                          empty[F.ROLE], empty[F.SESSION], empty[F.COHORT])
            )  # fmt: skip
            continue
        phrases = [p.text for p in theme.phrases if phrase_is_safe(p, k, words, people)]
        tally.counts["phrases"] += max(0, min(len(theme.phrases), MAX_PHRASES) - len(phrases))
        phrases = phrases[:MAX_PHRASES]
        chosen: list[str] = []
        if quotes:
            rows = units[theme.id]
            if filter is not None:
                rows = rows[rows[F.PARTICIPANT].isin(people) & filter.mask(rows)]
            chosen, rejected = pick_quotes(
                rows[F.TEXT].tolist(), rows[F.PARTICIPANT].tolist(), k, words, phrases, MAX_QUOTES
            )
            tally.counts["quotes"] += rejected
            quotes_shown += len(chosen)
        share = round(total / n_shown, 3) if n_shown else None
        safe_themes.append(
            SafeTheme(theme.id, label, theme.kind, theme.description, total, share,
                      cells[F.ROLE], cells[F.SESSION], cells[F.COHORT], phrases, chosen)
        )  # fmt: skip
    safe_themes.sort(key=lambda t: (t.participants is None, -(t.participants or 0), t.label))

    report_total, report_cells = shown[ALL]
    dp_info = budget.to_dict(released, verified) if budget else None
    privacy = _privacy_section(k, redactions, tally, dp_info, quotes, quotes_shown, filter)
    n_reflections = len(group_frame) if report_total is not None and budget is None else None
    return SafeReport(
        min_group_size=k,
        n_participants=report_total,
        n_reflections=n_reflections,
        participants_by_role=report_cells[F.ROLE],
        participants_by_session=report_cells[F.SESSION],
        participants_by_cohort=report_cells[F.COHORT],
        themes=safe_themes,
        privacy=privacy,
    )


def _suppress_unit(counts: UnitCounts, k: int, enough: bool) -> Shown:
    if not enough or counts.total < k:
        return None, {col: dict.fromkeys(cells) for col, cells in counts.cells.items()}
    cells = {col: suppress(values, k, PARTITIONS[col]) for col, values in counts.cells.items()}
    return counts.total, cells


def _filtered_unit(
    rows: pd.DataFrame,
    mask: pd.Series,
    group: Filter,
    counts: UnitCounts,
    full: Shown,
    groups: dict[str, list[str]],
    k: int,
    tally: _Tally,
    is_all: bool,
) -> Shown:
    """One unit's numbers in a filtered view; ``counts``/``full`` are its full-report counts
    and shown cells (see the module docstring for the rules)."""
    where = "total_cells" if is_all else "theme_cells"
    full_total, full_cells = full
    inside = rows[mask.loc[rows.index].to_numpy()]
    if group.column in PARTITION_COLUMNS:
        (value,) = group.values
        total = full_cells[group.column].get(value) if full_total is not None else None
        cells: dict[str, dict[str, int | None]] = {group.column: {value: total}}
        for col in PARTITIONS:
            if col == group.column:
                continue
            table, result = _joint_table(rows, group.column, col, full, groups, k)
            rows_first = _TABLE_ORDER.index(group.column) < _TABLE_ORDER.index(col)
            keys = {c: (value, c) if rows_first else (c, value) for c in groups[col]}
            cells[col] = {c: result[key] for c, key in keys.items()}
            if total is not None:
                own = {c: table[key] for c, key in keys.items()}
                tally.cells(where, own, cells[col], k)
        return total, cells

    # Session filter: new counts, each checked against its difference from the full report.
    own = count_unit(inside, groups)
    labels = pd.DataFrame({F.SESSION: groups[F.SESSION]})
    in_range = labels.loc[group.mask(labels), F.SESSION].tolist()
    total = own.total
    # The whole group's size may equal the full report's (everyone wrote in the range);
    # check_filter refused differences from 1 to k-1. Themes need a difference of k.
    difference_ok = counts.total - total >= k or (is_all and counts.total == total)
    if full_total is None or total < k or not difference_ok:
        total = None
    cells = {F.SESSION: {s: full_cells[F.SESSION][s] for s in in_range}}
    for col in (F.ROLE, F.COHORT):
        values = own.cells[col]
        diff = {g: counts.cells[col][g] - values[g] for g in values}
        line = {g: (v if v >= k and diff[g] >= k and total is not None else None)
                for g, v in values.items()}  # fmt: skip
        protect_line(values, line, list(values), k)
        cells[col] = line
        if total is not None:
            tally.cells(where, values, line, k, diff)
    return total, cells


# Orientation of two-way tables, fixed so that a role filter and a cohort filter suppress the
# very same role × cohort table (the pattern could otherwise depend on the orientation).
_TABLE_ORDER = (F.ROLE, F.COHORT, F.SESSION)


def _joint_table(rows, one: str, other: str, full: Shown, groups, k: int):
    """The unit's two-way table of ``one`` × ``other`` (in canonical orientation) and its
    suppression, with the full report's cells as margins: a line whose margin is shown gets
    complementary protection if its cells add up to it; a line whose margin is hidden is
    hidden whole (its shown cells would add up to the hidden margin)."""
    a, b = sorted((one, other), key=_TABLE_ORDER.index)
    full_total, full_cells = full
    table = cross_counts(rows, a, b, groups)
    hidden_a = {r for r, v in full_cells[a].items() if v is None}
    hidden_b = {c for c, v in full_cells[b].items() if v is None}
    hidden = [
        (r, c)
        for r, c in table
        if full_total is None
        or (PARTITIONS[a] and c in hidden_b)  # rows partition a column's people
        or (PARTITIONS[b] and r in hidden_a)
    ]
    row_lines = [r for r in groups[a] if r not in hidden_a] if PARTITIONS[b] else []
    column_lines = [c for c in groups[b] if c not in hidden_b] if PARTITIONS[a] else []
    return table, suppress_table(table, k, row_lines, column_lines, hidden)


def _noised(
    counts: dict[str, UnitCounts], groups: dict[str, list[str]], budget: dp.Budget, noise
) -> dict[str, UnitCounts]:
    order = [(u, None, None) for u in counts] + [
        (u, col, g) for u in counts for col in PARTITIONS for g in groups[col]
    ]
    values = [counts[u].total if col is None else counts[u].cells[col][g] for u, col, g in order]
    noisy = dp.noisy(values, budget, noise)
    out = {u: UnitCounts(0, {col: {} for col in PARTITIONS}) for u in counts}
    for (u, col, g), value in zip(order, noisy, strict=True):
        if col is None:
            out[u].total = value
        else:
            out[u].cells[col][g] = value
    return out


def _label(theme: Theme, k: int, words: Vocabulary) -> str:
    if theme.kind != "emerging":
        return theme.label
    phrases = [p.text for p in theme.phrases if phrase_is_safe(p, k, words)]
    if phrases and theme.label in phrases:
        return theme.label
    return phrases[0] if phrases else f"Emerging theme {theme.id.split('_')[-1]}"


def _privacy_section(k, redactions, tally, dp_info, quotes, quotes_shown, group):
    rules = [
        f"every count, share and phrase is backed by at least {k} distinct participants; "
        "smaller counts, zero included, are hidden",
        "where the cells of a breakdown add up to a shown total (roles, cohorts), further "
        "cells are hidden so that no hidden cell can be recovered by subtraction",
        "phrases contain no redaction placeholder, no number, name or identifying "
        f"description, and only words used by at least {k} distinct participants",
        "full-sentence quotes are on: at most 2 per theme, screened like phrases"
        if quotes
        else "full-sentence quotes are off",
    ]
    if dp_info is not None:
        rules.append(
            f"counts carry differentially private noise (ε = {dp_info['epsilon']}) added before "
            "suppression; the number of reflections is withheld"
        )
    filter_info = None
    if group is not None:
        rule = (
            "shown only because both the group and the rest of the programme have at least "
            f"{k} participants; no number here differs from the full report by fewer than {k}"
        )
        rules.append(f"filtered view ({group}): {rule}")
        filter_info = {
            "expression": str(group),
            "group": f"≥ {k}",
            "complement": f"≥ {k}",
            "rule": rule,
        }
    return {
        "min_group_size": k,
        "unit": "distinct participants",
        "generated_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "rules": rules,
        "suppressed": tally.to_dict(),
        "totals_shown": [
            "n_participants, split by role and by cohort (each person has one of each)",
            "each theme's participants, split by role and by cohort",
            "sessions, themes and theme × session cells do not add up to any shown total",
        ],
        "redactions": dict(getattr(redactions, "by_label", redactions) or {}),
        "redacted_texts": _redacted_texts(redactions),
        "dp_epsilon": dp_info["epsilon"] if dp_info else None,
        "dp": dp_info,
        "quotes": quotes,
        "quotes_shown": quotes_shown,
        "filter": filter_info,
    }


def _redacted_texts(stats) -> dict[str, int] | None:
    """How many answers had something redacted or flagged (from ``RedactionStats``)."""
    if stats is None or isinstance(stats, dict):
        return None
    names = ("texts", "texts_with_redactions", "texts_with_quasi_identifiers")
    return {name: int(getattr(stats, name)) for name in names if hasattr(stats, name)}
