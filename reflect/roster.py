"""Known participants: a data type shared by ingest (which reads a roster file) and anonymise
(which redacts the names and ids in it). Kept apart so neither stage imports the other for it."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

# An id no word shares a shape with: a digit ("P12", "E26628"), or a user name's dot,
# underscore or at sign in five characters or more ("jane.doe", not "m.e"). Roster ids are
# looked for in answers only in this shape: an id renamed to a word ("adhd") redacted that
# word wherever written, and the ledger's refusal when 1 to k−1 people changed told whether a
# few had written it (code review and red team, stop 38).
ID_SHAPE = re.compile(r".*\d|(?=.{5}).*\w[._@]\w")
# The export's own ids, renamed by whoever holds the export, are looked for only in the shape
# most of them share ("a99999" for "E21136"), and only in a shape no word has: up to four
# letters then four digits or more ("P0017", "EMP-1017"; not "p45", "covid19", "1990s"), or a
# number of six digits or more — and no value a word or a date could be ("FY2024",
# "ISO45001", "BS7671", "20250314", "100000"). One id renamed "1998" or "p45" was a search for
# that word, one word at a time, and a fifth of the first export's ids made up in the shape of
# "under-25s" made that shape common (red team, stop 39). ``common_id_shapes`` finds the
# shapes; the workspace keeps them (``privacy/pins.py``), so renaming many ids after a report
# changes nothing either. User names ("mwong06", "jane.doe") are not looked for this way.
COMMON_SHARE = 0.2  # of the export's ids, and at least k of them
_LETTERS, _DIGITS = re.compile(r"[^\W\d_]"), re.compile(r"\d")


def id_shape(value: str) -> str:
    """``value`` with each letter as ``a`` and each digit as ``9`` ("E21136" -> "a99999")."""
    return _DIGITS.sub("9", _LETTERS.sub("a", value.strip().lower()))


def _searchable(shape: str) -> bool:
    if shape.isdigit():
        return len(shape) >= 6  # not a year, a count
    return _LETTERS_THEN_DIGITS.fullmatch(shape) is not None


# An id scheme's letters come first ("E21136", "EMP-00042"); words put them after or between
# ("1990s", "1500-word", "mid-2000s", "covid19": red team, stop 39).
_LETTERS_THEN_DIGITS = re.compile(r"a{1,4}[-_/.]?9{4,}")


# A number that reads as a date or a round sum ("20250314", "14032025", "250000").
_DATE_OR_SUM = re.compile(
    r"(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])|"
    r"(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])(?:19|20)\d\d|\d+0000"
)


def common_id_shapes(ids, k: int) -> frozenset[str]:
    """The id shapes at least ``COMMON_SHARE`` of ``ids`` (and k of them) share, that no word
    is likely to have."""
    distinct = {i for i in ids if i and i.strip()}
    counts = Counter(id_shape(value) for value in distinct)
    least = max(k, COMMON_SHARE * len(distinct))
    return frozenset(s for s, n in counts.items() if n >= least and _searchable(s))


def ids_of_shapes(ids, shapes: frozenset[str], not_prefixes=()) -> tuple[str, ...]:
    """The ``ids`` in one of ``shapes``, sorted: the own ids looked for in answers; not one
    whose letters are a prefix of ``not_prefixes`` ("fy", "iso": the patterns file's
    ``not_ids``), nor a number that reads as a date or a round sum."""
    prefixes = {p.lower() for p in not_prefixes}

    def word_like(value: str) -> bool:
        letters = re.match(r"[^\W\d_]*", value).group().lower()
        return letters in prefixes or bool(_DATE_OR_SUM.fullmatch(value))

    return tuple(sorted({i for i in ids if i and id_shape(i) in shapes and not word_like(i)}))


@dataclass(frozen=True)
class Roster:
    """Known participants, used only in memory to redact their names and ids."""

    ids: tuple[str, ...] = ()
    names: tuple[str, ...] = ()  # full names as written in the roster
    nicknames: tuple[str, ...] = ()

    def with_ids(self, ids) -> Roster:
        """This roster plus ``ids`` (participants' own ids are always redacted from text)."""
        return Roster(tuple(sorted(set(self.ids) | set(ids))), self.names, self.nicknames)


def with_own_ids(roster: Roster | None, ids) -> Roster:
    """The roster to redact with: the one given (or none) plus participants' own ``ids``,
    which are always redacted from text. One home for the merge ingest's users share."""
    return (roster or Roster()).with_ids(ids)
