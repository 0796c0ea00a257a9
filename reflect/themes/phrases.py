"""Phrase candidates: short noun chunks from the redacted reflections, normalised so the same
idea written by different people counts as one phrase."""

from __future__ import annotations

import re
from collections.abc import Sequence

from reflect.nlp import load_spacy

_DROP_LEADING = {
    "a",
    "an",
    "the",
    "my",
    "our",
    "your",
    "his",
    "her",
    "their",
    "its",
    "this",
    "that",
    "these",
    "those",
    "some",
    "any",
    "every",
    "each",
    "much",
    "many",
    "more",
    "most",
    "such",
    "own",
    "lot",
    "lots",
    "bit",
    "kind",
    "sort",
}
_PRONOUNS = {
    "i",
    "me",
    "we",
    "us",
    "you",
    "he",
    "she",
    "they",
    "them",
    "it",
    "him",
    "one",
    "something",
    "anything",
    "nothing",
    "everything",
    "someone",
    "anyone",
    "thing",
    "things",
    "stuff",
    "what",
    "who",
    "which",
    "lot",
    "way",
    "bit",
    "time",
    "today",
    "session",
    "sessions",
}
_MAX_WORDS = 5


def extract_phrases(texts: Sequence[str], batch_size: int = 256) -> list[list[str]]:
    """For each text, its distinct normalised noun-chunk phrases (lower case, lemmatised)."""
    nlp = load_spacy(("parser", "lemmatizer"))
    out = []
    for doc in nlp.pipe(texts, batch_size=batch_size):
        phrases = []
        for chunk in doc.noun_chunks:
            if "[" in chunk.text:
                continue  # never build a phrase around a redaction placeholder
            words = [t for t in chunk if not t.is_punct and not t.is_space]
            while words and (
                words[0].lower_ in _DROP_LEADING
                or words[0].is_stop
                or words[0].pos_ in {"DET", "PRON", "NUM"}
            ):
                words = words[1:]
            if not words or len(words) > _MAX_WORDS:
                continue
            lemmas = [
                w.lower_ if i < len(words) - 1 else w.lemma_.lower() for i, w in enumerate(words)
            ]
            phrase = re.sub(r"\s+", " ", " ".join(lemmas)).strip(" '-")
            if phrase and phrase not in _PRONOUNS and re.search(r"[a-z]{3}", phrase):
                phrases.append(phrase)
        out.append(list(dict.fromkeys(phrases)))
    return out
