"""Slips of the keyboard: a word that only looks like a name because a letter is missing,
extra or swapped ("emil" for "email", "colapsible" for "collapsible"). The name rules and
recognizers ask these before calling such a word a person."""

from __future__ import annotations

from functools import lru_cache

from reflect.anonymise.lexicon import (
    COMMON_NAME,
    dictionary_words,
    english_name_frequency,
    first_names,
    is_noun_only,
    word_frequency,
)


@lru_cache(maxsize=1)
def _frequent_words() -> tuple[str, ...]:
    from wordfreq import top_n_list

    names = first_names()
    # The ~4,000 most frequent words: a slip of the keyboard turns an everyday word into a
    # rare name, not the other way round.
    return tuple(w for w in top_n_list("en", 4_000) if len(w) >= 4 and w not in names)


@lru_cache(maxsize=50_000)
def looks_like_typo(token: str) -> bool:
    """One letter more or less than a frequent word ("emil" for "email", "ofer" for "offer"),
    or two of its neighbouring letters swapped ("yaer", "benig"): such a "name" is more likely
    a slip of the keyboard."""
    if len(token) < 4 or english_name_frequency(token) >= COMMON_NAME:
        return False
    from rapidfuzz import process
    from rapidfuzz.distance import Indel

    frequent = _frequent_words()
    swapped = (token[:k] + token[k + 1] + token[k] + token[k + 2 :] for k in range(len(token) - 1))
    return process.extractOne(
        token, frequent, scorer=Indel.distance, score_cutoff=1
    ) is not None or any(w != token and w in _frequent_set() for w in swapped)


@lru_cache(maxsize=1)
def _frequent_set() -> frozenset[str]:
    return frozenset(_frequent_words())


_SLIP_MIN_LETTERS = 8
_SLIP_ZIPF = 2.5  # a dictionary word English text uses at least once in 3 million words


@lru_cache(maxsize=50_000)
def long_slip(token: str) -> bool:
    """A long word one letter away from an English dictionary word in use ("colapsible"
    for "collapsible"; a letter changed, dropped or added): a slip of the keyboard, not a
    name. Names that long are seldom one letter away from a word."""
    if len(token) < _SLIP_MIN_LETTERS or not token.isalpha() or token in first_names():
        return False
    if token in dictionary_words():
        return False
    letters = "abcdefghijklmnopqrstuvwxyz"
    edits = {token[:i] + token[i + 1 :] for i in range(len(token))}
    edits |= {token[:i] + c + token[i + 1 :] for i in range(len(token)) for c in letters}
    edits |= {token[:i] + c + token[i:] for i in range(len(token) + 1) for c in letters}
    edits.discard(token)
    # Not a noun alone: WordNet lists people and towns as nouns ("Paterson").
    names, words = first_names(), dictionary_words()
    return any(
        w in words and w not in names and not is_noun_only(w) and word_frequency(w) >= _SLIP_ZIPF
        for w in edits
    )
