"""Set phrases that decide whether a word a name list knows is a person: someone asked or
told to do something ("ask ruth to chair it"), spoken to ("admitted to summer that"); and
no person: a verb after "want to" ("wants to ban generative AI"), what there is a bit of ("a
new bit of kit"), a title ("Bill of Materials"). Rules of ``name_rules.RULES``, each with its
table test."""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from reflect.anonymise.lexicon import (
    COMMON_NAME,
    calendar_words,
    is_adjective,
    is_noun,
    is_noun_only,
    is_past_verb,
    is_verb,
)
from reflect.anonymise.name_candidate import Candidate
from reflect.anonymise.name_groups import DEPARTMENTS
from reflect.anonymise.name_tokens import DETERMINERS


def asked_to(c: Candidate) -> bool | None:
    """ "ask sue to trial it", "told will to lead": someone asked to do something is a person;
    the word is already a known first name (a candidate), here only its slot decides."""
    if c.prev is None or c.next is None or c.prev.norm not in _ASKING:
        return None
    if c.next.norm != "to" and c.next.norm not in _WHAT_IS_ASKED:
        return None  # "asked grace how the team copes", "told will about it"
    return True if c.text[c.prev.end : c.token.start] == " " else None


_WHAT_IS_ASKED = frozenset({"how", "why", "what", "whether", "if", "when", "where", "about"})


def spoken_to(c: Candidate) -> bool | None:
    """ "admitted to summer that I judge empty desks", "explained to will how it works":
    what is said to someone, after a verb of saying and "to"."""
    if c.prev is None or c.prev.norm != "to" or c.i < 2 or c.next is None:
        return None
    verb = c.tokens[c.i - 2].norm
    return True if verb in _SAYING and c.next.norm in _WHAT_IS_ASKED | {"that"} else None


_SAYING = frozenset(
    {"said", "say", "says", "saying", "admitted", "admit", "explained", "explain",
     "mentioned", "mention", "confessed", "confess", "complained", "complain", "suggested",
     "suggest", "pointed", "wrote", "write", "replied", "reply", "described", "describe"}
)  # fmt: skip


def verb_after_to(c: Candidate) -> bool | None:
    """ "wants to ban generative AI", "had to mark the mocks": after a word that takes an
    infinitive and "to", a verb before its object is one ("spoke to mark the other day",
    "admitted to summer that" are people)."""
    if c.token.capitalised or c.prev is None or c.prev.norm != "to" or c.next is None:
        return None
    if not is_verb(c.token.norm) or c.i < 2 or c.tokens[c.i - 2].norm not in _INFINITIVE_AFTER:
        return None
    nxt = c.next.norm
    opens_an_object = nxt in DETERMINERS or (
        nxt not in STOP_WORDS and (is_adjective(nxt) or is_noun(nxt)) and not c.next.capitalised
    )
    return False if opens_an_object else None


_INFINITIVE_AFTER = frozenset(
    {"want", "wants", "wanted", "need", "needs", "needed", "have", "has", "had", "going",
     "able", "try", "tries", "tried", "trying", "decided", "plan", "plans", "planning",
     "hope", "hoping", "hoped", "like", "love", "used", "learn", "learning", "learnt",
     "learned", "how", "started", "start", "begin", "began", "allowed", "helped", "help",
     "managed", "agreed", "wanting", "needing", "easy", "hard", "time", "way", "chance"}
)  # fmt: skip


def part_of_a_quantity(c: Candidate) -> bool | None:
    """ "a new bit of kit", "a lot of grace": after a word for an amount and "of", a
    lowercase word is what there is an amount of."""
    if c.token.capitalised or c.i < 2 or c.prev is None or c.prev.norm != "of":
        return None
    return False if c.tokens[c.i - 2].norm in _QUANTITIES else None


def after_a_count(c: Candidate) -> bool | None:
    """ "the 6 mark questions", "3 rose bushes": a lowercase word right after a number is
    what is counted; a person's name is capitalised there ("year 9 Ellie")."""
    if c.token.capitalised:
        return None
    return False if _COUNT_BEFORE.search(c.text, 0, c.token.start) else None


_COUNT_BEFORE = re.compile(r"(?<![\w.,:/-])\d+ $")


_QUANTITIES = frozenset(
    {"bit", "bits", "piece", "pieces", "lot", "lots", "load", "loads", "kind", "sort", "type",
     "bunch", "pile", "amount", "touch", "spot", "sense", "lack", "pair", "couple", "waste"}
)  # fmt: skip


def title_of(c: Candidate) -> bool | None:
    """ "Bill of Materials", "Bank of England": an everyday word capitalised before "of" and
    another capitalised word is a title, not a person."""
    if not (c.token.capitalised and c.ordinary) or c.next is None or c.next.norm != "of":
        return None
    after = c.tokens[c.i + 2] if c.i + 2 < len(c.tokens) else None
    if after is None or not after.capitalised or after.possessive or after.norm in DEPARTMENTS:
        return None  # "Grace of Finance": a person and where she works
    return False


_ASKING = frozenset(
    {"ask", "asked", "asking", "tell", "told", "remind", "reminded", "encourage",
     "encouraged", "invite", "invited", "persuade", "persuaded"}
)  # fmt: skip


def recipient(c: Candidate) -> bool | None:
    """ "I'll send Jade the notes", "I owe Ruby a coffee": between a verb of giving and what is
    given stands a person (capitalised, or a word no dictionary knows) — not a tool given a
    try ("give Ruby a go")."""
    if c.prev is None or c.next is None or c.prev.norm not in _GIVING:
        return None
    if c.next.norm not in _GIVEN_OPENERS or (c.ordinary and not c.token.capitalised):
        return None
    given = [t.norm for t in c.tokens[c.i + 2 : c.i + 5]]
    return None if set(given) & _A_TRY or c.token.norm in STOP_WORDS else True


_GIVING = frozenset(
    {"send", "sent", "owe", "owed", "give", "gave", "show", "showed", "buy", "bought", "lend",
     "lent", "hand", "handed", "offer", "offered", "email", "emailed", "forward", "forwarded",
     "promise", "promised", "pay", "paid", "bring", "brought", "message", "messaged"}
)  # fmt: skip
_GIVEN_OPENERS = frozenset({"a", "an", "the", "some", "my", "our", "his", "her", "their"})
_A_TRY = frozenset({"go", "try", "shot", "chance", "whirl", "spin", "look", "test", "run"})


def agent_of_passive(c: Candidate) -> bool | None:
    """ "the router was reset by gary", "the day was hosted by Priya": after a past participle
    and "by", a common English first name that is only a noun, or a word no dictionary knows,
    is who did it ("caused by frost", "paid by bill" are things)."""
    if c.prev is None or c.prev.norm != "by" or c.i < 2 or c.token.norm in STOP_WORDS:
        return None
    if c.token.norm in calendar_words():
        return None  # "sorted by june": a deadline
    verb = c.tokens[c.i - 2]
    if not (is_past_verb(verb.norm) or verb.norm in _SAME_IN_THE_PAST):
        return None
    common_name = c.english >= COMMON_NAME and is_noun_only(c.token.norm)
    return True if common_name or not c.ordinary else None


# Participles a dictionary lists only as the base form ("reset", "run").
_SAME_IN_THE_PAST = frozenset({"reset", "run", "set", "put", "cut", "shut", "hit", "let", "read"})
