"""The sensitive-topic screen: by words for labels and group values, by meaning for quotes.

``tests/data/sensitive_sentences.csv`` is a table of invented sentences: 62 about health,
mental health, pregnancy and family, age, disability, religion, sexuality, ethnicity, pay or
disciplinary matters (``topic``), and 52 everyday reflections, some with tempting words ("sick
of meetings", "the age of remote work", "pay more attention"). ``benchmarks/screen.py`` prints
the same figures, and those on a held-out table.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from reflect.privacy.screening import mentions_sensitive_topic
from reflect.privacy.topics import SensitiveTopics, topics

TABLE = Path(__file__).parent / "data" / "sensitive_sentences.csv"


def _table() -> list[dict]:
    with TABLE.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_the_table_is_varied_and_covers_every_topic():
    rows = _table()
    assert len(rows) >= 80
    assert sum(not r["topic"] for r in rows) >= 40
    assert len({r["topic"] for r in rows if r["topic"]}) == len(topics()) == 10


@pytest.mark.parametrize(
    ("value", "sensitive"),
    [
        # group values typed by hand in a role, cohort, session or prompt column
        ("mentee - pregnant, returning Jan", True),
        ("Cohort A (on sick leave)", True),
        ("3 - off sick (cancer)", True),
        ("mentors on a PIP", True),
        ("Wave 2 - Muslim staff network", True),
        ("over-55s", False),  # a digit: the identifying-description screen's business
        ("Cohort A", False),
        ("mentor", False),
        ("Session 3 - spring", False),
        ("What felt awkward?", False),
    ],
)
def test_group_values_are_screened_by_their_words(value, sensitive):
    assert mentions_sensitive_topic(value) is sensitive


@pytest.mark.model
def test_quotes_are_screened_by_meaning_on_the_table():
    rows = _table()
    about = SensitiveTopics().about([r["sentence"] for r in rows])
    sensitive = [topic is not None for r, topic in zip(rows, about, strict=True) if r["topic"]]
    everyday = [topic is None for r, topic in zip(rows, about, strict=True) if not r["topic"]]
    # Measured: 59/62 caught, 50/52 everyday sentences let through (README, Privacy).
    assert sum(sensitive) / len(sensitive) >= 0.93
    assert sum(everyday) / len(everyday) >= 0.9


@pytest.mark.model
def test_sentences_without_a_topic_word_are_caught_by_meaning():
    rows = [r for r in _table() if r["topic"] and not mentions_sensitive_topic(r["sentence"])]
    assert len(rows) >= 8  # "some weeks I can barely get out of bed", "my bad back"...
    about = SensitiveTopics().about([r["sentence"] for r in rows])
    # Measured: 5 of the 8 (the words alone catch none of them).
    assert sum(topic is not None for topic in about) >= 5


@pytest.mark.model
def test_a_sentence_is_judged_the_same_whatever_it_is_screened_with():
    # The int8 encoder's vectors depend slightly on the batch; the screen must not.
    screen = SensitiveTopics()
    sentence = "I have felt flat and empty for months and nobody on the team noticed."
    others = [f"We planned session {n} around the new booking tool and the rota." for n in "ab"]
    assert screen.about([sentence]) == screen.about([*others, sentence])[-1:]
