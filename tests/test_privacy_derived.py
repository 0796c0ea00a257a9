"""What a reader works out from two released sets (``privacy/derived.py``), on small bitsets."""

from __future__ import annotations

from reflect.privacy.derived import KnownSets


def people(*bits: int) -> int:
    return sum(1 << b for b in bits)


EVERYONE = people(*range(20))
FIRST_HALF = people(*range(10))


def test_a_set_near_a_known_one_is_near_and_the_same_set_again_is_not():
    known = KnownSets([(10, FIRST_HALF, 0)])
    assert known.near(people(*range(9)), 5)
    assert not known.near(FIRST_HALF, 5)
    assert not known.near(people(*range(4)), 5)  # six apart


def test_nested_differences_are_the_people_one_set_holds_and_the_other_not():
    known = KnownSets([(20, EVERYONE, 0), (3, people(15, 16, 17), 0)])
    differences = known.nested_differences(FIRST_HALF)
    assert differences == [people(*range(10, 20))]  # inside everyone; apart from the other
    assert sorted(known.nested_differences(people(15, 16, 17, 18))) == [
        people(18),
        people(*range(15), 19),
    ]


def test_derived_sets_are_checked_against_but_never_derived_from():
    known = KnownSets([(20, EVERYONE, 0)], [(10, FIRST_HALF, 0)])
    assert known.near(people(*range(9)), 5)
    assert known.nested_differences(people(*range(3))) == [people(*range(3, 20))]


def test_a_set_with_people_no_known_set_holds_is_packed_wider():
    known = KnownSets([(3, people(0, 1, 2), 0)])
    assert known.nested_differences(people(0, 1, 2, 200)) == [people(200)]
    known.add(people(300, 301))
    assert known.holds(people(300, 301))
    assert known.nested_differences(people(300)) == [people(301)]


def test_a_report_s_own_cells_are_set_against_each_other_where_one_holds_the_other():
    # A view of sessions 3 and 5 released the mentees who raised a theme in either (17); a
    # mentees' view now shows session 3 (10) and session 5 (8): 10 + 8 - 17 = 1 raised it in
    # both (red team, 4 December 2026). Each cell alone passes the ledger; side by side the
    # second is withheld.
    import duckdb

    from reflect.privacy.differences import withhold_released
    from reflect.privacy.ledger import Ledger

    session_3, session_5 = people(*range(10)), people(*range(9, 17))
    book = Ledger(duckdb.connect(), b"k" * 32)
    book.record("report", 5, [session_3 | session_5], "first")
    shown = {"theme": [None, {"session": {"3": 10, "5": 8}}]}
    sets = {("theme", "session", "3"): session_3, ("theme", "session", "5"): session_5}
    withheld = withhold_released(shown, sets, book, 5)
    assert withheld == {("theme", "session", "5")}
    assert shown["theme"][1]["session"] == {"3": 10, "5": None}
    # withheld against the report's own cell, not a release: no group withheld in every theme
    # alike for it (a first release lost every role cell so; held-out council export)
    assert withheld.differing == set()


def test_people_gone_since_a_release_are_counted_over_every_release():
    # 1 to k-1 gone singles them out, however many joined; k or more gone does not, whatever
    # small set a few of them were in (one set's view refused every later report)
    known = KnownSets([(3, people(0, 1, 2), 0), (8, people(*range(8)), 0)])
    assert known.departed(people(*range(8), 50, 51, 52, 53, 54), 5) == 0
    assert known.departed(people(*range(1, 8), 50, 51, 52, 53, 54), 5) == 1
    assert known.departed(people(5, 6, 7), 5) == 0  # five gone
    assert KnownSets([(4, people(0, 1, 2), 1)]).departed(people(0, 1, 2), 5) == 1  # erased
