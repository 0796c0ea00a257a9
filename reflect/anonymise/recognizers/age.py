"""A person's age, in figures or words ("a 79 year old", "I'm 26 y/o", "just turned forty-six",
"retired at the age of 68", "she is 39", "joined at nineteen", "aged sixty"). Only the number
is replaced, so the sentence still reads ("a [AGE] year old"); descriptions built on it ("the
only 62-year-old in finance") are also flagged by the quasi-identifier recognizer."""

from __future__ import annotations

import re

from reflect.anonymise.recognizers import recognizers
from reflect.anonymise.recognizers._pattern import PatternRecognizer
from reflect.anonymise.recognizers.numbers import AGE_WORDS

_NUMBER = rf"(?P<value>\d{{1,3}}|{AGE_WORDS}\b)"
# After "is", "at" a number is an age only where the clause ends ("Sam is 27.", "left at
# sixteen, and") or "years" follows; "is 15 people", "at 10.30" are not ages.
_CLAUSE_END = r"(?=\s*(?:[,.;:!?)]|$|\s(?:and|but|so|now|which|when|this|next|last|I|i|he|she)\b))"
# After "at", a number is a time or a count as often as an age ("at 10.30", "at ten o'clock",
# "at 40 degrees"): figures under 16 and "ten", "eleven", "twelve" are never taken as ages.
_NOT_A_TIME = (
    r"(?!\s*(?:o'?clock|am\b|pm\b|a\.m|p\.m|hundred|sharp|minutes?|mins?|hours?|%|percent|"
    r"people|degrees?|miles?|km|mph|times|a\s+time))"
)
_PRONOUNS = frozenset({"he", "she", "they", "who", "i", "you", "we"})
_WORDS = re.compile(r"[^\W\d_][\w'’-]*")
# Words after "turned 40", "I'm 40" that make the number something other than an age.
_NOT_AN_AGE = (
    r"(?!\s*(?:%|percent|per\s*cent|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|people|"
    r"times|sessions?|degrees?|pages?|slides?|tabs?|emails?|of\b|x\b|[:.,/]\d))"
)


@recognizers.register("age")
class AgeRecognizer(PatternRecognizer):
    name = "age"
    label = "AGE"
    score = 0.7
    patterns = (
        re.compile(rf"\b{_NUMBER}(?:\s+|-)(?:years?|yrs?)(?:\s+|-)old\b", re.I),
        re.compile(rf"\b{_NUMBER}\s*(?:y/o|y\.o\.|yo)\b", re.I),
        re.compile(
            rf"\b(?:aged|age\s+of|age:|turn(?:ed|s|ing)?|i'?m|i\s+am|s?he'?s|s?he\s+is)\s+"
            rf"{_NUMBER}\b{_NOT_AN_AGE}",
            re.I,
        ),
        re.compile(
            rf"\b(?:is|was)\s+{_NUMBER}(?:\s+years?(?:\s+old)?)?(?![.:,]\d){_CLAUSE_END}", re.I
        ),
        re.compile(rf"\bat\s+{_NUMBER}\b(?![.:,]\d){_NOT_A_TIME}", re.I),
    )

    def valid(self, match: re.Match) -> bool:
        value = match.group("value")
        if re.match(r"(?:is|was)\b", match.group(0), re.I) and not self._person_before(match):
            return False  # "the score was 18", "version is 20"
        after_verb = re.match(r"(?:is|was|at)\b", match.group(0), re.I)
        if not value[0].isdigit():
            return not (after_verb and value.lower() in ("ten", "eleven", "twelve"))
        return (16 if after_verb else 10) <= int(value) <= 110

    def _person_before(self, match: re.Match) -> bool:
        """The subject of "is 39" is a person: a pronoun, a role ("my mentor"), or a name."""
        from reflect.anonymise.lexicon import first_names, is_ordinary_word

        roles = self.context.settings.get("names", {}).get("before", [])
        # The subject may be a few words back: "Vikram from IT is 52".
        words = _WORDS.findall(match.string[max(0, match.start() - 40) : match.start()])[-4:]
        for i, word in enumerate(reversed(words)):
            lower = word.lower()
            if i == 0 and (lower in _PRONOUNS or lower in roles):
                return True
            if word[:1].isupper() and lower in first_names() and not is_ordinary_word(lower):
                return True
            if i == 0 and word[:1].isupper() and not is_ordinary_word(lower):
                return True
        return False
