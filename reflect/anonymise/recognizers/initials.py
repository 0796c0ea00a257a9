"""People named by their initials or an initial and a surname ("RT said he'd push for it",
"MK from Procurement", "asked DW", "paired with GH", "S. Adeyemi").

Capitals are mostly acronyms ("HR", "QA", "IT"), so initials count only in a person slot:
a verb of saying or thinking after them, "from <Department>" after them, "and I" beside them,
a verb of meeting or asking before them ("asked", "met", "paired with"), or a he/she later
in the sentence. Capitals that the dictionary knows as words or abbreviations ("HR", "IT",
"PR", "CEO") need the strongest of these: "from <Department>", "and I" or a he/she; after
"the", "our" they are roles ("the VP").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.lang.en.stop_words import STOP_WORDS

from reflect.anonymise.lexicon import (
    dictionary_words,
    is_noun,
    is_noun_only,
    is_ordinary_word,
    word_frequency,
)
from reflect.anonymise.name_tokens import referred_to_after, with_the_writer
from reflect.anonymise.recognizers import RecognizerContext, recognizers
from reflect.anonymise.spans import Span
from reflect.anonymise.tech_terms import is_tech_term

_INITIALS = re.compile(r"(?<![\w.])(?:[A-Z]{2,3}|[A-Z]\.\s?[A-Z]\.?)(?![\w])")
# An initial and a surname: "S. Adeyemi", "J Okafor"; initials with full stops before a
# surname: "D.E. Halloran", "J. R. Okafor".
_INITIAL_SURNAME = re.compile(r"(?<![\w.])[A-Z]\.?\s(?P<surname>[A-Z][a-z][\w'’-]+)")
_INITIALS_SURNAME = re.compile(r"(?<![\w.])(?:[A-Z]\.\s?){2,3}(?P<surname>[A-Z][a-z][\w'’-]+)")
# Rarer than about once in 100,000 words ("hartley" 3.4, "fletcher" 3.8); headings are
# made of frequent nouns ("overview" 4.1, "agenda" 4.3, "introduction" 4.5).
_SELDOM_WRITTEN_ZIPF = 4.0
_NEXT_WORD = re.compile(r"\s+([a-z]+)\b")
_NEXT = re.compile(r"\s+([A-Za-z']+)(?:\s+([A-Z][\w&-]*))?")
_PREVIOUS = re.compile(r"([A-Za-z']+)\s+(?:([A-Za-z']+)\s+)?$")
_FROM_DEPARTMENT = re.compile(r"\s+from\s+(?:the\s+)?[A-Z][a-z]")
_ARTICLE_BEFORE = re.compile(r"\b(?:the|a|an|our|my|your|their|his|her|its)\s+$", re.I)
# How far back the two patterns above look: two words and their spaces. Searching the whole
# text before every pair of capitals made a cell of "AB AB …" quadratic (13 s for 20,000
# characters).
_LOOKBACK = 100


@recognizers.register("initials")
class InitialsRecognizer:
    name = "initials"

    def __init__(self, context: RecognizerContext) -> None:
        names = context.settings.get("names", {})
        self.not_names = {w.lower() for w in names.get("not_names", [])}
        self.after = {w.lower() for w in names.get("after", [])} - STOP_WORDS
        self.before = {w.lower() for w in names.get("before", [])} - STOP_WORDS

    def find(self, texts: Sequence[str]) -> list[list[Span]]:
        return [self.find_one(text) for text in texts]

    def find_one(self, text: str) -> list[Span]:
        spans = []
        for m in _INITIALS.finditer(text):
            letters = re.sub(r"[\s.]", "", m.group())
            if letters.lower() in self.not_names or is_tech_term(letters):
                continue
            if _ARTICLE_BEFORE.search(text, max(0, m.start() - _LOOKBACK), m.start()):
                continue  # "the VP", "our CTO": a role
            known_word = letters.lower() in dictionary_words()
            if self._modifier(text, m) and not with_the_writer(text, m.start(), m.end()):
                continue
            if self._strongest_slot(text, m) or (not known_word and self._slot(text, m)):
                spans.append(Span(m.start(), m.end(), "PERSON", 0.6, self.name))
        for m in _INITIAL_SURNAME.finditer(text):
            surname = m.group("surname")
            # With a full stop, a surname the dictionary holds only as a noun, and seldom
            # written, counts too: it lists people ("J. Hartley"), not "B. Overview".
            dotted = (
                m.group()[1] == "."
                and is_noun_only(surname.lower())
                and word_frequency(surname.lower()) < _SELDOM_WRITTEN_ZIPF
            )
            if (not is_ordinary_word(surname.lower()) or dotted) and not is_tech_term(surname):
                spans.append(Span(m.start(), m.end(), "PERSON", 0.6, self.name))
        for m in _INITIALS_SURNAME.finditer(text):
            # Two or more initials make the shape of a name, so a surname that is also a noun
            # counts too ("J.R. Baker"), though not a word of other kinds ("A.M. Start").
            surname = m.group("surname").lower()
            if not is_ordinary_word(surname) or is_noun_only(surname):
                spans.append(Span(m.start(), m.end(), "PERSON", 0.6, self.name))
        return spans

    def _modifier(self, text: str, m: re.Match) -> bool:
        """Capitals before a noun modify it ("QA environments", "with VPN access"); a
        person would be followed by a verb or a cue ("RT said", "asked DW yesterday")."""
        nxt = _NEXT_WORD.match(text, m.end())
        if nxt is None:
            return False
        word = nxt.group(1)
        # A noun that is a verb too counts as a noun: the slot before the capitals ("with",
        # "asked") is what made them a candidate, and "with VPN tunnels" is the common case.
        return word not in STOP_WORDS and word not in self.after and is_noun(word)

    def _strongest_slot(self, text: str, m: re.Match) -> bool:
        return bool(
            _FROM_DEPARTMENT.match(text, m.end())
            or with_the_writer(text, m.start(), m.end())
            or (self._slot(text, m) and referred_to_after(text, m.end()))
        )

    def _slot(self, text: str, m: re.Match) -> bool:
        nxt = _NEXT.match(text, m.end())
        if nxt is not None:
            word, capitalised = nxt.group(1).lower(), nxt.group(2)
            if word in self.after or (word == "from" and capitalised):
                return True  # "RT said", "MK from Procurement"
        prev = _PREVIOUS.search(text, max(0, m.start() - _LOOKBACK), m.start())
        if prev is not None:
            last, before_last = prev.group(2) or prev.group(1), prev.group(1)
            if last.lower() in self.before:
                return True  # "asked DW", "met KO"
            if last.lower() == "with" and prev.group(2) and before_last.lower() not in STOP_WORDS:
                return True  # "paired with GH", "sat with TH"
        return False
