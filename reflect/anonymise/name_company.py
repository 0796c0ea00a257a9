"""Names known by the company they keep: a word that is also an everyday word ("Hope",
"will", "grace") is a person where the words around it leave no other reading — "Hope in
my team has asked", "grace from our office", "Will is ready to take on the rota" — and is
no person where they leave no other reading either: "Ward 7", "Mark my words". Rules of
``name_rules.RULES`` (each with its table test) and the shapes ``subject_of_verb`` asks about
("Summer holidays feel", "swapping rota tips", "Michael always makes")."""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from reflect.anonymise.lexicon import (
    SELDOM_A_WORD_ZIPF,
    calendar_words,
    is_adjective,
    is_adverb_only,
    is_base_verb,
    is_finite_verb,
    is_gerund,
    is_modifier,
    is_noun,
    is_noun_only,
    is_past_verb,
    is_verb,
    word_frequency,
)
from reflect.anonymise.name_candidate import Candidate
from reflect.anonymise.name_cues import in_title_case_run
from reflect.anonymise.name_groups import placed_after
from reflect.anonymise.name_tokens import (
    ADVERBS_BEFORE_A_VERB,
    DETERMINERS,
    MODALS,
    PLACE_PREPOSITIONS,
    referred_to_after,
)

AUXILIARIES = frozenset(
    {"is", "was", "are", "were", "be", "been", "has", "had", "have", "does", "did", "do"}
)
# Before the word, these make it a verb or a modal ("I hope in my team", "we will on our
# site"): the sentence then needs no person.
_SUBJECT_OR_MODAL = MODALS | frozenset(
    {"i", "we", "you", "they", "he", "she", "it", "to", "do", "did", "don't", "didn't", "not",
     "also", "really"}
)  # fmt: skip
# After a modal-looking word at the start of a sentence, a verb a modal never takes: "Will
# is ready", "Will has", "Will was" (a question is "Will it..."; "will is" no sentence).
_NOT_AFTER_A_MODAL = frozenset({"is", "was", "has", "had", "does", "did", "isn't", "wasn't"})


def numbered(c: Candidate) -> bool | None:
    """ "next to Ward 7", "Bay 12", "Level 3": a word with a number right after it names a
    numbered place or thing; a person's name is not followed by a number."""
    return False if numbered_after(c.text, c.token.end) else None


def imperative(c: Candidate) -> bool | None:
    """ "Mark my words", "Bill my department": a verb opening a sentence with a possessive
    right after it (no comma: "Grace, my team lead, said" stays a name) gives an order."""
    nxt = c.next
    if not c.initial or nxt is None or nxt.norm not in _POSSESSIVES or not is_verb(c.token.norm):
        return None
    return False if c.text[c.token.end : nxt.start] == " " else None


_POSSESSIVES = frozenset({"my", "your", "our", "his", "her", "their"})


def about_to(c: Candidate) -> bool | None:
    """ "I'm gong to build a cover list": between "I'm" and "to" is a verb ("going", slipped),
    not the writer's name."""
    after_im = c.prev is not None and c.prev.norm in ("i'm", "im")
    return False if after_im and c.next is not None and c.next.norm == "to" else None


def numbered_after(text: str, end: int) -> bool:
    """A number right after ``end`` ("Ward 7", "Bay 12b"), not a count ("2 weeks ago")."""
    return _NUMBER_AFTER.match(text, end) is not None


# ...but "I met Sarah 2 weeks ago": a number of something else.
_NUMBER_AFTER = re.compile(
    r" \d+[a-z]?\b(?! (?:weeks?|days?|times?|hours?|hrs?|minutes?|mins?|months?|years?)\b)"
)


def member_of_a_group(c: Candidate) -> bool | None:
    """ "Hope in my team has asked", "dawn from our office": a person's place in the
    organisation right after the word, in any casing, unless a subject or modal before it
    makes the word a verb."""
    if not placed_after(c.tokens, c.i) or _everyday_word(c):
        return None  # "a bad job on nights": a lowercase everyday word seldom a name
    if c.prev is not None and c.prev.norm in _SUBJECT_OR_MODAL | _NOUN_BEFORE:
        return None
    noun_before = c.prev is not None and is_noun(c.prev.norm) and not is_adjective(c.prev.norm)
    if (
        not c.token.capitalised
        and noun_before
        and c.i >= 2
        and c.tokens[c.i - 2].norm in DETERMINERS
    ):
        return None  # "the room key from reception": a thing; not "our lovely dawn on reception"
    return True


# Before the word, these make it a noun: "there is hope in the store", "a lot of grace".
_NOUN_BEFORE = frozenset({"is", "was", "are", "were", "be", "been", "of", "more", "less", "much"})


def modal_as_subject(c: Candidate) -> bool | None:
    """ "Will is ready to take on the rota", "Will drew me the org chart": a capitalised
    "Will" before "is", "has", "was" or a verb's past tense is no modal."""
    if c.token.norm != "will" or not c.token.capitalised or c.next is None:
        return None
    nxt = c.next.norm
    past_only = is_past_verb(nxt) and not is_base_verb(nxt)  # "Will drew me", not "read"
    return True if nxt in _NOT_AFTER_A_MODAL or past_only else None


def subject_of_a_clause(c: Candidate) -> bool:
    """ "make sure mick knows": after a verb and an adjective ("make sure", "be glad"), a word
    before a finite verb opens a clause as its subject; it is no noun the adjective
    modifies ("the little green dot")."""
    if c.i < 2 or c.next is None:
        return False
    verb = c.tokens[c.i - 2]
    return is_verb(verb.norm) and not is_finite_verb(verb.norm) and is_finite_verb(c.next.norm)


def adjective_before_noun(c: Candidate) -> bool:
    """ "Constant changes to the guidance", "Constant changes are hard": an adjective opening
    a sentence before a plural noun that a preposition or a verb follows is the noun phrase's
    modifier; before an object it stays a subject ("Precious leads the team")."""
    nxt = c.next
    if not c.initial or nxt is None or not is_adjective(c.token.norm):
        return False
    after = c.tokens[c.i + 2] if c.i + 2 < len(c.tokens) else None
    if after is None or not (nxt.norm.endswith("s") and is_noun(nxt.norm)):
        return False
    return after.norm in _PREPOSITIONS or after.norm in _VERBS_AFTER_A_SUBJECT


_PREPOSITIONS = frozenset({"to", "of", "in", "for", "on", "at", "with", "from", "about"})
_VERBS_AFTER_A_SUBJECT = frozenset(
    {"are", "were", "have", "had", "can", "could", "will", "would", "may", "might", "make"}
)


def modifies_a_plural_subject(c: Candidate) -> bool:
    """ "Summer holidays feel a long way off": a word opening a sentence before a plural noun
    that a plural verb follows ("feel", "are") is the noun's modifier, not a person doing
    "holidays"; "Bill works in finance" and "Joy runs meetings" stay names."""
    nxt = c.next
    if not c.initial or nxt is None or not (nxt.norm.endswith("s") and is_noun(nxt.norm)):
        return False
    after = c.tokens[c.i + 2] if c.i + 2 < len(c.tokens) else None
    if after is None:
        return False
    plural_verb = (
        is_verb(after.norm)
        and not after.norm.endswith(("s", "ing"))  # "Victor keeps forgetting": a subject
        and not is_past_verb(after.norm)
    )
    return after.norm in _VERBS_AFTER_A_SUBJECT or plural_verb


def verb_after_adverb(c: Candidate) -> bool:
    """ "Michael always makes time", "Hope really helped": an adverb between a subject and
    its verb."""
    if c.next is None or c.i + 2 >= len(c.tokens):
        return False
    if not (is_adverb_only(c.next.norm) or c.next.norm in ADVERBS_BEFORE_A_VERB):
        return False
    verb = c.tokens[c.i + 2]
    return (
        not verb.capitalised
        and verb.norm not in _VERBS_AFTER_A_SUBJECT
        and is_finite_verb(verb.norm)
    )


_WHO = frozenset({"who", "whom", "whose"})


def relative_who(c: Candidate) -> bool | None:
    """ "Dawn who does reprographics", "grace, who runs the office": "who" refers to a
    person; a word it follows is a name ("anyone who", "those who" are no candidates)."""
    nxt = c.next
    if nxt is None or nxt.norm not in _WHO:
        return None
    if c.prev is not None and c.prev.norm in DETERMINERS:
        return None  # "the Mentor who", "a Will who": a noun phrase
    return True


def capitalised_mid_sentence(c: Candidate) -> bool | None:
    """A capital where the sentence does not ask for one is evidence, unless the word sits in
    a run of capitalised everyday words ("Grace Period Policy") or after a place preposition
    ("in Florence"), where it needs a cue too — or, for a participant's name, to be no
    town's ("bumped into Rachel", where the roster names her; not "moved to Reading")."""
    if not c.token.capitalised or c.initial:
        return None
    if c.prev is not None and c.prev.norm in PLACE_PREPOSITIONS:
        return c.cue > 0 or (c.known_person and not _a_place(c.token.norm))
    return c.cue > 0 or not in_title_case_run(c.text, c.tokens, c.i, c.is_name)


def _a_place(word: str) -> bool:
    from reflect.anonymise.recognizers.place import place_names

    regions, towns = place_names()
    return word in regions or word in towns


def object_of_a_gerund(c: Candidate) -> bool:
    """ "swapping rota tips", "sharing grace notes": a lower-case word right after a verb's
    -ing form, before a plural noun, is that noun's modifier in the gerund's object."""
    prev, nxt = c.prev, c.next
    if c.token.capitalised or prev is None or nxt is None:
        return False
    return nxt.norm.endswith("s") and is_noun(nxt.norm) and is_gerund(prev.norm)


def participant_doing(c: Candidate) -> bool | None:
    """ "Ibrahim sharing stories from their first year": a participant's name opening a
    sentence before a verb's -ing form and its object is that person doing it; "Spring
    cleaning is..." (a verb after it) is a noun."""
    nxt = c.next
    if not (c.known_person and c.token.capitalised and c.initial) or nxt is None:
        return None
    after = c.tokens[c.i + 2] if c.i + 2 < len(c.tokens) else None
    if nxt.capitalised or not is_gerund(nxt.norm) or after is None or is_finite_verb(after.norm):
        return None
    return None if after.norm in _NOUN_BEFORE | _VERBS_AFTER_A_SUBJECT else True


def participant_named(c: Candidate) -> bool | None:
    """A participant's name, capitalised, that is no everyday word — a dictionary lists it
    only as a noun, as it lists people ("Helen", "Victoria"), or English seldom writes it
    ("Aled") or only a slip of the keyboard would ("Carys", not "caries") — names that
    participant anywhere in a sentence, its start included: "Helen doesnt give me the
    answer". The roster says it is a name here; "Will", "Hope" or "Dawn" still need a cue."""
    norm = c.token.norm
    if not (c.known_person and c.token.capitalised) or len(norm) < 3 or norm in STOP_WORDS:
        return None
    if norm in calendar_words() or c.token.text.isupper():
        return None
    rare = word_frequency(norm) < SELDOM_A_WORD_ZIPF
    return True if (not c.ordinary or is_noun_only(norm) or rare) else None


def referred_to(c: Candidate) -> bool | None:
    """A bare name that a he or she picks up later in the sentence ("explained it to rowan
    and she loved it", "on ivy and her promotion case") is the person the pronoun means;
    verbs and cue words ("said", "told") are never the name."""
    norm = c.token.norm
    if norm in c.cues.after or norm in c.cues.before or is_past_verb(norm):
        return None
    if c.prev is not None and (c.prev.norm in DETERMINERS or c.prev.possessive):
        return None
    if c.prev is not None and c.prev.norm in AUXILIARIES and is_modifier(norm):
        return None  # "which was rich coming from him": an adjective after "was"
    return True if referred_to_after(c.text, c.token.end) else None


# A word English-speaking countries seldom give as a name (gender-guesser's frequency there)...
_RARELY_A_NAME = 1
# ...that English text uses at least this often ("brain" 4.9, "fine" 5.2; "patience" 4.2 and
# "precious" 4.3 are names often enough to need no more).
_EVERYDAY_ZIPF = 4.5


def _everyday_word(c: Candidate) -> bool:
    """A word English text uses every day and seldom as a name, unless a participant's."""
    return (
        not c.known_person
        and c.english <= _RARELY_A_NAME
        and word_frequency(c.token.norm) >= _EVERYDAY_ZIPF
    )


def everyday_subject(c: Candidate) -> bool | None:
    """ "brain fried", "Brain dumps at the start", "Fine thanks": an everyday word that is
    seldom a name, in lower case or opening a sentence, before a verb is the word; a
    participant's name, a capital mid-sentence or a cue ("met sunny") still make a person."""
    if c.cue > 0 or c.next is None or (c.token.capitalised and not c.initial):
        return None
    if not _everyday_word(c):
        return None
    return False if c.next.norm in ("thanks", "cheers") or is_finite_verb(c.next.norm) else None
