"""What the theme stage hands to the privacy stage."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal


@dataclass(frozen=True)
class Phrase:
    """A candidate representative phrase and the distinct participants who used it."""

    text: str
    participants: frozenset[str]


@dataclass
class Theme:
    id: str
    label: str
    kind: Literal["taxonomy", "emerging"]
    description: str = ""
    # Row positions in the redacted reflections frame assigned to this theme.
    members: list[int] = field(default_factory=list)
    # Best first; privacy screens them before anything is shown.
    phrases: list[Phrase] = field(default_factory=list)
    # 3-6 sub-topics of the theme, each with its own people (``facets.py``); screened and
    # suppressed like phrases, and never shown within k of the theme's own total.
    facets: list[Phrase] = field(default_factory=list)
    # The answers saying there was nothing to report ("No concerns"): counted like a theme,
    # but no topic, so a summary does not lead with it.
    nothing_to_report: bool = False
