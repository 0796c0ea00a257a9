"""Is a word that could be a first name a name in this sentence? An ordered list of named
rules, each on one kind of evidence; the first with an opinion decides. A rule takes a
``Candidate`` (the word, its neighbours, the cue around it) and returns True (a name), False
(not a name) or None (ask the next rule): one function and one entry in ``RULES`` each."""

from __future__ import annotations

from collections.abc import Callable

from spacy.lang.en.stop_words import STOP_WORDS

from reflect.anonymise import name_company as company
from reflect.anonymise import name_phrases as phrases
from reflect.anonymise.lexicon import (
    COMMON_NAME,
    SELDOM_A_WORD_ZIPF,
    calendar_words,
    is_english,
    is_finite_verb,
    is_modifier,
    is_noun,
    is_noun_only,
    is_ordinary_word,
    is_past_verb,
    is_verb,
    word_frequency,
)
from reflect.anonymise.name_apposition import named_by_role
from reflect.anonymise.name_candidate import Candidate
from reflect.anonymise.name_company import AUXILIARIES
from reflect.anonymise.name_cues import STRONG, WEAK, NameCues, lowercase_surname
from reflect.anonymise.name_grammar import a_word_by_its_grammar, texted_contraction
from reflect.anonymise.name_marks import names_a_role
from reflect.anonymise.name_tokens import (
    ARTICLES,
    CAMEL_CASE,
    DETERMINERS,
    NAME_PREFIX,
    NEGATED_AUXILIARY,
    PARTICLES,
    Token,
    adjacent,
    in_phrase,
    referred_to_after,
)
from reflect.anonymise.name_tools import tech_term
from reflect.anonymise.slips import looks_like_typo
from reflect.anonymise.tech_terms import hyphen_compound, names_a_tool, technical_text

__all__ = ["RULES", "Candidate", "accept", "decide"]
Verdict = bool | None
_COMPLEMENTISERS = frozenset({"that"})
_WH_DETERMINERS = frozenset({"which", "what", "whichever", "whatever"})  # "which tab eats"
_OBJECT_PRONOUNS = frozenset({"me", "us", "him", "her", "them", "everyone"})
_LAST_OR_NEXT = frozenset({"last", "next"})
_OBJECT_STARTS = frozenset({"it", "a", "an", "the", "up", "out", "this", "that", "some", "my"})

# With a strong cue a name used only abroad may be lower case below this ("marguerite" 3.1).
_FOREIGN_LOWER_ZIPF = 3.5
_SELDOM_LOWER_ZIPF = 4.0  # ...or before a surname ("raj" 3.55; not "love", 6.2)


# --- Rules that rule a word out whatever surrounds it.


def listed_not_name(c: Candidate) -> Verdict:
    """Workplace words that name tools, groups or events ("Teams", "Gen Z"), and words that
    name a role ("Mentee said", "the coachees want")."""
    norm = c.token.norm
    if norm in c.cues.not_names or in_phrase(c.text, c.tokens, c.i, c.cues.not_names):
        return False
    return False if names_a_role(c.cues, norm) else None


def noun_modifier(c: Candidate) -> Verdict:
    """A capitalised name right before a noun ("the Quillo method", "Vega Cruz simulation")
    modifies it (a method or product named after someone), unless a cue word before makes
    the name an object ("gave Priya feedback")."""
    tokens, text = c.tokens, c.text

    def after(j: int) -> Token | None:
        if j + 1 < len(tokens) and adjacent(text, tokens[j], tokens[j + 1]):
            return tokens[j + 1]
        return None

    surname = after(c.i)
    last = c.i + 1 if surname is not None and surname.capitalised else c.i  # "Vega Cruz"
    noun = after(last)
    if not c.token.capitalised or tokens[last].possessive or noun is None or noun.capitalised:
        return None
    if noun.norm in STOP_WORDS or noun.norm in c.cues.after or is_finite_verb(noun.norm):
        return None  # "Vega talks about it"
    if noun.text in PARTICLES:  # "Maria da Silva": a surname's particle, not a noun
        return None
    if not is_noun_only(noun.norm) or _doing(noun, after(last + 1), c.english >= COMMON_NAME):
        return None  # "to see Imran backing his own judgement", "Carolyn saying she had"
    return None if c.prev is not None and c.prev.norm in c.cues.before else False


def _doing(word: Token, nxt: Token | None, common_name: bool) -> bool:
    """A gerund with an object, or after a common first name: doing, not a kind of thing."""
    return word.norm.endswith("ing") and (common_name or bool(nxt and nxt.norm in DETERMINERS))


def acronym(c: Candidate) -> Verdict:
    """Short capitals are acronyms ("AI", "HR", "ED", "CRM's")."""
    word = c.token.text.removesuffix("'s").removesuffix("’s")
    return False if word.isupper() and len(word) <= 4 else None


def other_language(c: Candidate) -> Verdict:
    """In a sentence mostly not in English, a lowercase word that is a name somewhere is
    more likely a word of that language ("que", "mais"): only a possessive or a strong cue
    word ("told", "my mentor") makes it a name."""
    if c.token.capitalised or is_english(c.text):
        return None
    strong_before, strong_after = c.cues.before - c.cues.weak, c.cues.after - c.cues.weak
    return (
        c.token.possessive
        or (c.prev is not None and c.prev.norm in strong_before)
        or (c.next is not None and c.next.norm in strong_after)
    )


def word_shape(c: Candidate) -> Verdict:
    """CamelCase products ("MatLab", "LinkedIn"), plural acronyms ("BSTs") and hyphenated
    compounds with a lowercase part ("Quillo-style", "Spell-check"); "McKenzie", "DeShawn"
    and "Anne-Laure" are names."""
    text = c.token.text
    camel = CAMEL_CASE.fullmatch(text) and not NAME_PREFIX.match(text)
    plural_acronym = len(text) > 2 and text[1].isupper() and not text.isupper()
    return False if camel or plural_acronym or hyphen_compound(text) else None


def after_article(c: Candidate) -> Verdict:
    """ "the Dino problem", "an ica" ("that dave from IT" is fine)."""
    if c.prev is not None and c.prev.norm in ARTICLES and not c.token.possessive:
        return False
    return None


# --- Words that are only names.


def only_a_name(c: Candidate) -> Verdict:
    """A word no dictionary knows is a name, unless it is a lowercase slip of the keyboard
    ("emil" for "email"), which needs a strong cue."""
    if c.ordinary:
        return None
    subject = c.next is not None and is_finite_verb(c.next.norm)  # "bártová began"
    if c.token.capitalised:
        if not c.english and technical_text(c.text) and not (c.cue or subject):
            return False  # beside tools a name used only abroad needs a cue ("backups - Quillo")
        # A capital opening a sentence proves nothing: a slip ("Recenly") needs a cue ("Amit told")
        slip = c.initial and looks_like_typo(c.token.norm)
        return not slip or c.cue == STRONG or (subject and c.cue_word)
    if looks_like_typo(c.token.norm):
        return c.cue == STRONG or referred_to_after(c.text, c.token.end)
    # In lower case a name used only outside English-speaking countries is also a word of
    # another language ("que", "mais"): a cue is needed ("met siiri", "kofi said").
    return c.known_person or c.english > 0 or c.cue > 0 or c.token.possessive or subject


# --- Names that are also everyday words: evidence needed.


def calendar_word(c: Candidate) -> Verdict:
    """Months and days ("May", "June") need a capital and a strong cue."""
    if c.token.norm in calendar_words():
        return c.token.capitalised and c.cue == STRONG
    return None


def function_word(c: Candidate) -> Verdict:
    """ "will", "may": lowercase they are verbs; capitalised they need a cue, a strong one at
    the start of a sentence ("Will this work?")."""
    if c.token.norm not in STOP_WORDS:
        return None
    if not c.token.capitalised:
        return c.token.possessive
    return c.cue > 0 and (c.cue == STRONG or not c.initial)


def verb_with_object(c: Candidate) -> Verdict:
    """ "my mentor drew it all out": a past tense in lower case before its object is a verb."""
    verb = not c.token.capitalised and c.next is not None and is_past_verb(c.token.norm)
    return False if verb and c.next.norm in _OBJECT_PRONOUNS | _OBJECT_STARTS else None


def modified_noun(c: Candidate) -> Verdict:
    """After a determiner ("our rose garden") or, in lower case, after an adjective or noun
    that is not a cue ("the little green dot"), the word is an everyday noun."""
    prev = c.prev
    if prev is None:
        return None
    if prev.norm in _LAST_OR_NEXT:
        return False  # "last autumn came up": a time
    clause = prev.norm in _COMPLEMENTISERS and (c.token.capitalised or _participant_doing(c))
    if (prev.norm in DETERMINERS or prev.norm in _WH_DETERMINERS) and not clause:
        return False  # ("that Crispin records", "that stuart pushed": a clause, no noun phrase)
    if prev.possessive and not c.token.capitalised:
        return False  # "mentee's rota", "tunde's rota": what someone has, not who
    if (
        not c.token.capitalised
        and prev.norm not in c.cues.before
        and not prev.capitalised
        and prev.norm not in STOP_WORDS  # "about olive": a preposition, no modifier
        and is_modifier(prev.norm)
        and not company.subject_of_a_clause(c)
    ):
        return False
    return None


def foreign_name(c: Candidate) -> Verdict:
    """A word that is a name only outside English-speaking countries ("door", "line",
    "free"): a name only with a strong cue, or as the capitalised subject of a past-tense verb
    ("Blessing emailed", "Summer runs"), unless it is itself a cue word ("Mentor recommended").
    """
    if c.english or word_frequency(c.token.norm) < SELDOM_A_WORD_ZIPF:
        return None  # "met magdalena": no everyday word to mistake it for
    if c.token.capitalised and c.token.norm not in c.cues.before and subject_of_verb(c):
        return not company.adjective_before_noun(c)  # "Blessing emailed", not "Constant changes"
    if c.token.capitalised and not c.initial and c.cue > 0:
        # "I sent Marguerite the link": a capital mid-sentence and a cue; in a text about
        # tools the cue must be a word, not "is" ("support in Quillo is good").
        return not technical_text(c.text) or c.cue_word
    # in lower case only a word English seldom writes ("marguerite was brilliant", not
    # "line was late")
    lower_case_ok = word_frequency(c.token.norm) < _FOREIGN_LOWER_ZIPF or _before_a_surname(c)
    return c.cue == STRONG and (c.token.capitalised or c.token.possessive or lower_case_ok)


def _before_a_surname(c: Candidate) -> bool:
    """ "raj mehta's committee": a word no dictionary knows after a word English seldom
    writes is a surname ("love jupyter", "run streamlit": everyday words before a tool)."""
    nxt = c.next
    return (
        nxt is not None
        and word_frequency(c.token.norm) < _SELDOM_LOWER_ZIPF
        and not nxt.capitalised
        and not is_ordinary_word(nxt.norm)
        and lowercase_surname(nxt, c.cues)  # the twin rule for names a list knows
        and not names_a_tool(c.text, nxt.start, nxt.end, c.tools)
    )


def subject_of_verb(c: Candidate) -> Verdict:
    """ "Stuart looked", "milan wrote", "Joy keeps", "Patience chairs": a finite verb after it
    makes it a subject, at the start of a sentence as anywhere else."""
    nxt = c.next
    if nxt is None or nxt.capitalised or company.modifies_a_plural_subject(c):
        return None  # "Summer holidays feel": a noun's modifier
    if company.object_of_a_gerund(c):
        return None  # "swapping rota tips": a compound noun, the gerund's object
    if company.verb_after_adverb(c):
        return True  # "Michael always makes time"
    after = c.tokens[c.i + 2] if c.i + 2 < len(c.tokens) else None  # "Hope set us a task"
    if (
        after is not None
        and after.norm in _OBJECT_PRONOUNS
        and nxt.norm not in AUXILIARIES
        and is_verb(nxt.norm)
    ):
        return True
    negated = NEGATED_AUXILIARY.fullmatch(nxt.norm)  # "simon didnt know", as "simon did"
    if (negated or is_finite_verb(nxt.norm)) and (
        not (negated or nxt.norm in STOP_WORDS) or _participant_doing(c)
    ):
        return True
    return None


def _participant_doing(c: Candidate) -> bool:
    """ "tony is on leave", "jordan made it easy": before a verb a stop list holds a
    participant's name is a subject too, unless an everyday noun and verb ("bill is due")."""
    word = c.token.norm
    return c.known_person and not (is_noun(word) and is_verb(word))


def too_short(c: Candidate) -> Verdict:
    """ "ai", "jo" in lower case: too short to tell."""
    return False if len(c.token.norm) <= 2 and not c.token.capitalised else None


def cue_strength(c: Candidate) -> Verdict:
    """The last word: a strong cue, or a weak one for a common English first name that is
    otherwise only a noun ("richard would", "with colin") or for a name a dictionary lists
    but English text seldom uses as a word, when the weak cue is a word, not a function word
    ("met magdalena": a river in WordNet)."""
    common_name = c.english >= COMMON_NAME and is_noun_only(c.token.norm)
    # "met magdalena", not "to quarto"
    seldom_a_word = word_frequency(c.token.norm) < SELDOM_A_WORD_ZIPF and c.cue_word
    return c.cue == STRONG or (c.cue == WEAK and (common_name or seldom_a_word))


RULES: tuple[Callable[[Candidate], Verdict], ...] = (
    listed_not_name,
    company.numbered,
    company.imperative,
    company.about_to,
    acronym,  # before tech_term: "API's" is no possessive of a person
    noun_modifier,
    after_article,  # before tech_term: "a tiny dashboard" is no person in any slot
    named_by_role,  # "every day kev the crane supervisor says", before a noun phrase's rule
    phrases.recipient,  # "send Jade the notes", before tech_term
    phrases.agent_of_passive,  # "reset by gary"
    a_word_by_its_grammar,  # "the weekend rota", "I run", "too long", "being young"
    texted_contraction,  # "im going"
    phrases.title_of,
    tech_term,
    word_shape,
    other_language,
    company.participant_named,  # "Helen doesnt give me the answer", Helen on the roster
    only_a_name,
    calendar_word,
    company.member_of_a_group,
    company.modal_as_subject,
    function_word,
    verb_with_object,
    phrases.verb_after_to,
    phrases.part_of_a_quantity,
    phrases.after_a_count,
    modified_noun,
    company.referred_to,
    company.relative_who,
    company.participant_doing,
    company.everyday_subject,
    foreign_name,
    subject_of_verb,
    company.capitalised_mid_sentence,
    too_short,
    phrases.asked_to,
    phrases.spoken_to,
    cue_strength,
)


def decide(candidate: Candidate, rules=RULES) -> tuple[bool, str]:
    """(is it a name, the rule that decided)."""
    for rule in rules:
        verdict = rule(candidate)
        if verdict is not None:
            return verdict, rule.__name__
    return False, "no rule"


def accept(text: str, tokens: list[Token], i: int, is_name, cues: NameCues, **options) -> bool:
    """``options``: ``known_person``, ``tools`` (see ``Candidate``)."""
    return decide(Candidate(text, tokens, i, is_name, cues, **options))[0]
