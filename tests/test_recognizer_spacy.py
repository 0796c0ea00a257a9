from __future__ import annotations

import pytest

from reflect.anonymise import Analyzer


@pytest.mark.model
def test_when_the_ner_model_runs_then_it_finds_capitalised_names_and_skips_guards():
    texts = [
        "Yesterday I had lunch with Oluwaseun Adeyemi from the data team.",
        "Overall it went well.",
        "Half the floor was watching the Bill debate.",
        "it was all lowercase and nobody was named",
    ]
    found = Analyzer(None, ["spacy"]).analyze(texts)
    assert [(texts[0][s.start : s.end], s.label) for s in found[0]] == [
        ("Oluwaseun Adeyemi", "PERSON")
    ]
    assert found[1:] == [[], [], []]


@pytest.mark.model
def test_when_the_model_runs_a_name_into_a_verb_then_the_verb_is_kept():
    text = "We met again. Gordon keeps asking about the merger."
    spans = Analyzer(None, ["spacy"]).analyze([text])[0]
    assert [text[s.start : s.end] for s in spans] in ([], ["Gordon"])


@pytest.mark.model
def test_when_the_model_runs_an_opening_word_into_a_name_then_the_word_is_kept():
    text = "Sorry Rhiannon, I forgot the agenda again."
    spans = Analyzer(None, ["spacy"]).analyze([text])[0]
    assert [text[s.start : s.end] for s in spans] == ["Rhiannon"]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "We deploy to Windy Harbour Cloud every night.",  # everyday words: a title
        "Gosto muito de usar graficos do Okafor no relatorio.",  # not English: "muito"
        "I wrote up the Okafor method for the team.",  # a name before a noun names a method
        "Maybe Django wants a rewrite anyway.",  # a tool spoken of as a person
    ],
)
def test_when_a_guess_is_a_title_a_method_or_a_foreign_word_then_it_is_dropped(text):
    assert Analyzer(None, ["spacy"]).analyze([text]) == [[]]


@pytest.mark.model
def test_when_a_tool_text_names_a_person_by_a_cue_then_the_person_is_found():
    text = "Our Python jobs got faster once Oluwaseun Adeyemi said to batch them."
    spans = Analyzer(None, ["spacy"]).analyze([text])[0]
    assert [text[s.start : s.end] for s in spans] == ["Oluwaseun Adeyemi"]
