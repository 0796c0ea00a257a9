"""Theme identity across runs: the ref a review uses for a theme, and finding each ref among
a new run's themes (see ``reflect.review`` for the rule)."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reflect.review.edits import Review
    from reflect.themes.model import Theme

EMERGING_PREFIX = "emerging:"
SIGNATURE_SIZE = 3
_CANDIDATES = 50  # how deep into a theme's phrase candidates a signature is looked for


def emerging_ref(phrases: list[str]) -> str | None:
    """The ref of an emerging theme, from its reported phrases (None if it has none)."""
    top = sorted(p.lower() for p in phrases[:SIGNATURE_SIZE])
    if not top:
        return None
    digest = hashlib.sha256("|".join(top).encode("utf-8")).hexdigest()[:6]
    return EMERGING_PREFIX + digest


def report_ref(theme_id: str, kind: str, phrases: list[str]) -> str:
    """The ref of a theme as listed in a report.json."""
    if kind == "emerging" and not theme_id.startswith(EMERGING_PREFIX) and "/" not in theme_id:
        return emerging_ref(phrases) or theme_id
    return theme_id


def match_refs(themes: list[Theme], review: Review) -> dict[str, Theme]:
    """Find each ref the review uses among the themes of this run."""
    found = {t.id: t for t in themes if t.kind == "taxonomy" or not t.id.startswith("emerging_")}
    emerging = [t for t in themes if t.kind == "emerging"]
    scored = []
    for ref, signature in review.signatures.items():
        wanted = {p.lower() for p in signature}
        for i, t in enumerate(emerging):
            have = {p.text.lower() for p in t.phrases[:_CANDIDATES]}
            hits = len(wanted & have)
            if wanted and hits * 2 >= len(wanted):
                scored.append((-hits, ref, i))
    taken: set[int] = set()
    for _, ref, i in sorted(scored):
        if ref not in found and i not in taken:
            found[ref] = emerging[i]
            taken.add(i)
    return found
