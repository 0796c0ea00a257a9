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
Nothing else adds up: sessions overlap (session cells sum to more than the total; a theme ×
session table has no row or column sums), themes overlap (no "all themes" total), and a
theme's role and cohort breakdowns are two partitions whose cross-cells are never shown. So
every suppressed cell lies only in lines whose other hidden cells hold at least k people.
Zero is a small cell like any other. A unit below k shows no number (nor, if emerging, label).

Before counting, group values that may not be printed (or roles and cohorts too small to break
down by) are pooled (``group_values.py``), and a programme too small to report on is refused
(fewer than k participants, or fewer than k in every role and every cohort). After suppression,
counts that leave out fewer than k people of their group, and counts that differ by a few people
from what the workspace already released, are withheld (``differences.py``, ``ledger.py``).
Filtered views (``filter=``) follow the rules in ``views.py``; the ``privacy`` section is
described in ``section.py``; the taxonomy fit's share in ``fit.py``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from reflect import frames as F
from reflect.defaults import MIN_GROUP_SIZE
from reflect.errors import ConfigError, DisclosureRefused
from reflect.privacy import differences, dp
from reflect.privacy.as_written import as_written
from reflect.privacy.audit import withhold_determined, withhold_small_groups
from reflect.privacy.counts import (
    ALL,
    PARTITIONS,
    Encoded,
    copies_as_one,
    one_label_per_person,
    ordered_groups,
)
from reflect.privacy.digests import bitset, numbers_digest
from reflect.privacy.facets import facet_sets, facets_against_ledger, safe_facets
from reflect.privacy.filters import Filter, check_filter, not_with_a_filter
from reflect.privacy.fit import safe_fit
from reflect.privacy.group_values import Printable, design_groups, pool_group_values
from reflect.privacy.ledger import Ledger
from reflect.privacy.model import SafeReport, SafeTheme
from reflect.privacy.pins import check_edits
from reflect.privacy.screening import Vocabulary, label_words, phrase_is_safe, pick_quotes
from reflect.privacy.section import Tally, privacy_section
from reflect.privacy.suppression import answers_shown, suppress_unit
from reflect.privacy.topics import Embed
from reflect.privacy.views import filtered_unit
from reflect.review.apply import ReviewMoves, check_review_moves
from reflect.review.refs import EMERGING_PREFIX, emerging_ref

if TYPE_CHECKING:
    from reflect.anonymise import RedactionStats
    from reflect.themes.model import Theme

MAX_PHRASES, MAX_QUOTES = 5, 2


def disclose(
    themes: list[Theme],
    frame: pd.DataFrame,
    min_group_size: int = MIN_GROUP_SIZE,
    redactions: dict[str, int] | RedactionStats | None = None,
    *,
    filter: Filter | None = None,  # noqa: A002 - the CLI option's name
    quotes: bool = False,
    dp_epsilon: float | None = None,
    dp_budget: float | None = None,
    vocabulary: Iterable[str] = (),
    ledger: Ledger | None = None,
    printable: Printable | None = None,
    dp_noise: dp.Noise | None = None,
    embed: Embed | None = None,
    fit=None,
    review_moves: ReviewMoves | None = None,
    edits_changed: bool = False,
    questions: Sequence[str] | None = None,
) -> SafeReport:
    """``vocabulary``: taxonomy words that may appear capitalised in phrases ("Teams").
    ``ledger``: the workspace's release ledger (without one, each report is checked alone).
    ``printable``: screens group values' words (default: the redaction analyzer); ``dp_noise``:
    tests only, a seeded noise function in place of OpenDP's.
    ``embed``: texts -> vectors, for screening quotes by meaning (default: the packaged model;
    the pipeline passes its workspace-cached one). ``fit``: the taxonomy's ``TaxonomyFit``.
    ``review_moves``: what the analyst's review moved, judged once the ledger has checked who
    is reported and who changed (``check_review_moves``); ``edits_changed``: the review or
    its taught answers differ from the last release's (``pins``). ``questions``: the export's,
    answered or not (``ingest.Export.questions``): a DP report's prompts (None: none)."""
    # Every rule — counts, phrases, facets, labels — at the largest k the workspace has used:
    # a report at -k 2 after reports at 5 showed phrases one person wrote (red team, 4 December
    # 2026), though its counts were held to 5.
    k = ledger.threshold(min_group_size) if ledger is not None else min_group_size
    F.check_columns(frame, F.REDACTED_COLUMNS, "privacy")
    if filter is not None and (clash := not_with_a_filter(dp_epsilon, quotes)):
        raise ConfigError(clash)
    # Positions are what theme members refer to; a clean index lets masks align with them.
    frame = one_label_per_person(copies_as_one(frame)).reset_index(drop=True)
    refuse_too_small(frame, k)
    # People are known by their groups as exported: pooling one must not change them all.
    design = {F.PROMPT: questions or ()} if dp_epsilon is not None else {}
    as_exported, (frame, _) = frame, pool_group_values(frame, k, printable, design)
    if dp_epsilon is not None:
        themes = [t for t in themes if t.kind != "emerging"]  # see dp.py
    groups = {col: ordered_groups(frame[col]) for col in PARTITIONS}
    groups.update({col: design_groups(col, values, printable) for col, values in design.items()})
    units = {ALL: frame, **{t.id: frame.iloc[t.members] for t in themes}}
    encoded = Encoded(frame, groups)
    counts = {u: encoded.count(rows.index.to_numpy()) for u, rows in units.items()}

    budget = verified = account = None
    released = len(units) * (1 + sum(len(labels) for labels in groups.values()))
    if dp_epsilon is not None:
        sizes = {col: len(labels) for col, labels in groups.items()}
        budget = dp.budget(
            dp_epsilon, len(units), sizes[F.ROLE], sizes[F.COHORT], sizes[F.SESSION],
            sizes[F.PROMPT],
        )  # fmt: skip
        account = ledger.check_budget(dp_epsilon, dp_budget) if ledger else (None, None)
        verified = dp.verify(budget) if dp_noise is None else None
        counts = dp.noised_counts(counts, groups, budget, dp_noise)

    reasons: dict = {}
    full = {u: suppress_unit(c, k, counts[ALL].total >= k) for u, c in counts.items()}
    programme_units = units  # the whole programme's, before a view narrows them
    bits = ledger.bits(as_exported).to_dict() if ledger is not None and budget is None else None
    if filter is not None and bits is not None:
        # Before the view's group is matched: after `reflect forget`, a cohort pooled with
        # another only since then failed to match, naming the erased person's (red team).
        differences.check_programme(programme_units, encoded, bits, ledger, k)
    if filter is None:
        mask, shown, view = None, full, counts
    else:
        filter = filter.labelled(frame)  # noqa: A001 - role values as the frame writes them
        # k is the largest the workspace has used: a view refused at k and let through at a
        # smaller k told how many wrote only outside it (red team, 4 December 2026).
        mask = check_filter(frame, filter, k)
        # The full report's margins as it shows them, near-total and overlap rules applied:
        # cohort views otherwise showed the parts of a cell the full report withholds.
        margins = {u: [t, {c: dict(line) for c, line in cells.items()}] for u, (t, cells) in
                   full.items()}  # fmt: skip
        differences.withhold_near_totals(margins, counts, k)
        shown = {
            u: filtered_unit(
                rows, mask, filter, counts[u], tuple(margins[u]), groups, k, u == ALL, reasons, u
            )
            for u, rows in units.items()
        }
        units = {u: rows[mask.loc[rows.index].to_numpy()] for u, rows in units.items()}
        view = {u: encoded.count(rows.index.to_numpy()) for u, rows in units.items()}
    shown = {u: [total, {c: dict(line) for c, line in cells.items()}] for u, (total, cells) in
             shown.items()}  # fmt: skip
    reasons |= dict.fromkeys(differences.withhold_near_totals(shown, view, k), "near_total")
    sets = threshold = population = None
    if ledger is not None and dp_epsilon is None:
        threshold = ledger.threshold(k)
        sets = differences.released_sets(units, encoded, bits)
        population = ledger.population(units[ALL][F.PARTICIPANT])
        programme = bitset(np.fromiter(set(bits.values()), dtype=np.int64))  # who is here
        same_people = ledger.check_population(sets[(ALL, None, None)], threshold, population,
                                              programme)  # fmt: skip
        ledger.check_changes(0, threshold)  # who changed: before any edit is judged
        check_edits(edits_changed, ledger.people.changed)
    if review_moves is not None:
        check_review_moves(review_moves, k if threshold is None else threshold)
    if sets is not None:
        withheld = differences.withhold_released(shown, sets, ledger, threshold, same_people)
        reasons |= dict.fromkeys(withheld, "earlier_release")
        # rule 3: themes; a view counts the whole programme's, as its report would
        programme_sets = differences.unit_sets(programme_units, encoded, bits)
        changed = np.fromiter(ledger.people.changed_bits, dtype=np.int64)
        stable = ~bitset(changed)  # the people whose answers are as released before
        moved = differences.moved_totals(programme_sets, ledger, threshold, stable)
    hidden, extra_sets = differences.make_consistent(shown, view, k, sets, ledger, threshold)
    if sets is not None:  # all of a theme's counts together, not only two at a time
        hidden |= withhold_small_groups(shown, sets, ledger.audit.groups, threshold)
        hidden |= withhold_determined(shown, sets, ledger.known, threshold, ledger.audit.people)
        more, extra_sets = differences.make_consistent(shown, view, k, sets, ledger, threshold)
        hidden |= more
        more, extra_sets = differences.alike_and_consistent(shown, view, threshold, sets,
            ledger, withheld, reasons, extra_sets, differences.stable(themes, filter))  # fmt: skip
        hidden |= more
    reasons |= dict.fromkeys(hidden, "earlier_release")  # extra_sets: hidden unions, facets
    tally = Tally()
    tally.cells(shown, view, k, reasons)

    group_frame = frame if mask is None else frame[mask]
    people = None if mask is None else frozenset(group_frame[F.PARTICIPANT])
    words = Vocabulary(
        group_frame[F.TEXT].tolist(), group_frame[F.PARTICIPANT].tolist(), vocabulary, embed
    )
    full_words = words if filter is None else Vocabulary(
        frame[F.TEXT].tolist(), frame[F.PARTICIPANT].tolist(), vocabulary, embed
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
                          empty[F.ROLE], empty[F.SESSION], empty[F.COHORT],
                          by_prompt=empty[F.PROMPT], nothing_to_report=theme.nothing_to_report)
            )  # fmt: skip
            continue
        # Under DP no phrase: text beside noised counts shows who took part (red team).
        phrases = [
            p.text for p in theme.phrases if not budget and phrase_is_safe(p, k, words, people)
        ]
        tally.counts["phrases"] += max(0, min(len(theme.phrases), MAX_PHRASES) - len(phrases))
        phrases = phrases[:MAX_PHRASES]
        chosen: list[str] = []
        if quotes:
            rows = units[theme.id]
            about = [*phrases, *label_words(label)]  # pick_quotes matches any case
            texts, writers = rows[F.TEXT].tolist(), rows[F.PARTICIPANT].tolist()
            # what the theme is about: its name, and what its people wrote (red team, stop 41:
            # a wellbeing theme renamed "Energy and pace" was quoted again)
            named = ". ".join([label, theme.description, *(p.text for p in theme.phrases),
                               *(f.text for f in theme.facets)])  # fmt: skip
            chosen, rejected = pick_quotes(texts, writers, k, words, about, MAX_QUOTES, named)
            tally.counts["quotes"] += rejected
            quotes_shown += len(chosen)
        share = round(total / n_shown, 3) if n_shown else None
        facets, withheld = safe_facets(
            theme, total, k, words, people, budget is not None, label=label
        )
        if sets is not None:  # facet counts are released counts too: the ledger checks them
            held = facets_against_ledger(theme, facets, people, bits, ledger, threshold)
            withheld += held
            extra_sets += [s for _, s in facet_sets(theme, facets, people, bits)]
        tally.counts["facets"] += withheld
        safe_themes.append(
            SafeTheme(public_id, label, theme.kind, theme.description, total, share,
                      cells[F.ROLE], cells[F.SESSION], cells[F.COHORT], phrases, chosen,
                      facets, by_prompt=cells[F.PROMPT], nothing_to_report=theme.nothing_to_report)
        )  # fmt: skip
    if budget is None:  # under DP nothing shown may depend on the data beyond what it releases
        safe_themes = as_written(safe_themes, frame, k)
    # Largest first; capitals ("GitHub") do not change the order.
    safe_themes.sort(
        key=lambda t: (t.participants is None, -(t.participants or 0), t.label.lower())
    )
    if budget is not None:  # data-dependent counts of the privacy section: withheld under DP
        tally.counts.update(phrases=None, quotes=None, facets=None)  # facets: red team, 4 Dec

    report_total, report_cells = shown[ALL]
    dp_info = budget.to_dict(released, verified) if budget else None
    if dp_info is not None:
        dp_info["workspace_epsilon_spent"], dp_info["workspace_budget"] = account
    report = SafeReport(
        min_group_size=k,
        n_participants=report_total,
        n_reflections=answers_shown(len(group_frame), report_total, report_cells, budget),
        participants_by_role=report_cells[F.ROLE],
        participants_by_session=report_cells[F.SESSION],
        participants_by_cohort=report_cells[F.COHORT],
        participants_by_prompt=report_cells[F.PROMPT],
        themes=safe_themes,
        privacy={},
    )
    report.taxonomy_fit, fit_sets, fit_moved = safe_fit(
        fit, frame, k, budget is not None, ledger if sets else None, bits, threshold
    )
    release = None
    if ledger is not None:
        if sets is not None:
            # A view's own numbers are no proof nothing moved: unchanged where the writer is not
            # (red team, stop 37); only a full report's repeat is.
            again = numbers_digest(report.to_dict()) if filter is None else None
            ledger.check_changes(moved + fit_moved, threshold, again)
        released_sets = differences.shown_sets(shown, sets, extra_sets + fit_sets) if sets else []
        kind = "dp" if budget else "filtered" if filter else "report"
        numbers = numbers_digest(report.to_dict())
        release_id = ledger.record(
            kind, k, released_sets, numbers, epsilon=dp_epsilon, population=population
        )
        if sets is not None:  # who each theme's counts are about (audit.py)
            programme = differences.shown_sets({ALL: shown[ALL]}, sets)
            totals = {u: people for u, people in programme_sets.items() if u != ALL}
            fresh = ledger.people.changed >= threshold  # a new generation of totals
            ledger.audit.add(totals, programme, about=programme_sets[ALL], fresh=fresh)
        release = {"id": release_id, "ledger": True}
    report.privacy = privacy_section(
        k, redactions, tally, dp_info, quotes, quotes_shown, filter, release, report.n_reflections
    )
    return report


def refuse_too_small(frame: pd.DataFrame, k: int) -> None:
    """A programme below k, or with fewer than k people in every role and every cohort, has
    nothing to report that would not be about individuals."""
    if frame[F.PARTICIPANT].nunique() < k:
        raise DisclosureRefused(
            f"fewer than {k} participants: a report could only describe individuals "
            f"(the minimum group size is {k})"
        )
    sizes = [
        frame[frame[col] != ""].groupby(col)[F.PARTICIPANT].nunique() for col in (F.ROLE, F.COHORT)
    ]
    sizes = [s for s in sizes if len(s)]
    if sizes and all((s < k).all() for s in sizes):
        raise DisclosureRefused(
            f"every role and every cohort has fewer than {k} participants: no count could be "
            "broken down without describing individuals"
        )


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
