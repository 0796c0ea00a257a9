"""Which words people wrote in which sentences, for emerging topics: a topic's typical words
(people x log lift, as c-TF-IDF weighs words by class) and the forms people write them in."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

import numpy as np

from reflect.themes.candidates import GENERIC
from reflect.themes.stop_words import ENGLISH_STOP_WORDS

STOP_WORDS = GENERIC | ENGLISH_STOP_WORDS

TOKEN = re.compile(r"[a-z][a-z'-]*[a-z]")


class WordUse:
    """Who wrote which word in which open sentence, and which words are typical of a topic
    (people x log lift against all open sentences, as c-TF-IDF weighs words by class).
    Sentences with a redaction placeholder give no words: no label is made of the words
    around "[PHONE]"."""

    def __init__(self, sentences, rows, authors, open_, topical: set[str], echoes=None) -> None:
        """``echoes``: per answer, the roots of its own question's words (``question_roots``),
        which are not its words here."""
        self.sentence_words: dict[int, set[str]] = {}
        self.author = {s: authors[rows[s]] for s in open_}
        forms: dict[str, Counter] = {}
        everyone: dict[str, set] = {}
        capitalised: Counter = Counter()  # written with a capital inside a sentence
        inside: Counter = Counter()
        for s in open_:
            if "[" in sentences[s]:
                continue
            found = set()
            echo = echoes[rows[s]] if echoes is not None else frozenset()
            for raw in TOKEN.findall(sentences[s].lower().replace("’", "'")):
                word = stem(raw)
                if word not in topical or word in STOP_WORDS or raw in STOP_WORDS or len(word) < 3:
                    continue
                if root(word) in echo:
                    continue
                found.add(word)
                forms.setdefault(word, Counter())[raw] += 1
                everyone.setdefault(word, set()).add(self.author[s])
            self.sentence_words[s] = found
            for raw in re.findall(r"(?<=[a-z,;:] )[A-Za-z][\w'-]*", sentences[s]):
                inside[stem(raw.lower())] += 1
                capitalised[stem(raw.lower())] += raw[0].isupper()
        self.everyone = everyone
        self.n_people = len(set(self.author.values()))
        self.display = {w: _shown_form(c) for w, c in forms.items()}
        # Words someone wrote in the plural are nouns as people use them ("buddies": a buddy
        # is a person here, whatever else a dictionary lists it as) — unless they are verbs,
        # whose -s is no plural ("thanks").
        from reflect.anonymise.lexicon import is_verb

        self.nouns = frozenset(
            shown
            for w, c in forms.items()
            if any(f != w and f.endswith("s") and "'" not in f for f in c) and not is_verb(w)
            for shown in (w, self.display[w])
        )
        # Names of products, places, people: a label names what they are about instead.
        self.proper = {self.display[w] for w in forms if 2 * capitalised[w] > inside[w] > 0}

    def users_in(self, word: str, idx) -> set:
        return {self.author[s] for s in idx if word in self.sentence_words.get(s, ())}

    def typical(self, idx) -> list[str]:
        people = len({self.author[s] for s in idx})
        users: dict[str, set] = {}
        for s in idx:
            for w in self.sentence_words.get(s, ()):
                users.setdefault(w, set()).add(self.author[s])
        scored = []
        for w, who in users.items():
            if len(who) < 2:
                continue
            lift = (len(who) / people) / (len(self.everyone[w]) / self.n_people)
            if lift >= 2:
                scored.append((len(who) * np.log(lift), w))
        return [w for _, w in sorted(scored, key=lambda x: (-x[0], x[1]))]


def _shown_form(forms: Counter) -> str:
    """The form of a word people wrote most, a dictionary word (or its plural) before one no
    dictionary holds: "buddy" before the "buddie" a few more people typed."""
    from reflect.anonymise.lexicon import dictionary_words, inflected

    known = dictionary_words()

    def misspelt(form: str) -> bool:
        return form not in known and not inflected(form)

    ranked = sorted(forms.items(), key=lambda item: (misspelt(item[0]), -item[1], item[0]))
    return ranked[0][0]


@lru_cache(maxsize=2**16)  # a quarter of a million calls on 10,000 sentences, few words
def stem(word: str) -> str:
    """Plural and possessive folded ("rooms", "room's" -> "room"); nothing cleverer. A
    singular in -ie folds as its plural does ("movie", "movies" -> "movy"; "buddie" and
    "buddy" meet): a stem is a key, shown as the form people wrote most."""
    word = word.removesuffix("'s").strip("'-")
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith("ie"):
        return word[:-2] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def root(word: str) -> str:
    """A word without its inflection, for telling an answer's words from its question's:
    "surprised", "surprise" and "surprising" -> "surpris"."""
    for suffix in ("ing", "ed", "es", "s", "e", "d"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def question_roots(question: str) -> frozenset[str]:
    """The roots of a question's own words: an answer to "What surprised you?" echoes its
    question when it says "the surprise was...", and "surprise" names no topic of its own."""
    return frozenset(root(w) for w in _PLAIN_WORD.findall(question.lower()) if len(w) > 3)


def folded(text: str) -> str:
    """A phrase as its words, lower-cased, plurals folded: "Code Cells" and "code cell" meet."""
    return " ".join(stem(w) for w in _PLAIN_WORD.findall(text.lower()))


_PLAIN_WORD = re.compile(r"[a-z0-9]+")
# Punctuation between clauses (not the point in "3.5" or the hyphen in "hands-on").
_CLAUSE_BREAK = re.compile(r"[.,;:!?]+(?=\s|$)|[()\[\]\"“”\n]|\s[-–—]+\s")
_WORD = re.compile(r"[a-z][a-z'’-]*")
_INFLECTIONS = ("", "s", "es", "d", "ed", "ing")


class WrittenBy:
    """How many people wrote each word anywhere in the programme, as the report's screen
    counts them (``privacy.screening``: a label is shown only if k people wrote every word
    of it, a lemma counting its inflections): a label it would hide names nothing."""

    def __init__(self, texts, authors) -> None:
        own: dict = {}
        for author, text in zip(authors, texts, strict=True):
            own.setdefault(author, []).append(text.lower())
        self.people: Counter = Counter()
        for parts in own.values():
            self.people.update(set(_WORD.findall("\n".join(parts))))

    def common(self, text: str, k: int) -> bool:
        words = _WORD.findall(text.lower())
        return bool(words) and all(
            max(self.people.get(w + end, 0) for end in _INFLECTIONS) >= k for w in words
        )


class WrittenAsSuch:
    """How many people wrote a phrase as such: its words in that order, lower-cased, plurals
    folded ("code cells" in "the Code Cell toolbar"). A label or facet reads as what its
    people said; one that fewer than k of them wrote is the engine's construction ("rota
    software" from "rota" and "software") or close to a quote of the few who did."""

    def __init__(self, texts, authors) -> None:
        # A phrase is never written across a comma or a full stop: "for ages, setup was
        # messy" holds no "ages setup".
        self._texts = [
            f" {' | '.join(folded(part) for part in _CLAUSE_BREAK.split(t))} " for t in texts
        ]
        self._authors = list(authors)
        self._by_word: dict[str, set[int]] = {}
        for i, text in enumerate(self._texts):
            for word in set(text.split()):
                self._by_word.setdefault(word, set()).add(i)

    def by(self, phrase: str) -> int:
        return len(self.writers(phrase))

    def together(self, phrase: str) -> int:
        """How many people wrote the phrase's words side by side in one clause, in any order
        and with at most ``SPAN_SLACK`` other words among them: "cell outputs", "outputs of
        cells" and "output cell" are one thing said three ways, each too rare as such."""
        words = [w for w in folded(phrase).split() if w not in ENGLISH_STOP_WORDS]
        if len(words) < 2:
            return self.by(phrase)
        rows = set.intersection(*(self._by_word.get(w, set()) for w in words))
        span = len(words) - 1 + SPAN_SLACK
        return len({self._authors[i] for i in rows if _side_by_side(self._texts[i], words, span)})

    def writers(self, phrase: str) -> set:
        return {self._authors[i] for i in self.answers(phrase)}

    def answers(self, phrase: str) -> set[int]:
        """The positions of the answers that hold the phrase as such."""
        words = folded(phrase).split()
        if not words:
            return set()
        rows = set.intersection(*(self._by_word.get(w, set()) for w in words))
        needle = f" {' '.join(words)} "
        return {i for i in rows if needle in self._texts[i]}


# Words a phrase's words may have among them and still be written together ("execution of
# cells", "outputs of the cells").
SPAN_SLACK = 2


def _side_by_side(text: str, words: list[str], span: int) -> bool:
    """Some clause of ``text`` (``WrittenAsSuch``'s folded form) holds every one of ``words``
    within ``span`` positions of the first word's."""
    for clause in text.split(" | "):
        tokens = clause.split()
        where = {w: [i for i, t in enumerate(tokens) if t == w] for w in words}
        if not all(where.values()):
            continue
        for start in where[words[0]]:
            if all(any(abs(i - start) <= span for i in where[w]) for w in words[1:]):
                return True
    return False
