"""How the mapped columns are described: the line ``reflect analyse`` prints, and what one
session and one cohort are called in the report ("Workshop" -> workshop)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from reflect.ingest.columns import quoted_header

# Words a session or cohort header may use for what it counts ("Workshop", "Week no.").
_SESSION_NOUNS = (
    "session", "meeting", "week", "workshop", "module", "lesson", "class", "day", "lecture",
    "check-in", "checkpoint", "touchpoint", "sprint", "phase", "visit",
)  # fmt: skip
_COHORT_NOUNS = (
    "cohort", "group", "class", "wave", "intake", "workshop", "team", "circle", "region",
)  # fmt: skip


def group_nouns(columns: dict[str, object]) -> dict[str, str]:
    """What one session and one cohort are called, from the headers of their columns
    ("Workshop" -> workshop); "session" and "cohort" when the header says nothing clearer."""

    def noun(header: object, words: tuple[str, ...], default: str) -> str:
        text = re.sub(r"check[ -]in", "check-in", str(header or "").lower())
        found = [w for w in re.findall(r"[a-z]+(?:-in)?", text) if w in words]
        return found[0] if found else default

    return {
        "session": noun(columns.get("session"), _SESSION_NOUNS, "session"),
        "cohort": noun(columns.get("cohort"), _COHORT_NOUNS, "cohort"),
    }


def describe_columns(columns: dict[str, object], names: Iterable[str] = ()) -> str:
    """One line saying which column was used for what (printed by ``reflect analyse``).
    A header naming one of ``names`` (the roster's, as written) is not quoted: the line
    goes to logs ("What felt awkward with <a participant>?", red team, 4 December 2026)."""
    words = {w.lower() for name in names for w in re.findall(r"[^\W\d_]{3,}", name)}

    def quoted(header: object) -> str:
        # capitalised words only: "What will you change?" names no "Will Cole"
        named = {w.lower() for w in re.findall(r"[^\W\d_]{3,}", str(header)) if w[0].isupper()}
        if words & named:
            return "(a header naming a participant)"
        return quoted_header(header)

    parts = []
    for field in ("participant", "role", "session", "cohort", "date"):
        if columns.get(field):
            parts.append(f"{field} {quoted(columns[field])}")
    texts = ", ".join(quoted(t) for t in columns.get("text") or [])
    if columns.get("prompt"):
        parts.append(f"answers {texts} to the questions in {quoted(columns['prompt'])}")
    else:
        n = len(columns.get("text") or [])
        parts.append(f"answers in {texts} ({'one prompt' if n == 1 else f'{n} prompts'})")
    absent = [f for f in ("role", "session", "cohort") if not columns.get(f)]
    if absent:
        parts.append("no " + " or ".join(absent) + " column")
    return "columns: " + "; ".join(parts)
