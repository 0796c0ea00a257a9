"""Phrase and quote screening: placeholders, rare words, identifying terms, quotes."""

from __future__ import annotations

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
    rows = [(f"P-{i}", COMMON) for i in range(n_common)] + [("P-rare", RARE)]
    frame = pd.DataFrame(
        {
            F.ROW: range(2, len(rows) + 2),
            F.PARTICIPANT: [p for p, _ in rows],
            F.ROLE: ["mentor", "mentee"] * (len(rows) // 2) + ["mentee"] * (len(rows) % 2),
            F.SESSION: "1",
            F.COHORT: "",
            F.DATE: "",
            F.PROMPT: "q",
            F.TEXT: [t for _, t in rows],
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
        frame[F.TEXT].tolist(), frame[F.PARTICIPANT].tolist(), 5, vocabulary, ["hybrid work"]
    )
    assert len(quotes) == 2
    assert quotes[0].startswith("We talked about hybrid work")  # contains a shown phrase
    assert all("Lisbon" not in q and "62" not in q for q in quotes)
    assert rejected >= 2  # the rare writer's two sentences


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
