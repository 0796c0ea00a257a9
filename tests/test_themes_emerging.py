"""Emerging themes on tiny invented data: a fake embedding (bag of words) stands in for MiniLM;
phrases come from spaCy, so the test is marked ``model``."""

from __future__ import annotations

import numpy as np
import pytest

from reflect.themes.emerging import find_emerging
from reflect.themes.label import family_phrases, topic_label
from reflect.themes.model import Phrase
from reflect.themes.topic_words import with_typical_pairs, with_typical_words
from reflect.themes.words import WordUse, WrittenAsSuch, WrittenBy, stem
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


def test_when_people_say_one_thing_in_several_phrasings_then_the_family_counts_them_all():
    # "permits" and "parking permits" say the same; nobody outside the family counts.
    keys = ["permits", "parking permits", "resident parking permits", "bike racks"]
    writers = {
        "permits": {"a", "b"},
        "parking permits": {"c", "d", "e"},
        "resident parking permits": {"f"},
        "bike racks": {"g", "h"},
    }
    found = family_phrases(
        keys, {k: k for k in keys}, writers, np.array([0, 0, 0, 1]), np.array([0.5, 0.6, 0.7, 0.4])
    )
    by_text = {phrase.text: (phrase, people) for phrase, _, people in found}
    # Shown as the phrase most of the family wrote, not its most specific member...
    assert set(by_text) == {"parking permits", "bike racks"}
    # ...and backed by everyone who wrote one of its phrases.
    assert by_text["parking permits"][0].participants == frozenset("abcdef")
    assert by_text["parking permits"][1] == 6


def test_when_the_best_phrase_is_a_typical_word_in_another_form_then_it_names_the_topic():
    phrases = [(Phrase("thanks", frozenset(f"p{i}" for i in range(8))), 0.45, 8)]
    label = topic_label(phrases, 40, 5, ["thank", "tool"], {"thank": "thank", "tool": "tools"})
    assert label is not None and label.text == "thanks"  # not "thank and tools"


def test_a_phrase_few_wrote_far_from_the_topic_does_not_name_it_though_its_words_are_typical():
    def writers(n: int) -> frozenset:
        return frozenset(f"p{i}" for i in range(n))

    words = {w: w for w in ["loading", "spinner", "invoices", "archive"]}
    # 5 of 44 people, at cosine 0.43: a side remark of a topic about invoices and archives.
    side = [(Phrase("loading spinner", writers(5)), 0.43, 5)]
    label = topic_label(side, 44, 5, ["loading", "invoices", "archive", "spinner"], words,
                        related=lambda a, b: 0.5)  # fmt: skip
    assert label is None or label.text != "loading spinner"
    # As few writers, but what the topic is about (close to its centre), names it.
    close = [(Phrase("loading spinner", writers(5)), 0.8, 5)]
    label = topic_label(close, 44, 5, ["loading", "spinner"], words)
    assert label is not None and label.text == "loading spinner"


def test_when_a_phrase_could_not_be_shown_then_its_family_is_named_by_one_that_can():
    keys = ["permits", "parking permits"]
    writers = {"permits": {"a", "b"}, "parking permits": {"c", "d", "e"}}
    found = family_phrases(
        keys,
        {k: k for k in keys},
        writers,
        np.array([0, 0]),
        np.array([0.5, 0.6]),
        shown=lambda text: "parking" not in text,  # as if too few people wrote "parking"
    )
    assert [(p.text, people) for p, _, people in found] == [("permits", 5)]
    assert family_phrases(keys, {k: k for k in keys}, writers, np.array([0, 0]),
                          np.array([0.5, 0.6]), shown=lambda text: False) == []  # fmt: skip


def test_when_a_word_is_written_by_k_people_as_an_inflection_then_it_can_be_shown():
    written = WrittenBy(["Machines crash.", "Machines froze.", "The machine"], ["a", "b", "c"])
    assert written.common("machine", 2)  # "machines" by two people counts for "machine"
    assert not written.common("machine", 3)  # forms are not added up: as the report counts
    assert not written.common("machine froze", 2)  # every word needs k people


@pytest.mark.parametrize(
    ("word", "names_it"),
    [
        ("expect", False),
        ("useful", False),
        ("small", False),
        ("multiple", False),
        ("calendar", True),
        ("zorblet", True),
        # an activity named by its verb, unless everyday or an adjective
        ("vetting", True),
        ("commuting", True),
        ("doing", False),
        ("amazing", False),
    ],  # fmt: skip
)
def test_a_lone_word_names_a_topic_only_when_it_is_a_thing(word, names_it):
    # A verb or an adjective is how people wrote; a noun or a product's name is what about.
    people = frozenset(f"p{i}" for i in range(9))
    label = topic_label([(Phrase(word, people), 0.6, 9)], 30, 5, [word], {word: word})
    assert (label is not None and label.text == word) == names_it


def test_when_two_typical_words_do_not_belong_together_then_the_topic_has_no_label():
    # Nobody shares a phrase; the words the topic's people share most are unrelated ("a mixed
    # bag"), so a pair of them would name nothing a lead could act on.
    closeness = {frozenset({"giggle", "manager"}): 0.1, frozenset({"kettle", "pantry"}): 0.6}

    def related(a, b):
        return closeness.get(frozenset({a, b}), 0.0)

    words = {w: w for w in ["giggle", "manager", "kettle", "pantry"]}
    mixed = topic_label([], 30, 5, ["giggle", "manager"], words, related=related)
    assert mixed is None
    # Further down the typical words, two that belong together name it.
    label = topic_label([], 30, 5, ["giggle", "manager", "kettle", "pantry"], words,
                        related=related)  # fmt: skip
    assert label is not None and label.text == "kettle and pantry"


def test_a_pair_label_is_made_of_things_not_of_how_people_wrote():
    words = {w: w for w in ["expect", "calendar", "agenda"]}
    label = topic_label([], 30, 5, ["expect", "calendar", "agenda"], words,
                        related=lambda a, b: 0.9)  # fmt: skip
    assert label is not None and label.text == "calendar and agenda"  # "expect" is a verb


def test_a_label_never_pairs_two_forms_of_one_word():
    words = {w: w for w in ["listener", "listening", "kettle"]}
    label = topic_label([], 30, 5, ["listener", "listening"], words, related=lambda a, b: 0.9)
    assert label is not None and label.text == "listener"
    label = topic_label([], 30, 5, ["listener", "listening", "kettle"], words,
                        related=lambda a, b: 0.9)  # fmt: skip
    assert label is not None and label.text == "listener and kettle"


@pytest.mark.parametrize(
    ("first", "second", "alike"),
    [
        ("planning", "planners", True),  # one root, two endings
        ("harbour", "harbours", True),
        ("moonlight", "light", True),  # one inside the other: close only by word pieces
        ("kettle", "teapot", False),
        ("conference", "confidence", False),
    ],
)
def test_a_pair_label_is_never_two_words_spelt_alike(first, second, alike):
    words = {w: w for w in [first, second]}
    label = topic_label([], 30, 5, [first, second], words, related=lambda a, b: 0.9)
    assert (label is None or " and " not in label.text) == alike


def test_a_phrase_of_two_typical_words_ends_in_what_it_names():
    texts = ["the harbour instead was fine", "harbour instead of the park"] * 3
    texts += ["the harbour ferry was late", "a harbour ferry trip"] * 3
    authors = [f"p{i}" for i in range(len(texts))]
    words = WordUse(texts, list(range(len(texts))), authors, range(len(texts)),
                    {"harbour", "instead", "ferry"})  # fmt: skip
    as_such, centre = WrittenAsSuch(texts, authors), fake_embed(["harbour"])[0]
    found = with_typical_pairs([], ["harbour", "instead", "ferry"], words, as_such.writers,
                               frozenset(authors), centre, fake_embed, 3)  # fmt: skip
    assert [phrase.text for phrase, _, _ in found] == ["harbour ferry"]


def _people(n: int) -> frozenset:
    return frozenset(f"p{i}" for i in range(n))


def test_a_product_most_of_a_topics_people_name_is_its_label():
    # One tool nearly everyone in the topic writes is the topic; a cluster of several tools
    # is still named by what they are for.
    words = {w: w for w in ["spreadsheet", "formulas", "sheetwise"]}
    one_tool = [(Phrase("sheetwise", _people(30)), 0.8, 30),
                (Phrase("spreadsheet formulas", _people(9)), 0.6, 9)]  # fmt: skip
    label = topic_label(one_tool, 60, 5, ["sheetwise", "spreadsheet", "formulas"], words,
                        proper={"sheetwise"})  # fmt: skip
    assert label is not None and label.text == "sheetwise"
    several = [(Phrase("sheetwise", _people(12)), 0.8, 12),
               (Phrase("spreadsheet formulas", _people(9)), 0.6, 9)]  # fmt: skip
    label = topic_label(several, 60, 5, ["sheetwise", "spreadsheet", "formulas"], words,
                        proper={"sheetwise"})  # fmt: skip
    assert label is not None and label.text == "spreadsheet formulas"


def test_a_phrase_of_typical_words_gives_way_to_one_far_more_people_wrote():
    # "queue sorting" is made of two typical words, but 8 of 100 wrote it and 45 wrote
    # "queues", close to the topic's centre.
    words = {w: w for w in ["queues", "sorting", "queue"]}
    phrases = [(Phrase("queue sorting", _people(8)), 0.5, 8),
               (Phrase("queues", _people(45)), 0.7, 45)]  # fmt: skip
    label = topic_label(phrases, 100, 5, ["queues", "sorting", "queue"], words)
    assert label is not None and label.text == "queues"
    # ...and keeps the label when about as many wrote it.
    phrases[0] = (Phrase("queue sorting", _people(30)), 0.5, 30)
    label = topic_label(phrases, 100, 5, ["queues", "sorting", "queue"], words)
    assert label is not None and label.text == "queue sorting"


def test_a_phrase_is_written_as_such_when_its_words_come_in_that_order():
    from reflect.themes.words import WrittenAsSuch

    texts = ["The Code Cells froze.", "code cell output", "cells of code", "A code cell."]
    written = WrittenAsSuch(texts, ["a", "b", "c", "a"])
    assert written.by("code cells") == 2  # plurals folded, one person counted once
    assert written.by("cell code") == 0  # the words in another order are another phrase
    assert written.by("") == 0


def test_a_phrase_is_never_written_across_a_comma_or_a_full_stop():
    from reflect.themes.words import WrittenAsSuch

    texts = ["Waited for ages, setup was messy.", "Lots of cells. Code was fine", "python 3.5"]
    written = WrittenAsSuch(texts, ["a", "b", "c"])
    assert written.by("ages setup") == 0 and written.by("cells code") == 0
    assert written.by("python 3.5") == 1  # a point inside a number is no break


def test_when_few_wrote_the_best_phrase_as_such_then_the_topic_is_named_by_another():
    # Eight people wrote about the nest box, but the phrase its family would be shown as,
    # "nest box cameras", only two wrote as such: the label is one enough people wrote.
    from reflect.themes.label import written_label

    phrases = [(Phrase("nest box cameras", _people(8)), 0.8, 8),
               (Phrase("nest box", _people(8)), 0.7, 8)]  # fmt: skip
    as_such = {"nest box cameras": 2, "nest box": 6}.get
    label = written_label(
        lambda ps: topic_label(ps, 20, 5, ["nest", "box"], {"nest": "nest", "box": "box"}),
        phrases, as_such, 5,
    )  # fmt: skip
    assert label is not None and label.text == "nest box"
    # a label made of typical words quotes no one and needs no writers of its own
    label = written_label(lambda ps: Phrase("kettle and pantry", frozenset()), [], as_such, 5)
    assert label is not None and label.text == "kettle and pantry"


def test_a_merged_topics_description_is_no_phrase_its_people_wrote():
    # Two topics saying the same thing become one; the merged one's phrases join the other's,
    # but not a label that only described it in two of its words ("pairing and editing").
    from reflect.themes.emerging import EmergingTopic, _merge_same

    centre = np.ones(4, dtype=np.float32) / 2
    people = frozenset("abcdef")
    head = EmergingTopic("shared notebooks", [0, 1, 2], [Phrase("shared notebooks", people)],
                         centre)  # fmt: skip
    part = EmergingTopic(
        "pairing and editing", [3, 4],
        [Phrase("pairing and editing", people), Phrase("live editing", people)],
        centre, described=True,
    )  # fmt: skip
    (merged,) = _merge_same([head, part], lambda texts: np.tile(centre, (len(texts), 1)), "abcde")
    assert [p.text for p in merged.phrases] == ["shared notebooks", "live editing"]


def _topic(label, members, angle):
    from reflect.themes.emerging import EmergingTopic

    centre = np.array([np.cos(angle), np.sin(angle), 0.0, 0.0], dtype=np.float32)
    return EmergingTopic(label, members, [Phrase(label, frozenset("abcdef"))], centre)


@pytest.mark.parametrize(
    ("labels", "angle", "topics"),
    [
        # one label is part of the other and the topics are close: one topic
        (("code cells", "cell"), 0.8, 1),
        (("meeting rooms", "room booking and meeting rooms"), 0.8, 1),
        # the same word in topics far apart ("data" as a source, "data" as a chart): two
        (("cell", "code cells"), 1.2, 2),
        # close topics whose labels share a word but neither is part of the other: two
        (("code cells", "cell outputs"), 0.8, 2),
    ],
)
def test_topics_merge_when_one_label_is_part_of_the_other_and_they_are_close(labels, angle, topics):
    from reflect.themes.emerging import _merge_same

    first, second = _topic(labels[0], [0, 1, 2], 0.0), _topic(labels[1], [3, 4], angle)

    def far_apart(texts):  # label vectors that never meet on their own
        return np.eye(len(texts), 4, dtype=np.float32)

    assert len(_merge_same([first, second], far_apart, "abcde")) == topics


def test_typical_words_people_write_together_are_shown_as_they_wrote_them():
    # "machine" and "learning" are one thing to the people who wrote "machine learning"; the
    # pair most people wrote is taken first ("learning engineering" is in fewer answers), and
    # the label's own word stays alone.
    from reflect.themes.topic_words import written_together

    texts = ["machine learning engineering"] * 3 + ["machine learning at work"] * 3
    texts += ["learning engineering skills"] * 2 + ["data pipelines"]
    authors = list("abcdefghi")
    writers = WrittenAsSuch(texts, authors).writers
    people = frozenset(authors)
    words = [Phrase(w, people) for w in ("engineering", "learning", "machine", "data")]
    shown = written_together(words, writers, people, 5, "data")
    assert [(p.text, len(p.participants)) for p in shown] == [
        ("engineering", 9), ("machine learning", 6), ("data", 9)
    ]  # fmt: skip
    # ...wherever the two stand among the words a topic shows, not only among its first few.
    others = ["a1", "b2", "c3", "d4", "e5", "f6", "g7"]
    many = [Phrase(w, people) for w in [*others, "learning", "h8", "machine"]]
    assert "machine learning" in [p.text for p in written_together(many, writers, people, 5, "")]


def test_the_framing_of_many_questions_is_what_they_share_not_their_topics():
    from reflect.themes.candidates import prompt_words
    from reflect.themes.framing import framing_words

    two = ["What worked well in this session?", "What felt awkward?"]
    assert prompt_words(framing_words(two)) >= {"worked", "session", "awkward"}
    survey = [
        "Which tools do you use in Quillo?",
        "Comments about collaboration in Quillo:",
        "What do you chart in Quillo?",
        "How do you share work from Quillo?",
    ]
    framing = prompt_words(framing_words(survey))
    assert {"quillo", "do", "you", "in"} <= framing
    assert not framing & {"collaboration", "tools", "chart", "share"}


ROLES = ["data", "plant", "audio", "bridge", "radio", "safety", "sound", "cloud", "road", "mine"]


def _roles_topic(n_people: int):
    """Each person gives their job in their own words: no phrase is five people's, the word
    "engineer" is everyone's."""
    texts = [f"{ROLES[p % 10]} engineer using jupyter" for p in range(n_people)]
    texts += GARDEN * 5  # what the rest of the programme wrote
    people = [f"P-{p}" for p in range(len(texts))]
    idx = np.arange(n_people)
    topical = {stem(w) for t in texts for w in t.split()}
    words = WordUse(texts, list(range(len(texts))), people, list(range(len(texts))), topical)
    centre = fake_embed(texts[:n_people]).mean(axis=0)
    return words, idx, centre / np.linalg.norm(centre)


def test_a_typical_word_everyone_in_a_topic_wrote_is_a_label_candidate_with_all_its_people():
    words, idx, centre = _roles_topic(20)
    typical = words.typical(idx)
    found = with_typical_words([], typical, words, idx, centre, fake_embed, lambda t: True, "")
    assert ("engineer", 20) in [(phrase.text, people) for phrase, _, people in found]
    # a question's own words ("jupyter" in a survey about it) name no topic
    asked = with_typical_words(
        [], typical, words, idx, centre, fake_embed, lambda t: True, "How do you use Jupyter?"
    )
    assert "jupyter" not in [phrase.text for phrase, _, _ in asked]
    # a phrase already scored keeps its closeness and takes the larger count
    few = (Phrase("engineer", frozenset({"P-1", "P-2"})), 0.9, 2)
    (kept,) = [
        f
        for f in with_typical_words(
            [few], typical, words, idx, centre, fake_embed, lambda t: True, ""
        )  # fmt: skip
        if f[0].text == "engineer"
    ]
    assert kept[1] == 0.9 and kept[2] == 20


def test_a_word_few_of_a_topics_people_wrote_is_no_label_candidate():
    words, idx, centre = _roles_topic(20)
    found = with_typical_words([], ["data"], words, idx, centre, fake_embed, lambda t: True, "")
    assert found == []  # 2 of 20 people


def test_a_noun_for_a_word_people_wrote_as_a_verb_counts_every_form_of_it():
    # Most people wrote "thank you" (a verb, no phrase of its own); three wrote "thanks".
    texts = [f"thank you {w} for the great tool" for w in ROLES] + [
        f"many thanks for the {w} tool" for w in ROLES[:3]
    ]
    texts += GARDEN * 5
    people = [f"P-{p}" for p in range(len(texts))]
    idx = np.arange(13)
    topical = {stem(w) for t in texts for w in t.split()}
    words = WordUse(texts, list(range(len(texts))), people, list(range(len(texts))), topical)
    centre = fake_embed(texts[:13]).mean(axis=0)
    centre /= np.linalg.norm(centre)
    typical = words.typical(idx)
    assert words.display[typical[0]] == "thank"
    thanks = (Phrase("thanks", frozenset(people[10:13])), 0.4, 3)
    tool = (Phrase("tool", frozenset(people[:13])), 0.4, 13)
    found = with_typical_words(
        [thanks, tool], typical, words, idx, centre, fake_embed, lambda t: True, ""
    )
    counts = {phrase.text: n for phrase, _, n in found}
    assert counts["thanks"] == 13 and counts["tool"] == 13


def test_two_typical_words_people_wrote_side_by_side_are_a_label_candidate():
    # Twenty people wrote about the induction; ten wrote "induction workbook" as such. The
    # phrase is a candidate with those ten, so the topic need not read as the keyword alone.
    from reflect.themes.topic_words import with_typical_pairs

    texts = ["the induction workbook was clear"] * 10 + ["the induction felt rushed"] * 10
    texts += GARDEN * 5
    people = [f"P-{p}" for p in range(len(texts))]
    topical = {stem(w) for t in texts for w in t.split()}
    words = WordUse(texts, list(range(len(texts))), people, list(range(len(texts))), topical)
    idx = np.arange(20)
    centre = fake_embed(texts[:20]).mean(axis=0)
    centre /= np.linalg.norm(centre)
    named = [w for w in words.typical(idx) if w in {"induction", "workbook", "rushed"}]
    writers = WrittenAsSuch(texts, people).writers
    topic = frozenset(people[:20])
    found = with_typical_pairs([], named, words, writers, topic, centre, fake_embed, 5)
    assert [(p.text, n) for p, _, n in found] == [("induction workbook", 10)]
    # ...only when k of the topic's people wrote it so: with k = 11 it is nobody's phrase
    none = with_typical_pairs([], named, words, writers, topic, centre, fake_embed, 11)
    assert none == []
    # ...and a label would then be made of it (two typical words, enough people)
    induction = (Phrase("induction", topic), 0.8, 20)
    label = topic_label([induction, *found], 20, 5, named, words.display)
    assert label is not None and label.text == "induction workbook"


def test_a_singular_in_ie_is_one_word_with_its_plural_and_the_y_spelling():
    assert stem("movie") == stem("movies")
    assert stem("buddie") == stem("buddy") == stem("buddies")
    assert stem("tie") == "tie"  # too short to tell


def test_a_word_is_shown_as_spelt_in_a_dictionary_before_as_most_people_typed_it():
    texts = ["my buddie helped"] * 3 + ["a buddy helped"] * 2 + ["the buddies helped"]
    people = [f"P-{p}" for p in range(len(texts))]
    topical = {stem(w) for t in texts for w in t.split()}
    words = WordUse(texts, list(range(len(texts))), people, list(range(len(texts))), topical)
    assert words.display[stem("buddy")] == "buddy"
    assert len(words.users_in(stem("buddy"), range(len(texts)))) == 6


def test_a_misspelt_one_word_phrase_is_shown_as_the_dictionary_form_and_counted_once():
    from reflect.themes.topic_words import as_commonly_spelt

    texts = ["the calandar was full"] * 3 + ["my calendar was full"] * 3
    people = [f"P-{p}" for p in range(len(texts))]
    topical = {stem(w) for t in texts for w in t.split()}
    words = WordUse(texts, list(range(len(texts))), people, list(range(len(texts))), topical)
    words.display["calandar"] = "calendar"  # as a stem of both would show it
    scored = [(Phrase("calandar", frozenset(people[:3])), 0.6, 3),
              (Phrase("calendar", frozenset(people[3:])), 0.7, 3)]  # fmt: skip
    assert [(p.text, n, c) for p, c, n in as_commonly_spelt(scored, words, lambda t: True)] == [
        ("calendar", 6, 0.7)
    ]
    # ...unless the report could not show the dictionary form
    assert len(as_commonly_spelt(scored, words, lambda t: t != "calendar")) == 2


def test_a_one_word_label_is_widened_by_a_typical_word_that_means_nearly_the_same():
    from reflect.themes.topic_words import widened

    def related(a: str, b: str) -> float:
        return {frozenset({"robots", "automation"}): 0.5}.get(frozenset({a, b}), 0.1)

    label = Phrase("robots", _people(12))
    own = [Phrase("depot", _people(9)), Phrase("automation", frozenset({"q1", "q2", "p1", "q3",
                                                                       "q4"}))]  # fmt: skip
    wide = widened(label, own, set(), related, lambda t: True, 5)
    assert wide.text == "robots and automation" and len(wide.participants) == 16
    # ...not by a word unrelated to it, a word too few wrote, or a product's name
    assert widened(label, own[:1], set(), related, lambda t: True, 5) == label
    assert widened(label, own, set(), related, lambda t: True, 6) == label
    assert widened(label, own, {"robots"}, related, lambda t: True, 5) == label
    # ...and a label of two words stays as it is
    two = Phrase("robot arms", _people(12))
    assert widened(two, own, set(), related, lambda t: True, 5) == two


def test_a_word_people_wrote_in_the_plural_is_a_thing_even_if_also_an_adjective():
    # WordNet lists "buddy" as an adjective too; "buddies" says it is a person here. A
    # verb's -s is no plural ("thanks"), and an adjective nobody pluralised stays one.
    texts = ["my buddy helped", "the buddies were great", "thanks a lot", "a small step"]
    people = [f"P-{p}" for p in range(len(texts))]
    topical = {stem(w) for t in texts for w in t.split()}
    words = WordUse(texts, list(range(len(texts))), people, list(range(len(texts))), topical)
    assert "buddy" in words.nouns and "thanks" not in words.nouns
    from reflect.themes.things import names_a_thing

    assert names_a_thing("buddy", words.nouns) and not names_a_thing("buddy")
    assert not names_a_thing("small", words.nouns)


def test_people_who_name_a_topic_elsewhere_join_it_when_the_label_is_the_topics_own():
    from reflect.themes.emerging import _with_label_writers

    texts = [
        "the allotment rota worked",  # 0-2: the topic as clustered
        "our allotment needs a shed",
        "allotment volunteers are keen",
        "I mentioned the allotment to my manager",  # 3: names it, set aside by clustering
        "the rota was late again",  # 4: "rota" is everyone's word
        "rota changes every week",
        "a new rota app",
    ]
    authors = ["a", "b", "c", "d", "e", "f", "g"]
    as_such, topic = WrittenAsSuch(texts, authors), {"a", "b", "c"}
    members, named_by = _with_label_writers([0, 1, 2], "allotment", as_such, topic, authors)
    assert members == [0, 1, 2, 3] and named_by == frozenset("abcd")
    # Most of the people who wrote "rota" are not the topic's: the label is not its own.
    members, _ = _with_label_writers([0, 1, 2], "allotment and rota", as_such, topic, authors)
    assert members == [0, 1, 2, 3]


def test_an_emerging_label_made_of_a_taxonomy_themes_label_words_is_that_theme():
    from reflect.themes.stage import _named_by_the_taxonomy
    from reflect.themes.taxonomy import TaxonomyTheme

    taxonomy = [
        TaxonomyTheme("marking", "Marking and feedback workload"),
        TaxonomyTheme("listening", "The coach's listening and challenge"),
        TaxonomyTheme("nothing", "Nothing to add", kind="nothing"),
    ]
    for label in ("marking", "feedback", "listening", "challenges", "feedback and marking"):
        assert _named_by_the_taxonomy(label, taxonomy), label
    # A word of its own is a topic of its own; a "nothing" theme names no topic.
    for label in ("peer marking apps", "room booking", "nothing", "rooftop garden"):
        assert not _named_by_the_taxonomy(label, taxonomy), label


def test_one_word_roles_are_framing_words_in_both_numbers():
    from reflect.themes.framing import role_words

    assert role_words(["Mentor", "mentee", "mentor", "line manager", ""]) == (
        "mentee mentees mentor mentors"
    )


def test_the_words_counting_a_programmes_units_are_framing_words():
    from reflect.themes.framing import unit_words

    labels = ["Module 1", "Module 12", "Cohort B", "2025 intake", "East", "Leeds office", "3", ""]
    assert unit_words(labels) == "cohort cohorts intake intakes module modules"
    # a unit's title is what it was about, and a lone article counts nothing
    titled = ["Week 2: Giving feedback", "A day in the life"]
    assert unit_words(titled) == "week weeks"


def test_a_verbs_past_is_no_product_though_no_dictionary_lists_it():
    from reflect.themes.things import names_a_thing

    assert not names_a_thing("started") and not names_a_thing("finished")
    assert names_a_thing("jupyterlab") and names_a_thing("rota")


def test_a_card_lists_only_the_phrases_particular_to_its_theme():
    from reflect.themes.model import Phrase, Theme
    from reflect.themes.stage import particular_phrases

    def generic(text):
        return text in {"staff", "company", "rota"}

    def written_by(text):  # how many people wrote the phrase as such
        return {"handover": 1}.get(text, 5)

    said = frozenset({"p1", "p2"})
    words = ["staff", "night shifts", "company", "handover"]
    taxonomy_theme = Theme("t", "Wellbeing", "taxonomy", "", [0], [Phrase(w, said) for w in words])
    shown = particular_phrases(taxonomy_theme, generic, written_by, 5)
    assert [p.text for p in shown] == ["night shifts"]  # "handover": one person's words
    phrases = [Phrase("rota", said), Phrase("staff", said)]
    emerging = Theme("e", "rota", "emerging", "", [0], phrases)
    assert [p.text for p in particular_phrases(emerging, generic, written_by, 5)] == ["rota"]


def test_a_verb_that_frames_an_answer_names_no_topic_though_a_dictionary_lists_it_as_a_noun():
    from reflect.themes.things import names_a_thing

    assert not names_a_thing("think") and not names_a_thing("look")
    assert names_a_thing("rota") and names_a_thing("depot")


def test_an_answer_echoing_its_question_names_no_topic_by_the_echo():
    # "What surprised you?" answered "the surprise was ...": the echo is the question's word,
    # not the topic's, however many questions there are (framing covers one or two)
    from reflect.themes.words import question_roots

    sentences = ["The surprise was the rooftop garden", "A surprise party for the team"]
    asked = ["What surprised you most?", "What did you talk about?"]
    topical = {"surprise", "rooftop", "garden", "party", "team"}
    echoes = [question_roots(q) for q in asked]
    words = WordUse(sentences, [0, 1], ["P-1", "P-2"], [0, 1], topical, echoes)
    assert words.sentence_words[0] == {"rooftop", "garden"}
    assert "surprise" in words.sentence_words[1]  # asked about something else: a topic word


def test_question_roots_fold_the_questions_inflections():
    from reflect.themes.words import question_roots, root

    asked = question_roots("What surprised you, or felt uncomfortable?")
    assert {root("surprise"), root("surprising"), root("uncomfortable")} <= asked
    assert root("garden") not in asked
