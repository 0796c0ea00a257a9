"""The report's ``privacy`` section (``SafeReport.privacy``, JSON-serialisable): which rules
were applied and what they withheld, in words a programme lead and a privacy reviewer read.

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
- ``totals_shown``: which totals a reader can subtract from (see ``stage.py``).
- ``dp_epsilon``: ε or null; ``dp``: null or the budget — ``epsilon``, ``mechanism``,
  ``library``, ``unit``, ``sensitivity_l1``, ``noise_scale``, ``released_counts``,
  ``split`` (ε per block of counts), ``verified_epsilon`` (OpenDP's privacy map),
  ``not_covered``.
- ``quotes``: whether ``--quotes`` was on; ``quotes_shown``: how many are shown.
- ``filter``: null or ``{"expression", "group": "≥ k", "complement": "≥ k", "rule"}`` —
  sizes only as "≥ k", never the numbers.
"""

from __future__ import annotations

from datetime import UTC, datetime


class Tally:
    """What was withheld, counted while the stage suppresses (for ``suppressed``)."""

    def __init__(self) -> None:
        self.counts = {"themes": 0, "theme_cells": 0, "total_cells": 0, "phrases": 0}
        self.counts["quotes"] = self.counts["emerging_not_listed"] = self.counts["facets"] = 0
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


def privacy_section(k, redactions, tally: Tally, dp_info, quotes, quotes_shown, group) -> dict:
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
