"""Sensitive topics — health and mental health, pregnancy and family, age, disability,
religion, sexuality and gender identity, ethnicity, pay, disciplinary matters — found in a
text by its words (``cues``) and, for whole sentences, by its meaning.

The topics live in ``models/sensitive_topics.toml``: each has cue patterns, a few short
descriptions and a few example sentences. ``mentions(text)`` is the word screen (model-free,
for labels, phrases, facets and group values, which are a few words long).
``SensitiveTopics.about(sentences)`` adds the meaning screen for quotes: a sentence is about a
topic if its MiniLM embedding is close to one of the topic's descriptions or examples — close
in absolute terms (cosine ≥ ``NEAR``), or fairly close (≥ ``CLOSE``) and closer than to any
everyday workplace subject (``[ordinary]`` in the file) by ``MARGIN`` — as a whole or in one
of its clauses. "Some weeks I can
barely get out of bed" names no topic word and is still caught.

The thresholds were set on the examples and the test table ``tests/data/
sensitive_sentences.csv``, then measured once on a held-out table written after the screen
was frozen (``benchmarks/screen.py``; figures in the README's Privacy section). Embeddings go
through the caller's ``embed`` (the pipeline's, cached in the workspace), so a re-run embeds
only new sentences.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np

# texts -> L2-normalised vectors, each as it would be encoded on its own (see
# ``reflect.embed.Embedder(...)(texts, alone=True)``): a screen must judge a sentence the same
# whatever else is screened with it.
Embed = Callable[[list[str]], np.ndarray]

NEAR = 0.45  # this close to a topic's description or example, a sentence is about it
CLOSE = 0.30  # this close, it is about it if no everyday subject is nearer by MARGIN
MARGIN = 0.05
# A personal clause tied to a work clause ("some weeks I can barely get out of bed, and the
# meeting feels impossible") reads as work as a whole, so clauses are screened on their own.
_CLAUSE_BREAK = re.compile(
    r"\s*[,;:]\s*|\s+(?:and|but|so|because|since|while|although|though)\s+", re.IGNORECASE
)
_CLAUSE_WORDS = 4
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


@dataclass(frozen=True)
class Topic:
    name: str
    anchors: tuple[str, ...]  # descriptions and example sentences
    cues: tuple[str, ...]


@lru_cache(maxsize=1)
def _file() -> dict:
    text = resources.files("reflect.models").joinpath("sensitive_topics.toml").read_text("utf-8")
    return tomllib.loads(text)


def topics() -> tuple[Topic, ...]:
    return tuple(
        Topic(t["name"], (*t["describe"], *t.get("examples", ())), tuple(t["cues"]))
        for t in _file()["topic"]
    )


def ordinary() -> tuple[str, ...]:
    """Everyday subjects of workplace reflections, described and by example."""
    section = _file()["ordinary"]
    return (*section["describe"], *section.get("examples", ()))


@lru_cache(maxsize=1)
def _cue_patterns() -> tuple[tuple[str, re.Pattern], ...]:
    return tuple(
        (t.name, re.compile(r"(?<![\w-])(?:" + "|".join(t.cues) + r")(?![\w-])", re.IGNORECASE))
        for t in topics()
    )


def mentions(text: str) -> str | None:
    """The first sensitive topic whose words the text uses, or None."""
    for name, pattern in _cue_patterns():
        if pattern.search(text):
            return name
    return None


class SensitiveTopics:
    """The word and meaning screens for sentences, with the topic descriptions embedded once."""

    def __init__(self, embed: Embed | None = None) -> None:
        self._embed = embed
        self._anchors: tuple[np.ndarray, list[str], np.ndarray] | None = None

    def embed(self, texts: list[str]) -> np.ndarray:
        if self._embed is None:
            from functools import partial

            from reflect.embed import Embedder

            # The default backend, loaded on first use and kept while this screen lives.
            self._embed = partial(Embedder(), alone=True)
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        return np.asarray(self._embed(list(texts)), dtype=np.float32)

    def _vectors(self) -> tuple[np.ndarray, list[str], np.ndarray]:
        if self._anchors is None:
            names = [t.name for t in topics() for _ in t.anchors]
            described = self.embed([a for t in topics() for a in t.anchors])
            self._anchors = (described, names, self.embed(list(ordinary())))
        return self._anchors

    def about(self, sentences: Sequence[str]) -> list[str | None]:
        """Per sentence, the sensitive topic it is about (by words or meaning), or None."""
        found = [mentions(s) for s in sentences]
        parts = [(i, part) for i, s in enumerate(sentences) if found[i] is None
                 for part in _clauses(s)]  # fmt: skip
        if not parts:
            return found
        described, names, everyday = self._vectors()
        vectors = self.embed([part for _, part in parts])
        to_topic, to_ordinary = vectors @ described.T, (vectors @ everyday.T).max(axis=1)
        for row, (i, _) in enumerate(parts):
            best = int(to_topic[row].argmax())
            nearest = float(to_topic[row, best])
            close = nearest >= CLOSE and nearest - to_ordinary[row] >= MARGIN
            if found[i] is None and (nearest >= NEAR or close):
                found[i] = names[best]
        return found


def _clauses(sentence: str) -> list[str]:
    """The sentence, and its clauses of at least ``_CLAUSE_WORDS`` words if it has several."""
    parts = [p for p in _CLAUSE_BREAK.split(sentence) if len(_WORD.findall(p)) >= _CLAUSE_WORDS]
    return [sentence, *parts] if len(parts) > 1 else [sentence]
