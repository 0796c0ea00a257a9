"""Parses outlive the process: a re-run reads them from the workspace instead of parsing."""

from __future__ import annotations

import pytest

from reflect.themes import candidates
from reflect.themes.parse_cache import parses_kept_in
from reflect.workspace import Workspace

TEXTS = ["Binary search trees were confusing", "nothing", "How recursion unwinds"]
PROMPT = "What was most confusing?"


@pytest.mark.model
def test_when_texts_were_parsed_in_an_earlier_run_then_they_are_not_parsed_again(
    tmp_path, monkeypatch
):
    candidates.clear_cache()
    with Workspace(tmp_path) as ws, parses_kept_in(ws, TEXTS, PROMPT):
        first = candidates.extract_candidates(TEXTS, PROMPT)
    candidates.clear_cache()

    def no_parsing(*_):
        raise AssertionError("parsed again")

    monkeypatch.setattr(candidates, "load_spacy", no_parsing)
    with Workspace(tmp_path) as ws, parses_kept_in(ws, TEXTS, PROMPT):
        again = candidates.extract_candidates(TEXTS, PROMPT)
    assert again == first and any(p.candidates for p in again) and again[1].empty
    candidates.clear_cache()


def test_when_the_question_differs_then_stored_parses_are_not_reused(tmp_path):
    parsed = candidates.ParsedText((candidates.Candidate("trees", "tree"),), False)
    candidates.clear_cache()
    words = candidates.prompt_words(PROMPT)
    with Workspace(tmp_path) as ws:
        with parses_kept_in(ws, TEXTS[:1], PROMPT):
            candidates._parse_cache[(TEXTS[0], words)] = parsed
        candidates.clear_cache()
        with parses_kept_in(ws, TEXTS[:1], "What worked well?"):
            assert not candidates._parse_cache
        with parses_kept_in(ws, TEXTS[:1], PROMPT):
            assert candidates._parse_cache[(TEXTS[0], words)] == parsed
    candidates.clear_cache()
