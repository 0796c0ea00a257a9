"""The attribute ruler and lemmatizer by lookups (``reflect.nlp_rules``) give every token the
same attributes as the pipeline's own components (loads the small spaCy model)."""

from __future__ import annotations

import pytest

from reflect.nlp import PARSER, load_spacy
from reflect.nlp_rules import parse, rules_for

pytestmark = pytest.mark.model

ANSWERS = [
    "We mapped the hiring process and she showed me three shortcuts I'd never used.",
    "There's a lot we didn't get to; y'all were patient though. Gonna try again.",
    "I ain't sure the dashboards are read. Let's ask the team, c'mon.",
    "Gotta say: the 2pm slot doesn't work, we're always double booked!",
    "Best session so far -- honest, funny,   and short.\n\nMore like this please",
    "My mentee's feedback was that I talk too fast; he's right.",
    "N/A",
    "",
    "It is what it is. There were fewer slides than last week, which helped.",
]


def _attributes(docs):
    return [[(t.text, t.tag_, t.dep_, t.pos_, str(t.morph), t.lemma_) for t in doc] for doc in docs]


def test_lookups_give_every_token_the_pipelines_own_attributes():
    nlp = load_spacy(PARSER)
    rules = rules_for(nlp)
    assert rules is not None
    expected = _attributes(nlp.pipe(ANSWERS))
    assert _attributes(parse(nlp, ANSWERS, 4, rules)) == expected
    # again, with the lemmas now memoised
    assert _attributes(parse(nlp, ANSWERS, 4, rules)) == expected


def test_a_pipeline_without_the_components_is_parsed_as_it_is():
    nlp = load_spacy(("ner",))
    assert rules_for(nlp) is None
    (doc,) = parse(nlp, ["Kemi joined from Leeds."], 1, None)
    assert [e.text for e in doc.ents]  # the pipeline ran
