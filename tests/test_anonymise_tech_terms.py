"""Technical and product vocabulary: known from maintained sources (Pygments' lexers, PyPI's
trove classifiers, Simple Icons' brands) or by shape, and never taken for a person or a place
without a person slot."""

from __future__ import annotations

import pytest

from reflect.anonymise import Analyzer
from reflect.anonymise.analyzer import model_free_recognizers
from reflect.anonymise.tech_terms import is_tech_term, listed_with_term


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Haskell", True),  # a language (Pygments)
        ("YAML", True),  # a format (Pygments)
        ("Django", True),  # a framework (trove classifiers)
        ("Emacs", True),  # an editor (trove classifiers)
        ("Dockerfile", True),  # built on a known term
        ("Markdwon", True),  # a slip in a long known term
        ("PyCharm", True),  # inner capitals
        ("K8s", True),  # a digit inside
        ("Figma", True),  # a workplace app (Simple Icons)
        ("Trello", True),
        ("Figmatic", False),  # brands are whole words: no compounds or slips
        ("Claude", False),  # a brand that is a given name
        ("McKenzie", False),
        ("Okonkwo", False),
        ("Juliana", False),  # a given name, though it starts with a language's name
        ("Grace", False),
    ],
)
def test_when_a_word_names_a_tool_then_it_is_a_tech_term(word, expected):
    assert is_tech_term(word) is expected


def test_when_a_word_is_listed_with_a_tool_then_it_is_one_more_tool():
    text = "we compared Teradata, Snowpipe and Kotlin"
    start = text.index("Snowpipe")
    assert listed_with_term(text, start, start + len("Snowpipe"))
    text = "I met Priya and Julia"  # Julia is a language, and a given name
    assert not listed_with_term(text, text.index("Priya"), text.index("Priya") + 5)


def found(text: str) -> list[tuple[str, str]]:
    spans = Analyzer(None, model_free_recognizers()).analyze([text])[0]
    return [(text[s.start : s.end], s.label) for s in spans if s.label in ("PERSON", "PLACE")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Moved the pipeline from Matlab to Julia last spring.", []),
        ("Love Haskell, hate the tooling.", []),
        ("We tried Ruby and Kotlin for the scripts.", []),
        ("Emacs is still my editor.", []),
        ("The JupyterLab extension broke again.", []),
        ("Julia said the pipeline was ready.", [("Julia", "PERSON")]),
        ("my mentor Ruby showed me the pipeline", [("Ruby", "PERSON")]),
        ("Ada's review was thorough.", [("Ada", "PERSON")]),
        ("My mentee uses Trello, Miro and Figma every day.", []),
        ("Natasha walked me through the Figma board.", [("Natasha", "PERSON")]),
    ],
)
def test_when_tools_are_named_then_they_are_kept_unless_in_a_person_slot(text, expected):
    assert found(text) == expected


def test_when_tools_are_capitalised_mid_sentence_then_phrases_with_them_are_not_identifying():
    from reflect.privacy.screening import Vocabulary

    texts = [f"Our team moved to Kotlin and Gareth liked it ({i})." for i in range(6)]
    words = Vocabulary(texts, [f"P-{i}" for i in range(6)])
    assert not words.identifying("kotlin tooling")
    assert words.identifying("gareth")


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("we use Quillo every day", "Quillo", True),  # a verb of using
        ("tried the Quillo app", "Quillo", True),
        ("the Quillo kernel died", "Quillo", True),  # a software noun after
        ("Quillo is a great tool for this", "Quillo", True),
        ("dashboard apps like Quillo", "Quillo", True),  # an example of a kind of software
        ("Quillo Studio is slow", "Quillo Studio", True),  # a multiword name's last word
        ("Quillo is a great mentor", "Quillo", False),
        # in apposition, as what it is
        ("we asked Quillo, the HR chatbot, about leave", "Quillo", True),
        ("I met Quillo, the new system owner, today", "Quillo", False),
        ("I met Quillo today", "Quillo", False),
        # looked up, or failing as only software fails — unless a name list holds the word
        ("we each search Quillo differently", "Quillo", True),
        ("Quillo logged me out twice", "Quillo", True),
        ("Quillo crashed again at noon", "Quillo", True),
        ("I searched Priya on the intranet", "Priya", False),
        ("Priya crashed on the sofa after the offsite", "Priya", False),
    ],
)
def test_when_a_word_sits_in_a_tool_slot_then_it_names_software(text, word, expected):
    from reflect.anonymise.analyzer import default_settings
    from reflect.anonymise.tech_terms import ToolCues

    start = text.index(word)
    tools = ToolCues.from_settings(default_settings())
    assert tools.slot(text, start, start + len(word)) is expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Quillo-style", True),
        ("Spell-check", True),
        ("Anne-Laure", False),  # capitalised parts
        ("Mei-ling", False),  # given names
        ("Okafor", False),
    ],
)
def test_when_a_hyphenated_word_has_a_lowercase_part_then_it_is_a_compound(word, expected):
    from reflect.anonymise.tech_terms import hyphen_compound

    assert hyphen_compound(word) is expected


def test_when_capitals_open_a_camel_case_word_then_it_has_a_product_shape():
    assert is_tech_term("VSCode") and is_tech_term("JSLint")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("we use Marisol every day for the dashboards", []),
        ("Marisol charts are slow to render", []),  # a software noun after it
        ("Marisol said the kernel keeps dying", [("Marisol", "PERSON")]),
        ("Quillo-style notes keep piling up.", []),  # a hyphenated compound
        ("Finaly switched the team to the new rota.", []),  # a slip opening a sentence
        ("Colapsible panels would help a lot.", []),  # a slip for "collapsible"
        ("Spell checking and Vexalint in the toolbar.", []),  # listed with a thing
        ("Kadiev and Adamczyk were late again.", [("Kadiev", "PERSON"), ("Adamczyk", "PERSON")]),
    ],
)
def test_when_a_name_names_a_tool_by_its_slot_then_it_is_kept(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("My favourite shell: zsh. Okafor keeps the config tidy.", True),  # lowercase term
        ("the iPad app is fine", True),  # a product's shape
        ("We talked about Julia and Ruby all afternoon.", False),  # given names too
        ("A long talk about the rota.", False),
        # a company beside people does not make the text technical
        ("Halina Wrzos of Airtable spoke first.", False),
        # a capital opening a sentence on a word English writes often says nothing
        ("Session notes from the call.", False),
        ("Python is slow on my laptop.", True),
    ],
)
def test_when_a_text_names_a_tool_in_any_case_then_it_is_technical(text, expected):
    from reflect.anonymise.tech_terms import technical_text

    assert technical_text(text) is expected


def test_when_a_capitalised_word_sits_in_a_tool_slot_then_the_text_is_about_software():
    from reflect.anonymise.analyzer import default_settings
    from reflect.anonymise.tech_terms import ToolCues

    tools = ToolCues.from_settings(default_settings())
    assert tools.any_in("Vasquez with a Quillo backend")
    assert not tools.any_in("Vasquez with a Quillo bag")
