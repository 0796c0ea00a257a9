from __future__ import annotations

import re
import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reflect.anonymise import Analyzer, Span, redact
from reflect.anonymise.analyzer import default_recognizers, model_free_recognizers
from reflect.anonymise.recognizers import recognizers
from reflect.anonymise.spans import merge_spans
from reflect.roster import Roster


def test_when_a_recognizer_file_is_registered_then_the_default_analyzer_runs_it():
    names = default_recognizers()
    assert set(names) == set(recognizers.names())
    assert {"email", "phone", "roster", "gazetteer", "spacy", "quasi_identifier"} <= set(names)
    assert "spacy" not in model_free_recognizers()


def test_when_spans_overlap_then_they_merge_into_one_labelled_by_the_most_confident():
    spans = [Span(0, 5, "PERSON", 0.6), Span(3, 10, "EMAIL", 1.0)]
    assert merge_spans(spans) == [Span(0, 10, "EMAIL", 1.0)]


def test_when_two_names_are_one_space_apart_then_they_become_one_span():
    text = "Priya Shah"
    spans = [Span(0, 5, "PERSON"), Span(6, 10, "PERSON")]
    assert merge_spans(spans, text) == [Span(0, 10, "PERSON")]
    assert redact(text, spans) == "[PERSON]"


def test_when_a_name_is_found_once_then_its_other_mentions_are_redacted_too():
    text = "My name is Fenna Drijver but everyone calls me Fenna"
    spans = Analyzer(None, model_free_recognizers()).analyze([text])[0]
    assert redact(text, spans) == "My name is [PERSON] but everyone calls me [PERSON]"


def test_when_words_are_listed_with_a_name_then_they_are_names_too():
    text = "they had three: pamela, donna and brian."
    spans = Analyzer(None, model_free_recognizers()).analyze([text])[0]
    assert redact(text, spans) == "they had three: [PERSON], [PERSON] and [PERSON]."


def test_when_an_email_names_someone_then_their_name_alone_is_redacted_too():
    text = "gave them temi.osei@example.com, which temi set up"
    spans = Analyzer(None, model_free_recognizers()).analyze([text])[0]
    assert redact(text, spans) == "gave them [EMAIL], which [PERSON] set up"


ROSTER = Roster(ids=("E10482",), names=("Priya Shah", "Will Turner"), nicknames=("Bex",))
PIECES = [
    "Priya",
    "shah",
    "E10482",
    "jo.bloggs@example.com",
    "07700 900123",
    "@jo_codes",
    "Will",
    "said",
    "the",
    "grace",
    "period",
    "Siiri",
    "in May",
    "https://example.com/x",
]
texts = st.lists(
    st.one_of(st.sampled_from(PIECES), st.text(string.ascii_letters + " .,'@-", max_size=8)),
    max_size=12,
).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(texts)
def test_when_any_text_is_redacted_then_no_detected_span_survives(text):
    spans = [s for s in _analyzer().analyze([text])[0] if s.label != "QUASI_IDENTIFIER"]
    left = re.sub(r"\[[A-Z_]+\]", "\x00", redact(text, spans))
    blanked = list(text)
    for span in spans:
        blanked[span.start : span.end] = "\x00" * (span.end - span.start)
    undetected = "".join(blanked)
    for span in spans:
        secret = text[span.start : span.end]
        if secret not in undetected:  # an undetected second mention is another matter
            assert secret not in left


_CACHE: dict[str, Analyzer] = {}


def _analyzer() -> Analyzer:
    if "a" not in _CACHE:
        _CACHE["a"] = Analyzer(ROSTER, model_free_recognizers())
    return _CACHE["a"]


def test_when_a_small_anonymise_module_is_imported_then_no_model_library_is_loaded():
    import subprocess
    import sys

    code = (
        "import sys, reflect.anonymise, reflect.anonymise.spans, reflect.anonymise.redactor;"
        "print(sorted(m for m in ('spacy', 'torch') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_when_a_name_is_exported_then_the_package_resolves_it():
    import reflect.anonymise as package

    for name in package.__all__:
        assert getattr(package, name) is not None


@pytest.mark.parametrize(
    ("text", "redacted"),
    [
        ("Martin put me in touch with the data team.", "[PERSON] put me in touch"),
        ("Carol sets the agenda every time.", "[PERSON] sets the agenda"),
        ("We met again. Victoria keeps asking about it.", "again. [PERSON] keeps asking"),
        ("i still find helen hard to work with, she is tough", "find [PERSON] hard"),
        ("RT said he'd push for it at the board.", "[PERSON] said he'd push"),
        ("MK from Procurement joined us", "[PERSON] from Procurement joined"),
        ("a relic at sixty-two", "a relic at [AGE]"),
        ("born in June 1971", "born in [DATE_OF_BIRTH]"),
        ("write to jane dot doe at example dot org", "write to [EMAIL]"),
        ("or jdoe@example instead", "or [EMAIL] instead"),
        ("the desk is ext. 2231", "ext. [PHONE]"),
        ("the on-call pager is 5521 tonight", "pager is [PHONE] tonight"),
        ("she gave me her bleep, 3307, for emergencies", "bleep, [PHONE], for"),
        ("we saw 2290 patients that week", "we saw 2290 patients"),
        ("my id is E 55120", "my id is [EMPLOYEE_ID]"),
        ("follow me at dataqueen_88", "follow me at [HANDLE]"),
        ("We moved from Matlab to Julia and Python.", "from Matlab to Julia and Python."),
        # A form's role field; a user name around a name; time spent with someone.
        ("Mentor: Lakshmi. Mentee: Declan.", "Mentor: [PERSON]. Mentee: [PERSON]."),
        ("my buddy - Ezinne (finance)", "my buddy - [PERSON] (finance)"),
        ("Mentor: Very patient and kind.", "Mentor: Very patient and kind."),
        ("Lead: Kubernetes rollout", "Lead: Kubernetes rollout"),
        ("email jane.smith about access", "email [PERSON] about access"),
        ("fine, apparently.\nchidinma and I met", "fine, apparently.\n[PERSON] and I met"),
        ("set my mentee up with onenote for notes", "set my mentee up with onenote for notes"),
        ("the scaffold fell last autumn came up", "last autumn came up"),
        ("he checks with his deputy shelley most days", "his deputy [PERSON] most days"),
        # alone on the last line, a kiss at most; a job in brackets; a booking's reference
        ("Good session, thanks.\nNick", "thanks.\n[PERSON]"),
        ("More time next time?\n\nFolake x", "\n\n[PERSON] x"),
        ("My goals:\n- delegate more\n- listen", "- delegate more\n- listen"),
        ("Dawn (night porter) was late again", "[PERSON] (night porter) was late"),
        ("Booking KES-2207-9931 was double-charged", "Booking [EMPLOYEE_ID] was"),
        ("it rejected my staff number (00318842) twice", "number ([EMPLOYEE_ID]) twice"),
        ("we did a booking 2 weeks ago", "we did a booking 2 weeks ago"),
        ("Too noisy.\nEllie Marsden, Duty Manager", "[PERSON], Duty Manager"),  # a job's title
        ("Our founders: Priya, Gerste Baker and Tunde", "[PERSON], [PERSON] Baker"),  # a surname
        ("Next review is due in\nMay", "due in\nMay"),  # no sentence ends before it
        ("One word for today:\nHope", "today:\nHope"),
        # A name a dictionary holds only as a name signs off below any line, in any case;
        # after a dash at the text's very end too.
        ("all fine, nothing to add\nmelissa", "nothing to add\n[PERSON]"),
        ("rota still a pain - melissa", "a pain - [PERSON]"),
        ("Thanks for the session - Gideon", "session - [PERSON]"),
        ("back in\nAugust", "back in\nAugust"),
        ("Christmas Eve shifts were long", "Christmas Eve shifts"),  # a day, not a name
        ("my EA, Fiona, booked it", "my EA, [PERSON], booked"),  # a role, then a name
        ("had a chat with aisling about the rota", "with [PERSON] about"),  # not "aisle"
        ("said hi to our lovely dawn on reception", "our lovely [PERSON] on reception"),
        ("getting the room key from reception took ages", "the room key from reception"),
        ("booking 9am-5pm slots for the team", "booking 9am-5pm slots"),
        ("a demo of the assistant summarising a policy", "the assistant summarising a policy"),
        ("Talked to Priya...and it helped", "Talked to [PERSON]...and it helped"),
        ("Sat with ezinne in the canteen", "Sat with [PERSON] in the canteen"),
        ("The new starter, Akosua, seemed nervous.", "The new starter, [PERSON], seemed"),
        ("Gen Alpha will be even more online.", "Gen Alpha will be"),
        # Set off by brackets after a role; a sign-off; a greeting; an initial before a verb;
        # a byline after an opening everyday word that also names a tool ("Session").
        ("My mentee (Oyinkansola) taught me", "My mentee ([PERSON]) taught me"),
        ("Regards, Temitope", "Regards, [PERSON]"),
        ("hey oyinkansola, thanks for today", "hey [PERSON], thanks"),
        ("Adaeze O. said the pilot worked", "[PERSON]. said the pilot worked"),
        ("Session notes - by Kayode", "Session notes - by [PERSON]"),
        ("mentor = Evangelina, mentee = Ravindra", "mentee = [PERSON]"),
        ("Caught up w/ Thandiwe about the pilot", "Caught up w/ [PERSON] about"),
        # Tools listed beside a name are not names.
        ("Priya, Workday and Salesforce came up", "[PERSON], Workday and Salesforce came up"),
        # A pair written with a slash; people a verb of asking takes, or who know something;
        # a role in brackets after the name; a dashed sign-off below the text; "w" for with.
        ("Paired with Obianuju/Rufaro this time", "with [PERSON]/[PERSON] this"),
        ("thanks again nkechinyere, very useful", "thanks again [PERSON], very"),
        ("Ask Adetokunbo or Olawale about it", "Ask [PERSON] or [PERSON] about"),
        ("Adetokunbo and Olawale know the process", "[PERSON] and [PERSON] know"),
        ("Ugochi (my mentee) is moving teams", "[PERSON] (my mentee) is"),
        ("The new grad, Oluwadamilare, asked first", "The new grad, [PERSON], asked"),
        ("Good chat w Omotola today", "chat w [PERSON] today"),
        ("Really useful session.\n- Temitayo", "session.\n- [PERSON]"),
        # Beside a he or she; addressed as "you"; lower case after "w/" or "the hour with".
        ("Ifeoma and her team use it daily", "[PERSON] and her team"),
        ("Rumbidzai, if you read this, thanks!", "[PERSON], if you read"),
        ("Overall, if you ask me, it worked", "Overall, if you ask me"),
        ("quick one w/ adanna", "w/ [PERSON]"),
        ("Spent the hour with munashe on it", "the hour with [PERSON] on"),
        ("Tools we tried:\n- Pandas\n- Polars", "Tools we tried:\n- Pandas\n- Polars"),
        ("should things be called affordances or not", "called affordances or not"),
        ("Vexa and Zorbit work well together", "Vexa and Zorbit work well"),
        # Beside the writer as notes write it; a seldom-written dictionary word there too.
        ("We (me + Kelechukwu) presented", "(me + [PERSON]) presented"),
        ("Bola and I led the retro", "[PERSON] and I led"),
        ("it solves problems in general", "problems in general"),
        ("Marketing and I disagreed", "Marketing and I"),
        # Who led or ran a session; a shout-out; "w" for with; a person's state of mind.
        ("session led by nkemdirim this time", "led by [PERSON] this"),
        ("big up obinna", "big up [PERSON]"),
        ("catch up w jide re the pilot", "w [PERSON] re"),
        ("i think ugochukwu was a bit lost", "think [PERSON] was"),
        ("outputs w/ _repr_json_ mostly", "w/ _repr_json_ mostly"),
        # Owners listed beside a name's owner; not everyday words ("Marketing's").
        ("Adaugo's & Chidinma's teams merged", "[PERSON]'s & [PERSON]'s teams"),
        ("Priya's, Marketing's and Finance's views", "Marketing's and Finance's views"),
        # After a strong cue, a capitalised dictionary word English seldom writes (a yaw).
        ("Learned a lot from Yaw about pricing", "from [PERSON] about"),
        ("Learned a lot from Marketing about pricing", "from Marketing about"),
        # The object of a verb, alone before no noun; not after a preposition.
        ("I owe Chidubem a coffee", "owe [PERSON] a coffee"),
        ("I congratulated Ugonna on it", "congratulated [PERSON] on"),
        ("We keep the notes on Zorbitly now", "on Zorbitly now"),
        # Workplace and learning tools that are no one's name, as the subject of a verb.
        ("Jamboard was retired so we moved", "Jamboard was retired"),
        ("Strava said I ran further than him", "Strava said I ran"),
        ("Pipedrive reminded us about it", "Pipedrive reminded us"),
        # A plural of an everyday word is a group, whatever it did ("Fireflies" is a tool).
        ("Fireflies joined the call and took notes", "Fireflies joined the call"),
        ("Interns said the onboarding was rushed", "Interns said the"),
        # A word that names a role is a cue for a name, never one: a coaching programme's
        # reflections say "coachee" as often as a mentoring one's say "mentee".
        ("Coachee came back having tried the new script", "Coachee came back"),
        ("the tension between what the mentee wants and the plan", "what the mentee wants"),
        ("Coachees are starting to notice their patterns", "Coachees are starting"),
        ("one coachee wants advice, not coaching", "one coachee wants"),
        ("My supervisee asked for more stretch", "My supervisee asked"),
        ("my coachee Olusegun pushed back", "my coachee [PERSON] pushed"),
        ("my coachee olusegun pushed back", "my coachee [PERSON] pushed"),
        # A lower-case word no dictionary knows, beside the writer, is a person; a tool
        # there stays ("jira and I").
        ("olu and I are both double-booked", "[PERSON] and I are both"),
        ("me and olu sorted it", "me and [PERSON] sorted"),
        ("jira and I do not get on", "jira and I do not"),
        # After a role: a coined word is a verb, what a role has is a thing.
        ("Helped a mentee reframe the setback", "mentee reframe the"),
        ("my mentee's rota changed again", "mentee's rota changed"),
        ("my mentor drew it all out on paper", "mentor drew it all"),
        # A name alone in brackets right after a role, as "Name (my role)" already was.
        ("my line manager (Hazel) wants a catch up", "manager ([PERSON]) wants"),
        ("my buddy (tobenna) sorted it", "buddy ([PERSON]) sorted"),
        ("the sponsor (Finance) signed off", "sponsor (Finance) signed"),
        # An answer in capitals: its capitals are no initials, its names still names.
        ("WHEN HE THINKS I'M NOT LOOKING THEY ALL LAUGH", "WHEN HE THINKS I'M NOT LOOKING"),
        ("SPOKE TO PRIYA ABOUT THE ROTA AND IT WENT FINE", "SPOKE TO [PERSON] ABOUT"),
        ("I MOVED TO LEEDS LAST YEAR AND IT WAS HARD", "MOVED TO [PLACE] LAST"),
        # Slips of the keyboard opening a sentence are no names.
        ("Benig told the plan is fine helped a lot", "Benig told"),
        ("Yaer 9 were loud again today", "Yaer 9"),
        # A pupil number: a letter and twelve digits, whatever the letter.
        ("one pupil (UPN H902114836021) has no laptop", "(UPN [EMPLOYEE_ID])"),
        ("Dawn who does the printing is off", "[PERSON] who does"),
        # A room alone is where a meeting was; after a street, part of an address.
        ("the session in room 12 with the door shut", "in room 12 with"),
        ("I live at Flat 3, 22 Victoria Road now", "at [ADDRESS] now"),
        # A store's number names its manager; a ward's stays.
        ("Mark from Store 3144 offered to help", "from Store [WORKPLACE_ID] offered"),
        (
            "got moved from st 4462 last year, near Ward 7",
            "st [WORKPLACE_ID] last year, near Ward 7",
        ),
        # A name no list holds, placed in a group; a tool in the same slot stays.
        ("Kwame from my team is hoping to join", "[PERSON] from my team is"),
        ("Going to text Tash on the early shift", "text [PERSON] on the early shift"),
        ("Kubernetes in our team is a pain", "Kubernetes in our team is a pain"),
        # A vehicle's registration is its driver's; a file format or a test is not.
        ("the van KX21 RZT keeps reversing", "van [VEHICLE_ID] keeps"),
        ("truck WB 4471K waited at dock 6", "truck [VEHICLE_ID] waited"),  # any country's
        ("the lorry B-KL 4410 broke down", "lorry [VEHICLE_ID] broke"),
        ("an MP3 file and two COVID19 tests", "an MP3 file and two COVID19 tests"),
        # An adverb between a name no list holds and its verb; the object of "give" or "make"
        # opening a sentence; a given name that is also a tool's, before a modal (held out,
        # 5 December 2026).
        ("Tendai just wants me to decide for him.", "[PERSON] just wants me"),
        ("Give Chiamaka the keys to the van.", "Give [PERSON] the keys"),
        ("Make Femi take a proper break.", "Make [PERSON] take a"),
        ("Write Kwabena a note about the cover.", "Write [PERSON] a note"),
        ("Give Onboarding more time.", "Give Onboarding more"),
        ("Rita can cover the late shift.", "[PERSON] can cover"),
        ("Python can export the rota.", "Python can export"),
        # Texting's "I'm" is no surname "Im".
        ("im going to ask her about the rota", "im going to ask her"),
        ("Dr Im was brilliant with the rota", "Dr [PERSON] was"),
        # An English noun's ending is no name's, and an imperative other than "give" or
        # "make" takes things (code review, stop 39).
        ("Onboarding still takes three weeks.", "Onboarding still takes"),
        ("Fix Onboarding before the next intake.", "Fix Onboarding before"),
        ("Kanban actually works for us.", "Kanban actually works"),
        # A case or record reference in parts.
        ("HR case ref ABC-2024-0031 is still open", "ref [EMPLOYEE_ID] is"),
        ("Ticket XY/21/3304 went nowhere", "Ticket [EMPLOYEE_ID] went"),
        ("COVID-19 and ISO-27001 came up", "COVID-19 and ISO-27001 came up"),
        ("the CPD-2024-25 log and the JAN-15-2025 deadline", "CPD-2024-25 log and the JAN-15"),
    ],
)
def test_when_the_commonly_missed_shapes_appear_then_they_are_redacted(text, redacted):
    spans = Analyzer(None, model_free_recognizers()).analyze([text])[0]
    assert redacted in redact(text, spans)


def test_a_known_place_called_a_person_by_the_model_or_a_name_list_is_labelled_a_place():
    from reflect.anonymise.analyzer import places_over_people

    text = "the go-live at Doncaster; Florence said so"
    town, name = (text.index("Doncaster"), text.index("Doncaster") + 9), (26, 34)
    spans = [
        Span(*town, "PERSON", 0.7, "spacy"),
        Span(*town, "PERSON", 0.6, "gazetteer"),
        Span(*town, "PLACE", 0.6, "place"),
        Span(*name, "PERSON", 0.6, "gazetteer"),  # a known first name stays a person
        Span(*name, "PLACE", 0.6, "place"),
    ]
    merged = merge_spans(places_over_people(text, spans), text)
    assert [(text[s.start : s.end], s.label) for s in merged] == [
        ("Doncaster", "PLACE"),
        ("Florence", "PERSON"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Can you add Tunde (E20417) to the cohort?", "Can you add [PERSON] ([EMPLOYEE_ID])"),
        ("Please add Bogdan Nowak (E20417) too.", "Please add [PERSON] ([EMPLOYEE_ID])"),
        ("The HR system (E20417) was down.", "The HR system ([EMPLOYEE_ID])"),
        ("Staff number E20417 (Bogdan) keeps bouncing.", "Staff number [EMPLOYEE_ID] ([PERSON])"),
        ("Ticket E20417 (HR) is open.", "Ticket [EMPLOYEE_ID] (HR) is"),
    ],
)
def test_the_words_an_id_is_given_for_in_brackets_name_its_holder(text, expected):
    names = ["employee_id", "gazetteer"]
    assert redact(text, Analyzer(None, names).analyze([text])[0]).startswith(expected)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "redacted"),
    [
        # The model reads a room's name as a person's; a surname that is a building word stays.
        ("The Leven Room is far too small for us.", "Room is far too small"),
        ("Met Sarah Hall about the handover.", "Met [PERSON] about"),
    ],
)
def test_a_room_is_no_person_but_a_surname_like_hall_is(text, redacted):
    spans = Analyzer(None).analyze([text])[0]
    assert redacted in redact(text, spans)
    assert ("Room" in text) is not any(s.label == "PERSON" for s in spans)
