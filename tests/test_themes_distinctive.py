"""Phrases are ranked by how typical they are of a theme's people, not by raw frequency."""

from __future__ import annotations

from reflect.themes import distinctive
from reflect.themes.model import Phrase, Theme

PEOPLE = [f"p{i}" for i in range(20)]


def _phrase(text: str, people: range) -> Phrase:
    return Phrase(text, frozenset(PEOPLE[i] for i in people))


def test_when_a_phrase_is_everywhere_then_a_rarer_typical_one_leads():
    career = Theme(
        "career", "Career", "taxonomy", members=list(range(10)),
        phrases=[_phrase("team", range(0, 8)), _phrase("promotion", range(0, 6))],
    )  # fmt: skip
    hybrid = Theme(
        "hybrid", "Hybrid", "taxonomy", members=list(range(10, 20)),
        phrases=[_phrase("team", range(10, 18)), _phrase("office days", range(10, 15))],
    )  # fmt: skip
    ranked = distinctive([career, hybrid], PEOPLE)
    assert [p.text for p in ranked[0].phrases] == ["promotion", "team"]
    assert [p.text for p in ranked[1].phrases] == ["office days", "team"]


def test_when_an_emerging_label_is_as_common_everywhere_then_the_theme_is_dropped():
    broad = Theme(
        "career", "Career", "taxonomy", members=list(range(20)),
        phrases=[_phrase("team", range(0, 16))],
    )  # fmt: skip
    generic = Theme(
        "emerging_1", "team", "emerging", members=[0, 1, 2, 3, 4],
        phrases=[_phrase("team", range(0, 5))],
    )  # fmt: skip
    specific = Theme(
        "emerging_2", "net zero", "emerging", members=[15, 16, 17, 18, 19],
        phrases=[_phrase("net zero", range(15, 20))],
    )  # fmt: skip
    kept = distinctive([broad, generic, specific], PEOPLE)
    assert [t.id for t in kept] == ["career", "emerging_2"]
