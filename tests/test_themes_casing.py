"""Phrases shown as their writers wrote them (``reflect.themes.casing``), on invented answers."""

import pytest

from reflect.themes.casing import written_forms


def forms(phrase, answers, k=3):
    """``answers``: (writer, text) pairs."""
    writers, texts = zip(*answers, strict=True)
    return written_forms([phrase], list(texts), list(writers), k)[phrase]


def test_the_form_most_writers_used_mid_sentence():
    answers = [(f"p{i}", f"we kept our drafts in GitHub, week {i}") for i in range(4)]
    answers += [("q1", "the github wiki helped")]
    assert forms("github", answers) == "GitHub"


def test_fewer_than_k_writers_of_a_form_leave_the_phrase_as_it_is():
    answers = [("a", "I opened PyCharm"), ("b", "PyCharm crashed on me"), ("c", "we used it")]
    assert forms("pycharm", answers) == "pycharm"


def test_a_redaction_placeholder_is_no_ones_writing():
    answers = [(f"p{i}", f"I sent it to [EMAIL] in week {i}") for i in range(5)]
    answers += [("q1", "the email went to junk")]
    assert forms("email", answers) == "email"


def test_one_writer_repeating_a_form_is_one_writer():
    answers = [("a", f"then GitLab again, item {i}") for i in range(9)]
    answers += [(w, "the gitlab runner was slow") for w in "bcd"]
    assert forms("gitlab", answers) == "gitlab"


def test_capitalised_variants_together_outvote_the_lower_case():
    answers = [(w, "the debugger in PyCharm") for w in "abc"]
    answers += [(w, "I prefer Pycharm for this") for w in "de"]
    answers += [(w, "pycharm is my editor") for w in "fgh"]
    assert forms("pycharm", answers) == "PyCharm"


@pytest.mark.parametrize(
    "start",
    [
        "Dashboards helped.",
        "It was fine. Dashboards helped.",
        "- Dashboards helped",
        "1) Dashboards",
    ],
)
def test_a_capital_that_only_starts_a_sentence_or_item_is_no_evidence(start):
    answers = [(w, start) for w in "abcd"] + [(w, "we built dashboards") for w in "xyz"]
    assert forms("dashboards", answers) == "dashboards"


def test_inner_capitals_and_acronyms_count_at_the_start_too():
    answers = [(w, "SQL queries were slow") for w in "abc"] + [("d", "some sql")]
    assert forms("sql", answers) == "SQL"


def test_answers_in_capitals_say_nothing_about_a_word():
    answers = [(w, "I LOVED THE HANDS ON LAB") for w in "abcd"] + [(w, "nice lab") for w in "xyz"]
    assert forms("lab", answers) == "lab"


def test_spaced_punctuation_is_shown_as_written():
    answers = [(w, "more hands-on exercises please") for w in "abc"]
    assert forms("hands - on exercises", answers) == "hands-on exercises"


def test_words_are_matched_whole():
    answers = [(w, "Gitter rooms and Gitea") for w in "abcd"]
    assert forms("git", answers) == "git"
