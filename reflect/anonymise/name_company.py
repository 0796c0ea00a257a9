"""Names known by the company they keep: a word that is also an everyday word ("Hope",
"will", "grace") is a person where the words around it leave no other reading — "Hope in
my team has asked", "grace from our office", "Will is ready to take on the rota". Two rules
of ``name_rules.RULES``, each with its table test."""

from __future__ import annotations

from reflect.anonymise.name_candidate import Candidate

# A person's place in the organisation: "in my team", "from our office", "on the helpdesk".
_PLACED = frozenset({"in", "on", "from"})
_WHOSE = frozenset({"my", "our", "the", "his", "her", "their", "your"})
GROUP_NOUNS = frozenset(
    {"team", "group", "department", "office", "unit", "service", "directorate", "squad",
     "cohort", "circle", "section", "division", "branch", "depot", "site", "ward", "shift",
     "helpdesk", "workshop", "class", "set"}
)  # fmt: skip
# Before the word, these make it a verb or a modal ("I hope in my team", "we will on our
# site"): the sentence then needs no person.
_SUBJECT_OR_MODAL = frozenset(
    {"i", "we", "you", "they", "he", "she", "it", "to", "will", "would", "can", "could",
     "should", "might", "must", "do", "did", "don't", "didn't", "not", "also", "really"}
)  # fmt: skip
# After a modal-looking word at the start of a sentence, a verb a modal never takes: "Will
# is ready", "Will has", "Will was" (a question is "Will it..."; "will is" no sentence).
_NOT_AFTER_A_MODAL = frozenset({"is", "was", "has", "had", "does", "did", "isn't", "wasn't"})


def member_of_a_group(c: Candidate) -> bool | None:
    """ "Hope in my team has asked", "dawn from our office": a person's place in the
    organisation right after the word, in any casing, unless a subject or modal before it
    makes the word a verb."""
    words = [t.norm for t in c.tokens[c.i + 1 : c.i + 4]]
    if len(words) < 3 or words[0] not in _PLACED or words[1] not in _WHOSE:
        return None
    if words[2].rstrip("s") not in GROUP_NOUNS and words[2] not in GROUP_NOUNS:
        return None
    if c.prev is not None and c.prev.norm in _SUBJECT_OR_MODAL:
        return None
    return True


def modal_as_subject(c: Candidate) -> bool | None:
    """ "Will is ready to take on the rota": a capitalised "Will" before "is", "has" or "was"
    is no modal."""
    if c.token.norm != "will" or not c.token.capitalised or c.next is None:
        return None
    return True if c.next.norm in _NOT_AFTER_A_MODAL else None
