"""First names from a name dictionary, so lowercase and unseen names are caught ("met priya",
"Siiri said"), with the guards in ``name_cues`` for names that are also everyday words."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.lang.en.stop_words import STOP_WORDS

from reflect.anonymise.lexicon import (
    first_names,
    is_finite_verb,
    word_frequency,
)
from reflect.anonymise.name_cues import STRONG, NameCues
from reflect.anonymise.name_extent import extend_name
from reflect.anonymise.name_marks import names_a_role
from reflect.anonymise.name_rules import accept
from reflect.anonymise.name_slots import AND_A_PRONOUN
from reflect.anonymise.name_tokens import (
    ENGLISH_NOUN_ENDING,
    Token,
    adjacent,
    sentence_initial,
    tokenize,
)
from reflect.anonymise.recognizers import RecognizerContext, recognizers
from reflect.anonymise.slips import long_slip, looks_like_typo
from reflect.anonymise.spans import Span
from reflect.anonymise.tech_terms import ToolCues, hyphen_compound

_CONJUNCTIONS = frozenset({"and", "or"})


def _no_name(_token: Token) -> bool:
    return False


@recognizers.register("gazetteer")
class GazetteerRecognizer:
    name = "gazetteer"

    def __init__(self, context: RecognizerContext) -> None:
        self.names = first_names()
        self.cues = NameCues.from_settings(context.settings)
        self.tools = ToolCues.from_settings(context.settings)

    def _is_name(self, token: Token) -> bool:
        if token.norm in self.cues.not_names:
            return False
        if token.norm in self.names:
            return True
        # Hyphenated given names: "Anne-Laure", "Jean-Baptiste", "Mei-Ling", "Ye-jin".
        parts = token.norm.split("-")
        return len(parts) > 1 and token.capitalised and all(p in self.names for p in parts)

    def find(self, texts: Sequence[str]) -> list[list[Span]]:
        return [self._find_one(text) for text in texts]

    def _find_one(self, text: str) -> list[Span]:
        tokens = tokenize(text)
        spans: list[Span] = []
        i = 0
        while i < len(tokens):
            token = tokens[i]
            known = self._is_name(token)
            if (known and accept(text, tokens, i, self._is_name, self.cues, tools=self.tools)) or (
                not known and self._introduced(text, tokens, i)
            ):
                last = extend_name(text, tokens, i, self.cues)
                end = tokens[last].end
                if tokens[last].possessive:
                    end -= 2  # "[PERSON]'s" keeps the sentence readable
                spans.append(Span(token.start, end, "PERSON", 0.6, self.name))
                i = last + 1
            else:
                i += 1
        return spans

    def _introduced(self, text: str, tokens: list[Token], i: int) -> bool:
        """A word no name list knows, introduced as a person (``NameCues.introduced``), unless
        its shape or its slot says otherwise: a hyphenated compound ("Spell-check is"), a
        tool slot ("Quillo datasets"), a slip of the keyboard ("Finaly moved", "Colapsible
        panels")."""
        if names_a_role(self.cues, tokens[i].norm) or tokens[i].norm in self.cues.not_names:
            return False  # "my mentee", "with onenote"
        if not self.cues.introduced(text, tokens, i) or self._only_and(text, tokens, i):
            return False
        token = tokens[i]
        if hyphen_compound(token.text) or self.tools.slot(text, token.start, token.end):
            return False
        after_title = i > 0 and tokens[i - 1].norm in self.cues.titles  # "Dr. Wells"
        if sentence_initial(text, token.start) and not after_title and looks_like_typo(token.norm):
            return False
        if not after_title and (_plural_of_a_word(token.norm) or _letters_swapped(token.norm)):
            return False  # "use different logins and i", "doesn't read Engilsh well"
        if not token.capitalised and ENGLISH_NOUN_ENDING.search(token.norm):
            return False  # "learned about neurodiversity from my mentor"
        return not long_slip(token.norm)

    def _only_and(self, text: str, tokens: list[Token], i: int) -> bool:
        """Is "and" or "or" all that speaks for the word? "Priya and Okafor" are found as a
        list beside a name (``analyzer.listed_names``); "completion and Quillo", or "Quillo
        and Vexa" with no verb after them, are things."""
        prev = tokens[i - 1] if i > 0 and adjacent(text, tokens[i - 1], tokens[i]) else None
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if prev is not None and prev.norm in _CONJUNCTIONS:
            if nxt is not None and adjacent(text, tokens[i], nxt) and self.cues.person_verb(nxt):
                return False  # "I used Quillo and Okafor said": the verb speaks for it
            return self.cues.cue(text, tokens, i, _no_name) != STRONG
        if nxt is None or nxt.norm not in _CONJUNCTIONS:
            return False
        if self.cues.cue(text, tokens, i, _no_name) == STRONG or AND_A_PRONOUN.match(
            text, tokens[i].end
        ):
            return False  # "a call with kwabena and then lunch", "kemi and her team"
        if i > 0 and tokens[i].capitalised and _verb_cue(self.cues, tokens[i - 1]):
            return False  # "Ask Kehinde or Taiwo" (not "called affordances or not")
        verb = tokens[i + 3] if i + 3 < len(tokens) else None  # "Kadiev and Adams were"
        return verb is None or not (
            verb.norm in self.cues.after
            or is_finite_verb(verb.norm)
            or f"{verb.norm}s" in self.cues.after  # "Kehinde and Taiwo know", "think"
        )


def _verb_cue(cues, token: Token) -> bool:
    return token.norm in cues.before and token.norm in cues.weak and token.norm not in STOP_WORDS


# A word English writes at least once in a million words.
_EVERYDAY_ZIPF = 3.0
_SWAP_MIN_LETTERS = 6


def _plural_of_a_word(word: str) -> bool:
    """An unknown word that is an everyday word with an -s ("logins"): a plural, no name."""
    return len(word) > 4 and word.endswith("s") and word_frequency(word[:-1]) >= _EVERYDAY_ZIPF


def _letters_swapped(word: str) -> bool:
    """Two neighbouring letters swapped in an everyday word ("Engilsh"): a slip. Not in
    short words, where a swap makes names of words ("tunde", "tuned")."""
    return len(word) >= _SWAP_MIN_LETTERS and any(
        word_frequency(word[:k] + word[k + 1] + word[k] + word[k + 2 :]) >= _EVERYDAY_ZIPF
        for k in range(len(word) - 1)
        if word[k] != word[k + 1]
    )
