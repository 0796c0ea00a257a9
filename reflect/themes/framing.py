"""The programme's framing words: words every answer may use without naming a topic — the
questions' own words, the programme's one-word roles and the words counting its units. Phrase
extraction and emerging-theme labels set them aside ("what worked well in this session": an
answer about "the session" names no theme; "mentee" is who every answer is about)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

import pandas as pd

from reflect import frames as F
from reflect.themes.candidates import prompt_words


def programme_framing(frame: pd.DataFrame) -> str:
    """All the framing words of a redacted frame's programme, as one string."""
    parts = (
        framing_words(sorted(set(frame[F.PROMPT].astype(str)))),
        role_words(frame[F.ROLE]),
        unit_words([*frame[F.SESSION], *frame[F.COHORT]]),
    )
    return " ".join(p for p in parts if p)


# With this many questions or more, a question's topic words are not its framing; framing is
# the words of at least two questions and of this share of them (the survey's subject,
# "jupyter", is in most questions of a Jupyter survey, "collaboration" in two of sixteen).
MANY_PROMPTS = 3
FRAMING_SHARE = 0.25


def framing_words(prompts: Sequence[str]) -> str:
    """The questions' own words that name no theme: all of them for one or two questions
    ("what worked well in this session", "what felt awkward"); for a survey of several, the
    words many of its questions share ("what", "you", the product's name), not the topic one
    or two questions ask about — "collaboration" in answers to "Comments about collaboration" is
    what they are about, and a theme found across all answers may be named by it."""
    if len(prompts) < MANY_PROMPTS:
        return " ".join(prompts)
    counts = Counter(w for p in prompts for w in prompt_words(p))
    shared = max(2, FRAMING_SHARE * len(prompts))
    return " ".join(sorted(w for w, n in counts.items() if n >= shared))


def role_words(roles: Sequence[str]) -> str:
    """The one-word roles of the programme ("mentor", "coachee"), in the singular and the
    plural, as framing: every answer is about the writer's mentor or coach, and "mentee" was
    a held-out hospital export's emerging theme of 22 people (4 December 2026). A role of
    several words ("line manager") names a topic as often as a role and is left alone."""
    single = {str(r).strip().lower() for r in set(roles)} - {""}
    single = {r for r in single if r.isalpha()}
    return " ".join(sorted(single | {f"{r}s" for r in single}))


def unit_words(labels: Sequence[str]) -> str:
    """The words that name the programme's units in its session and cohort labels ("Module
    3", "Workshop 1: Giving feedback", "Group B", "2026 cohort"), singular and plural, as
    framing: "module" was a held-out council course's emerging theme of 14 people (4 December
    2026). Only the word that a number or a letter counts is one: a title beside it ("Giving
    feedback") is what the unit was about, and a label with nothing counting ("North") is a
    name."""
    words = set()
    for label in {str(x).strip().lower() for x in labels} - {"", "nan", "none"}:
        parts = re.findall(r"[^\W\d_]+|\d+", label)
        for n, part in enumerate(parts):
            before = parts[n - 1] if n else ""
            if part.isdigit():  # "module 3", "2026 cohort"
                counted = before or (parts[n + 1] if n + 1 < len(parts) else "")
            elif len(part) == 1:  # "group b", not "a day in the life" (nothing before)
                counted = before
            else:
                continue
            if len(counted) > 2 and counted.isalpha():
                words.add(counted)
    return " ".join(sorted(words | {f"{w}s" for w in words}))
