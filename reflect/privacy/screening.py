"""Screening of the words a report shows: theme phrases and (with ``--quotes``) sentences.

A phrase or quote is shown only if
- no redaction placeholder (``[PERSON]``...) is in it;
- every word in it was used by at least k distinct participants somewhere in the reflections
  (a rare word can point at its only writer — "my allotment", "the Lisbon office");
- it holds no identifying term: digits (ages, ids, dates, counts of a small team), age
  descriptions ("sixty-two-year-old", "in her fifties"), uniqueness descriptions ("the only",
  "our one"), addresses (``@``, ``www``, ``http``), and proper nouns — words people write
  capitalised mid-sentence — unless they are taxonomy vocabulary ("Teams", "LinkedIn");
- it passes ``reflect.anonymise.quasi_identifiers`` when the redaction stage offers it.
Quotes must also be 6 to 30 words long, hold no special-category or health term (one
person's sentence about anyone's health, disability, sexuality, religion, ethnicity, family
life or pay is never quoted), and are taken at most one per participant.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reflect.themes.model import Phrase

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
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
# Special-category and health data: a quote is one person's words, so a sentence about
# anyone's health, disability, sexuality, religion or family life is never quoted (as a
# theme phrase backed by k people, "mental health" is fine).
_SENSITIVE = re.compile(
    r"\b(?:disab\w*|wheelchair|deaf|blind|autis\w*|adhd|dyslex\w*|neurodiver\w*"
    r"|diagnos\w*|illness|ill|sick\w*|cancer|chemo\w*|surgery|hospital\w*|therap\w*"
    r"|depress\w*|anxiety|stress(?:ed)?|burn-?out|signed off|medication|pregnan\w*"
    r"|maternity|paternity|miscarr\w*|ivf|menopaus\w*|divorc\w*|bereave\w*|funeral"
    r"|gay|lesbian|bisexual|trans(?:gender)?|queer|lgbt\w*|sexuality|pronouns?"
    r"|relig\w*|muslim|christian|jewish|hindu|sikh|buddhist|hijab|church|mosque"
    r"|ethnic\w*|black|race|racis\w*|immigra\w*|visa|union|salary|salaries|pay)\b",
    re.IGNORECASE,
)
_INFLECTIONS = ("", "s", "es", "d", "ed", "ing")
QUOTE_WORDS = (6, 30)
QUOTE_MAX_CHARS = 220


def mentions_sensitive_topic(text: str) -> bool:
    """Whether a text touches health, disability, sexuality, religion, ethnicity, family life
    or pay (the topics a quote or a group value must not print)."""
    return bool(_SENSITIVE.search(text))


def _quasi_identifier_check():
    """The redaction stage's quasi-identifier detector, when it offers one."""
    try:
        from reflect import anonymise
    except ImportError:  # pragma: no cover - anonymise is part of the package
        return None
    return getattr(anonymise, "quasi_identifiers", None)


class Vocabulary:
    """Who used which word, and which words people write as proper nouns."""

    def __init__(
        self, texts: Sequence[str], participants: Sequence[str], known: Iterable[str] = ()
    ) -> None:
        # Each person's texts as one (sentences never run across texts: they end at "\n"),
        # so words are counted with C-speed Counter updates, not a Python loop per word.
        own: dict[str, list[str]] = {}
        for participant, text in zip(participants, texts, strict=True):
            own.setdefault(participant, []).append(text)
        people: Counter[str] = Counter()
        mid: Counter[str] = Counter()  # occurrences after a sentence's first word
        mid_capitalised: Counter[str] = Counter()
        for text in map("\n".join, own.values()):
            words = _WORD.findall(text)
            lowered = [w.lower() for w in words]
            people.update(set(lowered))
            mid.update(lowered)
            mid_capitalised.update(w.lower() for w in words if w[0].isupper())
            for sentence in _SENTENCE_END.split(text):
                first = _WORD.search(sentence)
                if first:
                    mid[first.group().lower()] -= 1
                    if first.group()[0].isupper():
                        mid_capitalised[first.group().lower()] -= 1
        self.people = dict(people)
        self.known = {w.lower() for term in known for w in _WORD.findall(term)}
        self.proper = {
            w
            for w, n in mid_capitalised.items()
            if n > 0 and 2 * n >= mid[w] and w not in self.known and w != "i"
        }
        self.quasi_identifiers = _quasi_identifier_check()

    def users(self, word: str) -> int:
        """Distinct participants who used the word; lemmas also count their inflections."""
        word = word.lower()
        forms = [word + end for end in _INFLECTIONS]
        if word.endswith("y"):
            forms.append(word[:-1] + "ies")
        return max(self.people.get(form, 0) for form in forms)

    def identifying(self, text: str) -> bool:
        if "[" in text or _IDENTIFYING.search(text):
            return True
        if any(w.lower() in self.proper for w in _WORD.findall(text)):
            return True
        return bool(self.quasi_identifiers and self.quasi_identifiers(text))

    def all_common(self, text: str, k: int) -> bool:
        words = _WORD.findall(text)
        return bool(words) and all(self.users(w) >= k for w in words)


def phrase_is_safe(phrase: Phrase, k: int, vocabulary: Vocabulary, people=None) -> bool:
    """``people``: when given (a filtered view), only these participants count."""
    writers = phrase.participants if people is None else phrase.participants & people
    return (
        len(writers) >= k
        and not vocabulary.identifying(phrase.text)
        and vocabulary.all_common(phrase.text, k)
    )


def pick_quotes(
    texts: Sequence[str],
    participants: Sequence[str],
    k: int,
    vocabulary: Vocabulary,
    phrases: Sequence[str] = (),
    limit: int = 2,
) -> tuple[list[str], int]:
    """Up to ``limit`` screened sentences from different participants, preferring those that
    contain the theme's shown phrases. Returns the quotes and how many candidate sentences
    the screen rejected (for the privacy section)."""
    candidates, rejected = [], 0
    for participant, text in zip(participants, texts, strict=True):
        for sentence in _SENTENCE_END.split(text):
            sentence = sentence.strip().lstrip("-–•* ").strip()
            n_words = len(_WORD.findall(sentence))
            if n_words < QUOTE_WORDS[0]:
                continue  # fragments are not quotes; not counted as rejections
            if (
                n_words > QUOTE_WORDS[1]
                or len(sentence) > QUOTE_MAX_CHARS
                or vocabulary.identifying(sentence)
                or _SENSITIVE.search(sentence)
                or not vocabulary.all_common(sentence, k)
            ):
                rejected += 1
                continue
            hits = sum(p in sentence.lower() for p in phrases)
            candidates.append((-hits, abs(n_words - 14), sentence, participant))
    quotes, used_people, used_texts = [], set(), set()
    for *_, sentence, participant in sorted(candidates):
        if participant in used_people or sentence.lower() in used_texts:
            continue
        quotes.append(sentence)
        used_people.add(participant)
        used_texts.add(sentence.lower())
        if len(quotes) == limit:
            break
    return quotes, rejected


def taxonomy_terms(taxonomy) -> list[str]:
    """Words of the taxonomy (labels, descriptions, seeds): product and proper names in it
    ("Teams", "LinkedIn") are programme vocabulary, not identifying terms."""
    return [" ".join((t.label, t.description, *getattr(t, "seeds", ()))) for t in taxonomy]
