"""The roster and the taught answers are fixed once a workspace has released a report
(``privacy/pins.py``)."""

from __future__ import annotations

import duckdb
import pytest
from attacks import KEY

from reflect.errors import DisclosureRefused
from reflect.keys import pseudonym
from reflect.privacy.identity import person_tag
from reflect.privacy.ledger import Ledger
from reflect.privacy.pins import (
    check_roster,
    check_taxonomy,
    check_teaching,
    id_shapes,
    keep,
    keep_id_shapes,
    roster_digest,
    taxonomy_digest,
    teaching_digest,
)
from reflect.review import Review
from reflect.roster import Roster

PEOPLE = [f"P-{i:03d}" for i in range(40)]
ROSTER = Roster(ids=("P-001",), names=("Amara Osei", "Tomasz Wrona"), nicknames=("Tom",))


def released_with(roster: Roster | None, pinned: bool = True):
    db = duckdb.connect()
    ledger = Ledger(db, KEY)
    for bit, who in enumerate(PEOPLE):
        db.execute(
            "INSERT INTO ledger_people VALUES (?, ?)", [person_tag(KEY, pseudonym(who, KEY)), bit]
        )
    ledger.record("report", 5, [], "numbers", population="everyone")
    if pinned:
        keep(db, "ledger_roster", roster_digest(roster, KEY))
    return db


def test_the_same_roster_as_released_passes_whatever_its_case_and_spacing():
    db = released_with(ROSTER)
    again = Roster(ids=("p-001",), names=("amara  osei", "Tomasz Wrona"), nicknames=("TOM",))
    check_roster(db, roster_digest(again, KEY))


@pytest.mark.parametrize(
    ("first", "then"),
    [
        (ROSTER, Roster(ROSTER.ids, (*ROSTER.names, "Dyspraxic Qwxz"), ROSTER.nicknames)),
        (ROSTER, Roster(ROSTER.ids, ROSTER.names[:1], ROSTER.nicknames)),  # a name taken out
        (None, Roster(names=("Loudest Qwxz",))),  # released with none, then one
    ],
)
def test_a_roster_changed_after_a_release_is_refused(first, then):
    # A row named "Dyspraxic Qwxz" redacted that word where one person wrote it, and the
    # ledger's refusal ("1 changed") told that someone had (red team, stop 38).
    db = released_with(first)
    with pytest.raises(DisclosureRefused, match="roster differs"):
        check_roster(db, roster_digest(then, KEY))


def test_a_roster_grown_for_a_new_intake_is_refused_too():
    # "k new participants" did not hold: renamed ids are no newcomers to the ledger, which
    # knows people by their answers, and made-up rows are (code review, stop 38).
    db = released_with(ROSTER)
    grown = Roster(ROSTER.ids, (*ROSTER.names, "Kofi Mensah"), ROSTER.nicknames)
    with pytest.raises(DisclosureRefused, match="new workspace"):
        check_roster(db, roster_digest(grown, KEY))


def test_before_any_release_any_roster_goes():
    db = duckdb.connect()
    Ledger(db, KEY)
    check_roster(db, roster_digest(ROSTER, KEY))


THEMES = ("wellbeing", "career")


def taught(*answers: str, theme: str = "wellbeing") -> Review:
    review = Review()
    review.teach(theme, list(answers))
    return review


def released_teaching(review: Review | None):
    db = released_with(None)
    keep(db, "ledger_teaching", teaching_digest(review, KEY, THEMES))
    return db


def test_the_same_teaching_as_released_passes_in_any_order():
    db = released_teaching(taught("I slept badly before the session", "Calmer this week"))
    again = taught("Calmer this week", "I slept badly before the session")
    check_teaching(db, teaching_digest(again, KEY, THEMES))


@pytest.mark.parametrize(
    ("first", "then"),
    [
        # The attack: the answer's twin (a space added: its embedding, no answer's text) taught
        # first, then the answer itself; refused or not, the pair said whether its writer was
        # in the theme (red team, stop 39).
        (taught("Calmer this week "), taught("Calmer this week")),
        (None, taught("Calmer this week")),  # released untaught, then taught
        (taught("Calmer this week"), None),  # the teaching undone
    ],
)
def test_teaching_changed_after_a_release_is_refused(first, then):
    db = released_teaching(first)
    with pytest.raises(DisclosureRefused, match="taught answers differ"):
        check_teaching(db, teaching_digest(then, KEY, THEMES))


def test_before_any_release_any_teaching_goes():
    db = duckdb.connect()
    Ledger(db, KEY)
    check_teaching(db, teaching_digest(taught("Calmer this week"), KEY, THEMES))


def test_the_own_id_shapes_are_those_of_the_first_release():
    # Renaming most ids after a report to a new shape ("covid19", "covid20", ...) would start
    # a search for a word one person wrote.
    db = released_with(None)
    first = [f"E{20000 + i}" for i in range(40)]
    keep_id_shapes(db, id_shapes(db, first, 5))
    renamed = [f"covid{i}" for i in range(10, 50)]
    assert id_shapes(db, renamed, 5) == {"a99999"}
    keep_id_shapes(db, frozenset({"aaaaa99"}))  # a later release keeps the first's
    assert id_shapes(db, renamed, 5) == {"a99999"}


def test_before_any_release_the_shapes_most_ids_share_are_used():
    db = duckdb.connect()
    assert id_shapes(db, [*(f"RM{i:05d}" for i in range(30)), "1998", "p45"], 5) == {"aa99999"}


def test_a_verdict_for_a_theme_the_taxonomy_lacks_waits_but_switched_on_is_a_change():
    # Taught to a theme id not in the taxonomy, a verdict waits unused; a taxonomy renaming a
    # theme to that id switched the one verdict on alone (red team, stop 39).
    review = taught("Calmer this week", theme="q_wellbeing")
    db = released_with(None)
    keep(db, "ledger_teaching", teaching_digest(review, KEY, THEMES))
    assert teaching_digest(review, KEY, THEMES) == teaching_digest(None, KEY, THEMES)
    with pytest.raises(DisclosureRefused, match="taught answers differ"):
        check_teaching(db, teaching_digest(review, KEY, ("q_wellbeing", "career")))


@pytest.mark.parametrize("table", ["ledger_roster", "ledger_teaching", "ledger_id_shapes"])
def test_a_workspace_released_before_its_pins_has_them_fixed_by_its_next_run(table):
    # Kept only after a release, a pin missing from an older workspace was set by no refused
    # run, and each refused probe could bring its own roster, teaching or id shapes.
    db = released_with(None, pinned=False)  # a release, and no pin kept
    if table == "ledger_id_shapes":
        first = id_shapes(db, [f"E{20000 + i}" for i in range(40)], 5)
        assert id_shapes(db, [f"AB{20000 + i}" for i in range(40)], 5) == first == {"a99999"}
        return
    check, digest = (
        (check_roster, lambda r: roster_digest(r, KEY))
        if table == "ledger_roster"
        else (check_teaching, lambda r: teaching_digest(r, KEY, THEMES))
    )
    first, then = (ROSTER, None) if table == "ledger_roster" else (taught("Calmer"), None)
    check(db, digest(first))  # the first run after the upgrade fixes it, refused later or not
    with pytest.raises(DisclosureRefused):
        check(db, digest(then))


def test_a_taxonomy_changed_after_a_release_is_refused():
    # A copy of a theme added after a first report, moved by one person's label word or
    # taught answer, was refused or written by that person's membership (code review, stop 39).
    from reflect.themes.taxonomy import TaxonomyTheme

    first = [TaxonomyTheme.from_label("rota", "Rota changes")]
    db = released_with(None)
    keep(db, "ledger_taxonomy", taxonomy_digest(first, KEY))
    check_taxonomy(db, taxonomy_digest(first, KEY))
    copied = [*first, TaxonomyTheme.from_label("rota_b", "Rota changes")]
    with pytest.raises(DisclosureRefused, match="taxonomy differs"):
        check_taxonomy(db, taxonomy_digest(copied, KEY))
