"""Screening of the words a report shows: theme labels, phrases and facets, group values and
(with ``--quotes``) sentences.

A label, phrase or facet is shown only if at least k distinct participants used it, every
word in it was used by at least k participants somewhere (a rare word can point at its only
writer — "my allotment"), and no screen in ``SCREENS`` rejects it. Each screen is a named rule
with its table test in ``tests/test_privacy_screening.py``:

- ``placeholder``: a redaction placeholder (``[PERSON]``...) is in it;
- ``identifying description``: digits, addresses, age or uniqueness descriptions ("the only",
  "62-year-old", "the newest hire");
- ``proper noun``: a word people write capitalised mid-sentence, unless it is taxonomy
  vocabulary ("Teams") or names software, a language or a product
  (``reflect.anonymise.tech_terms``: "Jupyter");
- ``name``: a known first name that is not an everyday word, in any casing ("helen" is a name
  even when eight people write it in lowercase; "will", "grace" and "may" are everyday words);
- ``initials``: initials standing for a person ("J.T.", "I told RB", "KM said");
- ``placeholder neighbour``: a word that most of its writers used right next to a redaction
  placeholder — what redaction left around a name or a number ("[PERSON] kowalski");
- ``quasi-identifier``: the redaction stage's own detector of identifying descriptions;
- ``sensitive topic``: words naming health, family, age, disability, religion, sexuality,
  ethnicity, pay or disciplinary matters (``topics.py``).

A quote is one person's sentence, so it must also be 6 to 30 words long, must not be *about*
a sensitive topic by its meaning (``topics.SensitiveTopics``: embedding similarity as well as
words), and quotes are taken at most one per participant. Which sentences are quoted depends
only on the theme's own phrases, never on words an analyst typed (a review's split phrase).

``mentions_sensitive_topic(value)`` is the word screen alone, for group values (a cohort
typed as "mentee - pregnant, returning Jan").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from reflect.privacy import topics
from reflect.privacy.topics import Embed, SensitiveTopics
from reflect.sentences import split_sentences

if TYPE_CHECKING:
    from reflect.themes.model import Phrase

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_TOKEN = re.compile(r"\[[A-Z_]+\]|[A-Za-z][A-Za-z'’-]*")  # placeholders are tokens too
_IDENTIFYING = re.compile(
    r"\d"
    r"|[@/\\]|www\.|https?"
    r"|\byears?[- ]old\b|\baged\b|\b(?:twenties|thirties|forties|fifties|sixties|seventies)\b"
    r"|\b(?:the|our|my|their|his|her|its)\s+(?:only|sole|one)\b"
    r"|\bonly\s+(?:one|person|woman|man|member|employee)\b"
    r"|\b(?:youngest|oldest|newest|longest-serving)\b"
    r"|\b(?:the|our|my|their)\s+(?:first|last)\s+(?:\w+\s+)?"
    r"(?:woman|man|person|director|manager|one|member|employee|hire|graduate)\b",
    re.IGNORECASE,
)
# Initials for a person: dotted ("J.T.", "J. T."), or two or three capitals next to a word
# that says a person is meant ("told RB", "KM said", "with JT", "RB's").
_INITIALS = re.compile(
    r"\b[A-Z]\.\s?[A-Z]\.(?:\s?[A-Z]\.)?"
    r"|\b(?:told|asked|emailed|messaged|called|met|thanked|with|mentor|mentee|manager|boss"
    r"|colleague|director|lead|from)\s+[A-Z]{2,3}\b(?!\s*(?:team|department|system|tool))"
    r"|\b[A-Z]{2,3}(?:['’]s\b|\s+(?:said|says|told|asked|mentioned|explained|suggested"
    r"|admitted|thinks|thought|feels|felt|wants|wanted)\b)"
)
# A first name that is only a noun in the dictionary is still a name if English speakers
# often use it as one ("helen", "tom"), and an everyday word if they rarely do ("patience").
_NAME_USE = 3  # gender-guesser's frequency scale (0-13) for Britain, Ireland and the USA
_INFLECTIONS = ("", "s", "es", "d", "ed", "ing")
QUOTE_WORDS = (6, 30)
QUOTE_MAX_CHARS = 220
_QUOTE_BATCH = 16  # candidate quotes screened by meaning at a time, best first


def mentions_sensitive_topic(text: str) -> bool:
    """Whether a text's words name a sensitive topic (health, family, age, disability,
    religion, sexuality, ethnicity, pay, disciplinary matters): for group values, labels."""
    return topics.mentions(text) is not None


@lru_cache(maxsize=50_000)
def is_name_word(word: str) -> bool:
    """A known first name that is not an everyday word ("helen", "priya"; not "will")."""
    from reflect.anonymise.lexicon import (
        calendar_words,
        english_name_frequency,
        first_names,
        is_noun_only,
        is_ordinary_word,
        normalise,
    )

    word = normalise(word)
    if word not in first_names() or word in calendar_words() or word in _not_names():
        return False
    if not is_ordinary_word(word):
        return True
    return is_noun_only(word) and english_name_frequency(word) >= _NAME_USE


@lru_cache(maxsize=1)
def _not_names() -> frozenset[str]:
    """Product and event names the redaction rules say are never people ("Siri", "Eid")."""
    from reflect.anonymise.analyzer import default_settings

    return frozenset(w.lower() for w in default_settings().get("names", {}).get("not_names", []))


def _names_a_tool(word: str) -> bool:
    """Software, languages, formats and products ("Jupyter", "Python", "PowerBI") are what
    technical themes are made of, not identifying proper nouns; a word that is also a given
    name ("Julia", "Ruby") stays a possible name."""
    from reflect.anonymise.lexicon import first_names
    from reflect.anonymise.tech_terms import is_tech_term

    return is_tech_term(word) and word not in first_names()


_PARTS = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")


def _joined(word: str) -> bool:
    """Everyday words joined by inner capitals ("MyHub", a new HR system 19 people wrote
    about on a held-out export; "TeamNest"): a product's name, no person's or place's. Not
    a name written joined ("SiewLing", "MaryKate": code review, stop 39)."""
    from reflect.anonymise.lexicon import is_ordinary_word
    from reflect.anonymise.tech_terms import product_shape

    parts = [p.lower() for p in _PARTS.findall(word)]
    return (
        product_shape(word)
        and len(parts) >= 2
        and all(is_ordinary_word(p) and not is_name_word(p) for p in parts)
    )


class Vocabulary:
    """What the screens know about the run's reflections: who used which word, which words
    people write as proper nouns or next to placeholders; and the sensitive-topic screen
    (``embed``: the pipeline's cached embedding function; default: the packaged model)."""

    def __init__(
        self,
        texts: Sequence[str],
        participants: Sequence[str],
        known: Iterable[str] = (),
        embed: Embed | None = None,
    ) -> None:
        # Each person's texts as one (sentences never run across texts: they end at "\n"),
        # so words are counted with C-speed Counter updates, not a Python loop per word.
        own: dict[str, list[str]] = {}
        for participant, text in zip(participants, texts, strict=True):
            own.setdefault(participant, []).append(text)
        people: Counter[str] = Counter()
        beside: Counter[str] = Counter()  # people who wrote the word next to a placeholder
        mid: Counter[str] = Counter()  # occurrences after a sentence's first word
        mid_capitalised: Counter[str] = Counter()
        capitalised: set[str] = set()  # as written: "MyHub"
        for text in map("\n".join, own.values()):
            words = _WORD.findall(text)
            lowered = [w.lower() for w in words]
            people.update(set(lowered))
            mid.update(lowered)
            caps = [w for w in words if w[0].isupper()]
            capitalised.update(caps)
            mid_capitalised.update(w.lower() for w in caps)
            for sentence in split_sentences(text):
                first = _WORD.search(sentence)
                if first:
                    mid[first.group().lower()] -= 1
                    if first.group()[0].isupper():
                        mid_capitalised[first.group().lower()] -= 1
            if "[" in text:
                beside.update(_beside_placeholders(text))
        self.people = dict(people)
        self.known = {w.lower() for term in known for w in _WORD.findall(term)}
        self.proper = {
            w
            for w, n in mid_capitalised.items()
            if n > 0 and 2 * n >= mid[w] and w not in self.known and w != "i"
        }
        products = {w.lower() for w in capitalised if w.lower() in self.proper and _joined(w)}
        self.proper = {w for w in self.proper if not _names_a_tool(w) and w not in products}
        self.placeholder_bound = {w for w, n in beside.items() if 2 * n > people[w]}
        self.topics = SensitiveTopics(embed)

    def users(self, word: str) -> int:
        """Distinct participants who used the word; lemmas also count their inflections."""
        word = word.lower()
        forms = [word + end for end in _INFLECTIONS]
        if word.endswith("y"):
            forms.append(word[:-1] + "ies")
        return max(self.people.get(form, 0) for form in forms)

    def rejected_by(self, text: str) -> str | None:
        """The name of the first screen that rejects the text, or None."""
        return next((s.name for s in SCREENS if s.rejects(text, self)), None)

    def identifying(self, text: str) -> bool:
        return self.rejected_by(text) is not None

    def all_common(self, text: str, k: int) -> bool:
        words = _WORD.findall(text)
        return bool(words) and all(self.users(w) >= k for w in words)


def _beside_placeholders(text: str) -> set[str]:
    from spacy.lang.en.stop_words import STOP_WORDS  # "on [PHONE]", "to [PERSON]": no clue

    tokens = _TOKEN.findall(text)
    found = set()
    for i, token in enumerate(tokens):
        if token.startswith("["):
            found.update(t.lower() for t in tokens[max(0, i - 1) : i + 2] if t[0] != "[")
    return found - STOP_WORDS


def _quasi_identifier(text: str) -> bool:
    from reflect import anonymise  # the redaction stage's detector (loads no model)

    return bool(anonymise.quasi_identifiers(text))


@dataclass(frozen=True)
class Screen:
    name: str
    rejects: Callable[[str, Vocabulary], bool]


SCREENS: tuple[Screen, ...] = (
    Screen("placeholder", lambda text, v: "[" in text),
    Screen("identifying description", lambda text, v: bool(_IDENTIFYING.search(text))),
    Screen("proper noun", lambda text, v: any(w.lower() in v.proper for w in _WORD.findall(text))),
    Screen("name", lambda text, v: any(is_name_word(w) for w in _WORD.findall(text))),
    Screen("initials", lambda text, v: bool(_INITIALS.search(text))),
    Screen(
        "placeholder neighbour",
        lambda text, v: any(w.lower() in v.placeholder_bound for w in _WORD.findall(text)),
    ),
    Screen("quasi-identifier", lambda text, v: _quasi_identifier(text)),
    Screen("sensitive topic", lambda text, v: mentions_sensitive_topic(text)),
)


def phrase_is_safe(phrase: Phrase, k: int, vocabulary: Vocabulary, people=None) -> bool:
    """For labels, phrases and facets. ``people``: when given (a filtered view), only these
    participants count, and the phrase's writers outside the view must be none or k too: a
    phrase shown in a view at one k and not at the next gives how many of the group wrote it,
    and the full report's the same for everyone, so a difference of 1 to k−1 would be the
    few outside it (red team, 4 December 2026)."""
    writers = phrase.participants if people is None else phrase.participants & people
    outside = 0 if people is None else len(phrase.participants) - len(writers)
    return (
        len(writers) >= k
        and (outside == 0 or outside >= k)
        and not vocabulary.identifying(phrase.text)
        and vocabulary.all_common(phrase.text, k)
    )


_LABEL_FILLER = frozenset(
    re.findall(r"\w+", "with from about into their them this that other others related various")
)


def label_words(label: str) -> list[str]:
    """A label's words as ``pick_quotes`` looks for them: the first five letters of each word
    of four letters or more ("Listening and trust": "liste", "trust", so "listener" counts)."""
    words = _WORD.findall(label.lower())
    return [w[:5] for w in words if len(w) >= 4 and w not in _LABEL_FILLER]


def pick_quotes(
    texts: Sequence[str],
    participants: Sequence[str],
    k: int,
    vocabulary: Vocabulary,
    phrases: Sequence[str] = (),
    limit: int = 2,
    theme: str = "",
) -> tuple[list[str], int]:
    """Up to ``limit`` screened sentences from different participants that contain one of
    the theme's ``phrases`` (its label's words and shown phrases), those with most first; any
    sentence when there are none. An answer raises several things: its other sentences say
    nothing of the theme (dev, demo: "coffee" quoted with a sentence about trust). Returns the
    quotes and how many candidate sentences the screens rejected (for the privacy section).
    The meaning screen runs on the best candidates only, a batch at a time, until enough
    quotes are found. None under a ``theme`` (its label, description and phrases) that names a
    sensitive topic: a quote places its writer in its theme for anyone who knows who wrote it
    (red team, stop 40: two sentences about e-mail placed their writers under wellbeing)."""
    if mentions_sensitive_topic(theme):
        return [], 0
    candidates, rejected = [], 0
    # at the start of a word: "trust" is not in "distrust", nor "team" in "steam"
    wanted = [re.compile(rf"(?<![a-z0-9]){re.escape(p.lower())}") for p in phrases if p]
    for participant, text in zip(participants, texts, strict=True):
        for sentence in split_sentences(text):
            sentence = sentence.strip().lstrip("-–•* ").strip()
            n_words = len(_WORD.findall(sentence))
            if n_words < QUOTE_WORDS[0]:
                continue  # fragments are not quotes; not counted as rejections
            if (
                n_words > QUOTE_WORDS[1]
                or len(sentence) > QUOTE_MAX_CHARS
                or vocabulary.identifying(sentence)
                or not vocabulary.all_common(sentence, k)
            ):
                rejected += 1
                continue
            low = sentence.lower()
            hits = sum(1 for p in wanted if p.search(low))
            if hits or not wanted:
                candidates.append((-hits, abs(n_words - 14), sentence, participant))
    candidates.sort()
    quotes, used_people, used_texts = [], set(), set()
    for start in range(0, len(candidates), _QUOTE_BATCH):
        batch = [
            (sentence, participant)
            for *_, sentence, participant in candidates[start : start + _QUOTE_BATCH]
            if participant not in used_people and sentence.lower() not in used_texts
        ]
        about = vocabulary.topics.about([sentence for sentence, _ in batch])
        for (sentence, participant), topic in zip(batch, about, strict=True):
            if topic is not None:
                rejected += 1
            elif participant not in used_people and sentence.lower() not in used_texts:
                quotes.append(sentence)
                used_people.add(participant)
                used_texts.add(sentence.lower())
                if len(quotes) == limit:
                    return quotes, rejected
    return quotes, rejected


def taxonomy_terms(taxonomy) -> list[str]:
    """Words of the taxonomy (labels, descriptions, seeds): product and proper names in it
    ("Teams", "LinkedIn") are programme vocabulary, not identifying terms."""
    return [" ".join((t.label, t.description, *getattr(t, "seeds", ()))) for t in taxonomy]
