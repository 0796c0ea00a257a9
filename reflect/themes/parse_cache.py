"""Parsing reflections for phrase candidates is the slowest step of the themes stage, so the
parses outlive the process: before the stage, the workspace's parses of this run's texts fill
``candidates``' in-process cache; after it, the new ones are written back. A re-run with a few
new reflections parses only those.

Parses are keyed by the redacted text's hash and a context: the candidates code (its source
file's hash, so any change to how phrases are found invalidates them), the spaCy model's
version and the question's words (the same answer yields different phrases under a different
question). Only redacted-text phrases are stored, like the redactions table."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from reflect import frames as F
from reflect.themes import candidates
from reflect.themes.candidates import Candidate, ParsedText


@lru_cache(maxsize=1)
def _code_version() -> str:
    from importlib.metadata import version

    from reflect.nlp import SPACY_MODEL

    source = Path(candidates.__file__).read_bytes()
    spacy_version = version(SPACY_MODEL.replace("_", "-"))
    return hashlib.sha256(source + spacy_version.encode()).hexdigest()[:16]


def _context(prompt_words: frozenset[str]) -> str:
    return f"{_code_version()}:{' '.join(sorted(prompt_words))}"


def _dump(parsed: ParsedText) -> str:
    rows = [[c.text, c.key, c.clause] for c in parsed.candidates]
    return json.dumps({"empty": parsed.empty, "candidates": rows}, separators=(",", ":"))


def _load(payload: str) -> ParsedText:
    data = json.loads(payload)
    found = tuple(Candidate(text, key, bool(clause)) for text, key, clause in data["candidates"])
    return ParsedText(found, bool(data["empty"]))


@contextmanager
def parses_kept_in(workspace, texts: Sequence[str], prompt: str) -> Iterator[None]:
    """Within the block, ``candidates.extract_candidates`` finds the workspace's earlier parses
    of ``texts`` (answers to ``prompt``) and the new ones are saved when it ends."""
    if workspace is None:
        yield
        return
    words = candidates.prompt_words(prompt)
    context = _context(words)
    distinct = list(dict.fromkeys(texts))
    hashes = {text: F.text_hash(text) for text in distinct}
    stored = workspace.get_parses(list(hashes.values()), context)
    cache = candidates._parse_cache
    for text, digest in hashes.items():
        if digest in stored:
            cache.setdefault((text, words), _load(stored[digest]))
    before = {text for text in distinct if (text, words) in cache}
    yield
    new = {
        hashes[text]: _dump(cache[(text, words)])
        for text in distinct
        if text not in before and (text, words) in cache
    }
    workspace.put_parses(context, new)
