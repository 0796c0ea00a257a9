"""How far a name reaches once its first word is found: a middle initial and surnames
after it ("Zsófia T Bakonyi", "priya shah"), with their particles ("Maria da Silva", "Ahmed
al-Farsi", "Priya de la Cruz"), never past a possessive ("femi's feedback")."""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from reflect.anonymise.name_cues import NameCues, lowercase_surname
from reflect.anonymise.name_tokens import INITIAL, Token, adjacent

_PARTICLE_PREFIX = re.compile(r"(?:al|el|ad|ar|as|at|az|ash|bin|ibn|abu|d|o)[-'’][A-Z]")


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
        # a surname's initial before what the person did: "Adaeze O. said"
        last_initial = (
            INITIAL.fullmatch(nxt.text)
            and j == i
            and j + 2 < len(tokens)
            and adjacent(text, nxt, tokens[j + 2])
            and cues.person_verb(tokens[j + 2])
        )
        if last_initial:
            return j + 1
        if initial or cues.following_surname(nxt) or _PARTICLE_PREFIX.match(nxt.text):
            j += 1  # "Ahmed al-Farsi" too
        elif (surname := cues.particle_surname(text, tokens, j + 1)) is not None:
            j = surname
        elif not tokens[i].capitalised and not nxt.capitalised and lowercase_surname(nxt, cues):
            j += 1
            break
        else:
            break
    return j
