from __future__ import annotations

import pytest

from reflect.anonymise import Analyzer
from reflect.roster import Roster

ROSTER = Roster(
    ids=("E10482",),
    names=("Priya Shah", "Will Turner", "Grace Okafor", "Siobhan McKenzie"),
    nicknames=("Bex",),
)


def found(text: str, roster: Roster = ROSTER) -> list[tuple[str, str]]:
    spans = Analyzer(roster, ["roster"]).analyze([text])[0]
    return [(text[s.start : s.end], s.label) for s in spans]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Priya Shah ran it", [("Priya Shah", "PERSON")]),
        ("priya said it was fine", [("priya", "PERSON")]),
        ("PRIYA was late", [("PRIYA", "PERSON")]),
        ("Shah's idea", [("Shah", "PERSON")]),
        ("Priya’s idea", [("Priya", "PERSON")]),
        ("thanks to priyaa for this", [("priyaa", "PERSON")]),  # one typo, 5+ letters
        ("Siobahn McKenzie helped", [("Siobahn McKenzie", "PERSON")]),
        ("bex sorted it", [("bex", "PERSON")]),
        ("my id is e10482", [("e10482", "EMPLOYEE_ID")]),
        ("I told Will about it", [("Will", "PERSON")]),
        ("my mentor grace was great", [("grace", "PERSON")]),
        # Everyday words that are also roster names need a cue.
        ("Will this work?", []),
        ("there is a grace period", []),
        ("I will turn up", []),
        # A full name in lower case, with or without the possessive's apostrophe.
        ("the story priya shah told stayed with me", [("priya shah", "PERSON")]),
        ("grace okafors slides were clear", [("grace okafors", "PERSON")]),
        ("okafors plan for the rota", [("okafors", "PERSON")]),
        # A participant's first name before a verb a stop list holds.
        ("priya is away next week", [("priya", "PERSON")]),
        ("siobhan made it easy to say no", [("siobhan", "PERSON")]),
        # ...and before one denied, texted or not
        ("grace didnt come into it", []),  # a noun and a verb too: no telling
        ("the marks were fine", []),
        # One edit from a roster name but an everyday word.
        ("the carer tries hard", []),
    ],
)
def test_when_roster_names_appear_then_they_are_found_in_any_form(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text", ["julian didnt know about the pivot tables", "julian wasn't in the room"]
)
def test_a_participant_before_a_denied_auxiliary_is_its_subject(text):
    # "julian" is a word too (the calendar): the verb, denied as texts write it, decides
    assert found(text, Roster(ids=(), names=("Julian Okafor",), nicknames=())) == [
        ("julian", "PERSON")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I asked siobhan about it", [("siobhan", "PERSON")]),
        ("Jose Nunez helped", [("Jose Nunez", "PERSON")]),
        ("zoe sorted it", [("zoe", "PERSON")]),
        ("Siobhán was great", [("Siobhán", "PERSON")]),
        ("I asked Dana", [("Dana", "PERSON")]),  # the roster wrote "Dána"
    ],
)
def test_roster_names_are_found_with_or_without_their_accents(text, expected):
    accented = Roster(ids=(), names=("Siobhán O'Neill", "José Núñez", "Zoë Brown", "Dána Ek"))
    spans = Analyzer(accented, ["roster"]).analyze([text])[0]
    assert [(text[s.start : s.end], s.label) for s in spans] == expected


def test_when_no_roster_is_given_then_nothing_is_found():
    assert Analyzer(None, ["roster"]).analyze(["Priya Shah E10482"]) == [[]]


EVERYDAY = Roster(
    names=("Will Price", "Bill Rose", "Hope Turner", "Violet Sage", "Julia Park",
           "Ana Maria Lopez Garcia", "Tony Moss"),
)  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Everyday words that spell a participant's name in lower case stay words...
        ("I will price it tomorrow", []),
        ("the bill rose again this month", []),
        ("hope is what keeps me going", []),
        ("violets grew by the door", []),
        ("julia is faster than python for this", []),
        # ...while a name that is no everyday word, or a full name, is found.
        ("hope turner came along", [("hope turner", "PERSON")]),
        ("tony is on leave next week", [("tony", "PERSON")]),
        ("ana maria lopez garcia told me", [("ana maria lopez garcia", "PERSON")]),
        ("Will Price said so", [("Will Price", "PERSON")]),
    ],
)
def test_a_roster_of_everyday_words_redacts_the_names_not_the_words(text, expected):
    assert found(text, EVERYDAY) == expected


@pytest.mark.parametrize(
    ("roster_id", "text", "expected"),
    [
        ("E20931", "staff no e20931 on the form", [("e20931", "EMPLOYEE_ID")]),
        ("jo.bright", "ping jo.bright on chat", [("jo.bright", "EMPLOYEE_ID")]),
        ("jbright", "jbright set up the call", [("jbright", "EMPLOYEE_ID")]),  # a user name
        ("bright-j", "logged in as bright-j", [("bright-j", "EMPLOYEE_ID")]),
        # An id shaped like a word is no id in the answers: a roster could otherwise search
        # everyone's answers for any word, and the ledger's refusals tell who wrote it.
        ("insomnia", "my insomnia is back", []),
        ("night shifts", "night shifts wear me down", []),
    ],
)
def test_a_roster_id_is_looked_for_only_in_the_shape_of_an_id(roster_id, text, expected):
    assert found(text, Roster(ids=(roster_id,), names=(), nicknames=())) == expected
