"""Words a dictionary of software, languages and products knows ("Julia", "Sage", "PyCharm"):
tools unless the sentence makes them people. A rule of ``name_rules.RULES``, with its table
test."""

from __future__ import annotations

from reflect.anonymise.lexicon import is_finite_verb
from reflect.anonymise.name_candidate import Candidate
from reflect.anonymise.name_company import AUXILIARIES
from reflect.anonymise.name_cues import STRONG
from reflect.anonymise.name_groups import PLACED, placed_after
from reflect.anonymise.name_tokens import MODALS
from reflect.anonymise.tech_terms import (
    listed_with_term,
    names_a_tool,
    product_shape,
    technical_text,
)


def tech_term(c: Candidate) -> bool | None:
    """Software, languages and products ("Julia", "Sage", "PyCharm", a word listed with
    "Python", in a tool slot: "we use Quillo") are people only in a person slot: a strong cue
    ("my mentor Julia") or a verb of saying or meeting beside them ("Julia said", "met Ruby";
    not "with Julia") — or, for a given name English uses that only a dictionary calls a
    tool, capitalised (or a participant's, in lower case beside no other tool: "janet brought
    her apprentice", not "julia is faster than python"), in a person's slot in a text naming
    no tool ("Janet on switchboard put me through"), as other rules decide."""
    token = c.token
    if not names_a_tool(c.text, token.start, token.end, c.tools):
        return None
    # Cue words only, not a neighbouring name ("Love Haskell" is no full name).
    if c.cues.cue(c.text, c.tokens, c.i, lambda _token: False) == STRONG or c.cue_word:
        return True
    if (
        (token.capitalised or (c.known_person and not _another_tool(c)))
        and c.english >= _USED_IN_ENGLISH
        and _in_a_person_slot(c)
        and not _tool_by_context(c)
    ):
        return None
    return False


_USED_IN_ENGLISH = 2  # english_name_frequency: "Jade", "Jasmin" 2, "Janet" 8; "Perl" 0


def _in_a_person_slot(c: Candidate) -> bool:
    """Before a verb ("Jasmin is going to shadow", "Janet put me through") or placed in a
    group ("Janet on switchboard"): not "a piece about Julia for numerical work"."""
    nxt = c.next
    verb = nxt is not None and (
        nxt.norm in AUXILIARIES or nxt.norm in MODALS or is_finite_verb(nxt.norm)
    )  # "Rita can do the rota"
    after = c.tokens[c.i + 2] if c.i + 2 < len(c.tokens) else None
    placed = nxt is not None and nxt.norm in PLACED and after is not None and not after.capitalised
    return verb or placed or placed_after(c.tokens, c.i)


def _tool_by_context(c: Candidate) -> bool:
    token = c.token
    return (
        technical_text(c.text)
        or product_shape(token.text)
        or listed_with_term(c.text, token.start, token.end)
        or c.tools.slot(c.text, token.start, token.end)
    )


def _another_tool(c: Candidate) -> bool:
    """Does the text name a tool besides the candidate, in any case ("python" too)?"""
    return any(names_a_tool(c.text, t.start, t.end, c.tools) for t in c.tokens if t is not c.token)
