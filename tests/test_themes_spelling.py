"""Slips of the keyboard read as the word meant, towards a closed vocabulary only."""

import pytest

from reflect.themes.spelling import Speller, pattern_words

SPELLER = Speller({"nothing", "noting", "thing", "further", "problems", "really", "thanks"})


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("nothng", "nothing"),  # a letter dropped
        ("ntohing", "nothing"),  # two neighbours swapped
        ("furtehr", "further"),
        ("porblems", "problems"),
        ("nthing", "nothing"),  # "thing" is as near, but a slip seldom hits the first letter
        ("notihng", "nothing"),  # "noting" is as near, and far rarer
        ("thnks", "thanks"),
    ],
)
def test_a_slip_is_read_as_the_word_meant(typed, meant):
    assert SPELLER.correct(f"{typed} from me") == f"{meant} from me"


@pytest.mark.parametrize("word", ["rally", "timetable", "rota", "noted", "xyzzyq"])
def test_real_words_and_words_far_from_the_vocabulary_stay(word):
    assert SPELLER.correct(word) == word


def test_the_vocabulary_is_the_literal_words_of_the_patterns():
    assert pattern_words(r"(?:no|zero)\s+(?:answers?|comments?)\s+[a-z]+") == {
        "zero", "answers", "answer", "comments", "comment",
    }  # fmt: skip
