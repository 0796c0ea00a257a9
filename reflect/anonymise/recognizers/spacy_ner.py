"""spaCy's statistical NER (tok2vec + ner only, batched with ``nlp.pipe``), for capitalised
names nobody listed.

Only sentences holding a capitalised word that is not an everyday word go through the model:
the small model finds names by their capitals, the gazetteer covers lowercase ones, and most
sentences of a reflection name nobody. That keeps the stage well above 500 reflections/s."""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.lang.en.stop_words import STOP_WORDS

from reflect.anonymise.lexicon import (
    COMMON_NAME,
    english_name_frequency,
    first_names,
    is_english,
    is_finite_verb,
    is_noun_only,
    is_ordinary_word,
    normalise,
    word_frequency,
)
from reflect.anonymise.name_cues import STRONG, NameCues
from reflect.anonymise.name_tokens import DETERMINERS, tokenize
from reflect.anonymise.recognizers import RecognizerContext, recognizers
from reflect.anonymise.slips import long_slip, looks_like_typo
from reflect.anonymise.spans import Span
from reflect.anonymise.tech_terms import (
    ToolCues,
    hyphen_compound,
    is_tech_term,
    listed_with_names,
    listed_with_term,
    technical_text,
)
from reflect.nlp import NER, load_spacy
from reflect.sentences import sentence_spans

_LABELS = {"PERSON": "PERSON"}
_BATCH = 256
_SINGLE_WORD_MAX_ZIPF = 3.5
_ACRONYM = 4  # letters at most
# A capitalised place noun ends the name of a room or a building, not a person's (no
# surname among them: "Sarah Hall", "Tom House", "Amy Wing" are people).
_PLACE_NOUNS = frozenset(
    ["room", "suite", "centre", "center", "building", "lounge", "library", "theatre",
     "auditorium", "campus", "studio"]
)  # fmt: skip


def _fragment(doc) -> bool:
    """A sentence of one or two words: an item, not a clause about someone."""
    return sum(1 for t in doc if t.is_alpha) <= 2


def technical_context(text: str, ent) -> bool:
    """Does the sentence name a known tool besides the entity?"""
    names = first_names()
    return any(
        not (ent.start <= t.i < ent.end)
        and t.text[:1].isupper()
        and t.lower_ not in names
        and is_tech_term(t.text)
        for t in ent.doc
    )


def _trimmed(ent):
    """The entity without trailing lowercase words: the small model sometimes runs a name
    into the verb after it ("George keeps" in "George keeps asking"); nor the everyday word
    opening the sentence (each doc is one sentence) that it runs into a name ("Sorry
    Rhiannon", "Congrats Tomasz"), unless that word is a first name too ("Will Adeyemi")."""
    start, end = ent.start, ent.end
    while end > start + 1 and ent.doc[end - 1].is_lower:
        end -= 1
    first = ent.doc[start]
    if (
        start == 0
        and end - start >= 2
        and _everyday(first.lower_)
        and first.lower_ not in first_names()
        and ent.doc[start + 1].text[:1].isupper()
    ):
        start += 1
    if (start, end) == (ent.start, ent.end):
        return ent
    return ent.doc[start:end]


_HYPHENATED = re.compile(r"[\w-]*")


def _whole_word(text: str, ent) -> str:
    """The entity with the hyphenated word it is part of: the tokenizer splits "Spell-check"
    and the model may tag "Auto" alone."""
    start = ent.start_char
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "-"):
        start -= 1
    return text[start : _HYPHENATED.match(text, ent.end_char).end()]


def _everyday(word: str) -> bool:
    return is_ordinary_word(word) and english_name_frequency(word) < COMMON_NAME


def _no_name(_token) -> bool:
    return False


@recognizers.register("spacy")
class SpacyNerRecognizer:
    name = "spacy"

    def __init__(self, context: RecognizerContext) -> None:
        names = context.settings.get("names", {})
        self.not_names = {w.lower() for w in names.get("not_names", [])}
        self.after = {w.lower() for w in names.get("after", [])}
        weak = {w.lower() for w in names.get("weak", [])}
        self.strong_before = {w.lower() for w in names.get("before", [])} - weak
        self.cues = NameCues.from_settings(context.settings)
        self.tools = ToolCues.from_settings(context.settings)
        self.nlp = load_spacy(NER)

    def find(self, texts: Sequence[str]) -> list[list[Span]]:
        out: list[list[Span]] = [[] for _ in texts]
        todo = [
            (i, offset, sentence)
            for i, text in enumerate(texts)
            for offset, sentence in sentence_spans(text)
            if self._may_hold_a_name(sentence)
        ]
        docs = self.nlp.pipe((sentence for _, _, sentence in todo), batch_size=_BATCH)
        for (i, offset, _), doc in zip(todo, docs, strict=True):
            ents = (
                _trimmed(e)
                for e in doc.ents
                if e.label_ in _LABELS and not hyphen_compound(_whole_word(doc.text, e))
            )
            out[i] += [
                Span(offset + e.start_char, offset + e.end_char, "PERSON", 0.7, self.name)
                for e in ents
                if e is not None and self._plausible(e, self._technical(texts[i]))
            ]
        return out

    def _may_hold_a_name(self, sentence: str) -> bool:
        names = first_names()
        return any(
            t.capitalised
            and t.norm not in self.not_names
            and (t.norm in names or not is_ordinary_word(t.norm))
            for t in tokenize(sentence)
        )

    def _person_slot(self, ent, verbs: bool = True) -> bool:
        """A possessive, a strong cue before ("my mentor", "Dr") or, with ``verbs``, a verb
        of saying or thinking after ("said", "thinks"): the entity is a person whatever its
        words. A tool's name that is no given name ("Python wants...") is spoken of as a
        person without being one: for it only the possessive and the cue before count."""
        doc = ent.doc
        after = doc[ent.end].lower_ if ent.end < len(doc) else ""
        before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
        return (
            after in ("'s", "’s")
            or before in self.strong_before
            or (verbs and after in self.after and after not in STOP_WORDS)
        )

    def _any_cue(self, ent) -> bool:
        """Any word around the entity that speaks of a person (``NameCues.cue``)."""
        text = ent.doc.text
        tokens = tokenize(text)
        for i, token in enumerate(tokens):
            if token.start == ent.start_char:
                if token.possessive or self.cues.cue(text, tokens, i, _no_name) == STRONG:
                    return True
                # A verb or a role beside it, not a function word ("Trello and Miro").
                prev = tokens[i - 1].norm if i > 0 else ""
                nxt = tokens[i + 1].norm if i + 1 < len(tokens) else ""
                return (prev in self.cues.before and prev not in STOP_WORDS) or (
                    nxt in self.cues.after and nxt not in STOP_WORDS
                )
        return False

    def _tool(self, ent) -> bool:
        """Software, languages and products ("Jupyter", "PyCharm", "Jupyter Lab", a word
        listed with "Python"), from ``tech_terms``."""
        words = [t for t in ent if any(c.isalpha() for c in t.text)]
        names = first_names()
        if any(is_tech_term(t.text) for t in words) and not any(
            t.lower_ in names and not is_tech_term(t.text) for t in words
        ):
            return True  # "Jupyter Notebook", "LibreOffice Calc"; not "Julia Smith"
        text = ent.doc.text
        return listed_with_term(text, ent.start_char, ent.end_char) or self.tools.slot(
            text, ent.start_char, ent.end_char
        )

    def _technical(self, text: str) -> bool:
        return technical_text(text) or self.tools.any_in(text)

    def _plausible(self, ent, technical: bool) -> bool:
        """``technical``: the whole text names a known tool or a word in a tool slot."""
        text = ent.text.lower()
        if text in self.not_names or any(t.lower_ in self.not_names for t in ent):
            return False
        if any(ch.isdigit() for ch in ent.text):
            return False  # a number is no part of a name: "Floor 3 is a maze", "Block 2B"
        if len(ent) >= 2 and ent[-1].lower_ in _PLACE_NOUNS and ent[-1].text[:1].isupper():
            return False  # "the Ochil Room was cold": a room, not a person
        if self._tool(ent):
            return self._person_slot(ent, verbs=any(t.lower_ in first_names() for t in ent))
        # The model is English: in another language its guesses that open with a lowercase
        # word ("para criação de ...") are words, and a short word in capitals ("QXLR is
        # stuck") is an acronym; either needs a person slot. (Longer capitals are often a
        # town on an address line: "KESWICK".)
        lowercase_foreign = ent[0].is_lower and not is_english(ent.doc.text)
        acronym = len(ent) == 1 and ent.text.isupper() and len(ent.text) <= _ACRONYM
        if lowercase_foreign or acronym:
            return self._person_slot(ent)
        # Capitalised words with no given name among them, in a text about tools and with
        # nothing around them that speaks of a person, are one more product ("Quillo Cloud").
        names = first_names()
        if technical and not any(t.lower_ in names for t in ent) and not self._any_cue(ent):
            return False
        # Two everyday words that are no common English name make a title ("Quillo Machine
        # Learning", "Save All"; "Grace Hopper" stays).
        if sum(t.is_alpha and _everyday(t.lower_) for t in ent) >= 2:
            return False
        # A name does not modify a noun after it ("Quillo simulation", "Quillo datasets"):
        # that is a product or a method, unless a cue before makes it an indirect object
        # ("gave Priya feedback").
        after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
        before = ent.doc[ent.start - 1].lower_ if ent.start > 0 else ""
        if (
            after is not None
            and after.is_lower
            and is_noun_only(after.lower_)
            and before not in self.cues.before
        ):
            return False
        # A "name" made only of lowercase everyday words is the small model's guess at a
        # phrase ("grace period"), not a person.
        if all(t.is_lower and is_ordinary_word(t.lower_) for t in ent):
            return False
        # Nor is one frequent word opening a sentence ("Overall", "Awkward", "Felt").
        if len(ent) == 1:
            word = normalise(ent.text)
            if looks_like_typo(word) or long_slip(word):
                return False  # "Genuuine", "Recomended"
            if (
                word not in first_names()
                and not self._any_cue(ent)
                and not listed_with_names(ent.doc.text, ent.start_char, ent.end_char)
                and (_fragment(ent.doc) or technical_context(ent.doc.text, ent))
            ):
                # A lone unknown capitalised word with nothing around it that speaks of a
                # person, as a whole answer or beside known tools, is one more tool
                # ("Figma.", "Miro is great with Trello").
                return False
            if ent.start > 0 and ent.doc[ent.start - 1].lower_ in DETERMINERS:
                return is_ordinary_word(word) is False  # "the Bill debate"
            if (
                is_ordinary_word(word)
                and word not in first_names()
                and not self._any_cue(ent)
                and not listed_with_names(ent.doc.text, ent.start_char, ent.end_char)
            ):
                # An everyday word no name list knows, with no cue and not in a list of
                # surnames ("Bowman and White"), is a word: "(Quillo Workflows)".
                return False
            # (Each doc is one sentence, so token 0 opens it: "Overall", "Said it like...")
            if ent.start == 0:
                if is_ordinary_word(word):
                    # "Frank discussion", "Harsh but fair", "Said it like a boast": a
                    # sentence-opening everyday word is a name only before a verb.
                    after = ent.doc[ent.end].lower_ if ent.end < len(ent.doc) else ""
                    return english_name_frequency(word) >= COMMON_NAME and (
                        after in self.after or is_finite_verb(after)
                    )
                return word in first_names() or word_frequency(word) < _SINGLE_WORD_MAX_ZIPF
        return True
