"""Where a sentence ends, in one place: at ``.``, ``!`` or ``?`` before a space, or at a line
break. Quote screening splits answers into sentences with it and the spaCy recognizer runs
sentence by sentence with it, so a quote and a name search agree on what a sentence is.

(The theme stage also breaks at ``;`` and at a spaced dash — clauses there raise topics of
their own — in ``themes.assign.split_sentences``, the one splitter of that stage.)
"""

from __future__ import annotations

import re
from collections.abc import Iterator

STOPS = ".!?"
_BREAK = re.compile(rf"(?<=[{STOPS}])\s+|\n+")
# A sentence without its leading spaces, with where it starts.
_SENTENCE = re.compile(rf"\s*([^{STOPS}\n\s][^{STOPS}\n]*(?:[{STOPS}]+|\n|$))")


def split_sentences(text: str) -> list[str]:
    """The text's sentences as written (blank pieces included, as ``re.split`` gives them)."""
    return _BREAK.split(text)


def sentence_spans(text: str) -> Iterator[tuple[int, str]]:
    """Each sentence with its offset in ``text``, leading spaces left out (a leading space
    would become a token of its own)."""
    for match in _SENTENCE.finditer(text):
        yield match.start(1), match.group(1)
