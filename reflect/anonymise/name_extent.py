"""How far a name reaches once its first word is found: a middle initial and surnames
after it ("Zsófia T Bakonyi", "priya shah"), with their particles ("Maria da Silva", "Ahmed
al-Farsi", "Priya de la Cruz"), never past a possessive ("femi's feedback")."""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from reflect.anonymise.name_cues import NameCues, lowercase_surname
from reflect.anonymise.name_tokens import INITIAL, PARTICLES, Token, adjacent

_PARTICLE_PREFIX = re.compile(r"(?:al|el|ad|ar|as|at|az|ash|bin|ibn|abu|d|o)[-'’][A-Z]")
_MAX_PARTICLES = 2  # "de la", "van der"


def _particle_surname(text: str, tokens: list[Token], j: int, cues: NameCues) -> int | None:
    """The index of a surname reached from ``tokens[j]`` through lowercase particles ("da
    Silva", "van der Berg"), or None."""
    k = j + 1
    while k < len(tokens) and k - j <= _MAX_PARTICLES and tokens[k].text in PARTICLES:
        if not adjacent(text, tokens[k - 1], tokens[k]):
            return None
        k += 1
    if k == j + 1 or k >= len(tokens) or not adjacent(text, tokens[k - 1], tokens[k]):
        return None
    return k if cues.following_surname(tokens[k]) else None


def extend_name(text: str, tokens: list[Token], i: int, cues: NameCues) -> int:
    """Index of the last token of the name starting at ``tokens[i]``: a middle initial and
    capitalised surnames that are not everyday words ("Zsófia T Bakonyi")."""
    j = i
    # a possessive ends the name: "femi's feedback" names femi, not "femi feedback"
    while j + 1 < len(tokens) and adjacent(text, tokens[j], tokens[j + 1]):
        if tokens[j].possessive:
            break
        nxt = tokens[j + 1]
        initial = (
            INITIAL.fullmatch(nxt.text)
            and j + 2 < len(tokens)
            and adjacent(text, nxt, tokens[j + 2])
            and tokens[j + 2].capitalised
            and tokens[j + 2].norm not in STOP_WORDS
        )
        if initial or cues.following_surname(nxt) or _PARTICLE_PREFIX.match(nxt.text):
            j += 1  # "Ahmed al-Farsi" too
        elif (surname := _particle_surname(text, tokens, j, cues)) is not None:
            j = surname
        elif not tokens[i].capitalised and not nxt.capitalised and lowercase_surname(nxt, cues):
            j += 1
            break
        else:
            break
    return j
