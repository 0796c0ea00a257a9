"""Facets: sub-topics of a theme with their own counts, in the themes stage (fake embedding,
no model) and through the privacy stage (shown only when safe)."""

from __future__ import annotations

import pandas as pd
import pytest

from reflect import frames as F
from reflect.privacy import Filter, disclose
from reflect.themes.model import Phrase, Theme

TEXT = "we talked about office days and desk booking and hybrid work"


def _frame(n_people: int) -> pd.DataFrame:
    """``n_people`` who raise the theme, and ten who do not (a theme everyone raised would
    show no count at all: it would tell what each of them wrote)."""
    rows = []
    people = [f"P-{p}" for p in range(n_people)] + [f"P-other{p}" for p in range(10)]
    for n, person in enumerate(people):
        for session in ("1", "2"):
            # each in their own words: the same answers throughout would be one person's copies
            rows.append(
                {F.ROW: len(rows) + 2, F.PARTICIPANT: person, F.ROLE: "mentee",
                 F.SESSION: session, F.COHORT: "A", F.DATE: "", F.PROMPT: "q",
                 F.TEXT: f"{TEXT} (round {n})"}
            )  # fmt: skip
    frame = pd.DataFrame(rows)
    frame[F.TEXT_HASH] = frame[F.TEXT].map(F.text_hash)
    return frame


def _theme(frame, facets: dict[str, int]) -> Theme:
    raised = [p for p in set(frame[F.PARTICIPANT]) if "other" not in p]
    people = sorted(raised, key=lambda p: int(p.split("-")[1]))
    members = [i for i, p in enumerate(frame[F.PARTICIPANT]) if p in raised]
    return Theme(
        "hybrid_work", "Hybrid working", "taxonomy", "", members,
        [Phrase("office days", frozenset(people))],
        [Phrase(label, frozenset(people[:n])) for label, n in facets.items()],
    )  # fmt: skip


def _facets(report) -> dict[str, int | None]:
    return {f["label"]: f["participants"] for f in report.themes[0].facets}


def test_when_a_facet_has_k_people_and_k_without_it_then_it_is_shown_with_its_count():
    frame = _frame(30)
    report = disclose([_theme(frame, {"office days": 12, "desk booking": 6})], frame, 5)
    assert _facets(report) == {"office days": 12, "desk booking": 6}
    assert report.to_dict()["themes"][0]["facets"][0] == {
        "label": "office days",
        "participants": 12,
    }


def test_when_a_facet_has_fewer_than_k_people_then_it_is_not_shown():
    frame = _frame(30)
    report = disclose([_theme(frame, {"office days": 12, "desk booking": 4})], frame, 5)
    assert "desk booking" not in _facets(report)
    assert report.privacy["suppressed"]["facets"] >= 1


def test_when_a_facet_is_within_k_of_the_theme_total_then_it_is_not_shown():
    # 28 of 30: the two people who did not raise it would be told apart
    frame = _frame(30)
    report = disclose([_theme(frame, {"office days": 28, "desk booking": 10})], frame, 5)
    assert _facets(report) == {"desk booking": 10}


def test_when_a_facet_word_is_rare_or_identifying_then_it_is_not_shown():
    frame = _frame(30)
    theme = _theme(frame, {"office days": 12, "zanzibar office": 10, "room 42": 10})
    assert _facets(disclose([theme], frame, 5)) == {"office days": 12}


def test_when_dp_is_on_then_facets_show_no_count():
    frame = _frame(40)
    report = disclose([_theme(frame, {"office days": 12})], frame, 5, dp_epsilon=1.0)
    assert all(v is None for v in _facets(report).values())


def test_when_filtered_then_a_facet_needs_k_people_outside_the_group_too():
    frame = _frame(30)
    frame.loc[frame[F.PARTICIPANT].isin([f"P-{p}" for p in range(10)]), F.ROLE] = "mentor"
    theme = _theme(frame, {"office days": 12, "desk booking": 8})
    report = disclose([theme], frame, 5, filter=Filter.parse("role=mentor"))
    # mentors are P-0..9: "desk booking" (P-0..7) has no one outside the group
    assert "desk booking" not in _facets(report)


class _Sub:
    def __init__(self, label, members, phrases=()):
        self.kind, self.label, self.members = "topic", label, members
        self.phrases = [Phrase(p, frozenset()) for p in (label, *phrases)]


def _facets_of(found, texts, monkeypatch):
    from reflect.themes import facets as facets_module
    from reflect.themes.presets import PRESETS

    monkeypatch.setattr(facets_module, "find_group_themes", lambda *a, **k: found)
    people = [f"p{i}" for i in range(len(texts))]
    options = facets_module.facet_options(texts, people, None, PRESETS["programme"])
    return [f.text for f in facets_module.choose_facets(options, lambda p: True)]


def test_a_one_word_facet_names_a_thing(monkeypatch):
    # The engine's sub-themes "small" and "expect" say how people wrote, not what about.
    texts = ["small laptops, I expect desk booking"] * 8
    found = [_Sub("small", [0, 1, 2]), _Sub("expect", [0, 1]), _Sub("desk booking", [1, 2]),
             _Sub("laptops", [0, 2])]  # fmt: skip
    assert set(_facets_of(found, texts, monkeypatch)) == {"desk booking", "laptops"}


def test_a_facet_is_named_by_a_phrase_k_of_the_themes_people_wrote(monkeypatch):
    # The engine may build a sub-theme's label from the words most of its people use ("rota
    # software"); a facet reads as what its people said, so it takes a phrase they wrote.
    texts = ["the rota software keeps crashing"] + ["we need shift swaps in the rota"] * 7
    found = [_Sub("rota software", list(range(8)), ["shift swaps", "rota"])]
    assert _facets_of(found, texts + ["unrelated answer"], monkeypatch) == ["shift swaps"]


def test_a_facet_naming_a_theme_is_left_to_that_theme():
    # "version control (5)" under "remote work" would read as part of it, yet it is a theme
    # of its own with its own count; plurals fold ("servers" names "server").
    from reflect.themes.facets import specific_facets

    def theme(id_, label, facets):
        people = frozenset({"a", "b", "c", "d", "e"})
        return Theme(id_, label, "emerging", "", [0], [],
                     [Phrase(f, people) for f in facets])  # fmt: skip

    themes = specific_facets([
        theme("t1", "remote work", ["servers", "home office", "remote work"]),
        theme("t2", "server", ["ssh keys"]),
        theme("t3", "version control", ["merge conflicts"]),
        theme("t4", "laptops", ["version control", "battery life"]),
    ], ["an answer"])  # fmt: skip
    facets = {t.label: [f.text for f in t.facets] for t in themes}
    assert facets["remote work"] == ["home office"]  # nor its own label: no sub-topic
    assert facets["laptops"] == ["battery life"]


def test_a_facet_as_common_everywhere_as_in_its_theme_is_no_sub_topic():
    # In a survey about notebooks, "notebooks" is in every kind of answer; "pdf export" is
    # in the exporting theme's answers far more than in the others.
    from reflect.themes.facets import specific_facets

    texts = [
        "notebooks export to pdf export is broken",
        "pdf export of notebooks loses the images",
        "slow notebooks on big data",
        "notebooks crash when the kernel dies",
        "sharing notebooks with the team",
        "versioning notebooks in git",
    ]
    people = frozenset("abcde")
    exporting = Theme(
        "export", "Exporting", "taxonomy", "", [0, 1], [],
        [Phrase("notebooks", people), Phrase("pdf export", people)],
    )  # fmt: skip
    (exporting,) = specific_facets([exporting], texts)
    assert [f.text for f in exporting.facets] == ["pdf export"]


def test_a_card_says_what_its_label_does_not():
    # "editor" under "text editor" and "project" beside "projects" repeat the label; two
    # forms of one phrase are listed once, counting the people of both.
    from reflect.themes.stage import _beyond_the_label

    def phrase(text, people):
        return Phrase(text, frozenset(people))

    theme = Theme(
        "t", "text editor", "emerging", "", [0],
        [phrase("text editor", "abcdef"), phrase("editors", "abc"), phrase("key binding", "abc"),
         phrase("key bindings", "cde"), phrase("Text Editor", "fg"), phrase("themes", "abcde")],
        [phrase("editor", "abcde"), phrase("code completion", "abcde")],
    )  # fmt: skip
    (theme,) = _beyond_the_label([theme])
    assert [(p.text, len(p.participants)) for p in theme.phrases] == [
        ("text editor", 6), ("key binding", 5), ("themes", 5)
    ]  # fmt: skip
    assert [f.text for f in theme.facets] == ["code completion"]


def test_a_taxonomy_themes_facets_and_phrases_are_about_that_theme():
    # An answer raising two things brings both into each theme's phrases: "merge conflicts"
    # belongs to version control, not to exporting, whoever else wrote it.
    from reflect.themes.stage import _facets_about_their_theme
    from reflect.themes.taxonomy import TaxonomyTheme
    from tests.test_themes import fake_embed

    taxonomy = [
        TaxonomyTheme(
            "vc",
            "Version control",
            seeds=("merge conflicts", "merge conflicts in git", "conflicts we merge"),
        ),
        TaxonomyTheme("export", "Exporting", seeds=("pdf export", "printed reports")),
    ]
    people = frozenset("abcde")
    export = Theme(
        "export", "Exporting", "taxonomy", "", [0],
        [Phrase("pdf export", people), Phrase("merge conflicts", people)],
        [Phrase("printed reports", people), Phrase("merge conflicts", people)],
    )  # fmt: skip
    facets = [Phrase("merge conflicts", people), Phrase("battery life", people)]
    emerging = Theme("emerging_1", "laptop batteries", "emerging", "", [0], [], facets)
    _facets_about_their_theme([export, emerging], taxonomy, fake_embed)
    assert [p.text for p in export.phrases] == ["pdf export"]
    assert [f.text for f in export.facets] == ["printed reports"]
    # an emerging theme is judged by its label: nearer to version control than to it
    assert [f.text for f in emerging.facets] == ["battery life"]
    # a phrase about no theme in particular stays where its people wrote it
    vague = Theme("export", "Exporting", "taxonomy", "", [0], [Phrase("short demo", people)])
    _facets_about_their_theme([vague], taxonomy, fake_embed)
    assert [p.text for p in vague.phrases] == ["short demo"]


def _p(text: str, n: int, offset: int = 0) -> Phrase:
    return Phrase(text, frozenset(f"p{i}" for i in range(offset, offset + n)))


def test_when_a_sub_themes_label_is_rejected_then_its_next_phrase_names_it():
    # "AI" under "AI at work" repeats the theme; the sub-theme was about AI policy.
    from reflect.themes.facets import choose_facets

    options = [[_p("ai", 30), _p("ai policy", 7)], [_p("chatbots", 6)]]
    chosen = choose_facets(options, lambda p: p.text != "ai")
    assert [(f.text, len(f.participants)) for f in chosen] == [("ai policy", 7), ("chatbots", 6)]


def test_when_two_sub_themes_end_on_one_phrase_then_it_is_one_facet_with_both_peoples():
    from reflect.themes.facets import choose_facets

    options = [[_p("desk booking", 6)], [_p("hot desks", 5, 20), _p("desk bookings", 5, 3)]]
    chosen = choose_facets(options, lambda p: p.text != "hot desks")
    assert [(f.text, len(f.participants)) for f in chosen] == [("desk booking", 8)]


def test_a_sub_theme_cannot_form_around_the_themes_own_words_or_everyones():
    from reflect.themes.facets import not_particular

    texts = [
        "the team liked the hybrid policy",
        "our team argued about hybrid office days",
        "office days again with the team",
        "team lunch was fun",
        "team offsite planning",
        "the team budget",
    ]
    theme = Theme("hybrid", "Hybrid working", "taxonomy", "", [0, 1, 2])
    from reflect.themes.words import WrittenAsSuch

    skip = not_particular(theme, len(texts), WrittenAsSuch(texts, range(len(texts))).writers)
    assert skip("hybrid")  # the theme's own word
    assert skip("team")  # every answer's word: 3 of 3 here, 6 of 6 everywhere
    assert not skip("office")  # 2 of 3 here, 2 of 6 everywhere
    assert not skip("team lunch")  # a longer phrase carries its own particulars


def test_a_facet_that_only_repeats_the_shown_label_is_not_shown():
    # An emerging theme whose own label was screened out is named by its first safe phrase;
    # a facet of the same words would repeat it.
    from reflect.privacy.facets import safe_facets
    from reflect.privacy.screening import Vocabulary

    frame = _frame(30)
    theme = _theme(frame, {"office days": 12, "desk booking": 6})
    words = Vocabulary(frame[F.TEXT].tolist(), frame[F.PARTICIPANT].tolist())
    shown, withheld = safe_facets(theme, 30, 5, words, label="Office days")
    assert [f["label"] for f in shown] == ["desk booking"]
    assert withheld == 0


@pytest.mark.parametrize(
    ("phrase", "answer", "together"),
    [
        ("cell outputs", "the cell outputs vanish", True),
        ("cell outputs", "outputs of the cells get lost", True),  # the same thing, said with "of"
        ("cell outputs", "every output cell scrolls", True),  # in the other order
        ("home working", "working from home suits me", True),
        ("cell outputs", "the cell was slow. outputs were fine", False),  # two sentences
        ("cell outputs", "one cell, and then three outputs", False),  # two clauses
        ("cell outputs", "a cell I ran twice before any of its outputs", False),  # far apart
        ("rota software", "the rota is fine but the software crashes", False),
        ("git", "git diffs", True),  # one word: written as such
    ],
)
def test_a_phrase_said_in_other_word_orders_counts_as_written(phrase, answer, together):
    from reflect.themes.words import WrittenAsSuch

    written = WrittenAsSuch([answer], ["p1"])
    assert (written.together(phrase) == 1) is together


def test_a_sub_topic_k_people_word_their_own_way_is_still_a_facet(monkeypatch):
    # Five people name cell outputs, each their own way: as such, no form has k writers.
    texts = [
        "the cell outputs vanish after a restart",
        "outputs of cells are hard to collapse",
        "long output cells make scrolling slow",
        "I want to hide cell outputs when presenting",
        "clearing the outputs of every cell takes ages",
        "the kernel crashed again",
    ]
    found = [_Sub("cell outputs", [0, 1, 2, 3, 4])]
    assert _facets_of(found, texts, monkeypatch) == ["cell outputs"]
    # ...but words five people wrote apart are no phrase of theirs.
    apart = ["the cell was slow. outputs were fine"] * 5 + ["the kernel crashed again"]
    assert _facets_of(found, apart, monkeypatch) == []


def test_a_filtered_view_shows_no_facets():
    # Facet counts are not suppressed jointly across views: the cohort views' counts of one
    # facet, taken from the full report's, would give the last cohort's by subtraction; and
    # even without counts, a facet shown in a view (k or more of its writers inside and
    # outside) bounded its count there: 10 in all, shown to mentors and to mentees, was 5
    # and 5 (red team, 4 December 2026).
    from reflect.privacy.facets import safe_facets
    from reflect.privacy.screening import Vocabulary

    frame = _frame(30)
    theme = _theme(frame, {"office days": 12, "desk booking": 6})
    words = Vocabulary(frame[F.TEXT].tolist(), frame[F.PARTICIPANT].tolist())
    full, _ = safe_facets(theme, 30, 5, words)
    assert all(f["participants"] is not None for f in full)
    everyone = frozenset(frame[F.PARTICIPANT])
    group = frozenset(sorted(everyone)[:20])
    view, withheld = safe_facets(theme, 20, 5, words, people=group)
    assert view == [] and withheld == len(full)
