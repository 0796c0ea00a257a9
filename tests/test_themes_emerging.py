"""Emerging themes on tiny invented data: a fake embedding (bag of words) stands in for MiniLM;
phrases come from spaCy, so the test is marked ``model``."""

from __future__ import annotations

import pytest

from reflect.themes.emerging import find_emerging
from tests.test_themes import fake_embed

pytestmark = pytest.mark.model

GARDEN = [
    "the rooftop garden needs more volunteers",
    "the rooftop garden needs more water",
    "the rooftop garden needs a new shed",
    "the rooftop garden needs more herbs",
]
TRUST = [
    "she listened carefully and I felt heard",
    "he listened without interrupting me",
    "I felt heard when she listened",
]


def _answers(n_people: int):
    texts, people = [], []
    for p in range(n_people):
        texts.append(f"{TRUST[p % 3]}. {GARDEN[p % 4]}.")
        people.append(f"P-{p}")
        texts.append(f"My number is [PHONE] if you need it. {TRUST[(p + 1) % 3]}.")
        people.append(f"P-{p}")
    return texts, people


def explained_by_trust(vectors):
    seeds = fake_embed(["listened felt heard interrupting"])
    return (vectors @ seeds.T).max(axis=1) * 2


def test_when_a_topic_is_outside_the_taxonomy_then_it_is_an_emerging_theme_named_by_it():
    texts, people = _answers(20)
    topics = find_emerging(texts, people, fake_embed, explained_by_trust, 5)
    assert topics, "the garden topic should be found"
    top = topics[0]
    assert "garden" in top.label or "rooftop" in top.label
    assert 15 <= len({people[i] for i in top.members}) <= 20  # most of the 20 who wrote it
    # nothing about trust (the taxonomy explains it) and nothing made of the words near [PHONE]
    assert all("listened" not in t.label and "number" not in t.label for t in topics)


def test_when_nothing_is_left_unexplained_then_there_is_no_emerging_theme():
    texts = [TRUST[i % 3] for i in range(30)]
    people = [f"P-{i}" for i in range(30)]
    assert find_emerging(texts, people, fake_embed, explained_by_trust, 5) == []
