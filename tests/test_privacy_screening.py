"""Phrase and quote screening: placeholders, rare words, identifying terms, quotes."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from reflect import anonymise
from reflect import frames as F
from reflect.privacy import disclose
from reflect.privacy.screening import Vocabulary, phrase_is_safe, pick_quotes
from reflect.themes.model import Phrase, Theme

COMMON = (
    "We talked about hybrid work and the office days. The new manager team felt distant. "
    "I learnt a shortcut in Teams for the weekly meeting with the whole team."
)
RARE = "My allotment in Lisbon helps me. Talked with Gareth about the 62-year-old in finance."


def _frame(n_common: int = 8) -> pd.DataFrame:
    return _frame_of([(f"P-{i}", COMMON) for i in range(n_common)] + [("P-rare", RARE)])


def _frame_of(rows: list[tuple[str, str]]) -> pd.DataFrame:
    """A frame of (participant, text) rows, roles alternating, one session and prompt."""
    frame = pd.DataFrame(
        {
            F.ROW: range(2, len(rows) + 2),
            F.PARTICIPANT: [p for p, _ in rows],
            F.ROLE: ["mentor", "mentee"] * (len(rows) // 2) + ["mentee"] * (len(rows) % 2),
            F.SESSION: "1",
            F.COHORT: "",
            F.DATE: "",
            F.PROMPT: "q",
            # each in their own words: the same answers throughout would be one person's
            # copies, and count as one person
            F.TEXT: [f"{t} Week {n}." for n, (_, t) in enumerate(rows)],
        }
    )
    frame[F.TEXT_HASH] = frame[F.TEXT].map(F.text_hash)
    return frame


@pytest.fixture
def vocabulary() -> Vocabulary:
    frame = _frame()
    return Vocabulary(frame[F.TEXT].tolist(), frame[F.PARTICIPANT].tolist(), ["Teams, Outlook"])


EVERYONE = frozenset(f"P-{i}" for i in range(8))


@pytest.mark.parametrize(
    ("text", "safe"),
    [
        ("hybrid work", True),
        ("office day", True),  # lemma of "days"
        ("teams shortcut", True),  # "Teams" is taxonomy vocabulary
        ("[PERSON] meeting", False),  # placeholder
        ("allotment", False),  # one writer only
        ("hybrid allotment", False),  # one rare word is enough
        ("62-year-old", False),  # number / age
        ("the only woman", False),  # uniqueness description
        ("gareth", False),  # a name the redaction missed: rare and capitalised
    ],
)
def test_phrase_screen(vocabulary, text, safe):
    assert phrase_is_safe(Phrase(text, EVERYONE), 5, vocabulary) is safe


def test_when_too_few_writers_then_phrase_dropped(vocabulary):
    assert not phrase_is_safe(Phrase("hybrid work", frozenset(["P-1", "P-2"])), 5, vocabulary)


def test_proper_nouns_used_by_many_are_still_identifying():
    texts = [f"We met with Gareth about the plan number {i % 2}." for i in range(8)]
    words = Vocabulary([t.replace("number", "") for t in texts], [f"P-{i}" for i in range(8)])
    assert not phrase_is_safe(Phrase("gareth plan", EVERYONE), 5, words)
    assert phrase_is_safe(Phrase("plan", EVERYONE), 5, words)


def test_when_anonymise_flags_a_quasi_identifier_then_phrase_dropped(monkeypatch, vocabulary):
    monkeypatch.setattr(
        anonymise, "quasi_identifiers", lambda text: ["x"] if "manager" in text else []
    )
    words = Vocabulary(["the new manager team"] * 8, [f"P-{i}" for i in range(8)])
    assert not phrase_is_safe(Phrase("manager team", EVERYONE), 5, words)


def test_quotes_are_screened_and_one_per_person(vocabulary):
    frame = _frame()
    quotes, rejected = pick_quotes(
        frame[F.TEXT].tolist(), frame[F.PARTICIPANT].tolist(), 5, vocabulary,
        ["hybrid work", "team"],
    )  # fmt: skip
    assert len(quotes) == 2  # each holds a shown phrase
    assert any(q.startswith("We talked about hybrid work") for q in quotes)
    assert all("Lisbon" not in q and "62" not in q for q in quotes)
    assert rejected >= 2  # the rare writer's two sentences


def test_when_a_theme_has_phrases_then_only_sentences_that_hold_one_are_quoted():
    # An answer raises several things; its sentence about the office says nothing of a
    # theme of trust, however common and harmless it is.
    texts = ["Trust grew between us over the weeks of the programme. The office was far too "
             "cold again today for a long meeting."] * 8  # fmt: skip
    people = [f"P-{i}" for i in range(8)]
    quotes, _ = pick_quotes(texts, people, 5, Vocabulary(texts, people), ["trust"])
    assert quotes == ["Trust grew between us over the weeks of the programme."]
    anything, _ = pick_quotes(texts, people, 5, Vocabulary(texts, people))
    assert len(anything) == 2
    # a phrase counts where a word starts with it: "trust" is not in "distrust"
    texts = ["There was some distrust of the new rota at first. We trusted each other more "
             "by the end of the programme."] * 8  # fmt: skip
    quotes, _ = pick_quotes(texts, people, 5, Vocabulary(texts, people), ["trust"])
    assert quotes == ["We trusted each other more by the end of the programme."]


@pytest.mark.parametrize(
    "sentence",
    [
        "I was not sure whether to ask about her disability in the meeting with the team.",
        "He told me he was signed off with stress in the office days last team meeting.",
        "She said she was the first woman manager in the team to work hybrid weeks.",
    ],
)
def test_when_a_sentence_is_about_health_or_uniqueness_then_never_quoted(sentence):
    texts = [sentence] * 8
    words = Vocabulary(texts, [f"P-{i}" for i in range(8)])
    quotes, rejected = pick_quotes(texts, [f"P-{i}" for i in range(8)], 5, words)
    assert quotes == [] and rejected == 8


def test_quotes_are_off_by_default_and_on_with_the_option():
    frame = _frame(20)
    everyone_but = set(frame[F.PARTICIPANT].unique()[:5])  # not near the total: an exact count
    members = [i for i, p in enumerate(frame[F.PARTICIPANT]) if p not in everyone_but]
    theme = Theme("hybrid_work", "Hybrid working", "taxonomy", members=members)
    off = disclose([theme], frame, 5)
    on = disclose([theme], frame, 5, quotes=True, vocabulary=["Teams"])
    assert off.themes[0].quotes == [] and off.privacy["quotes"] is False
    assert 1 <= len(on.themes[0].quotes) <= 2 and on.privacy["quotes"] is True
    assert on.privacy["quotes_shown"] == len(on.themes[0].quotes)
    assert all("[" not in q and "Gareth" not in q for q in on.themes[0].quotes)


def test_no_quote_places_its_writer_under_a_sensitive_theme():
    # A quote tells whoever knows its writer that they were counted in its theme: two
    # sentences about e-mail placed their writers under "wellbeing, mental health" (red team,
    # stop 40).
    frame = _frame(20)
    people = frame[F.PARTICIPANT].unique()

    def all_but(left_out) -> list[int]:
        return [i for i, p in enumerate(frame[F.PARTICIPANT]) if p not in set(left_out)]

    plain = Theme("hybrid_work", "Hybrid working", "taxonomy", members=all_but(people[:5]))
    health = Theme("wellbeing", "Team wellbeing", "taxonomy", members=all_but(people[5:10]),
                   description="Stress, burnout and mental health")  # fmt: skip
    on = disclose([plain, health], frame, 5, quotes=True, vocabulary=["Teams"])
    assert on.themes[0].quotes and on.themes[1].participants  # shown, with a count
    assert on.themes[1].quotes == []
    # ...nor under a theme named innocently whose people wrote of one (red team, stop 41)
    renamed = Theme("pace", "Team pace", "taxonomy", members=health.members,
                    phrases=[Phrase("mental health", frozenset(people[:6]))])  # fmt: skip
    assert disclose([plain, renamed], frame, 5, quotes=True).themes[1].quotes == []


# -- the named screens, each with its table -------------------------------------------------

NAMED_SCREEN_TABLE = [
    # (screen, text, rejected)
    ("placeholder", "talked to [PERSON] again", True),
    ("placeholder", "talked to the team again", False),
    ("identifying description", "the only woman on the board", True),
    ("identifying description", "a 62-year-old engineer", True),
    ("identifying description", "the newest hire", True),
    ("identifying description", "a new hire", False),
    ("proper noun", "lunch with Gareth", True),
    ("proper noun", "weekly meeting", False),
    ("proper noun", "the new Quillbox logins", True),
    ("proper noun", "a McTavish problem", True),  # a surname's inner capital
    ("proper noun", "the new TeamNest logins", False),  # a product's: no person, no place
    ("proper noun", "a chat with SiewLing", True),  # a name written joined (code review)
    ("name", "i still find helen hard", True),
    ("name", "HELEN", True),
    ("name", "helen's project", True),
    ("name", "priya", True),
    ("name", "tom and the plan", True),
    ("name", "i will grace the meeting", False),  # everyday words that are also names
    ("name", "patience with juniors", False),
    ("name", "meetings in may", False),
    ("name", "learning siri shortcuts", False),  # a product the redaction rules know
    ("initials", "I told RB about the rota", True),
    ("initials", "KM said the rota was unfair", True),
    ("initials", "a chat with J.T. after lunch", True),
    ("initials", "JT's rota", True),
    ("initials", "HR and IT joined the call", False),
    ("initials", "we asked HR team for help", False),
    ("initials", "the AI tools", False),
    ("placeholder neighbour", "kowalski", True),
    ("placeholder neighbour", "hybrid work", False),
    ("sensitive topic", "mental health", True),
    ("sensitive topic", "maternity leave", True),
    ("sensitive topic", "my age", True),
    ("sensitive topic", "a religious group", True),
    ("sensitive topic", "pay rise", True),
    ("sensitive topic", "written warning", True),
    ("sensitive topic", "pay attention", False),
    ("sensitive topic", "sick of meetings", False),
    ("sensitive topic", "blind spot", False),
    ("sensitive topic", "pain points", False),
]


@pytest.fixture(scope="module")
def screened() -> Vocabulary:
    texts = [
        "We had lunch with Gareth and talked about the weekly meeting.",
        "Met [PERSON] kowalski about the rota, then the team had hybrid work planning.",
        "The new TeamNest and Quillbox logins came the day McTavish left. Then SiewLing left.",
    ]
    return Vocabulary(texts * 4, [f"P-{i}" for i in range(12)])


@pytest.mark.parametrize(("screen", "text", "rejected"), NAMED_SCREEN_TABLE)
def test_each_named_screen(screened, screen, text, rejected):
    assert (screened.rejected_by(text) == screen) is rejected
    if not rejected:
        assert screened.rejected_by(text) is None


def test_every_screen_has_rows_in_the_table():
    from reflect.privacy.screening import SCREENS

    tested = {screen for screen, _, _ in NAMED_SCREEN_TABLE}
    assert {s.name for s in SCREENS} - {"quasi-identifier"} <= tested  # see the test above


# -- attacks -------------------------------------------------------------------------------

OTHERS = [
    "We talked about hybrid work and the office days with the whole team.",
    "The weekly meeting with the whole team felt more open this time.",
]


def _programme(planted: str, n_planted: int = 8) -> pd.DataFrame:
    """Twenty people write everyday answers; ``n_planted`` of them also write ``planted``.
    Themes below hold the first twelve (a theme everyone raised would be withheld)."""
    rows = []
    for i in range(20):
        text = " ".join(OTHERS) + (f" {planted}" if i < n_planted else "")
        rows.append((f"P-{i}", text))
    return _frame_of(rows)


def test_attack_a_lowercase_first_name_never_becomes_a_label_phrase_or_quote():
    # Eight people wrote a colleague's first name in lowercase; an emerging theme was
    # labelled with it, named in the summary and quoted.
    frame = _programme("i still find helen hard to work with on every single project.")
    writers = frozenset(f"P-{i}" for i in range(8))
    theme = Theme(
        "emerging_1", "helen", "emerging", members=list(range(8)),
        phrases=[Phrase("helen", writers), Phrase("helen hard", writers)],
    )  # fmt: skip
    report = disclose([theme], frame, 5, quotes=True)
    for shown in report.themes:  # listed under a neutral label, or not at all
        assert "helen" not in shown.label.lower()
        assert not any("helen" in p.lower() for p in shown.phrases)
        assert not any("helen" in q.lower() for q in shown.quotes)
    assert "helen" not in json.dumps(report.to_dict()).lower()


@pytest.mark.parametrize(
    "planted",
    [
        # each 14 words long, the length quotes are ranked closest to
        "My mentee told me she has been off work with her mental health lately.",
        "Being older than the rest of my team, I notice my age every meeting.",
        "DW told me about how the new rota could work for the whole team.",
        "Some weeks I can barely get out of bed and the meeting feels impossible.",
    ],
)
def test_attack_health_age_and_initials_are_never_quoted(planted):
    frame = _programme(planted)
    # (a label whose words the everyday sentences and the planted ones share)
    theme = Theme("team_meetings", "Team meetings", "taxonomy", members=list(range(12)))
    report = disclose([theme], frame, 5, quotes=True)
    assert report.themes[0].quotes  # everyday sentences are still quoted
    assert planted not in report.themes[0].quotes


@pytest.mark.parametrize(
    "personal",
    [
        "Most mornings I cannot face opening my laptop before the team meeting even starts.",
        "I have felt flat and empty for months and nobody on the team noticed.",
    ],
)
def test_attack_a_split_phrase_cannot_steer_sensitive_sentences_into_quotes(personal):
    # `reflect themes split THEME --phrase "mental health"` made a theme of exactly the
    # answers that mention mental health, and its quotes came from them.
    from reflect.review.apply import apply_review
    from reflect.review.edits import Review, Split

    frame = _programme(f"Mental health came up again. {personal}")
    theme = Theme("wellbeing", "Wellbeing", "taxonomy", members=list(range(12)))
    review = Review(splits=[Split("wellbeing", ["mental health"], "mh")])
    themes = apply_review([theme], review, frame)
    assert [len(t.members) for t in themes] == [4, 8]  # the split took the eight answers
    report = disclose(themes, frame, 5, quotes=True)
    assert personal not in [q for t in report.themes for q in t.quotes]
