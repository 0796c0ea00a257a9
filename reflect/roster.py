"""Known participants: a data type shared by ingest (which reads a roster file) and anonymise
(which redacts the names and ids in it). Kept apart so neither stage imports the other for it."""

from __future__ import annotations

import re
from dataclasses import dataclass

# An id no word shares a shape with: a digit ("P12", "E26628"), or a user name's dot,
# underscore or at sign in five characters or more ("jane.doe", not "m.e"). Participants' own
# ids are looked for in answers only in this shape: an id renamed to a word ("adhd") redacted
# that word wherever written, and the ledger's refusal when 1 to k−1 people changed told
# whether a few had written it (code review and red team, stop 38). Words with a digit
# ("p45") remain such a search.
ID_SHAPE = re.compile(r".*\d|(?=.{5}).*\w[._@]\w")


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
