"""Word knowledge the name recognizers share: which texts are English, which words are verbs."""

from __future__ import annotations

import pytest

from reflect.anonymise.lexicon import is_english, is_noun, is_past_verb


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I still find it hard to say no to the team", True),
        ("pamela, donna, andrea, brian, leonti and terrence", True),  # a list of names
        ("data exploration, signal processing, numerical modelling", True),  # English terms
        ("Quillo and Vexa", True),  # too short to tell
        ("falta mais qualidade de imagem para os graficos do relatorio", False),
        ("na reuniao o joao disse que a equipa precisa de mais tempo", False),
    ],
)
def test_when_a_text_is_mostly_another_language_then_it_is_not_english(text, expected):
    assert is_english(text) is expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [("wrote", True), ("emailed", True), ("programming", False), ("running", False)],
)
def test_when_a_verb_form_has_no_tense_then_it_is_not_past(word, expected):
    assert is_past_verb(word) is expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [("environments", True), ("forwarding", True), ("yesterday", False), ("quickly", False)],
)
def test_when_a_word_is_a_noun_or_its_plural_then_it_is_a_noun(word, expected):
    assert is_noun(word) is expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("colapsible", True),  # "collapsible", a letter dropped
        ("harrison", False),  # a name, and "garrison" is a noun only
        ("patterson", False),
        ("okonkwo", False),  # too short to tell
    ],
)
def test_when_a_long_word_is_one_letter_from_a_word_then_it_is_a_slip(word, expected):
    from reflect.anonymise.slips import long_slip

    assert long_slip(word) is expected


def test_the_word_lists_built_from_packages_are_kept_in_the_user_cache(tmp_path, monkeypatch):
    # Built once per install (seconds, in every process that redacts), then read back as built.
    from reflect.anonymise import lexicon, tech_terms

    monkeypatch.setenv("REFLECT_CACHE_DIR", str(tmp_path))
    lexicon._name_table.cache_clear()
    tech_terms.tech_terms.cache_clear()
    try:
        names, terms = lexicon._name_table(), tech_terms.tech_terms()
        kept = sorted(p.name for p in (tmp_path / "data").iterdir())
        assert [k.split("-")[0] for k in kept] == ["first", "tech"]
        lexicon._name_table.cache_clear()
        tech_terms.tech_terms.cache_clear()
        assert lexicon._name_table() == names == lexicon._read_name_table()
        assert tech_terms.tech_terms() == terms == tech_terms._read_tech_terms()
    finally:
        lexicon._name_table.cache_clear()
        tech_terms.tech_terms.cache_clear()


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("onboarding", True),  # a prefix on a word
        ("unsubscribed", True),
        ("reskilled", True),
        ("timeboxing", True),  # two words
        ("okafor", False),  # no "oka" + "for": both parts must be common words of 4+ letters
        ("chidinma", False),
        ("xiaoling", False),
    ],
)
def test_a_word_made_of_english_words_is_built_from_words(word, expected):
    from reflect.anonymise.lexicon import built_from_words

    assert built_from_words(word) is expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("rescheduling", True),  # "reschedule" with its e dropped
        ("prioritising", True),
        ("planned", True),  # "plan" with its consonant doubled
        ("fielding", True),
        ("obinna", False),
    ],
)
def test_a_verb_form_with_its_e_dropped_or_a_consonant_doubled_is_an_everyday_word(word, expected):
    from reflect.anonymise.lexicon import is_ordinary_word

    assert is_ordinary_word(word) is expected
