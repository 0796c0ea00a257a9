"""Counts that are safe alone but not beside another count: the rules that run after primary
and complementary suppression, on the numbers a report is about to show.

Within one report — counts near their group total. "63 of the 64 mentees raised it" tells
that one mentee did not: the people a count leaves out of its group are a cell too. So
- a theme's count is withheld when fewer than k people of its group did not raise it (none
  included: "all 12 mentors" says what each of them wrote): its total against the programme's
  participants, its role/cohort/session/prompt cells against the programme's count of that
  group;
- a theme's session or prompt cell is withheld when it is 1 to k−1 short of the theme's own
  total, and the programme's session or prompt counts when 1 to k−1 short of its size (equal
  is fine: everyone wrote in that session);
- the sessions' or prompts' cells less the total count the people in several of them: when
  that is 1 to k−1 (with every cell shown), the smallest cell is withheld.
Role and cohort cells short of their total are already covered by complementary suppression.

Across reports — the release ledger (``ledger.py``): a count whose people differ from those
of a count already released from the workspace by 1 to k−1 is withheld.

Then the report is made consistent again: a unit whose total is withheld shows none of its
role and cohort cells (they would add up to it), and every role and cohort line with a newly
hidden cell gets complementary protection. Last, the people of a line's hidden cells together
(its total minus its shown cells) are a count the reader has too: when they differ from a
released set by 1 to k−1, the line's smallest shown cells are withheld until they do not
(``withhold_hidden_unions``). Without that, the same people grouped another way in a second
report (two cohorts pooled as "other cohorts") gave a hidden cell by subtraction: "room" had
East 9 and West 10 shown, North and South hidden; then "other cohorts" (South and West) 16
shown, East and North hidden; so North = 29 − 16 − 9 = 4 (a red-team finding, 3 December 2026).
The hidden unions shown are recorded like any count.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from reflect import frames as F
from reflect.privacy.counts import ALL, PARTITIONS, Encoded, UnitCounts
from reflect.privacy.derived import KnownSets
from reflect.privacy.digests import bitset
from reflect.privacy.ledger import Ledger
from reflect.privacy.suppression import protect_line

# unit -> [total, {column: {group: shown count or None}}], edited in place
Shown = dict[str, list]
Cell = tuple[str, str | None, str | None]  # (unit, column, group); column None: the total


def withhold_near_totals(shown: Shown, view: dict[str, UnitCounts], k: int) -> set[Cell]:
    """Apply the within-report rule (module docstring); returns the cells it withheld."""
    n, group_totals = view[ALL].total, view[ALL].cells
    withheld: set[Cell] = set()
    for unit, (total, cells) in shown.items():
        true = view[unit]
        for column, line in cells.items():
            for group, value in line.items():
                if value is None:
                    continue
                count = true.cells[column][group]
                if unit == ALL:
                    near = not PARTITIONS[column] and 0 < n - count < k
                else:
                    near = group_totals[column][group] - count < k or (
                        not PARTITIONS[column] and 0 < true.total - count < k
                    )
                if near:
                    line[group] = None
                    withheld.add((unit, column, group))
        if unit != ALL and total is not None and n - true.total < k:
            shown[unit][0] = None
            withheld.add((unit, None, None))
        withheld |= _withhold_small_overlaps(unit, shown[unit], true, k)
    return withheld


def _withhold_small_overlaps(unit: str, shown_unit: list, true: UnitCounts, k: int) -> set[Cell]:
    """Sessions or prompts: every member of the unit is in one or more, so the cells less the
    total count the people in several (each once per extra cell). With two: "minutes" 17
    under one question, 9 under the other, 25 in all — one person under both (red team, 4
    December 2026); with three, 6 + 6 + 14 less 25: one person in two of three sessions (an
    audit of a session view, 4 December 2026). When that excess is 1 to k−1 and every cell is
    shown, the smallest cell is withheld."""
    total, cells = shown_unit
    withheld: set[Cell] = set()
    for column, line in cells.items():
        if PARTITIONS[column] or len(line) < 2 or total is None or None in line.values():
            continue
        counts = true.cells[column]
        if 0 < sum(counts[g] for g in line) - true.total < k:
            smallest = min(line, key=lambda g: (counts[g], str(g)))
            line[smallest] = None
            withheld.add((unit, column, smallest))
    return withheld


def released_sets(
    units: dict[str, pd.DataFrame], encoded: Encoded, bits: dict[str, int]
) -> dict[Cell, int]:
    """The people behind every count of the report's units (``units``: each unit's rows in
    this view), as bitsets over the ledger's bits (``bits``: participant -> bit)."""
    bit_of = np.array([bits[p] for p in encoded.participants], dtype=np.int64)
    sets: dict[Cell, int] = {}
    for unit, rows in units.items():
        positions = rows.index.to_numpy()
        sets[(unit, None, None)] = bitset(bit_of[np.unique(encoded.people[positions])])
        for column, by_group in encoded.people_by_group(positions).items():
            for group, people in by_group.items():
                sets[(unit, column, group)] = bitset(bit_of[people])
    return sets


class Withheld(set):
    """Cells withheld, with ``differing``: those withheld for differing from a release."""

    def __init__(self) -> None:
        super().__init__()
        self.differing: set[Cell] = set()


def withhold_released(
    shown: Shown, sets: dict[Cell, int], ledger: Ledger, k: int, same_people: bool = False
) -> set[Cell]:
    """Withhold every count whose people differ from a released set by 1 to k−1 (and a
    theme that copies another, whole). ``same_people``: the report's participants are those
    of a released report, so its total is the same number again even where copied answers
    regrouped its members. ``withheld.differing`` (a ``Withheld``): the cells that differed
    from a released count."""
    withheld = Withheld()
    pending = KnownSets()  # this report's counts shown so far: set against each other too
    themes_seen: list[list[int]] = []  # this report's themes so far (total, question cells)

    def near(cell: Cell) -> bool:
        if ledger.differs_by_a_few(sets[cell], k, pending):
            withheld.add(cell)
            if ledger.known.near(sets[cell], k):  # from a release itself: not only from this
                withheld.differing.add(cell)  # report's own cells, or a difference of two
            return True
        pending.add(sets[cell])
        return False

    for unit, (total, cells) in shown.items():
        people = sets.get((unit, None, None))
        asked = [sets[(unit, F.PROMPT, g)] for g in cells.get(F.PROMPT, {})]
        asked = [c for c in asked if c.bit_count() >= k - 1]  # k−2 plus one is still below k
        if unit != ALL and people is not None and _a_copy(people, asked, themes_seen, k):
            withheld |= {
                (unit, None, None),
                *((unit, c, g) for c, line in cells.items() for g in line),
            }
            shown[unit][0] = None
            for line in cells.values():
                line.update(dict.fromkeys(line))
            continue
        if same_people and unit == ALL:
            pending.add(sets[(unit, None, None)])
        elif total is not None and near((unit, None, None)):
            shown[unit][0] = None
        for column, line in cells.items():
            for group, value in line.items():
                if value is not None and near((unit, column, group)):
                    line[group] = None
    return withheld


def alike_and_consistent(shown, view, k, sets, ledger, withheld, reasons, unions, stable):
    """``withhold_alike`` (``stable``: what ``stable`` gives) on the cells rule 1 withheld for
    differing from a release (``withhold_released``) and a theme's cells the near-total rule
    withheld that do too (the programme's are who attended, report after report), then line
    protection and the hidden-union rule again (``make_consistent``), until nothing more is
    withheld; returns the cells withheld here and the hidden unions' sets."""
    near = {c for c, why in reasons.items() if why == "near_total" and c in sets and c[0] != ALL}
    withheld = withheld.differing | {c for c in near if ledger.known.near(sets[c], k)}
    hidden: set[Cell] = set()
    wider = withhold_alike(shown, withheld, stable)
    while wider:
        hidden |= wider
        more, unions = make_consistent(shown, view, k, sets, ledger, k)
        wider = withhold_alike(shown, more - hidden, stable)
        hidden |= more
    return hidden, unions


def stable(themes, filter) -> tuple[frozenset[str], bool]:  # noqa: A002 - the option's name
    """The units whose cells are the same people when the answers are (the programme, the
    taxonomy themes; not an emerging theme, found anew each run), and whether the report is
    a filtered view (``withhold_alike``)."""
    return frozenset(t.id for t in themes if t.kind != "emerging") | {ALL}, filter is not None


def withhold_alike(shown: Shown, withheld: set[Cell], stable) -> set[Cell]:
    """A group's cell withheld for an earlier release is withheld in every unit alike: the
    themes whose cells alone were withheld were the themes of the one person who left that
    group (red team, stop 42: after `reflect forget`, a new session's report withheld, in the
    old sessions, exactly the cells of the themes the erased person had raised there, 49 of
    49). A filtered view's theme totals are one group's cells: one withheld so, all are (the
    next round: a session view after one answer there was emptied, 150 of 150). ``stable``
    (``stable``): only a stable unit's cell says so; an emerging theme's moved every session
    column of a routine next-session report."""
    units, view = stable
    withheld = {cell for cell in withheld if cell[0] in units}
    # Sessions only: a later session leaves an earlier one's answers as they were, so its
    # cells move only by the few who left it; a role's, cohort's or question's cells take in
    # every new session's answers, and widening them took those breakdowns from every report.
    groups = {(column, group) for _, column, group in withheld if column == F.SESSION}
    totals = view and any(column is None and unit != ALL for unit, column, _ in withheld)
    more: set[Cell] = set()
    for unit, (total, cells) in shown.items():
        if totals and unit != ALL and total is not None:
            shown[unit][0] = None
            more.add((unit, None, None))
        for column, group in groups:
            line = cells.get(column, {})
            if line.get(group) is not None:
                line[group] = None
                more.add((unit, column, group))
    return more


def _a_copy(people: int, asked: list[int], themes_seen: list[list[int]], k: int) -> bool:
    """A theme whose people are another theme's, give or take fewer than k: withheld whole,
    equal or not (beside a withheld theme too: a 4-person theme withheld beside its copy
    shown with 5 said the fifth was not in it — code review, stop 39). A taxonomy holding a
    copy of each theme, the copy moved by one person's word or taught answer alone, showed
    the copy where that person was in the theme and withheld it (its count, or their group's
    cell) where they were not (red team, stop 39); withheld alike, the pair tells nothing."""
    # ...its people or its people under one question (``asked``) against another theme's,
    # either way: a copy restricted to one question is that theme's cell for it (red team,
    # stop 40). ``themes_seen``: each earlier theme's people, then its question cells.
    earlier = [seen[0] for seen in themes_seen]
    cells = [cell for seen in themes_seen for cell in seen[1:]]
    copy = any(
        (own ^ other).bit_count() < k
        for own, others in ((people, earlier + cells), *((cell, earlier) for cell in asked))
        for other in others
    )
    themes_seen.append([people, *asked])
    return copy


def check_programme(units, encoded: Encoded, bits, ledger: Ledger, k: int) -> bool:
    """The full report's rule 2 for a filtered view, on the whole programme's participants:
    refused alike whichever group the view names (``Ledger.check_population``)."""
    people = released_sets({ALL: units[ALL]}, encoded, bits)[(ALL, None, None)]
    return ledger.check_population(people, k, ledger.population(units[ALL][F.PARTICIPANT]))


def unit_sets(units, encoded: Encoded, bits) -> dict[str, int]:
    """Each unit's people (its total's), as bitsets over the ledger's bits."""
    bit_of = np.array([bits[p] for p in encoded.participants], dtype=np.int64)
    return {
        unit: bitset(bit_of[np.unique(encoded.people[rows.index.to_numpy()])])
        for unit, rows in units.items()
    }


def moved_totals(programme: dict[str, int], ledger: Ledger, k: int, stable: int = -1) -> int:
    """Rule 3's count, for a full report and for every view alike: how many of the whole
    programme's themes (``programme``: ``unit_sets``) hold 1 to k−1 people more or fewer than
    one of their releases since k or more people last changed, among the people those
    releases were about (``AuditStore.moved``); a theme with no releases of its own (a
    split's new part, a merge named by a small theme, an emerging theme numbered anew), or
    whose releases were another theme's, counts as moved when it holds k people or more and
    differs from any released set by 1 to k−1.
    Views that withheld only the cells that moved showed, view by view, where the few people
    were (a taught answer: its writer's role and session — red team, 4 December 2026). A
    theme with releases of its own is set against them, not against any near count: a theme
    held back beside a released cell (32 raised it, 30 mentors) is no move (code review,
    round 5), and a full report after the role views was refused for it with nothing changed
    (stop 38). Only among the ``stable`` people (whose answers did not change), whatever else
    changed: a "!" added to five bystanders' answers made five people "changed", which let a
    review edit one person from a released split through (red team, stop 38)."""
    moved = 0
    for unit, members in programme.items():
        if unit == ALL:
            continue
        own = ledger.audit.moved(unit, members, k, stable)
        if own is None:  # below k a theme shows nothing (a taxonomy theme 2 people match)
            own = members.bit_count() >= k and (
                ledger.differs_by_a_few(members, k)
                if stable == -1
                else ledger.known.near_among(members, k, stable)
            )
        moved += own
    return moved


def make_consistent(
    shown: Shown, view: dict[str, UnitCounts], k: int, sets=None, ledger=None, threshold=None
) -> tuple[set[Cell], list[int]]:
    """No hidden total behind shown role/cohort cells; complementary protection again; then,
    with a ledger, ``withhold_hidden_unions`` (what it returns, or nothing withheld)."""
    for unit, (total, cells) in shown.items():
        for column, line in cells.items():
            if not PARTITIONS[column]:
                continue
            if total is None:
                cells[column] = dict.fromkeys(line)
            else:
                protect_line(view[unit].cells[column], line, list(line), k)
    if sets is None:
        return set(), []
    return withhold_hidden_unions(shown, sets, ledger, threshold)


def withhold_hidden_unions(
    shown: Shown, sets: dict[Cell, int], ledger: Ledger, k: int
) -> tuple[set[Cell], list[int]]:
    """Withhold the smallest shown role/cohort cells of a line until the people of its hidden
    cells together (the unit's people not in a shown cell) differ from no released set by 1 to
    k−1; returns the withheld cells and those people's sets (to record: the reader has them)."""
    withheld: set[Cell] = set()
    unions: list[int] = []
    for unit, (total, cells) in shown.items():
        if total is None:
            continue
        for column, line in cells.items():
            if not PARTITIONS[column] or all(v is not None for v in line.values()):
                continue
            while True:
                rest = sets[(unit, None, None)]
                for group, value in line.items():
                    if value is not None:
                        rest &= ~sets[(unit, column, group)]
                visible = sorted((v, str(g), g) for g, v in line.items() if v is not None)
                if not visible or not ledger.differs_by_a_few(rest, k):
                    unions.append(rest)
                    break
                *_, smallest = visible[0]
                line[smallest] = None
                withheld.add((unit, column, smallest))
    return withheld, unions


def shown_sets(shown: Shown, sets: dict[Cell, int], also: list[int] = ()) -> list[int]:
    """The people behind every count the report shows (what the ledger records), with
    ``also`` (other sets the reader has: hidden unions, facets, the taxonomy fit's)."""
    out = list(also)
    for unit, (total, cells) in shown.items():
        if total is not None:
            out.append(sets[(unit, None, None)])
        for column, line in cells.items():
            out += [sets[(unit, column, g)] for g, v in line.items() if v is not None]
    return out
