"""Postal addresses:

- a house number, up to four words and a street type ("221B Baker Street", "1668 Glyn St");
- a street word with a number, as many European addresses are written ("Mellemvej 32",
  "Passauer Strasse 33", "Via Franscini 71");
- units and boxes ("Suite 838", "Apt. 4", "P.O. Box 242", "PSC 1437, Box 3833", "APO AE 85103";
  a room or floor only after a street: "room 12" alone is where a meeting was);
- whatever follows "my address is", "lives at", "billing address:" to the end of the line or
  sentence;
- a street without a number where someone lives ("I live on Acacia Avenue").
"""

from __future__ import annotations

import dataclasses
import re

from spacy.lang.en.stop_words import STOP_WORDS

from reflect.anonymise.lexicon import is_noun, is_verb
from reflect.anonymise.recognizers import recognizers
from reflect.anonymise.recognizers._pattern import PatternRecognizer
from reflect.anonymise.recognizers.postcode import UK_AREAS, UK_POSTCODES
from reflect.anonymise.spans import Span

# Street types that are everyday nouns too: a street only when no noun follows ("3 Sea View
# sessions" is not an address; "41 Larkhill Rise, Leeds" is).
_EVERYDAY_TYPES = (
    "rise",
    "view",
    "vale",
    "parade",
    "wharf",
    "yard",
    "heights",
    "wynd",
    "brae",
    "green",
    "chase",
    "croft",
    "quay",
)
_STREET_TYPES = (
    r"street|st|road|rd|avenue|ave|lane|ln|drive|dr|boulevard|blvd|way|court|ct|place|pl|"
    r"terrace|close|crescent|square|sq|parkway|pkwy|highway|hwy|row|mews|gardens|grove|walk|"
    r"hill|park|circle|cir|trail|plaza|alley|pass|harbor|harbour|point|mall|port|fort|"
    rf"{'|'.join(_EVERYDAY_TYPES)}"
)
STREET_WORD = re.compile(rf"\b(?:{_STREET_TYPES})\b", re.I)
# Street words that end or start a street name in other European languages.
_STREET_SUFFIXES = (
    r"stra(?:ss|ß)e|str\.?|gasse|weg|straat|laan|gracht|vej|gade|veien|vegen|gatan|vägen|katu|"
    r"kuja|tie|polku|utca|ulica|tér"
)
_STREET_PREFIXES = r"via|rue|calle|avenida|rua|piazza|corso|ul\.|ulica|avenue|boulevard"
# At most 40 letters after the first: a street's name is no longer, and an unbounded word
# made every word boundary of a long "a.a.a.…" cell try the whole rest of it (7 s for 12,000
# characters).
_WORD = r"[^\W\d_][\w'’.-]{0,40}"
_UNIT = r"(?:apt|apartment|suite|unit|flat|room|floor)\.?\s*#?\s*\d+(?:[./-]\d+)?[A-Za-z]?"
# Alone, only a home's or an office's unit: "room 12" and "floor 3" are where a meeting was.
_HOME_UNIT = r"(?:apt|apartment|suite|flat)\.?\s*#?\s*\d+(?:[./-]\d+)?[A-Za-z]?"
_UNIT_ONLY = re.compile(rf"{_UNIT}", re.I)
# How far after a lowercase street a postcode makes it an address (a town between).
_POSTCODE_REACH = 40
# ...or the words just before it: a preposition of place, or a home's unit.
_WHERE_AN_ADDRESS_GOES = re.compile(
    r"(?:\b(?:at|to|on|from|near|outside|opposite|off|flat|apt|apartment)|\b(?:flat|apt|apartment)\s*\d+[a-z]?,?)\s*$",
    re.I,
)
# The lines after a street, as a letter has them: its district and town, each a few
# capitalised words ending at a comma, the sentence's end or a dash, and a postcode's first
# half ("9 Mill Terrace, Kirkstall, Leeds LS5 - near the station").
_TOWN_LINES = re.compile(
    r"(?:,\s*[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}(?=\s*(?:[,.;!?\n]|\s[-–—]\s|$)|\s+[A-Z]{1,2}\d))"
    r"{1,3}(?:\s+(?P<area>[A-Z]{1,2})\d[A-Z\d]?\b)?"
)
_TIMES = frozenset({"am", "pm", "oclock", "o'clock", "hour", "hours", "mins", "minutes", "ish"})


@recognizers.register("address")
class AddressRecognizer(PatternRecognizer):
    name = "address"
    label = "ADDRESS"
    score = 0.75
    patterns = (
        re.compile(
            rf"\b\d{{1,5}}[A-Za-z]?,?\s+(?:\d{{1,5}}\s+)?(?:{_WORD}\s+){{1,4}}(?:{_STREET_TYPES})\b"
            rf"(?:,?\s+{_UNIT})?",
            re.I,
        ),
        re.compile(
            rf"(?:\b\d{{1,5}}\s+)?\b{_WORD}\s?(?:{_STREET_SUFFIXES})\s+\d{{1,5}}[A-Za-z]?\b", re.I
        ),
        re.compile(
            rf"(?:\b\d{{1,5}}\s+)?\b(?:{_STREET_PREFIXES})\s+(?:[A-Z]{_WORD}\s+){{1,4}}\d{{1,5}}\b"
        ),
        # a continental postal line: a street and its number, a postcode (Dutch, Polish,
        # Portuguese, five digits; not a year) and a town ("Kerkweg 14, 3112 XP Vlaardingen",
        # "Rua do Sol 5, 2970-611 Sesimbra", "Lindenallee 12, 47051 Duisburg")
        re.compile(
            r"\b[A-Z][\w'’.-]*(?:\s+(?:[a-z]{1,3}\s+)?[A-Z][\w'’.-]*){0,4}\s+\d{1,4}[a-z]?"
            r"(?:/\d{1,4})?,\s+(?:\d{4}\s?[A-Z]{2}|\d{2}-\d{3}|\d{4}-\d{3}|(?!(?:19|20)\d\d\b)\d{4,5})"
            r"\s+[A-Z][\w'’-]+"
        ),
        re.compile(rf"\b{_HOME_UNIT}\b", re.I),
        re.compile(r"\b(?:P\.?\s?O\.?\s?Box|PSC|Unit)\s+\d+(?:,?\s+Box\s+\d+)?", re.I),
        re.compile(r"\b(?:APO|FPO|DPO)\s+(?:AA|AE|AP)\s+\d{5}\b"),
        re.compile(
            r"\b(?:my|our|his|her|their|the|billing|home|postal)?\s*address(?:\s+is|:)\s*"
            r"(?P<value>[^\n.?!]{6,80}?\d[^\n?!]{0,60}?)(?=[?!]|\.\s|\.?$|\n\n)",
            re.I,
        ),
        re.compile(
            r"\b(?:lives?|living|located|based)\s+at\s+(?P<value>\d[^\n?!]{4,80}?)(?=[?!]|\.\s|\.?$)",
            re.I,
        ),
        # a street without a number, where someone lives ("I live on Acacia Avenue", "we
        # moved to Fenwick Close"): a street named alone ("Wall Street") is not an address
        re.compile(
            r"\b(?i:lives?|living|lived|moved|moving|grew\s+up)\s+(?i:on|in|to|off)\s+"
            rf"(?P<value>(?:the\s+)?(?:[A-Z][\w'’-]*\s+){{1,3}}(?i:{_STREET_TYPES})\b)"
        ),
    )

    def find_one(self, text: str) -> list[Span]:
        return [self._with_town(text, span) for span in super().find_one(text)]

    @staticmethod
    def _with_town(text: str, span: Span) -> Span:
        tail = _TOWN_LINES.match(text, span.end)
        if tail is None or (tail["area"] is not None and tail["area"].lower() not in UK_AREAS):
            return span
        return dataclasses.replace(span, end=tail.end())

    def valid(self, match: re.Match) -> bool:
        # Case-insensitive for street types, but the street's own name must be capitalised:
        # "3 more weeks" is not an address.
        if "value" in match.re.groupindex or _UNIT_ONLY.fullmatch(match.group()):
            return True
        # the first word's first letter, not a letter of the house number ("3b, 22 Victoria")
        first_word = re.search(r"(?<!\w)[^\W\d_]", match.group())
        if first_word is None:
            return False
        if not first_word.group().isupper():
            # in lower case only with a postcode just after ("17 malthouse lane, otley ls21
            # 3xq") or where an address goes ("the resident at flat 9, heron court", "moved to
            # 12 acacia avenue"), no word of its name a function word or a time ("at 9 am in
            # the park")
            after = match.string[match.end() : match.end() + _POSTCODE_REACH]
            if any(p.search(after) for p in UK_POSTCODES):
                return True
            before = match.string[max(0, match.start() - 20) : match.start()]
            name = re.findall(r"[^\W\d_][\w'’-]*", match.group())[:-1]
            # ...and the street type ends the phrase: not "to 2 family court hearings"
            return (
                bool(_WHERE_AN_ADDRESS_GOES.search(before))
                and not _a_noun_after(match)
                and not any(w.lower() in STOP_WORDS or w.lower() in _TIMES for w in name)
            )
        words = match.group().split()
        if words[-1].lower() in _EVERYDAY_TYPES and _a_noun_after(match):
            return False
        if len(words) >= 2 and words[0][:1].isdigit() and not words[1][:1].isupper():
            return words[1][:1].isdigit()
        return True


def _a_noun_after(match: re.Match) -> bool:
    """Does a lowercase noun follow, so that the street type opens a noun phrase?"""
    nxt = re.match(r"\s+([a-z]+)", match.string[match.end() : match.end() + 30])
    return nxt is not None and is_noun(nxt.group(1)) and not is_verb(nxt.group(1))
