"""The theme engine on tiny data. A fake embedding (bag of words hashed into a vector) stands
in for MiniLM so clustering, labelling and support counting are tested without a model; phrase
extraction needs the spaCy model and is marked ``model``."""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace

import numpy as np
import pytest

from reflect.errors import ConfigError
from reflect.themes import load_taxonomy
from reflect.themes.cluster import cluster_points
from reflect.themes.empty import is_empty_answer
from reflect.themes.engine import find_group_themes
from reflect.themes.label import choose_label, empty_answer_label
from reflect.themes.presets import PRESETS, get_preset


def fake_embed(texts):
    """Texts sharing words point the same way; unrelated texts are orthogonal-ish."""
    out = np.zeros((len(texts), 256), dtype=np.float32)
    for row, text in enumerate(texts):
        for word in re.findall(r"[a-z]+", text.lower()):
            out[row, int(hashlib.md5(word.encode()).hexdigest(), 16) % 256] += 1.0
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    return out / np.maximum(norms, 1e-9)


# -- empty answers ------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    ["Nothing", "N/A", "none", "nothing was confusing today", "Everything made sense", "nope"],
)
def test_when_answer_nothing_to_report_then_it_is_empty(text):
    assert is_empty_answer(text)


@pytest.mark.parametrize(
    "text", ["Nothing about the quiz made sense to me at all, especially question four", "loops"]
)
def test_when_answer_names_a_topic_then_it_is_not_empty(text):
    assert not is_empty_answer(text)


@pytest.mark.parametrize(
    ("prompt", "label"),
    [
        ("Describe what you found most confusing in today's class", "No confusion"),
        ("What felt awkward or surprising?", "No awkwardness"),
        ("Describe what you found most interesting in today's class", None),
        ("Any comments?", "No concerns"),
    ],
)
def test_when_prompt_asks_for_problems_then_empty_answers_get_a_no_label(prompt, label):
    assert empty_answer_label(prompt) == label


# -- clustering ---------------------------------------------------------------------------
def test_when_points_form_two_groups_then_two_clusters():
    a = np.tile([1.0, 0.0, 0.0], (5, 1)) + np.random.default_rng(0).normal(0, 0.01, (5, 3))
    b = np.tile([0.0, 1.0, 0.0], (4, 1)) + np.random.default_rng(1).normal(0, 0.01, (4, 3))
    points = np.vstack([a, b]).astype(np.float32)
    points /= np.linalg.norm(points, axis=1, keepdims=True)
    labels = cluster_points(points, distance=0.3)
    assert len(set(labels[:5])) == 1 and len(set(labels[5:])) == 1
    assert labels[0] != labels[5]


@pytest.mark.parametrize("n", [0, 1, 2])
def test_when_group_is_tiny_then_clustering_still_labels_every_point(n):
    points = np.eye(3, dtype=np.float32)[:n]
    assert len(cluster_points(points, distance=0.3)) == n


def test_when_points_exceed_the_direct_limit_then_kmeans_precluster_keeps_groups_apart():
    rng = np.random.default_rng(0)
    centres = np.eye(8, dtype=np.float32)[:4]
    points = np.vstack([c + rng.normal(0, 0.02, (60, 8)) for c in centres]).astype(np.float32)
    points /= np.linalg.norm(points, axis=1, keepdims=True)
    labels = cluster_points(points, distance=0.3, max_direct=20)
    assert len(labels) == 240
    for block in range(4):
        assert len(set(labels[block * 60 : (block + 1) * 60])) == 1
    assert len(set(labels)) == 4


# -- labelling ----------------------------------------------------------------------------
def test_when_a_longer_phrase_is_shared_enough_then_label_extends_to_it():
    authors = {"matrix": {1, 2, 3, 4}, "adjacency matrix": {1, 2, 3}, "big matrix": {4}}
    centrality = dict.fromkeys(authors, 0.9)
    assert choose_label(list(authors), authors, centrality, 0.3, 1.0) == "adjacency matrix"


def test_when_no_longer_phrase_is_shared_then_label_keeps_the_head():
    authors = {"loop": set(range(10)), "nested loop": {1}, "for loop": {2}}
    centrality = dict.fromkeys(authors, 0.9)
    assert choose_label(list(authors), authors, centrality, 0.3, 1.0) == "loop"


# -- presets ------------------------------------------------------------------------------
def test_when_preset_is_unknown_then_config_error_names_the_known_ones():
    with pytest.raises(ConfigError, match="programme"):
        get_preset("nope")


@pytest.mark.model
def test_a_theme_of_three_people_is_found_for_a_small_group_and_not_for_a_programme():
    texts, authors = zip(*GROUP, strict=True)
    found = {
        name: [t.label for t in find_group_themes(list(texts), list(authors), fake_embed,
                                                   PRESETS[name], prompt=PROMPT)]
        for name in ("small-groups", "programme")
    }  # fmt: skip
    assert "adjacency matrix" in found["small-groups"]  # three people
    assert any("entropy" in label for label in found["small-groups"])  # two people
    assert found["programme"] == []  # no theme reaches five people


# -- taxonomy loading ---------------------------------------------------------------------
def test_shipped_taxonomy_loads_with_unique_ids():
    themes = load_taxonomy()
    assert len({t.id for t in themes}) == len(themes) > 0
    assert all(t.seeds for t in themes)


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('[[theme]]\nid = "a"\nseeds = ["x"]\n', "lacks label"),
        ('[[theme]]\nid = "a"\nlabel = "A"\nkind = "misc"\n', "kind 'misc'"),
        ('[[theme]]\nid = "a"\nlabel = "A"\nstance = "happy"\n', "stance 'happy'"),
        ('[[theme]]\nid = "a"\nlabel = "A"\nseeds = "x"\n', "seeds must be a list"),
        ('[[theme]]\nid = "Bad Id"\nlabel = "A"\nseeds = ["x"]\n', "lower_snake_case"),
        ('[[theme]]\nid = "a"\nlabel = "A"\nseeds = ["x"]\n' * 2, "appears twice"),
        ("x = 1\n", "no \\[\\[theme\\]\\]"),
        ('[[themes]]\nid = "a"\nlabel = "A"\n', "it has \\[\\[themes\\]\\]: each theme is a"),
        ("[[theme\n", "not valid TOML"),
        # longer than the model reads, a label hid words from it (red team, stop 40)
        (f'[[theme]]\nid = "a"\nlabel = "{"word " * 21}"\n', "a label is a short name"),
        (f'[[theme]]\nid = "a"\nlabel = "{"word-" * 30}end"\n', "a label is a short name"),
    ],
)
def test_when_taxonomy_is_invalid_then_config_error(tmp_path, toml, message):
    path = tmp_path / "taxonomy.toml"
    path.write_text(toml, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_taxonomy(path)


# -- the engine end to end (spaCy for phrases, fake vectors) ------------------------------
GROUP = [
    ("adjacency matrix was confusing", "a"),
    ("the adjacency matrix", "b"),
    ("Adjacency matrix", "c"),
    ("entropy", "d"),
    ("the entropy equation", "e"),
    ("Nothing", "f"),
    ("none", "g"),
    ("LZW expansion", "h"),
]
PROMPT = "Describe what you found most confusing in today's class"


@pytest.mark.model
def test_when_group_is_small_then_engine_finds_its_themes_with_distinct_author_support():
    texts, authors = zip(*GROUP, strict=True)
    themes = find_group_themes(
        list(texts), list(authors), fake_embed, get_preset("small-groups"), prompt=PROMPT
    )
    by_label = {t.label: t for t in themes}
    assert by_label["adjacency matrix"].support == 3
    assert by_label["No confusion"].support == 2
    assert any("entropy" in label for label in by_label)
    assert themes[0].label == "adjacency matrix"  # most supported first


@pytest.mark.model
def test_when_one_author_writes_twice_then_support_counts_them_once():
    texts = ["adjacency matrix", "adjacency matrix again", "the adjacency matrix", "entropy"]
    themes = find_group_themes(
        texts, ["a", "a", "b", "c"], fake_embed, get_preset("small-groups"), prompt=PROMPT
    )
    matrix = next(t for t in themes if "matrix" in t.label)
    assert matrix.support == 2 and len(matrix.members) == 3


@pytest.mark.model
def test_when_support_is_below_preset_minimum_then_theme_is_dropped():
    texts, authors = zip(*GROUP, strict=True)
    preset = replace(get_preset("small-groups"), min_support=3)
    themes = find_group_themes(list(texts), list(authors), fake_embed, preset, prompt=PROMPT)
    assert [t.label for t in themes] == ["adjacency matrix"]


@pytest.mark.model
def test_label_is_first_phrase_and_every_phrase_names_its_people():
    texts, authors = zip(*GROUP, strict=True)
    themes = find_group_themes(
        list(texts), list(authors), fake_embed, get_preset("small-groups"), prompt=PROMPT
    )
    topic = next(t for t in themes if t.kind == "topic")
    assert topic.phrases[0].text == topic.label
    assert all(p.participants <= set(authors) for p in topic.phrases)


@pytest.mark.model
def test_when_most_of_a_themes_people_share_a_modifier_then_the_label_keeps_it():
    texts = ["messenger pigeons", "the messenger pigeons", "I liked messenger pigeons", "pigeons"]
    themes = find_group_themes(
        texts, ["a", "b", "c", "d"], fake_embed, get_preset("small-groups"), prompt=PROMPT
    )
    assert themes[0].label == "messenger pigeons"
    assert themes[0].support == 4


@pytest.mark.model
def test_when_a_reflection_raises_two_things_then_it_counts_for_both():
    texts = ["the adjacency matrix and the entropy", "adjacency matrix", "entropy"]
    themes = find_group_themes(
        texts, ["a", "b", "c"], fake_embed, get_preset("small-groups"), prompt=PROMPT
    )
    by_label = {t.label: t for t in themes}
    assert by_label["adjacency matrix"].support == 2
    assert by_label["entropy"].support == 2


def test_when_a_large_group_grows_by_one_percent_then_its_parse_sample_barely_changes():
    from reflect.themes.phrases import _sample

    texts = [f"reflection number {i} about hybrid weeks" for i in range(5000)]
    before = {texts[i] for i in _sample(list(range(len(texts))), 1500, texts)}
    grown = texts + [f"a new reflection {i}" for i in range(50)]
    after = {grown[i] for i in _sample(list(range(len(grown))), 1500, grown)}
    assert len(before) == len(after) == 1500
    assert len(after - before) <= 50
