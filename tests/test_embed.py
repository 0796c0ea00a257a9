"""Embedding stage: backend registry, dedup, cache hits that never load a model, and (marked
``model``) that the ONNX backends reproduce sentence-transformers' vectors."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from reflect.config import Config
from reflect.embed import Embedder, backends, embed_texts
from reflect.errors import ConfigError
from reflect.model_files import embedding_dimension
from reflect.workspace import Workspace

DIMENSION = embedding_dimension()


class CountingBackend:
    """A stand-in model: deterministic unit vectors from the text's hash; counts its work."""

    name = "counting"
    model_id = "test/counting-v1"
    batch_invariant = False
    constructed = 0
    encoded: list[str] = []

    def __init__(self) -> None:
        type(self).constructed += 1

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        type(self).encoded.extend(texts)
        rows = []
        for text in texts:
            seed = int.from_bytes(hashlib.sha256(text.encode()).digest()[:4], "little")
            v = np.random.default_rng(seed).standard_normal(DIMENSION).astype(np.float32)
            rows.append(v / np.linalg.norm(v))
        return np.stack(rows) if rows else np.zeros((0, DIMENSION), np.float32)


@pytest.fixture
def counting(monkeypatch):
    monkeypatch.setitem(backends._items, "counting", CountingBackend)
    CountingBackend.constructed = 0
    CountingBackend.encoded = []
    return CountingBackend


@pytest.mark.parametrize("name", ["sentence-transformers", "onnx-fp32", "onnx-int8", "torch-bf16"])
def test_when_backends_are_listed_then_each_has_its_own_cache_namespace(name):
    assert name in backends.names()
    ids = [cls.model_id for _, cls in backends.items()]
    assert len(ids) == len(set(ids))


def test_when_backend_name_is_unknown_then_config_error_names_the_known_ones():
    with pytest.raises(ConfigError, match="onnx-int8"):
        embed_texts(["a"], backend="no-such-backend")


def test_when_env_names_a_backend_then_config_default_follows_it(monkeypatch):
    monkeypatch.setenv("REFLECT_EMBEDDING_BACKEND", "onnx-fp32")
    assert Config().embedding_backend == "onnx-fp32"


def test_when_env_names_a_backend_then_embed_texts_default_uses_it(monkeypatch, counting):
    monkeypatch.setenv("REFLECT_EMBEDDING_BACKEND", "counting")
    embed_texts(["hello"])
    assert counting.constructed == 1


def test_when_texts_repeat_then_each_distinct_text_is_encoded_once(counting):
    texts = ["b", "a", "b", "c", "a", "b"]
    vectors = embed_texts(texts, backend="counting")
    assert sorted(counting.encoded) == ["a", "b", "c"]
    assert vectors.shape == (6, DIMENSION) and vectors.dtype == np.float32
    np.testing.assert_array_equal(vectors[0], vectors[2])
    np.testing.assert_array_equal(vectors[1], vectors[4])
    assert not np.array_equal(vectors[0], vectors[1])


def test_when_no_texts_then_empty_matrix_and_no_model(counting):
    assert embed_texts([], backend="counting").shape == (0, DIMENSION)
    assert counting.constructed == 0


def test_when_cache_is_warm_then_backend_is_never_constructed(tmp_path: Path, counting):
    texts = ["one", "two", "two", "three"]
    with Workspace(tmp_path / "ws") as workspace:
        cold = embed_texts(texts, "counting", workspace)
    counting.constructed = 0
    with Workspace(tmp_path / "ws") as workspace:
        warm = embed_texts(list(reversed(texts)), "counting", workspace)
    assert counting.constructed == 0
    np.testing.assert_allclose(warm, cold[::-1])


def test_when_one_embedder_embeds_batch_after_batch_then_its_model_loads_once(counting):
    embedder = Embedder("counting")
    assert counting.constructed == 0  # nothing is loaded before a text needs it
    embedder(["one", "two"])
    embedder(["three"])
    embedder([])
    assert counting.constructed == 1
    Embedder("counting")(["four"])  # another embedder (another run) loads its own
    assert counting.constructed == 2


def test_when_some_texts_are_new_then_only_those_are_encoded(tmp_path: Path, counting):
    with Workspace(tmp_path / "ws") as workspace:
        embed_texts(["one", "two"], "counting", workspace)
        counting.encoded = []
        embed_texts(["two", "three", "one", "three"], "counting", workspace)
    assert counting.encoded == ["three"]


def test_when_backends_differ_then_cached_vectors_are_not_shared(tmp_path: Path, counting):
    class Other(CountingBackend):
        model_id = "test/other-v1"

    backends._items["other"] = Other
    try:
        with Workspace(tmp_path / "ws") as workspace:
            embed_texts(["one"], "counting", workspace)
            counting.encoded = []
            embed_texts(["one"], "other", workspace)
        assert counting.encoded == ["one"]
    finally:
        del backends._items["other"]


def test_when_many_rows_are_cached_then_they_round_trip_exactly(tmp_path: Path, counting):
    texts = [f"text {i}" for i in range(5000)]  # more than one write chunk
    with Workspace(tmp_path / "ws") as workspace:
        cold = embed_texts(texts, "counting", workspace)
        counting.encoded = []
        warm = embed_texts(texts, "counting", workspace)
    assert counting.encoded == []
    np.testing.assert_array_equal(warm, cold)


def test_alone_encodes_text_by_text_only_when_the_backend_needs_it(tmp_path: Path, counting):
    # A screen must judge a sentence the same in any company: a backend whose vectors move
    # with the batch encodes each new text on its own, one whose vectors do not batches them.
    calls = []

    class Invariant(CountingBackend):
        model_id = "test/invariant-v1"
        batch_invariant = True

        def encode(self, texts):
            calls.append(len(texts))
            return super().encode(texts)

    class Variant(Invariant):
        model_id = "test/variant-v1"
        batch_invariant = False

    backends._items.update(invariant=Invariant, variant=Variant)
    try:
        Embedder("invariant")(["a", "b", "c"], alone=True)
        assert calls == [3]
        calls.clear()
        Embedder("variant")(["a", "b", "c"], alone=True)
        assert calls == [1, 1, 1]
    finally:
        del backends._items["invariant"], backends._items["variant"]
