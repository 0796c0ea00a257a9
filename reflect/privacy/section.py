"""The report's ``privacy`` section (``SafeReport.privacy``, JSON-serialisable): which rules
were applied and what they withheld, in words a programme lead and a privacy reviewer read.

- ``min_group_size``: k. ``unit``: "distinct participants". ``generated_at``: UTC time.
- ``rules``: the rules applied, in plain words (for the report's privacy section).
- ``redactions``: redacted spans by label, e.g. ``{"PERSON": 41, "EMAIL": 9}`` — labels
  redacted fewer than k times are left out; ``redacted_texts``: ``{"texts",
  "texts_with_redactions", "texts_with_quasi_identifiers"}`` (answers analysed, answers with
  something redacted, answers with an identifying description flagged; each null below k),
  or null when only label counts were given. Both null in a DP report.
- ``suppressed``: ``themes`` (themes shown without numbers), ``theme_cells`` (hidden
  breakdown cells of shown themes), ``total_cells`` (hidden report-level breakdown cells),
  ``phrases`` and ``quotes`` (candidates the screen rejected; null in a DP report),
  ``emerging_not_listed`` (emerging themes below k, left out with their labels), and
  ``by_reason``: ``primary`` (below k), ``complementary`` (hidden so another cannot be
  recovered), ``difference`` (filtered views: the full report minus this one would be below
  k), ``near_total`` (fewer than k of the group left out, see ``differences.py``),
  ``earlier_release`` (differs from a count already released by fewer than k people).
- ``release``: ``id`` (this report in the workspace's release ledger, which ``reflect
  compare`` checks) and ``ledger`` (whether one was kept), or null.
- ``totals_shown``: which totals a reader can subtract from (see ``stage.py``).
- ``dp_epsilon``: ε or null; ``dp``: null or the budget — ``epsilon``, ``mechanism``,
  ``library``, ``unit``, ``sensitivity_l1``, ``noise_scale``, ``released_counts``,
  ``split`` (ε per block of counts), ``verified_epsilon`` (OpenDP's privacy map),
  ``not_covered``, ``withheld``, ``workspace_epsilon_spent`` and ``workspace_budget`` (the
  ledger's account, null without a workspace).
- ``quotes``: whether ``--quotes`` was on; ``quotes_shown``: how many are shown.
- ``filter``: null or ``{"expression", "group": "≥ k", "complement": "≥ k", "rule"}`` —
  sizes only as "≥ k", never the numbers.
"""

from __future__ import annotations

from datetime import UTC, datetime

from reflect.privacy.counts import ALL
from reflect.privacy.group_values import SMALL_GROUP

REASONS = ("primary", "complementary", "difference", "near_total", "earlier_release")


class Tally:
    """What was withheld (for ``suppressed``)."""

    def __init__(self) -> None:
        names = "themes theme_cells total_cells phrases quotes emerging_not_listed facets"
        self.counts: dict[str, int | None] = dict.fromkeys(names.split(), 0)
        self.reasons = dict.fromkeys(REASONS, 0)

    def cells(self, shown: dict, view: dict, k: int, reasons: dict) -> None:
        """Count the hidden cells of every shown unit, each under the reason that hid it
        (``reasons``: cell -> reason, for the rules that keep track; a cell below k is
        primary, any other hidden cell complementary)."""
        for unit, (total, cells) in shown.items():
            if total is None:
                continue
            where = "total_cells" if unit == ALL else "theme_cells"
            for column, line in cells.items():
                for group, value in line.items():
                    if value is not None:
                        continue
                    self.counts[where] += 1
                    small = view[unit].cells[column][group] < k
                    reason = "primary" if small else reasons.get((unit, column, group))
                    self.reasons[reason or "complementary"] += 1

    def to_dict(self) -> dict:
        return {**self.counts, "by_reason": dict(self.reasons)}


def privacy_section(
    k, redactions, tally: Tally, dp_info, quotes, quotes_shown, group, release=None, answers=0
) -> dict:
    """``answers``: the report's number of answers, None where it is withheld."""
    rules = [
        f"every count, share and phrase is backed by at least {k} distinct participants; "
        "smaller counts, zero included, are hidden",
        "where the cells of a breakdown add up to a shown total (roles, cohorts), further "
        "cells are hidden so that no hidden cell can be recovered by subtraction",
        f'a count that leaves out fewer than {k} people of its group ("63 of 64", or all '
        "of them) is hidden",
        f"a role, cohort, session or prompt is named only if at least {k} participants share "
        'it and it names no person and no sensitive topic; others are pooled as "other …", '
        f"and roles or cohorts of fewer than {SMALL_GROUP * k} people are pooled together (or "
        'with the smallest larger one) beside a larger one ("line manager or facilitator")',
        "labels and phrases contain no redaction placeholder, no number, name (in any "
        "casing), initials or identifying description, no word naming health, family, age, "
        "disability, religion, sexuality, ethnicity, pay or disciplinary matters, and only "
        f"words used by at least {k} distinct participants",
        "full-sentence quotes are on: at most 2 per theme, one per person, screened like "
        "phrases and never about those sensitive topics by their meaning"
        if quotes
        else "full-sentence quotes are off",
    ]
    if dp_info is not None:
        rules.append(
            f"counts carry differentially private noise (ε = {dp_info['epsilon']}) added before "
            "suppression; the number of reflections is withheld"
        )
    if release is not None and release.get("ledger"):
        rules.append(
            f"no count differs by 1 to {k - 1} people from a count this workspace has already "
            "released (re-runs, filtered views, reviewed themes, comparisons)"
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
            "sessions, prompts, themes and their theme × session / theme × prompt cells do "
            "not add up to any shown total",
        ],
        "redactions": None if dp_info else _redaction_counts(redactions, k),
        "redacted_texts": None if dp_info else _redacted_texts(redactions, k, group, answers),
        "dp_epsilon": dp_info["epsilon"] if dp_info else None,
        "dp": dp_info,
        "quotes": quotes,
        "quotes_shown": quotes_shown,
        "filter": filter_info,
        "release": release,
    }


def _redaction_counts(redactions, k: int) -> dict[str, int]:
    """Redacted spans by label; a label redacted fewer than k times, or in the answers of
    fewer than k participants (when ``RedactionStats`` says whose), is left out."""
    counts = dict(getattr(redactions, "by_label", redactions) or {})
    people = getattr(redactions, "people_by_label", None)
    return {
        label: n
        for label, n in counts.items()
        if n >= k and (people is None or people.get(label, 0) >= k)
    }


def _redacted_texts(stats, k: int, group=None, answers=0) -> dict[str, int | None] | None:
    """How many answers had something redacted or flagged (from ``RedactionStats``); null
    below k answers or below k participants. How many answers there were in all is the
    programme's number of answers: withheld where the report withholds its own, and in a
    filtered view."""
    if stats is None or isinstance(stats, dict):
        return None
    names = {"texts": None, "texts_with_redactions": "people_with_redactions",
             "texts_with_quasi_identifiers": "people_with_quasi_identifiers"}  # fmt: skip
    out = {}
    for name, people in names.items():
        if hasattr(stats, name):
            n, who = int(getattr(stats, name)), getattr(stats, people, None) if people else None
            out[name] = n if n >= k and (who is None or who >= k) else None
    if "texts" in out and (group is not None or answers is None):
        out["texts"] = None
    return out
