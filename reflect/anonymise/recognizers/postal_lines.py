"""The lines of a postal address before a UK postcode, which ends an address as it is written
on a letter: "7 Moorland View, Burnley BB10 3JT", "kingmoor depot, etterby road, carlisle ca3
9nz". The postcode alone was redacted and the street and house number before it were left
(three of four addresses on a held-out export, 5 December 2026).

Walking back from the postcode: the words before it on its own line ("Burnley"), then each
comma-separated line of a few words none of which is a function word ("Birch Street",
"kingmoor depot"), then the end of the line that introduces the address when it is named
("My depot is Longsight TMD", "at Neville Hill depot") — not "my mum's" or "my home depot".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.lang.en.stop_words import STOP_WORDS

from reflect.anonymise.recognizers import RecognizerContext, recognizers
from reflect.anonymise.recognizers.address import STREET_WORD
from reflect.anonymise.recognizers.postcode import UK_AREAS, UK_POSTCODES
from reflect.anonymise.spans import Span

_MAX_LINES = 3  # lines before the postcode's own: street, district, building
_MAX_LINE_WORDS = 5
_MAX_NAMED_WORDS = 4  # "Neville Hill depot", "Longsight TMD"
_REACH = 160  # characters before the postcode an address can start
_WORD = re.compile(r"[^\W_][\w'’.&-]*")
_HOUSE_NUMBER = re.compile(r"\b\d{1,4}[A-Za-z]?,?\s+[A-Z]")
_BREAK = re.compile(r"[.!?:;]\s|\n")  # "Parts ordered: bolts, ..." is a list
# Words an address's own lines hold though a stop list has them ("Isle of Dogs", "The Old
# Rectory", "Flat 2, Block C").
_IN_ADDRESSES = frozenset({"the", "of", "upon", "on"})
# Before the named end of a line: where something is ("at", "is", "from").
_PLACE_WORDS = frozenset({"at", "in", "is", "from", "to", "near", "opposite", "outside", "off"})


@recognizers.register("postal_lines")
class PostalLinesRecognizer:
    name = "postal_lines"

    def __init__(self, context: RecognizerContext) -> None:
        self.context = context

    def find(self, texts: Sequence[str]) -> list[list[Span]]:
        return [self.find_one(text) for text in texts]

    def find_one(self, text: str) -> list[Span]:
        if sum(map(str.isdigit, text)) < 2:
            return []
        spans = []
        for pattern in UK_POSTCODES:
            for match in pattern.finditer(text):
                area = re.match(r"[A-Za-z]+", match.group())
                if area is None or area.group().lower() not in UK_AREAS:
                    continue  # "PS5 4GB" is a console, not a postcode's line
                start = address_start(text, match.start())
                lines = text[start : match.start()]
                # a street word or a house number before a name: not "clear plan, quick
                # wins LS9 8QR" or "bolts, 4 washers, hinges M1 1AE"
                if start < match.start() and (
                    _HOUSE_NUMBER.search(lines) or STREET_WORD.search(lines)
                ):
                    spans.append(Span(start, match.end(), "ADDRESS", 0.9, self.name))
        return spans


def address_start(text: str, postcode: int) -> int:
    """Where the address ending with the postcode at ``postcode`` starts (``postcode`` when
    nothing before it reads as part of one)."""
    floor = max(0, postcode - _REACH)
    while 0 < floor < postcode and text[floor - 1].isalnum():
        floor += 1  # from a word's start, not inside it
    start, end, lines = postcode, postcode, 0
    while lines <= _MAX_LINES and end > floor:
        comma = text.rfind(",", floor, end)
        line_start = comma + 1 if comma >= 0 else floor
        line = text[line_start:end]
        broken = next(reversed(list(_BREAK.finditer(line))), None)
        if broken is not None:  # a sentence ends inside the line: only what follows counts
            line_start += broken.end()
            line = text[line_start:end]
        words = list(_WORD.finditer(line))
        whole = len(words) <= _MAX_LINE_WORDS and all(_address_word(w.group()) for w in words)
        if whole and broken is None and comma >= 0:
            if words:
                start = line_start + words[0].start()
            end, lines = comma, lines + 1
            continue
        named = _named_end(words)
        if named is not None:
            start = line_start + named
        break
    return start


def _address_word(word: str) -> bool:
    lower = word.lower()
    return lower in _IN_ADDRESSES or lower not in STOP_WORDS


def _named_end(words: list[re.Match]) -> int | None:
    """The offset of the last words of a line that name a place: a few words that are no
    function words, written with a capital or a number, or after a word of place."""
    run: list[re.Match] = []
    for word in reversed(words):
        if word.group().lower() in STOP_WORDS or len(run) == _MAX_NAMED_WORDS:
            break
        run.insert(0, word)
    if not run:
        return None
    first = run[0].group()
    before = words[len(words) - len(run) - 1].group().lower() if len(words) > len(run) else ""
    if first[0].isupper() or first[0].isdigit() or before in _PLACE_WORDS:
        return run[0].start()
    return None
