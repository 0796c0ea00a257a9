"""Technical and product vocabulary, so tools are not taken for people or places ("I moved
from Matlab to Julia", "Jupyter keeps crashing", "we run it on Kotlin").

The words come from three maintained sources, never from a hand-typed list:

- Pygments' lexers: about 600 programming, markup, config and data languages and file
  formats, each with its aliases ("Python", "Haskell", "JSON-LD", "Markdown", "Docker");
- PyPI's trove classifiers (the ``trove-classifiers`` package, maintained by the Python
  Packaging Authority): frameworks, environments, operating systems and topics ("Django",
  "Jupyter", "Emacs", "Sphinx");
- Simple Icons' brand titles (``simple-icons-pack``, a redistribution of the ``simple-icons``
  npm package: ~3,400 brands with a logo): the apps a workplace uses ("Figma", "Trello",
  "Airtable", "Mentimeter" are in no programmer's list). A brand that is also a given name
  ("Claude", "Jasmine") or an everyday word ("Apple", "Answer") is left out: those words are
  far more often a person or a word than a product. Brands are matched as whole words only
  (no compounds or slips of the keyboard), and a brand does not make a text technical
  (``technical_text``): companies are named beside people ("Ines Varga of Airtable") far more
  than programming languages are.

Shapes say "product" too, whatever the lists hold: inner capitals ("PyCharm", "JupyterLab",
"PowerBI", "DataLens" but not "McKenzie"), digits inside a word ("K8s", "Web3"), and a
capitalised word listed alongside a known term that is no given name ("Vertica, Clickhouse and
Python"; "Priya and Julia" stay people).

Some of these words are also given names ("Julia", "Ruby", "Ada"): callers treat a term as a
person only in a person slot (a strong cue: "my mentor Julia", "Ruby said", "Ada's idea").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reflect.anonymise.lexicon import (
    first_names,
    is_finite_verb,
    is_ordinary_word,
    normalise,
    word_frequency,
)
from reflect.anonymise.name_tokens import sentence_initial

_TERM_WORD = re.compile(r"[A-Za-z][\w+#]*(?:[.-][A-Za-z]\w*)*")
# "PyCharm", "JupyterLab", "PowerBI", "iPad", "VSCode"; not "McKenzie", "DeShawn", "MacDonald"
_INNER_CAPITAL = re.compile(r"[a-z]*[A-Z]?[a-z]+[A-Z]\w*|[a-z]+[A-Z]\w*|[A-Z]{2,}[a-z]{2,}\w*")
_NAME_PREFIX = re.compile(r"(?:Mc|Mac|De|Di|Da|La|Le|Van|Von|Du|St|O)[A-Z][a-z]+$")
_WITH_DIGIT = re.compile(r"[A-Za-z]+\d+[A-Za-z]*|[A-Za-z]+\d*[+#]+")
_GAP = r"\s*(?:,|/|;|&|\+|\band\b|\bor\b)\s*"
_ITEM_BEFORE = re.compile(r"([A-Za-z][\w+#.-]*)" + _GAP + r"$")
_ITEM_AFTER = re.compile(_GAP + r"([A-Za-z][\w+#-]*)")


@lru_cache(maxsize=1)
def tech_terms() -> frozenset[str]:
    """Lower-cased words naming software, languages, formats and platforms. Building them
    takes half a second in every process that redacts, so they are kept in the user cache
    under the sources' versions and the text of the modules whose rules decide them."""
    from importlib.metadata import version

    from reflect.user_cache import cached_json

    name = (
        f"tech-terms-pygments-{version('pygments')}-trove-{version('trove-classifiers')}"
        f"-spacy-{version('spacy')}-{_rules()}.json"
    )
    return frozenset(cached_json(name, lambda: sorted(_read_tech_terms())))


def _rules() -> str:
    """A digest of the modules whose rules decide the cached word lists."""
    import hashlib

    from reflect.anonymise import lexicon

    text = Path(__file__).read_bytes() + Path(lexicon.__file__).read_bytes()
    return hashlib.sha256(text).hexdigest()[:12]


def _read_tech_terms() -> frozenset[str]:
    import trove_classifiers
    from pygments.lexers import get_all_lexers

    names: set[str] = set()
    for name, aliases, _files, _mimes in get_all_lexers(plugins=False):
        names.add(name)
        names.update(aliases)
    for classifier in trove_classifiers.sorted_classifiers:
        if classifier.startswith(("Framework ::", "Environment ::", "Operating System ::")):
            names.update(classifier.split(" :: ")[1:])
        elif classifier.startswith(("Topic ::", "Programming Language ::")):
            names.update(classifier.split(" :: ")[-1:])
    words: set[str] = set()
    for name in names:
        parts = _TERM_WORD.findall(name)
        # A one-word name is a term ("Haskell", "Jupyter"); from longer names only the words
        # that are not everyday English ("Emacs" from "Emacs Lisp", not "Lisp" from ... ).
        if len(parts) == 1:
            words.add(parts[0].lower())
        else:
            words.update(p.lower() for p in parts if not is_ordinary_word(p.lower()))
    # Two-letter aliases ("jp", "js") would make initials into tools.
    return frozenset(w for w in words if len(w) >= 3)


@lru_cache(maxsize=1)
def brand_names() -> frozenset[str]:
    """Lower-cased words of brand names that are no given name and no everyday word; kept in
    the user cache like the terms."""
    from importlib.metadata import version

    from reflect.user_cache import cached_json

    name = f"brands-icons-{version('simple-icons-pack')}-spacy-{version('spacy')}-{_rules()}.json"
    return frozenset(cached_json(name, lambda: sorted(_read_brand_names())))


def _read_brand_names() -> set[str]:
    import simple_icons_pack

    names = first_names()
    words = set()
    for attribute in dir(simple_icons_pack):
        if attribute.startswith("SI_"):
            for part in _TERM_WORD.findall(getattr(simple_icons_pack, attribute).title):
                lower = part.lower()
                if len(lower) >= 3 and lower not in names and not is_ordinary_word(lower):
                    words.add(lower)
    return words


def is_tech_term(word: str) -> bool:
    return _programming_term(word) or word.lower() in brand_names()


def _programming_term(word: str) -> bool:
    return _known_or_compound(word.lower()) or product_shape(word)


_MIN_STEM = 5  # "jupyter" + "hub"; not "ada" + "m"


@lru_cache(maxsize=50_000)
def _known_or_compound(lower: str) -> bool:
    """A known term, a compound built on one ("jupyterhub", "pythonista", "dockerfile"), or a
    slip of the keyboard in a long one ("jupypter"); given names ("juliana") excepted."""
    terms = tech_terms()
    if lower in terms:
        return True
    if len(lower) < _MIN_STEM + 2 or lower in first_names() or not lower.isalpha():
        return False  # compounds and slips are single words ("Shelly Park" is no "shell")
    if any(lower[:n] in terms for n in range(_MIN_STEM, len(lower) - 1)):
        return True
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    hit = process.extractOne(lower, _long_terms(), scorer=OSA.distance, score_cutoff=1)
    return hit is not None


@lru_cache(maxsize=1)
def _long_terms() -> tuple[str, ...]:
    return tuple(t for t in tech_terms() if len(t) >= 7 and t.isalpha())


def names_a_tool(text: str, start: int, end: int, tools: ToolCues | None = None) -> bool:
    """Does ``text[start:end]`` name a tool: a known term or its shape, a word listed with
    one, or a word in a tool slot (``ToolCues``)?"""
    word = text[start:end]
    return (
        _known_or_compound(normalise(word))
        or normalise(word) in brand_names()
        or product_shape(word)
        or listed_with_term(text, start, end)
        or (tools is not None and tools.slot(text, start, end))
    )


def product_shape(word: str) -> bool:
    """Inner capitals or digits inside: "PyCharm", "K8s", "C++"; not "McKenzie", "O'Neil"."""
    return not _NAME_PREFIX.match(word) and bool(
        _INNER_CAPITAL.fullmatch(word) or _WITH_DIGIT.fullmatch(word)
    )


def listed_with_term(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` one item of a list ("A, B and C", "A/B") with a known term?"""
    names = first_names()
    return any(
        is_tech_term(item) and item.lower() not in names  # "Priya and Julia" are people
        for item in _neighbours(text, start, end)
    )


def listed_with_names(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` listed with capitalised words that are no known term
    ("Šušulić, Bowman and White")? Lists of people are lists of surnames."""
    return any(
        item[:1].isupper() and not is_tech_term(item) for item in _neighbours(text, start, end)
    )


def _neighbours(text: str, start: int, end: int) -> list[str]:
    out = []
    before = _ITEM_BEFORE.search(text, max(0, start - 40), start)
    if before:
        out.append(before.group(1))
    after = _ITEM_AFTER.match(text, end)
    if after:
        out.append(after.group(1))
    return out


_TERM = re.compile(r"\b[A-Za-z][\w+#-]*")


@lru_cache(maxsize=4096)
def technical_text(text: str) -> bool:
    """Does the text name a known tool ("Python", "zsh", "iPad"), no given name and no
    everyday word? Then a rare capitalised word in it is more likely a tool than a person."""
    names = first_names()
    return any(
        (
            not is_ordinary_word(m.group().lower())
            or (m.group()[:1].isupper() and not _everyday_opening(text, m.start(), m.group()))
        )
        and m.group().lower() not in names
        and _programming_term(m.group())
        for m in _TERM.finditer(text)
    )


# At the start of a sentence a capital says nothing about a word English writes this often:
# "Session notes" (4.7), "Project update"; "Python", "Excel", "Julia" (3.7-4.1) stay tools.
_EVERYDAY_ZIPF = 4.5


def _everyday_opening(text: str, start: int, word: str) -> bool:
    return sentence_initial(text, start) and word_frequency(word.lower()) >= _EVERYDAY_ZIPF


_PREVIOUS_WORD = re.compile(r"([A-Za-z]+)[ \t]+(?:(?:the|a|an|our|my)[ \t]+)?$")
# "apps like Quillo", "tools such as Quillo": an example of a kind of software
_EXAMPLE_OF = re.compile(
    r"([A-Za-z]+)[ \t]+(?:like|such[ \t]+as|including|e\.?g\.?,?)[ \t]+$", re.I
)
_CAPITALISED_WORD = re.compile(r"\b[A-Z][\w-]*")
_NEXT_WORD = re.compile(r"[ \t]+([A-Za-z]+)")
_ACCESS_TO = re.compile(
    r"([A-Za-z]+)[ \t]+(?:in[ \t]+to|into|to|for|on)[ \t]+(?:the[ \t]+)?$", re.I
)
# "tried Notion and Miro", "we use Trello, Miro and Figma": the item before in a list
_LIST_ITEM_BEFORE = re.compile(
    r"([A-Z][\w.+#-]*)(?:[ \t]*,[ \t]*(?:(?:and|or)[ \t]+)?|[ \t]+(?:and|or|&)[ \t]+)$"
)
_LIST_REACH = 4  # items followed back to the slot
# "Quillo is a great tool", "Quillo was the best notebook app for us": the noun phrase's
# last word before a function word or a stop
# "Quillo is a great tool", and in apposition: "Quillo, the HR chatbot, said..."
_IS_A = re.compile(r"(?:[ \t]+(?:is|was)|,)[ \t]+(?:a|an|the|our)[ \t]+((?:[A-Za-z-]+[ \t]*){1,3})")
_WORD_CUES = ("before", "after", "access", "searched")


@dataclass(frozen=True)
class ToolCues:
    """Words that say the word between them names software (``patterns.toml`` ``[tools]``): a
    verb of using before it ("we use Quillo"), a software noun after it ("Quillo datasets",
    "Quillo is a great tool") or before it as the kind it is an example of ("apps like
    Quillo"). A person is seldom used or installed; a possessive or a person cue still wins."""

    before: frozenset[str] = frozenset()
    after: frozenset[str] = frozenset()
    access: frozenset[str] = frozenset()
    searched: frozenset[str] = frozenset()  # of a word no name list holds: "search Quillo"
    fails: re.Pattern | None = None  # ...as "Quillo logged me out", "Quillo crashed"

    @classmethod
    def from_settings(cls, settings: dict) -> ToolCues:
        tools = settings.get("tools", {})
        fails = "|".join(re.escape(w.lower()) for w in tools.get("fails", []))
        words = {k: frozenset(w.lower() for w in tools.get(k, [])) for k in _WORD_CUES}
        failing = re.compile(rf"\s+(?:again\s+)?(?:{fails})\b", re.I) if fails else None
        return cls(**words, fails=failing)

    def slot(self, text: str, start: int, end: int, reach: int = _LIST_REACH) -> bool:
        """Is ``text[start:end]`` (one word or a multiword name) in a tool slot? The last word
        of a multiword name counts as the word after it ("Quillo Studio"); an item of a list
        shares the slot of the items before it ("tried Quillo and Vexa")."""
        item = _LIST_ITEM_BEFORE.search(text, max(0, start - 40), start)
        if (
            reach
            and item is not None
            and not _subject_of_verb(text, end)  # "used Quillo and Okafor said"
            and self.slot(text, *item.span(1), reach - 1)
        ):
            return True
        before = _PREVIOUS_WORD.search(text, max(0, start - 40), start)
        if before is not None and before.group(1).lower() in self.before:
            return True
        access = _ACCESS_TO.search(text, max(0, start - 40), start)
        access_to = access is not None and access.group(1).lower() in self.access
        searched = before is not None and before.group(1).lower() in self.searched
        fails = self.fails is not None and self.fails.match(text, end)
        if (access_to or searched or fails) and text[start:end].lower() not in first_names():
            return True  # "no access to Quillo", "Quillo crashed"; not "access to Tomasz"
        example = _EXAMPLE_OF.search(text, max(0, start - 40), start)
        if example is not None and example.group(1).lower() in self.after:
            return True
        after = _NEXT_WORD.match(text, end)
        if after is not None and after.group(1).lower() in self.after:
            return True
        phrase = _IS_A.match(text, end)
        if phrase is not None and _head(phrase.group(1)) in self.after:
            return True
        words = text[start:end].split()
        return len(words) > 1 and words[-1].lower() in self.after

    def any_in(self, text: str) -> bool:
        """Does a capitalised word of the text sit in a tool slot ("with a Quillo backend")?
        Then the text is about software, as one naming a known tool is."""
        return any(self.slot(text, m.start(), m.end()) for m in _CAPITALISED_WORD.finditer(text))


def _subject_of_verb(text: str, end: int) -> bool:
    nxt = _NEXT_WORD.match(text, end)
    return nxt is not None and is_finite_verb(nxt.group(1).lower())


def _head(phrase: str) -> str:
    """The last word of a noun phrase's first words, up to a function word ("great tool
    for quick" -> "tool")."""
    from spacy.lang.en.stop_words import STOP_WORDS

    head = ""
    for word in phrase.lower().split():
        if word in STOP_WORDS:
            break
        head = word
    return head


def hyphen_compound(word: str) -> bool:
    """A hyphenated word with a lowercase part that is no given name ("Quillo-style",
    "Spell-check", "Git-friendly"): a compound adjective or noun, not a name; double names
    are capitalised ("Anne-Laure", "Smith-Jones") or made of given names ("Mei-ling")."""
    parts = word.split("-")
    if len(parts) < 2:
        return False
    names = first_names()
    return any(p[:1].islower() and p.lower() not in names for p in parts[1:])
