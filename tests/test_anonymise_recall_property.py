"""Recall as a property: any common English first name, in any of many sentence shapes —
opening the answer or a sentence, in lower case, after a role, before a verb, referred to by
a pronoun — is redacted. Names are drawn from the name dictionary, so everyday-word names
("Grace", "Hope", "Mark") are drawn as often as the rest."""

from __future__ import annotations

from functools import lru_cache

from hypothesis import given, settings
from hypothesis import strategies as st

from reflect.anonymise import Analyzer
from reflect.anonymise.analyzer import model_free_recognizers
from reflect.anonymise.lexicon import (
    COMMON_NAME,
    calendar_words,
    english_name_frequency,
    first_names,
)
from reflect.anonymise.tech_terms import is_tech_term

# {n} is the name as drawn (capitalised), {l} the same in lower case. Invented sentences.
TEMPLATES = [
    "{n} keeps a running list of questions for our sessions.",
    "{n} wants to try the new rota next month.",
    "We met on Tuesday. {n} explained the budget cycle to me.",
    "Honestly {n} asked better questions than I did.",
    "My mentor {n} showed me the old filing system.",
    "I paired with {n} on the slide deck.",
    "{n} and I finally agreed on a plan.",
    "The session with {n} ran over, but it was worth it.",
    "i caught up with {l} and she was in good spirits",
    "my mentee {l} set the agenda this time",
    "{l} said the new portal is confusing",
    "thanks to {l} for covering the late shift",
    "Next week {n} presents the results to the board.",
    "{n}'s feedback on my draft was blunt but fair.",
    "I told {n} about the pilot and he seemed keen.",
]


@lru_cache(maxsize=1)
def common_names() -> list[str]:
    names = sorted(
        n
        for n in first_names()
        if english_name_frequency(n) >= COMMON_NAME
        and len(n) >= 3
        and not is_tech_term(n)  # "Julia", "Ruby": tools unless the slot is a strong one
        and n not in calendar_words()  # "April", "June": a strong cue needed, by design
    )
    return [n.capitalize() for n in names]


@lru_cache(maxsize=1)
def analyzer() -> Analyzer:
    return Analyzer(None, model_free_recognizers())


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_when_a_common_name_fills_any_person_slot_then_it_is_redacted(data):
    name = data.draw(st.sampled_from(common_names()))
    template = data.draw(st.sampled_from(TEMPLATES))
    text = template.format(n=name, l=name.lower())
    start = text.lower().index(name.lower())
    spans = analyzer().analyze([text])[0]
    assert any(s.start <= start and start + len(name) <= s.end for s in spans), text
