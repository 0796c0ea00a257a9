"""``disclose``: the privacy stage's orchestration — count every unit, suppress, screen, and
assemble the ``SafeReport``.

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

Filtered views (``filter=``) follow the rules in ``views.py``; the ``privacy`` section is
described in ``section.py``.
"""

from __future__ import annotations

from collections.abc import Iterable
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
    one_label_per_person,
    ordered_groups,
)
from reflect.privacy.facets import safe_facets
from reflect.privacy.filters import Filter, check_filter
from reflect.privacy.model import SafeReport, SafeTheme
from reflect.privacy.screening import Vocabulary, phrase_is_safe, pick_quotes
from reflect.privacy.section import Tally, privacy_section
from reflect.privacy.suppression import suppress
from reflect.privacy.views import Shown, filtered_unit
from reflect.review.refs import EMERGING_PREFIX, emerging_ref

if TYPE_CHECKING:
    from reflect.anonymise import RedactionStats
    from reflect.themes.model import Theme

MAX_PHRASES = 5
MAX_QUOTES = 2


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

    tally = Tally()
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
            u: filtered_unit(rows, mask, filter, counts[u], full[u], groups, k, tally, u == ALL)
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
        public_id = _public_id(theme, k, full_words)
        if public_id is None:
            tally.counts["emerging_not_listed"] += 1
            continue  # no phrase k people wrote: nothing to name it by, nothing to review it by
        total, cells = shown[theme.id]
        if total is None:
            tally.counts["themes"] += 1
            empty = {col: dict.fromkeys(cells[col]) for col in PARTITIONS}
            safe_themes.append(
                SafeTheme(public_id, label, theme.kind, theme.description, None, None,
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
        facets, withheld = safe_facets(theme, total, k, words, people, budget is not None)
        tally.counts["facets"] += withheld
        safe_themes.append(
            SafeTheme(public_id, label, theme.kind, theme.description, total, share,
                      cells[F.ROLE], cells[F.SESSION], cells[F.COHORT], phrases, chosen,
                      facets)
        )  # fmt: skip
    safe_themes.sort(key=lambda t: (t.participants is None, -(t.participants or 0), t.label))

    report_total, report_cells = shown[ALL]
    dp_info = budget.to_dict(released, verified) if budget else None
    privacy = privacy_section(k, redactions, tally, dp_info, quotes, quotes_shown, filter)
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


def _public_id(theme: Theme, k: int, words: Vocabulary) -> str | None:
    """The id a report shows: a taxonomy id, or for an emerging theme its review ref
    (``emerging:`` + a hash of its first reported phrases, ``reflect.review.refs``), the same
    in report.json, ``reflect themes list``, review files and ``reflect compare``. Phrases are
    screened against the full programme, so a filtered view shows the same id."""
    if theme.kind != "emerging" or theme.id.startswith(EMERGING_PREFIX) or "/" in theme.id:
        return theme.id
    phrases = [p.text for p in theme.phrases if phrase_is_safe(p, k, words)][:MAX_PHRASES]
    return emerging_ref(phrases)


def _label(theme: Theme, k: int, words: Vocabulary) -> str:
    if theme.kind != "emerging":
        return theme.label
    phrases = [p.text for p in theme.phrases if phrase_is_safe(p, k, words)]
    if phrases and theme.label in phrases:
        return theme.label
    return phrases[0] if phrases else theme.label
