"""Parsing reflections for phrase candidates is the slowest step of the themes stage, so the
parses outlive the process: ``parse_keeping`` takes the workspace's parses of this run's texts,
parses the rest in one batch, writes the new ones back and leaves all of them in the
in-process cache (``candidates.PARSES``) for the stage's later steps. A re-run with a few new
reflections parses only those.

Parses are keyed by the redacted text's hash and a context: the candidates code (its source
file's hash and that of ``nlp_rules.py``, so any change to how phrases are found invalidates
them), the spaCy model's
version and the question's words (the same answer yields different phrases under a different
question). Only redacted-text phrases are stored, like the redactions table."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from reflect import frames as F
from reflect.themes import candidates
from reflect.themes.candidates import (
    PARSES,
    Candidate,
    ParseCache,
    ParsedText,
    extract_candidates,
    prompt_words,
)


@lru_cache(maxsize=1)
def _code_version() -> str:
    from importlib.metadata import version

    from reflect import nlp_rules
    from reflect.nlp import SPACY_MODEL

    source = Path(candidates.__file__).read_bytes() + Path(nlp_rules.__file__).read_bytes()
    spacy_version = version(SPACY_MODEL.replace("_", "-"))
    return hashlib.sha256(source + spacy_version.encode()).hexdigest()[:16]


def _context(prompt_words: frozenset[str]) -> str:
    # A digest, not the words: they hold the export's one-word role values too
    # (``framing.role_words``), and a role column may hold anything, a name included.
    words = hashlib.sha256(" ".join(sorted(prompt_words)).encode()).hexdigest()[:16]
    return f"{_code_version()}:{words}"


def _dump(parsed: ParsedText) -> str:
    rows = [[c.text, c.key, c.clause] for c in parsed.candidates]
    return json.dumps({"empty": parsed.empty, "candidates": rows}, separators=(",", ":"))


def _load(payload: str) -> ParsedText:
    data = json.loads(payload)
    found = tuple(Candidate(text, key, bool(clause)) for text, key, clause in data["candidates"])
    return ParsedText(found, bool(data["empty"]))


def load_parses(
    workspace, texts: Sequence[str], prompt: str, cache: ParseCache = PARSES
) -> set[str]:
    """Put the workspace's stored parses of ``texts`` (answers to ``prompt``) in ``cache``;
    the texts found."""
    words = prompt_words(prompt)
    hashes = {text: F.text_hash(text) for text in dict.fromkeys(texts)}
    stored = workspace.get_parses(list(hashes.values()), _context(words))
    for text, digest in hashes.items():
        if digest in stored and (text, words) not in cache:
            cache.put(text, words, _load(stored[digest]))
    return {text for text, digest in hashes.items() if digest in stored}


def save_parses(workspace, parses: dict[str, ParsedText], prompt: str) -> None:
    """Store parses (by text) of answers to ``prompt`` for later runs."""
    context = _context(prompt_words(prompt))
    workspace.put_parses(context, {F.text_hash(t): _dump(p) for t, p in parses.items()})


def parse_keeping(
    workspace, texts: Sequence[str], prompt: str, cache: ParseCache = PARSES
) -> list[ParsedText]:
    """The parses of ``texts``: the workspace's from earlier runs, the others parsed now (in
    one batch, spread over the cores when large) and saved; all left in ``cache``."""
    if workspace is None:
        return extract_candidates(texts, prompt, cache=cache)
    stored = load_parses(workspace, texts, prompt, cache)
    parsed = extract_candidates(texts, prompt, cache=cache)
    new = {t: p for t, p in zip(texts, parsed, strict=True) if t not in stored}
    save_parses(workspace, new, prompt)
    return parsed
