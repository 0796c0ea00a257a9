"""Slips of the keyboard in short answers ("nothng", "furtehr", "porblems", "thnks"), read as
the word meant before an answer is judged to say nothing (``empty.py``).

Survey answers are typed fast, and a "nothing to add" with a letter swapped is no less
empty: a held-out teachers' export had about twenty misspelt ones, each free to join a topic
theme. Only a word English text seldom uses is corrected, only towards the few hundred words
such answers are made of, and only to a word one edit away (a letter added, dropped or
changed, or two neighbours swapped) — of several, the one sharing the first letter, else one
far commoner than the rest, else none — so a real word ("rally", "noting") is never
rewritten and a topic word has nowhere to go.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Shorter words are too often one edit from several others ("ta", "no", "not", "nor").
MIN_LETTERS = 5
# A word English text uses less than once in 100 million words is a slip, not a choice
# (wordfreq's Zipf scale: "nothng" 1.0, "relly" 1.8; "rally" 4.3).
RARE_ZIPF = 2.0

_WORD = re.compile(r"[a-z]+")


class Speller:
    """Corrects slips towards ``vocabulary`` (lower-case words)."""

    def __init__(self, vocabulary):
        self.vocabulary = tuple(sorted({w for w in vocabulary if len(w) >= MIN_LETTERS - 1}))
        self._known = frozenset(self.vocabulary)
        self.meant = lru_cache(maxsize=50_000)(self._meant)

    def correct(self, text: str) -> str:
        """``text`` (lower-case) with every slip replaced by the word meant."""
        return _WORD.sub(lambda m: self.meant(m.group(0)), text)

    def _meant(self, word: str) -> str:
        if len(word) < MIN_LETTERS or word in self._known:
            return word
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        from reflect.anonymise.lexicon import word_frequency

        if word_frequency(word) >= RARE_ZIPF:
            return word
        near = [w for w, _, _ in process.extract(word, self.vocabulary, scorer=OSA.distance,
                                                  score_cutoff=1, limit=None)]  # fmt: skip
        # A slip seldom hits the first letter ("nthing" is "nothing", not "thing"); of words
        # still tied, a far commoner one is meant ("notihng": "nothing", not "noting").
        near = [w for w in near if w[0] == word[0]] or near
        near.sort(key=word_frequency, reverse=True)
        if len(near) == 1 or (near and word_frequency(near[0]) - word_frequency(near[1]) >= 1):
            return near[0]
        return word


def pattern_words(*patterns: str) -> set[str]:
    """The literal words of regular expressions: the vocabulary their matches are made of
    ("organi[sz]ed" gives "organi", too short or too odd to be meant, and harmless)."""
    words = set()
    for p in patterns:
        for word, optional in re.findall(r"(?<![\\\[])\b([a-z]{4,})\b(\??)", p):
            words.add(word)
            if optional:  # "answers?"
                words.add(word[:-1])
    return words
