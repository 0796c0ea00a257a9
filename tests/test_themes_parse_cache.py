"""Parses outlive the process: a re-run reads them from the workspace instead of parsing; the
in-process cache is an explicit, bounded object."""

from __future__ import annotations

import pytest

from reflect.themes import candidates
from reflect.themes.candidates import Candidate, ParseCache, ParsedText, prompt_words
from reflect.themes.parse_cache import load_parses, parse_keeping, save_parses
from reflect.workspace import Workspace

TEXTS = ["Binary search trees were confusing", "nothing", "How recursion unwinds"]
PROMPT = "What was most confusing?"
TREES = ParsedText((Candidate("trees", "tree"),), False)


@pytest.mark.model
def test_when_texts_were_parsed_in_an_earlier_run_then_they_are_not_parsed_again(
    tmp_path, monkeypatch
):
    with Workspace(tmp_path) as ws:
        first = parse_keeping(ws, TEXTS, PROMPT, ParseCache(maxsize=10))

    def no_parsing(*_):
        raise AssertionError("parsed again")

    monkeypatch.setattr(candidates, "load_spacy", no_parsing)
    with Workspace(tmp_path) as ws:
        again = parse_keeping(ws, TEXTS, PROMPT, ParseCache(maxsize=10))
    assert again == first and any(p.candidates for p in again) and again[1].empty


def test_when_the_question_differs_then_stored_parses_are_not_reused(tmp_path):
    with Workspace(tmp_path) as ws:
        save_parses(ws, {TEXTS[0]: TREES}, PROMPT)
        other = ParseCache(maxsize=10)
        assert load_parses(ws, TEXTS, "What worked well?", other) == set()
        assert len(other) == 0
        same = ParseCache(maxsize=10)
        assert load_parses(ws, TEXTS, PROMPT, same) == {TEXTS[0]}
        assert same.get(TEXTS[0], prompt_words(PROMPT)) == TREES


def test_when_every_text_is_cached_then_nothing_is_parsed_and_the_new_parses_are_saved(
    tmp_path, monkeypatch
):
    def no_parsing(*_):
        raise AssertionError("parsed")

    monkeypatch.setattr(candidates, "load_spacy", no_parsing)
    cache = ParseCache(maxsize=10)
    cache.put(TEXTS[0], prompt_words(PROMPT), TREES)
    with Workspace(tmp_path) as ws:
        assert parse_keeping(ws, TEXTS[:1], PROMPT, cache) == [TREES]
        fresh = ParseCache(maxsize=10)
        assert load_parses(ws, TEXTS[:1], PROMPT, fresh) == {TEXTS[0]}


def test_the_cache_keeps_at_most_maxsize_parses_dropping_the_least_recently_used():
    cache = ParseCache(maxsize=2)
    words = frozenset()
    cache.put("a", words, TREES)
    cache.put("b", words, TREES)
    assert cache.get("a", words) == TREES  # "a" is now the most recently used
    cache.put("c", words, TREES)
    assert len(cache) == 2
    assert ("b", words) not in cache
    assert ("a", words) in cache and ("c", words) in cache


def test_parses_are_kept_apart_by_question_words():
    cache = ParseCache(maxsize=10)
    cache.put("a", frozenset({"worked"}), TREES)
    assert cache.get("a", frozenset({"confusing"})) is None
