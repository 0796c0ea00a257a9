"""How much of a taxonomy theme's label an answer uses, in words (``assign.py``'s evidence by
wording): an analyst who labels a theme "Blockchain" means answers that say so."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence

import numpy as np

from reflect.defaults import MIN_GROUP_SIZE
from reflect.themes.taxonomy import TaxonomyTheme

_WORD = re.compile(r"[a-z0-9]+")
# Words that carry no topic in a label ("Related to the quiz", "Issues with X").
_LABEL_STOP = frozenset(
    re.findall(
        r"\w+",
        """a an and are as at be by for from in into is it of on or the to with without about
        related regarding re other others general various more less very""",
    )
)


def _words(text: str) -> set[str]:
    # The first five letters: "plots"/"plotting", "visual"/"visualization" meet, while
    # words stay apart.
    return {
        w[:5]
        for w in _WORD.findall(as_the_model_reads(text))
        if w not in _LABEL_STOP and len(w) > 1
    }


_ASCII_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def as_the_model_reads(text: str) -> str:
    """Lower case, without accents and the characters the embedding model's tokenizer drops
    (controls, format characters, U+FFFD): "gáin" and "g\\x01ain" are the model's "gain", and
    were label words nobody else wrote ("g", "ain"), so two labels the model read alike named
    different answers (red team, stop 40)."""
    if text.isascii():
        return _unread(_ASCII_CONTROL.sub("", text).lower())
    decomposed = unicodedata.normalize("NFD", text.lower().replace("\ufffd", ""))
    return _unread("".join(" " if ch.isspace() else ch for ch in decomposed if _kept(ch)))


# A word of over 100 characters is one unknown token to the model, whatever it holds: no
# word (red team, stop 41: "engag" + 96 letters read as the label word "engag", not by the
# model). The model's words are split at spaces and punctuation only: a symbol ("©", "×")
# joins its neighbours into one word (red team, stop 41).
_LONG_RUN = re.compile(r"\S{101,}")


def _unread(text: str) -> str:
    """``text`` without the words the model reads as one unknown token."""
    if not _LONG_RUN.search(text):
        return text
    words = re.split(r"(\s+)", text)
    kept = (
        " ".join(p for p in _model_words(w) if len(p) <= 100) if w.strip() else w for w in words
    )
    return "".join(kept)


def _model_words(word: str) -> list[str]:
    """A whitespace-free run split as BERT's basic tokenizer splits it: at each punctuation
    mark (ASCII punctuation, Unicode P*), the mark a word of its own."""
    pieces, current = [], []
    for ch in word:
        if _is_punctuation(ch):
            pieces += ["".join(current), ch]
            current = []
        else:
            current.append(ch)
    pieces.append("".join(current))
    return [p for p in pieces if p]


def _is_punctuation(ch: str) -> bool:
    code = ord(ch)
    if 33 <= code <= 47 or 58 <= code <= 64 or 91 <= code <= 96 or 123 <= code <= 126:
        return True
    return unicodedata.category(ch).startswith("P")


def _kept(ch: str) -> bool:
    category = unicodedata.category(ch)
    return ch.isspace() or (category[0] != "C" and category != "Mn")


class LabelWords:
    """Units x themes: the share of a label's words a unit uses, each word weighted by its
    inverse document frequency among the programme's answers. ``nothing`` and ``other``
    themes have no topic words, and a word fewer than k people wrote, among the answers the
    theme may take (``allowed``, answers x themes: its stance's questions), names nothing: a
    label word only one person wrote moved exactly their answer into a theme and its copy's
    contrast told whether they were in it — and a word five people wrote in all but one under
    a question did the same for a theme of that question alone (red team, stops 39, 40, 41).
    ``writers``: each answer's writer (by default each answer its own)."""

    def __init__(
        self,
        taxonomy: list[TaxonomyTheme],
        answers: Sequence[str],
        writers: Sequence | None = None,
        k: int = MIN_GROUP_SIZE,
        allowed: np.ndarray | None = None,
    ):
        writers = list(writers) if writers is not None else list(range(len(answers)))
        words_of = [_words(text) for text in answers]
        frequency = Counter(w for words in words_of for w in words)

        labels = [_words(t.label) if t.kind == "topic" else set() for t in taxonomy]
        # A word in two labels ("Related to *graphs*", "Reading *graphs* aloud") names neither:
        # ReflectSumm dev F1 0.768 -> 0.775.
        shared = {w for w, n in Counter(w for words in labels for w in words).items() if n > 1}

        def weight(word: str) -> float:
            if word in shared:
                return 0.0
            if not answers:  # no programme's answers to weigh it by (``assign`` local)
                return 1.0
            return float(np.log((len(answers) + 1) / (frequency[word] + 1)))

        rare_among: dict[bytes, set[str]] = {}  # the rare words of each set of answers

        def rare(j: int) -> set[str]:
            mask = np.ones(len(answers), dtype=bool) if allowed is None else allowed[:, j]
            if not answers:
                return set()  # no programme's writers to count
            if (key := mask.tobytes()) not in rare_among:
                people: dict[str, set] = {}
                for i in np.flatnonzero(mask):
                    for w in words_of[i]:
                        people.setdefault(w, set()).add(writers[i])
                rare_among[key] = {w for w in frequency if len(people.get(w, ())) < k}
            return rare_among[key]

        self.vocabulary = {w: k for k, w in enumerate(sorted(set().union(set(), *labels)))}
        # word x theme: the word's weight as a share of its label's total; a rare word counts
        # in the total but names no answer ("Exporting and reporting" with "reporting" rare is
        # not named by "export" alone)
        self.shares = np.zeros((len(self.vocabulary), len(taxonomy)), dtype=np.float32)
        for j, words in enumerate(labels):
            total = sum(weight(w) for w in words)
            for w in words if total > 0 else ():
                if w not in rare(j):
                    self.shares[self.vocabulary[w], j] = weight(w) / total

    def used(self, unit_texts: Sequence[str]) -> np.ndarray:
        present = np.zeros((len(unit_texts), len(self.vocabulary)), dtype=np.float32)
        for i, text in enumerate(unit_texts):
            for w in _words(text):
                if (k := self.vocabulary.get(w)) is not None:
                    present[i, k] = 1.0
        return present @ self.shares


def common_texts(texts, writers, k: int) -> frozenset[str]:
    """The answers k people or more wrote word for word: the only ones a taught verdict
    decides (``teach.apply_verdicts``)."""
    people: dict[str, set] = {}
    for text, who in zip(texts, writers, strict=True):
        people.setdefault(text, set()).add(who)
    return frozenset(text for text, who in people.items() if len(who) >= k)
