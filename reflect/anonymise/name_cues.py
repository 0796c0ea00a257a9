"""Deciding whether a word that could be a name is one here, shared by the roster and the
gazetteer recognizers.

A word that is only a name ("priya", "Siiri") is a name in any case. A word that is also an
everyday word ("will", "grace", "May", "Bill") is taken as a name only with evidence: a capital
mid-sentence, a possessive, a cue before it ("my mentor grace", "with Bill") or after it
("grace said"), or a surname after it. Month and day names need a strong cue even with a capital.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS

from reflect.anonymise.lexicon import (
    built_from_words,
    is_noun_only,
    is_ordinary_word,
    is_past_verb,
    word_frequency,
)
from reflect.anonymise.name_marks import (
    after_a_title,
    after_role_label,
    labelled_name,
    role_in_brackets,
    signed_below,
    written_with,
)
from reflect.anonymise.name_slots import (
    ANY_SUBJECT,
    ORIGINS,
    RARE_NAME_ZIPF,
    described_as_person,
    lowercase_clause_subject,
    lowercase_subject,
    object_of_verb,
    owner,
    reports_speech,
    seldom_capitalised,
    set_off,
    unknown_subject,
)
from reflect.anonymise.name_tokens import (
    INITIAL,
    PARTICLES,
    Token,
    adjacent,
    sentence_initial,
    with_the_writer,
)
from reflect.anonymise.slips import looks_like_typo
from reflect.anonymise.tech_terms import is_tech_term, listed_with_term, technical_text

STRONG, WEAK = 2, 1
_MAX_PARTICLES = 2  # "de la", "van der"
_RARE_ZIPF = 4.0  # rarer than about once in 100,000 words
# Prepositions that take people as often as things ("for Clemence", "about Rubija").
_PERSON_PREPOSITIONS = frozenset({"for", "about", "by", "than", "like", "how", "that", "when"})
# Endings of English words a dictionary may not list in every spelling ("hybridised").
_WORD_ENDINGS = ("ised", "ized", "ising", "izing", "ation", "ness", "ment", "ing", "ly", "ful")
_COPULAS = frozenset({"i'm", "am", "is", "are", "was", "were", "be"})


@dataclass(frozen=True)
class NameCues:
    not_names: frozenset[str]
    before: frozenset[str]
    after: frozenset[str]
    weak: frozenset[str]
    titles: frozenset[str] = frozenset()
    owned: frozenset[str] = frozenset()
    described_as: frozenset[str] = frozenset()
    roles: frozenset[str] = frozenset()  # jobs and roles: "kev the crane supervisor"

    @classmethod
    def from_settings(cls, settings: dict) -> NameCues:
        names = settings.get("names", {})

        def words(key: str) -> frozenset[str]:
            return frozenset(w.lower() for w in names.get(key, []))

        keys = ("not_names", "before", "after", "weak", "titles", "owned", "described_as", "roles")
        return cls(*map(words, keys))

    def cue(self, text: str, tokens: list[Token], i: int, is_name: Callable[[Token], bool]) -> int:
        """How strongly the words around ``tokens[i]`` say it is a person (0, WEAK, STRONG)."""
        token = tokens[i]
        if token.possessive:
            return STRONG
        best = 0
        prev = tokens[i - 1] if i > 0 and adjacent(text, tokens[i - 1], token) else None
        nxt = (
            tokens[i + 1] if i + 1 < len(tokens) and adjacent(text, token, tokens[i + 1]) else None
        )
        if prev is None and i > 0 and text[tokens[i - 1].end : token.start] == ", ":
            prev_comma = tokens[i - 1]  # "thanks, james"
            if prev_comma.norm in self.before and prev_comma.norm not in self.weak:
                best = STRONG
        if prev is not None and prev.norm in self.before and not prev.possessive:
            best = max(best, WEAK if prev.norm in self.weak else STRONG)
        elif written_with(text, tokens, i):
            best = max(best, WEAK)  # "catch up w tobi", "w/ grace"
        if i >= 2 and f"{tokens[i - 2].norm} {tokens[i - 1].norm}" in self.before:
            best = STRONG  # "name is", "this is"
        if (
            _with_me(text, tokens, i)
            or after_role_label(self, text, tokens, i)
            or role_in_brackets(self, text, token)
            or signed_below(text, tokens, i)
        ):
            best = STRONG  # "Carl and I", "Mentor: Grace", "Grace (my mentee)", "\n- Grace"
        if nxt is not None:
            if self._initial_then_speech(text, tokens, i + 1):
                best = STRONG  # "Adaeze O. said"
            elif described_as_person(self, tokens, i):
                best = STRONG  # "Joy was brilliant", "grace was late"
            elif nxt.norm in self.after:
                best = max(best, WEAK if nxt.norm in self.weak else STRONG)
            elif token.capitalised and (
                (is_name(nxt) and _evidence(nxt, token) and not is_tech_term(nxt.text))
                or self.surname_like(nxt)
                or self._initial_then_surname(text, tokens, i + 1)
                or self.particle_surname(text, tokens, i + 1) is not None
            ):
                best = STRONG
            elif not token.capitalised and not nxt.capitalised and lowercase_surname(nxt, self):
                best = STRONG  # "colin whitmore"
        if (
            prev is not None
            and is_name(prev)
            and _evidence(prev, token)
            and not is_tech_term(prev.text)
        ):
            best = STRONG
        return best

    def person_verb(self, token: Token) -> bool:
        """A verb of saying, showing or feeling after a word ("said", "explained"), not one
        any subject takes ("was", "has") nor an origin ("from")."""
        return token.norm in self.after and token.norm not in ANY_SUBJECT | ORIGINS

    def particle_surname(self, text: str, tokens: list[Token], i: int) -> int | None:
        """The index of the surname that one or two lowercase particles from ``tokens[i]``
        lead to ("da Silva", "van der Berg"), or None."""
        k = i
        while k < len(tokens) and k - i < _MAX_PARTICLES and tokens[k].text in PARTICLES:
            k += 1
        if (
            i < k < len(tokens)
            and all(adjacent(text, tokens[m], tokens[m + 1]) for m in range(i - 1, k))
            and self.following_surname(tokens[k])
        ):
            return k
        return None

    def _initial_then_surname(self, text: str, tokens: list[Token], i: int) -> bool:
        # "Ned V. Harrowgate", "Bálint K Vörös"
        return _initial_then(text, tokens, i, self.following_surname)

    def _initial_then_speech(self, text: str, tokens: list[Token], i: int) -> bool:
        # "Adaeze O. said", "Kemi T explained": an initial, then a verb people do
        return _initial_then(text, tokens, i, self.person_verb)

    def introduced(self, text: str, tokens: list[Token], i: int) -> bool:
        """A capitalised word no name list knows, right after a strong cue ("my mentor
        Rubija", "my name is Siiri")."""
        token = tokens[i]
        if (
            reports_speech(self, text, tokens, i)
            or lowercase_subject(self, text, tokens, i)
            or lowercase_clause_subject(self, text, tokens, i)
            or set_off(self, text, tokens, i)
            or labelled_name(self, text, tokens, i)
            or after_a_title(self, text, tokens, i)
        ):
            return True
        if (role_in_brackets(self, text, token) or signed_below(text, tokens, i)) and (
            self.surname_like(token) and word_frequency(token.norm) < RARE_NAME_ZIPF
        ):
            return True  # "Ebere (my mentee) is", "...\n- Folasade"
        if (
            unknown_subject(self, text, tokens, i)
            or owner(self, text, tokens, i)
            or object_of_verb(self, text, tokens, i)
        ) and not (
            is_tech_term(token.text)
            or is_tech_term(token.norm)
            or listed_with_term(text, token.start, token.end)
        ):
            return True
        if i == 0:
            return False
        prev = tokens[i - 1]
        title = prev.norm in self.titles and (  # written as one: not "I miss caching"
            len(prev.norm) <= 3 or not is_ordinary_word(prev.norm)
        )
        if title and text[prev.end : token.start] in (" ", ". ") and self._unknown_lowercase(token):
            return True  # "dr. nguyen", "mrs adeyemi"
        if written_with(text, tokens, i):  # "caught up w/ Thandiwe", "w Thandiwe"
            lower = self._unknown_lowercase(token) and word_frequency(token.norm) < RARE_NAME_ZIPF
            return (self.surname_like(token) or lower) and not technical_text(text)
        if not adjacent(text, prev, token):
            # "my mentee, aarav, is...", "the new starter, Akosua, ...", "my mentee
            # (Oyinkansola)": a name set off by commas or brackets after a strong cue; a
            # sign-off ending the text ("Regards, Temitope")
            gap, after = text[prev.end : token.start], text[token.end :].strip()
            set_apart = (gap == ", " and (after[:1] == "," or after in ("", ".", "!"))) or (
                gap == " (" and after[:1] == ")"
            )
            return (
                set_apart
                and prev.norm in self.before
                and prev.norm not in self.weak
                and (self._unknown_lowercase(token) or self.surname_like(token))
                and word_frequency(token.norm) < RARE_NAME_ZIPF
            )
        if prev.norm in self.titles and self.following_surname(token):
            return True  # "Dr. Burke", "Mr Manning"
        pair = f"{tokens[i - 2].norm} {prev.norm}" if i >= 2 else ""
        cue = pair if pair in self.before else prev.norm if prev.norm in self.before else None
        strong = (
            cue is not None
            and cue not in self.weak
            and (title or cue not in self.titles)
            # "I'm X", "this is X" take any adjective ("I'm neurodivergent")
            and cue.split()[-1] not in _COPULAS
        )
        if (
            strong
            and self._unknown_lowercase(token)
            and word_frequency(token.norm) < RARE_NAME_ZIPF
        ):
            return True  # "thanks to oluwaseun", "my mentor kwabena"; not "thanks to covid"
        if (
            cue in self.weak
            and cue not in STOP_WORDS  # a verb that takes people, not "to" or "with"
            and self._unknown_lowercase(token)
            and word_frequency(token.norm) < RARE_NAME_ZIPF
            and token.norm not in self.not_names  # "asked chatgpt"
            and not token.norm.endswith(_WORD_ENDINGS)  # "showed hybridised plans"
            and not technical_text(text)
        ):
            return True  # "asked tunde", "met segun"
        named = cue is not None and (cue == pair or cue not in self.weak or is_past_verb(cue))
        # after a strong cue, a capitalised word English seldom writes too ("a lot from Yaw")
        if not (self.surname_like(token) or (named and seldom_capitalised(self, token))):
            return False
        if named:
            return True  # "my mentor Rubija", "said Maslin"
        # After a weak cue ("to Osagie", "with Kwabena", "for Clemence"), a word no dictionary
        # knows is a person, unless the text is about tools ("with Trello").
        return (
            prev.norm in self.before | _PERSON_PREPOSITIONS
            and not sentence_initial(text, token.start)
            and not technical_text(text)
        )

    @staticmethod
    def _unknown_lowercase(token: Token) -> bool:
        # A word in lower case no dictionary knows is a name ("dr. nguyen"); an everyday word,
        # a product or a coined word is not ("ms teams", "mr smith" missed, "coachee reframe").
        return (
            not token.capitalised
            and len(token.norm) >= 4  # "prof dev" (professional development)
            and token.norm.isalpha()
            and not (is_ordinary_word(token.norm) or built_from_words(token.norm))
            and not looks_like_typo(token.norm)
            and not is_tech_term(token.norm)
        )

    def following_surname(self, token: Token) -> bool:
        """After a first name, a capitalised word is a surname unless it is a frequent
        everyday word: WordNet lists many surnames ("Hoffmann", "Johnson") as nouns."""
        if not token.capitalised or len(token.norm) < 2 or token.text[1].isupper():
            return False
        if token.norm in self.not_names or token.norm in STOP_WORDS:
            return False
        if is_tech_term(token.text):
            return False  # "Love Jupyter", "Free Python"
        return (
            not is_ordinary_word(token.norm)
            or is_noun_only(token.norm)
            or word_frequency(token.norm) < _RARE_ZIPF
        )

    def surname_like(self, token: Token) -> bool:
        return (
            token.capitalised
            and len(token.norm) >= 2
            and not token.text[1].isupper()  # "AI-written", "OneNote"; "McKenzie" is fine
            and not is_ordinary_word(token.norm)
            and token.norm not in self.not_names
            and not is_tech_term(token.text)
        )


def _initial_then(text: str, tokens: list[Token], i: int, then: Callable[[Token], bool]) -> bool:
    return (
        INITIAL.fullmatch(tokens[i].text) is not None
        and i + 1 < len(tokens)
        and adjacent(text, tokens[i], tokens[i + 1])
        and then(tokens[i + 1])
    )


def _with_me(text: str, tokens: list[Token], i: int) -> bool:
    return with_the_writer(text, tokens[i].start, tokens[i].end)


def _evidence(neighbour: Token, token: Token) -> bool:
    # A neighbouring possible name supports this one only if it is itself a likely name
    # written the same way: "Mark said" does not make "said" a name.
    # ("priya said" neither: lowercase everyday words need a cue word).
    return neighbour.capitalised and token.capitalised


def lowercase_surname(token: Token, cues: NameCues) -> bool:
    # "priya shah", "colin whitmore": a rare word after a lowercase first name.
    return (
        len(token.norm) >= 3
        and token.norm not in cues.not_names
        and token.norm not in STOP_WORDS
        and (not is_ordinary_word(token.norm) or is_noun_only(token.norm))
        and token.norm not in cues.after
        and not is_past_verb(token.norm)
        and not looks_like_typo(token.norm)
    )


def in_title_case_run(text: str, tokens: list[Token], i: int, is_name) -> bool:
    # "Grace Period Policy", "Black History Month": capitalised everyday words side by side are
    # a title or a product, not a person.
    for j in (i - 1, i + 1):
        if 0 <= j < len(tokens):
            left, right = (tokens[j], tokens[i]) if j < i else (tokens[i], tokens[j])
            other = tokens[j]
            if len(other.text) == 1:
                continue  # a middle initial: "Dale R Pike"
            if (
                adjacent(text, left, right)
                and other.capitalised
                and not is_name(other)
                and is_ordinary_word(other.norm)
                and not (j < i and sentence_initial(text, other.start))
            ):
                return True
    return False
