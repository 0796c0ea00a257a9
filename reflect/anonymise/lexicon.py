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


@lru_cache(maxsize=200_000)
def word_frequency(word: str) -> float:
    """How common an English word is, on wordfreq's Zipf scale (0 unknown, 7 "the"). The one
    place wordfreq is read: its data is frozen as published, so if the package ever stops
    installing, its English table can be shipped in ``models/`` and read here instead."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


@lru_cache(maxsize=1)
def _name_table() -> dict[str, int]:
    """Lower-cased single-word first names -> how common each is in Great Britain, Ireland or
    the USA (0: not listed there, up to 13: very common), from gender-guesser's dictionary.

    Reading that dictionary takes about 2 s, in every process that redacts (the workers'
    template included, which every run waits for), so the table is kept in the user cache
    under the versions it was built from and this module's own text (a changed rule here
    rebuilds it)."""
    import hashlib
    from importlib.metadata import version

    from reflect.user_cache import cached_json

    rules = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:12]
    name = f"first-names-{version('gender-guesser')}-spacy-{version('spacy')}-{rules}.json"
    return cached_json(name, _read_name_table)


def _read_name_table() -> dict[str, int]:
    import gender_guesser.detector as detector
    from spacy.lang.en.stop_words import STOP_WORDS

    english = [i for i, c in enumerate(detector.Detector.COUNTRIES) if c in _ENGLISH_COUNTRIES]
    table: dict[str, int] = {}
    for name, genders in detector.Detector(case_sensitive=False).names.items():
        # Multi-word entries ("an you") are left out, and function words ("the", "in")
        # unless English speakers use them as names ("Will", "May").
        if not WORD.fullmatch(name) or "-" in name or len(name) < 2:
            continue
        frequency = max(
            _frequency(values[i]) for values in genders.values() for i in english if i < len(values)
        )
        if name not in STOP_WORDS or frequency >= 2:
            table[name] = frequency
    return table


_ENGLISH_COUNTRIES = ("great_britain", "ireland", "usa")
# gender-guesser's frequency from which a name counts as common in English ("sam", "richard").
COMMON_NAME = 4
SELDOM_A_WORD_ZIPF = 3.0  # below once in a million words ("magdalena"; "grace" 4.6)


def _frequency(char: str) -> int:
    # nam_dict writes frequency as one hex-like digit per country, blank when absent.
    if char.isdigit():
        return int(char)
    return ord(char.upper()) - 55 if char.isalpha() else 0


def first_names() -> frozenset[str]:
    return _first_names()


@lru_cache(maxsize=1)
def _first_names() -> frozenset[str]:
    return frozenset(_name_table())


def english_name_frequency(name: str) -> int:
    """0 when the name is not used in English-speaking countries ("door" is a name somewhere,
    not in Britain), up to 13 for the most common ("richard")."""
    return _name_table().get(name, 0)


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
def _word_classes() -> dict[str, frozenset[str]]:
    """Base forms per part of speech, plus irregular verb forms under "verb_forms"."""
    from spacy.lookups import Lookups
    from spacy.strings import get_string_id

    lookups = Lookups().from_disk(_lemmatizer_tables())
    index, exc = lookups.get_table("lemma_index"), lookups.get_table("lemma_exc")
    out = {}
    for pos in ("noun", "verb", "adj", "adv"):
        entries = index.get(get_string_id(pos), [])
        out[pos] = frozenset(w.lower() for w in entries if "_" not in w)
    verb_exc = exc.get(get_string_id("verb"), {})
    out["verb_forms"] = frozenset(f.lower() for f, lemmas in verb_exc.items() if f not in lemmas)
    return out


@lru_cache(maxsize=50_000)
def is_noun_only(token: str) -> bool:
    """A dictionary word that is only ever a noun, as proper names listed in WordNet are
    ("rebecca", "andrew"); "will", "mark" and "grace" are verbs too."""
    classes = _word_classes()
    return token in classes["noun"] and not any(
        token in classes[pos] for pos in ("verb", "adj", "adv", "verb_forms")
    )


@lru_cache(maxsize=50_000)
def is_noun(token: str) -> bool:
    """A noun or a noun's plural that is no adverb ("environments", "forwarding"; not
    "yesterday")."""
    classes = _word_classes()
    if token in classes["adv"]:
        return False
    stems = (
        token,
        token[:-1] if token.endswith("s") else "",
        token[:-2] if token.endswith("es") else "",
    )
    return any(stem in classes["noun"] for stem in stems if stem)


@lru_cache(maxsize=50_000)
def is_adverb_only(token: str) -> bool:
    """ "always", "never", "really": only ever an adverb."""
    classes = _word_classes()
    return token in classes["adv"] and not any(
        token in classes[pos] for pos in ("noun", "verb", "adj", "verb_forms")
    )


@lru_cache(maxsize=50_000)
def is_gerund(token: str) -> bool:
    """The -ing form of a verb: "sharing" (share), "swapping" (swap), "vetting" (vet)."""
    if not token.endswith("ing") or len(token) < 6:
        return False
    base = token[:-3]
    bases = {base, base + "e"} | ({base[:-1]} if base[-1] == base[-2] else set())
    return any(is_verb(b) for b in bases)


@lru_cache(maxsize=50_000)
def is_adjective(token: str) -> bool:
    """ "small", "multiple", "green": in WordNet as an adjective (whatever else it is)."""
    return token in _word_classes()["adj"]


@lru_cache(maxsize=50_000)
def is_modifier(token: str) -> bool:
    """An adjective or a word that is only a noun: before a lowercase word it makes a
    compound ("green dot", "staff room"), not a name ("i think helen" stays possible)."""
    classes = _word_classes()
    return token in classes["adj"] or is_noun_only(token)


@lru_cache(maxsize=50_000)
def is_past_verb(token: str) -> bool:
    """ "wrote", "looked": after a word, a past-tense verb makes it a subject, and a word
    like "Will" or "May" is a subject only as a name."""
    classes = _word_classes()
    if token in classes["verb_forms"]:
        # Irregular forms hold participles in -ing too ("programming"): no tense.
        return not token.endswith("ing")
    if not token.endswith("ed") or len(token) < 5:
        return False
    if token[:-2] in classes["verb"] or token[:-1] in classes["verb"]:
        return True
    # Verbs newer than WordNet ("emailed", "messaged", "zoomed"): a frequent stem + "ed".
    return word_frequency(token[:-2]) >= 3.5 and word_frequency(token) >= 2.5


@lru_cache(maxsize=50_000)
def is_verb(token: str) -> bool:
    """A verb's base or irregular form ("put", "set", "said")."""
    classes = _word_classes()
    return token in classes["verb"] or token in classes["verb_forms"]


def is_base_verb(token: str) -> bool:
    """A verb's base form ("read", "put"; not "drew")."""
    return token in _word_classes()["verb"]


@lru_cache(maxsize=50_000)
def is_finite_verb(token: str) -> bool:
    """A past-tense or third-person present verb ("wrote", "lives", "says")."""
    if is_past_verb(token):
        return True
    verbs = _word_classes()["verb"]
    return token.endswith("s") and (token[:-1] in verbs or token[:-2] in verbs)


@lru_cache(maxsize=1)
def calendar_words() -> frozenset[str]:
    return frozenset(m.lower() for m in (*calendar.month_name, *calendar.day_name) if m)


@lru_cache(maxsize=200_000)
def is_ordinary_word(token: str) -> bool:
    """True when a lower-cased token is also an everyday word, so seeing it as a name needs
    more evidence (capitals mid-sentence, "with X", "X said", a surname after it...)."""
    if token in dictionary_words() or len(token) <= 2:
        return True
    return inflected(token, ("s", "es", "ed", "ing")) or word_frequency(token) >= _FREQUENT_ZIPF


def inflected(token: str, suffixes: tuple[str, ...] = ("s", "es")) -> bool:
    """A plural (or, given those suffixes, a verb form) of a dictionary word: "miles",
    "trees", "fireflies", "carried" — with "ing" or "ed", also with the word's e dropped or
    its last consonant doubled ("rescheduling", "planned"), unless a name list has it."""
    words = dictionary_words()
    if any(token.endswith(x) and token[: -len(x)] in words for x in suffixes):
        return True
    for x in ("ing", "ed"):  # an e dropped or a consonant doubled: "rescheduling", "planned"
        stem = token[: -len(x)] if x in suffixes and token.endswith(x) else ""
        if stem and token in first_names():
            break  # "aisling", "henning": a name, not a form of "aisle" or "hen"
        if len(stem) >= 3 and (
            stem + "e" in words or (stem[-1] == stem[-2] and stem[:-1] in words)
        ):
            return True
    y_forms = tuple(x.replace("e", "ie", 1) for x in suffixes if x in ("es", "ed"))
    return bool(y_forms) and token.endswith(y_forms) and token[:-3] + "y" in words


_COMMON_PART_ZIPF = 3.0
_PREFIXES = ("un", "re", "up", "on", "off", "over", "under", "out", "pre", "co", "de", "dis",
             "mis", "non", "self", "sub", "inter", "multi", "micro", "cross")  # fmt: skip


@lru_cache(maxsize=50_000)
def built_from_words(token: str) -> bool:
    """A word no dictionary lists that is made of ones it does: a prefix on a word
    ("unsubscribed", "onboarding", "reskilled") or two words ("timeboxing", "offboarding").
    Workplace jargon is coined this way; names seldom split into two English words."""
    if not token.isalpha() or len(token) < 6:
        return False
    for prefix in _PREFIXES:
        rest = token[len(prefix) :]
        if token.startswith(prefix) and len(rest) >= 4 and is_ordinary_word(rest):
            return True
    # both parts common words of four letters or more: "okafor" is no "oka" + "for"
    return any(
        token[:i] in dictionary_words()
        and word_frequency(token[:i]) >= _COMMON_PART_ZIPF
        and is_ordinary_word(token[i:])
        for i in range(4, len(token) - 3)
    )


def _lemmatizer_tables() -> Path:
    package = resources.files(SPACY_MODEL)
    found = sorted(Path(str(package)).glob("*/lemmatizer/lookups"))
    if not found:
        from reflect.errors import ModelError

        raise ModelError(f"{SPACY_MODEL} has no lemmatizer tables; reinstall it")
    return found[0]


_MIN_WORDS_FOR_LANGUAGE = 4  # fewer words say too little ("Quillo and Vexa")
_ENGLISH_WORDS = 0.5  # share of words of 3+ letters in the English dictionary
_ENGLISH_STOP_WORDS = 0.3  # share of words that are English function words


@lru_cache(maxsize=4096)
def is_english(text: str) -> bool:
    """Is the text English? Not when under 30% of its lowercase words are English
    function words and under half of the longer ones that are no given names are in the
    English dictionary (a list of names has "and", a list of English terms has dictionary words).
    Short texts count as English. The name cues are English ones: in another language
    "mais" and "que" are words, not the names a name list says they are."""
    from spacy.lang.en.stop_words import STOP_WORDS

    # Capitalised words are names of people, places and products in any language.
    words = [w for w in WORD.findall(text) if w.islower()]
    if sum(w in STOP_WORDS for w in words) >= _ENGLISH_STOP_WORDS * len(words):
        return True
    names = first_names()
    longer = [w for w in words if len(w) >= 3 and w not in names]
    if len(longer) < _MIN_WORDS_FOR_LANGUAGE:
        return True
    return sum(map(is_ordinary_word, longer)) >= _ENGLISH_WORDS * len(longer)
