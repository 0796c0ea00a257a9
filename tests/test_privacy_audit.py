"""The release audit (``reflect/privacy/audit.py``): what a reader works out from all of a
theme's counts at once, on tiny invented programmes."""

from __future__ import annotations

from attacks import K, frame_of, ledger, person, printable, programme, themes_of

from reflect.privacy import Filter, disclose
from reflect.privacy.audit import small_atoms


def people(*positions: int) -> int:
    return sum(1 << p for p in positions)


def test_three_cells_and_their_union_give_the_one_person_in_two():
    everyone = people(*range(25))
    first, second, third = people(*range(6)), people(*range(6, 20)), people(*range(19, 25))
    assert small_atoms(everyone, [everyone, first, second, third], K) == [people(19)]
    # Without the union's count nothing is pinned down: the three cells alone are disjoint
    # as far as a reader knows.
    assert small_atoms(everyone, [first, second, third], K) == []


def test_cells_of_k_or_more_pinned_down_are_not_small():
    everyone = people(*range(20))
    halves = [people(*range(10)), people(*range(10, 20))]
    assert small_atoms(everyone, [everyone, *halves], K) == []


def report(rows, **options) -> dict:
    frame = frame_of(rows)
    return disclose(themes_of(frame), frame, K, printable=printable, **options).to_dict()


def test_a_view_of_three_sessions_is_not_the_union_of_three_released_cells_less_one():
    # "hybrid" after sessions 1-4 by 7, 9, 18 and 12 people, 39 in all (six in both 3 and 4,
    # one in both 1 and 2). The full report shows every session; a view of sessions 1-3 would
    # show 33 people, and 7 + 9 + 18 - 33 = 1: one person raised it after sessions 1 and 2.
    # No two of those counts give it; the four together do.
    hybrid = [{1, 2}] + [{1}] * 6 + [{2}] * 8 + [{3}] * 12 + [{3, 4}] * 6 + [{4}] * 6
    rows = []
    for i in range(50):
        sessions = hybrid[i] if i < len(hybrid) else set()
        for s in "1234":
            topic = "hybrid" if int(s) in sessions else "career"
            rows += person(
                f"P-{i:03d}", "mentor" if i % 2 else "mentee", "A", [topic, "tools"], [s]
            )
    book = ledger()
    full = {t["id"]: t for t in report(rows, ledger=book)["themes"]}["hybrid"]
    assert full["participants"] == 39 and None not in full["by_session"].values()
    view = report(rows, ledger=book, filter=Filter.parse("session=1,2,3"))
    (shown,) = [t for t in view["themes"] if t["id"] == "hybrid"]
    cells = sum(full["by_session"][s] for s in "123")
    assert shown["participants"] is None or not 0 < cells - shown["participants"] < K


def test_three_groupings_of_the_same_people_do_not_tell_what_one_of_them_wrote():
    # The target T and three groups of 20: North = T + B, East = T + C, Red = B + C. For any
    # theme (North + East - Red) / 2 is whether T raised it; withholding that only when it is
    # 1 would answer too (red team, 4 December 2026). The groupings pin T down from the
    # participants alone, so the third grouping's cells go for every theme alike.
    rows = programme(61, seed=5)
    group = {0: "T", **{i: "BCD"[(i - 1) // 20] for i in range(1, 61)}}
    groupings = [{"T": "North", "B": "North", "C": "South", "D": "South"},
                 {"T": "East", "C": "East", "B": "West", "D": "West"},
                 {"B": "Red", "C": "Red", "T": "Blue", "D": "Blue"}]  # fmt: skip
    book = ledger()
    reports = []
    for names in groupings:
        edited = [dict(r, cohort=names[group[int(r["participant"][2:])]]) for r in rows]
        reports.append({t["id"]: t for t in report(edited, ledger=book)["themes"]})
    for theme in reports[0]:
        names = ("North", "East", "Red")
        cells = [r[theme]["by_cohort"].get(g) for r, g in zip(reports, names, strict=True)]
        assert None in cells, (theme, cells)
