"""Word knowledge the name recognizers share: which tokens are first names, and which are also
ordinary English words ("will", "grace", "may") that must not be redacted without a cue.

Both lists come from maintained packages, never from a hand-written list:

- first names: ``gender-guesser``'s dictionary (Jörg Michael's ``nam_dict``, ~48k names from
  many countries, so unseen and non-English names are caught);
- ordinary words: the WordNet-derived word index and exceptions shipped in the spaCy model's
  lemmatizer tables, spaCy's stop words, month and day names, and ``wordfreq`` for very
  frequent tokens outside those (interjections such as "hey").
"""

from __future__ import annotations

import calendar
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

from reflect.nlp import SPACY_MODEL

# A token made of letters (any script), with inner apostrophes or hyphens ("O'Neil", "Jean-Luc").
WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['’-](?=[^\W\d_]))*")
POSSESSIVE = re.compile(r"['’]s?$", re.I)
# Above this Zipf frequency (about once per 100k words) a non-dictionary token is ordinary.
_FREQUENT_ZIPF = 5.0


def normalise(token: str) -> str:
    """Lower-case a token and drop a possessive ("Priya's" -> "priya")."""
    return POSSESSIVE.sub("", token.replace("’", "'")).lower()


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """Lower-cased single-word first names (multi-word entries such as "an you" are left out:
    their parts are ordinary words)."""
    import gender_guesser.detector as detector
    from spacy.lang.en.stop_words import STOP_WORDS

    names = detector.Detector(case_sensitive=False).names
    # The dictionary lists some names that are also function words ("the", "in", "so").
    return frozenset(
        n
        for n in names
        if WORD.fullmatch(n) and "-" not in n and len(n) >= 2 and n not in STOP_WORDS
    )


@lru_cache(maxsize=1)
def dictionary_words() -> frozenset[str]:
    """Ordinary English words (any case folded): WordNet lemmas, irregular forms, stop words,
    months and days."""
    from spacy.lang.en.stop_words import STOP_WORDS
    from spacy.lookups import Lookups

    words: set[str] = {w.lower() for w in STOP_WORDS}
    words |= {m.lower() for m in (*calendar.month_name, *calendar.day_name) if m}
    lookups = Lookups().from_disk(_lemmatizer_tables())
    for entries in lookups.get_table("lemma_index").values():
        words.update(w.lower() for w in entries if "_" not in w)
    # Irregular forms map form -> lemmas ("said" -> "say"), per part of speech.
    for forms in lookups.get_table("lemma_exc").values():
        for form, lemmas in forms.items():
            words.update(w.lower() for w in (form, *lemmas) if "_" not in w)
    return frozenset(words)


@lru_cache(maxsize=1)
def calendar_words() -> frozenset[str]:
    return frozenset(m.lower() for m in (*calendar.month_name, *calendar.day_name) if m)


@lru_cache(maxsize=200_000)
def is_ordinary_word(token: str) -> bool:
    """True when a lower-cased token is also an everyday word, so seeing it as a name needs
    more evidence (capitals mid-sentence, "with X", "X said", a surname after it...)."""
    words = dictionary_words()
    if token in words or len(token) <= 2:
        return True
    # Plurals and verb forms of dictionary words ("miles", "lies", "trees").
    for suffix in ("s", "es", "ed", "ing"):
        if token.endswith(suffix) and token[: -len(suffix)] in words:
            return True
    from wordfreq import zipf_frequency

    return zipf_frequency(token, "en") >= _FREQUENT_ZIPF


def _lemmatizer_tables() -> Path:
    package = resources.files(SPACY_MODEL)
    found = sorted(Path(str(package)).glob("*/lemmatizer/lookups"))
    if not found:
        from reflect.errors import ModelError

        raise ModelError(f"{SPACY_MODEL} has no lemmatizer tables; reinstall it")
    return found[0]
