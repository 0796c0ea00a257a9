"""Who a participant is to the release ledger (``ledger.py``): their pseudonym, or what they
wrote.

A pseudonym comes from the export's id column, and whoever runs the tool controls that column:
the same people under new ids ("E1" -> "E1-2") would be new people to a ledger that knew them
by id alone, and a report on all of them but one, set beside the first report, would show
exactly what that one person's answers were counted in. So the ledger also keeps a keyed tag of
each participant's *distinctive* answers (at least ``MIN_WORDS`` words, written by nobody else in
the export), and a participant it does not know by id is the known person whose distinctive
answers they mostly repeat. New ids on the same answers are the same people; rewording most of
everyone's answers is not caught (it also changes what the themes count; README, "Privacy").
"""

from __future__ import annotations

import re
from collections import Counter

import pandas as pd

from reflect import frames as F
from reflect.keys import keyed_tag

PURPOSE = "release ledger v1"
MIN_WORDS = 4  # "n/a", "all good thanks" are everyone's; four words begin to be someone's
_NOT_WORD = re.compile(r"[^\w]+")


def _normalised(frame: pd.DataFrame) -> pd.Series:
    """Answers lower-cased, punctuation dropped: a copy with a comma more is still a copy."""
    return frame[F.TEXT].map(lambda t: _NOT_WORD.sub(" ", str(t).lower()).strip())


def member_tags(frame: pd.DataFrame, key: bytes) -> dict[str, str]:
    """Each participant's ledger tag: keyed on the pseudonym, or — for participants whose
    answers are all identical to others' — on the shared answers and their number."""
    answers = (
        _normalised(frame).groupby(frame[F.PARTICIPANT]).agg(lambda s: "\x1e".join(sorted(set(s))))
    )
    sharing = answers.map(answers.value_counts())
    return {
        participant: keyed_tag(key, PURPOSE, "copies", text, str(n))
        if n > 1
        else keyed_tag(key, PURPOSE, "person", participant)
        for participant, text, n in zip(answers.index, answers, sharing, strict=True)
    }


def person_tag(key: bytes, pseudonym: str) -> str:
    return keyed_tag(key, PURPOSE, "person", pseudonym)


def answer_tags(frame: pd.DataFrame, key: bytes) -> dict[str, list[str]]:
    """Each participant's distinctive answers, as keyed tags (never the text)."""
    pairs = pd.DataFrame({"who": frame[F.PARTICIPANT], "text": _normalised(frame)})
    pairs = pairs.drop_duplicates()
    writers = pairs.groupby("text")["who"].transform("size")
    own = pairs[(writers == 1) & (pairs["text"].str.split().str.len() >= MIN_WORDS)]
    tags: dict[str, list[str]] = {}
    for who, text in zip(own["who"], own["text"], strict=True):
        tags.setdefault(who, []).append(keyed_tag(key, PURPOSE, "answer", text))
    return tags


def known_by_answers(tags: list[str], known: dict[str, int], taken: set[int]) -> int | None:
    """The bit of the known person who wrote more than half of these distinctive answers
    (``known``: answer tag -> bit), unless someone in this export already has that bit."""
    bits = Counter(known[t] for t in tags if t in known)
    if not bits:
        return None
    bit, n = bits.most_common(1)[0]
    return bit if 2 * n > len(tags) and bit not in taken else None
