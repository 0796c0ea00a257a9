"""Phrase candidates from spaCy's parse (loads the small spaCy model)."""

from __future__ import annotations

import pytest

from reflect.themes.candidates import extract_candidates

pytestmark = pytest.mark.model
PROMPT = "Describe what you found most interesting in today's class"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I liked the top hat questions.", "top hat questions"),
        ("The most interesting part of class was the monkey problem", "monkey problem"),
        ("finding bin width", "bin width"),
        ("the conservation of energy", "conservation of energy"),
        ("Adjacency Matrix", "adjacency matrix"),
        ("histogram stuff", "histogram"),
        ("Assignment 13 was hard", "assignment 13"),
        ("just a little confused on m3.", "m3"),
        # a capital letter naming the noun belongs to it, full stop or not
        ("We need a plan B for the launch.", "plan b"),
        ("the myths about Gen Z (lazy, entitled)", "gen z"),
        ("my mentee explained Gen Z.", "gen z"),
    ],
)
def test_when_text_names_a_topic_then_it_is_a_candidate(text, expected):
    (parsed,) = extract_candidates([text], PROMPT)
    assert expected in [c.text for c in parsed.candidates]


@pytest.mark.parametrize(
    "text",
    # chat writing around a topic is never one ("parking. ugh", "the wait list lol")
    [
        "the most interesting part of today's class",
        "Nothing",
        "Fine.",
        "for years",
        "lol",
        "ugh. tbh",
        "haha ok",
    ],
)
def test_when_text_is_only_generic_words_then_no_candidate(text):
    (parsed,) = extract_candidates([text], PROMPT)
    assert parsed.candidates == ()


def test_when_text_has_a_redaction_placeholder_then_no_phrase_contains_it():
    (parsed,) = extract_candidates(["[PERSON] showed me the pivot tables"], PROMPT)
    assert all("[" not in c.text for c in parsed.candidates)
    assert any("pivot" in c.text for c in parsed.candidates)


@pytest.mark.parametrize(
    ("text", "removed"),
    [
        ("His number is [PHONE], we swapped numbers.", "number"),
        ("For the programme team: my personal email is [EMAIL]", "personal email"),
        ("We moved on to first names with [PERSON]", "first names"),
    ],
)
def test_when_text_has_a_placeholder_then_words_naming_the_removed_data_are_no_phrase(
    text, removed
):
    (parsed,) = extract_candidates([text], PROMPT)
    assert removed not in [c.text for c in parsed.candidates]
    assert not any(c.key.split()[-1] in {"number", "email", "name"} for c in parsed.candidates)


def test_when_no_placeholder_then_email_and_names_stay_topics():
    texts = ["People who don't reply to emails", "She mispronounced my name again"]
    found = [{c.key for c in p.candidates} for p in extract_candidates(texts, PROMPT)]
    assert "email" in found[0] and "name" in found[1]


def test_same_idea_in_different_words_shares_a_key():
    a, b = extract_candidates(["the bin widths", "Bin width"], PROMPT)
    assert {c.key for c in a.candidates} & {c.key for c in b.candidates}
