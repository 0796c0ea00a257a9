"""Phrase candidates: the short noun phrases and clauses a reflection is about, and whether the
reflection is an empty answer ("nothing", "n/a", "all clear").

A candidate has a display form (lower case, as written, determiners dropped: "bin widths") and
a key (its content lemmas: "bin width") so the same idea written by different people counts as
one phrase. Candidates come from spaCy's parse:

- noun chunks, with generic words trimmed ("the most interesting part of the demo" -> "demo")
  and extended by an ``of``/``between`` attachment ("conservation of energy");
- short verb clauses with their object ("finding bin width", "writing pseudo code");
- the whole answer when it is itself a short phrase ("Adjacency matrix").

Parsing is the slow part, so each distinct text is parsed once per process: ``PARSES``, a
bounded cache the themes stage fills in one batch and the workspace keeps between runs
(``parse_cache.py``).
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial

from reflect.frames import PLACEHOLDER_PATTERN
from reflect.nlp import PARSER, load_spacy
from reflect.nlp_rules import parse, rules_for
from reflect.parallel import map_chunks
from reflect.themes.empty import is_empty_answer

MAX_WORDS = 5


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words that carry no topic on their own: a candidate made only of these (plus the words of
# the question being answered) is dropped, and they are trimmed from a candidate's edges.
GENERIC = _words(
    """
    a an the my our your his her their its this that these those some any every each much many
    more most such own lot lots bit kind sort thing things stuff part parts way ways time times
    today todays tonight class classes lecture lectures lesson session sessions something
    anything nothing everything someone anyone everyone one ones i me we us you he she they them
    it him what who which whatever how why when where there here interesting interest confusing
    confused confusion cool fun good great nice neat awesome really very little few several
    certain specific particular overall whole main same various different new example examples
    idea ideas concept concepts topic topics material subject subjects day week question
    questions answer answer answers point points aspect aspects fact facts lot information
    understanding able sure also just still kinda pretty quite most least bit much everything
    people person student students professor teacher instructor detail details
    year years month months hour hours am pm
    lol lmao rofl haha hahaha hehe ugh meh tbh tbf imo imho btw fyi omg idk smh ngl fwiw afaik
    iirc jk yay yeah yep yup nah hmm argh phew oops wow ok okay
    """
)
# (the last two lines: what chat writing says around a topic, never one: "parking. ugh")
# Beside a redaction placeholder ("his number is [PHONE]", "my personal email is [EMAIL]"), a
# phrase headed by a word naming a kind of personal data says what was removed, not what the
# reflection is about.
PERSONAL_DATA_WORDS = _words(
    """
    name names surname surnames email emails e-mail mail address addresses number numbers phone
    phones mobile mobiles line extension contact contacts handle profile id
    """
)
# Verbs of liking, finding and understanding frame an answer; they are not its topic.
FRAME_VERBS = _words(
    """
    like love enjoy find think feel learn see understand know make do get go want need help
    seem appreciate describe say talk explain discuss show hear watch look mean confuse
    interest be have try
    """
)
# Trimmed from the end too: "histogram stuff" is about histograms.
_VAGUE_HEADS = frozenset({"stuff", "thing", "things", "part", "parts", "lot", "bit", "in general"})
# ...but these keep their meaning as a modifier ("in-class activity", "top hat questions").
_KEEP_AS_MODIFIER = frozenset({"class", "question", "questions", "example", "examples"})

_FUNCTION_POS = frozenset({"DET", "PRON", "ADP", "CCONJ", "SCONJ", "PART", "PUNCT", "AUX", "SPACE"})


@dataclass(frozen=True)
class Candidate:
    text: str  # display form, lower case
    key: str  # content lemmas, space-separated: equal keys mean the same phrase
    clause: bool = False  # a verb and its object rather than a noun phrase

    @property
    def words(self) -> int:
        return len(self.key.split())


@dataclass(frozen=True)
class ParsedText:
    candidates: tuple[Candidate, ...]
    empty: bool  # an answer that says there is nothing to report


def prompt_words(prompt: str) -> frozenset[str]:
    """The question's own words ('describe what you found most confusing in today's class')
    say nothing about the answer's topic."""
    return frozenset(re.findall(r"[a-z]+", prompt.lower()))


class ParseCache:
    """Parses by (text, question words), least recently used dropped beyond ``maxsize``.
    Only a speed-up: a text not found is parsed again, with the same result."""

    def __init__(self, maxsize: int) -> None:
        self.maxsize = maxsize
        self._parses: OrderedDict[tuple[str, frozenset[str]], ParsedText] = OrderedDict()

    def __len__(self) -> int:
        return len(self._parses)

    def __contains__(self, key: tuple[str, frozenset[str]]) -> bool:
        return key in self._parses

    def get(self, text: str, words: frozenset[str]) -> ParsedText | None:
        parsed = self._parses.get((text, words))
        if parsed is not None:
            self._parses.move_to_end((text, words))
        return parsed

    def put(self, text: str, words: frozenset[str], parsed: ParsedText) -> None:
        self._parses[(text, words)] = parsed
        self._parses.move_to_end((text, words))
        while len(self._parses) > self.maxsize:
            self._parses.popitem(last=False)

    def clear(self) -> None:
        self._parses.clear()


# The themes stage parses at most ``max_parsed`` answers per group (a few tens of thousands
# for a 100,000-answer export), all up front, and reads them back group by group: the bound
# holds that with room to spare, and keeps a long-lived process from growing without end.
PARSES = ParseCache(maxsize=100_000)


def extract_candidates(
    texts: Sequence[str], prompt: str = "", batch_size: int = 256, cache: ParseCache = PARSES
) -> list[ParsedText]:
    """Candidates of each text (in order of appearance, deduplicated by key); texts already in
    ``cache`` are not parsed again."""
    extra = prompt_words(prompt)
    found = {t: p for t in dict.fromkeys(texts) if (p := cache.get(t, extra)) is not None}
    todo = [t for t in dict.fromkeys(texts) if t not in found]
    if todo:
        parse = partial(parser, GENERIC | extra)  # built once per worker
        for start, parsed in zip(
            range(0, len(todo), batch_size), map_chunks(parse, todo, batch_size), strict=True
        ):
            for text, result in zip(todo[start : start + batch_size], parsed, strict=True):
                found[text] = result
                cache.put(text, extra, result)
    return [found[t] for t in texts]


def parser(generic: frozenset[str]):
    """Candidates of a chunk of texts: a task for ``reflect.parallel.map_chunks``."""
    nlp = load_spacy(PARSER)
    return partial(_parse, nlp=nlp, generic=generic, rules=rules_for(nlp))


def _parse(texts: Sequence[str], nlp, generic: frozenset[str], rules=None) -> list[ParsedText]:
    out = []
    for text, doc in zip(texts, parse(nlp, texts, len(texts), rules), strict=True):
        empty = is_empty_answer(text)
        found = [] if empty else _from_doc(doc, generic)
        if PLACEHOLDER_PATTERN.search(text):
            found = [c for c in found if c.key.split()[-1] not in PERSONAL_DATA_WORDS]
        out.append(ParsedText(tuple(found), empty))
    return out


def clear_cache() -> None:
    PARSES.clear()


def _from_doc(doc, generic: frozenset[str]) -> list[Candidate]:
    found: list[Candidate] = []
    in_chunk = set()
    for chunk in doc.noun_chunks:
        chunk = doc[chunk.start : _named_end(doc, chunk.end)]
        in_chunk.update(range(chunk.start, chunk.end))
        tokens = _trim(list(chunk), generic)
        if tokens:
            found.extend(_candidate(tokens, generic))
            root = chunk.root
            for prep in root.children:
                if prep.dep_ == "prep" and prep.lower_ in {"of", "between", "behind"}:
                    span = doc[chunk.start : prep.right_edge.i + 1]
                    extended = _trim(list(span), generic)
                    if extended and extended[0] == tokens[0]:
                        found.extend(_candidate(extended, generic))
    for token in doc:
        # "finding bin width", "how to calculate power": a verb and its object
        lemma = token.lemma_.lower()
        if token.pos_ == "VERB" and lemma not in generic and lemma not in FRAME_VERBS:
            objects = [c for c in token.children if c.dep_ in {"dobj", "attr"}]
            for obj in objects:
                tokens = _trim(list(doc[obj.left_edge.i : obj.i + 1]), generic)
                if tokens and not any(t.pos_ == "PRON" for t in tokens):
                    found.extend(_candidate([token, *tokens], generic, clause=True))
    for token in doc:
        # nouns the parser left outside any chunk ("how blockchain works")
        if token.i not in in_chunk and token.pos_ in {"NOUN", "PROPN"}:
            named = list(doc[token.i : _named_end(doc, token.i + 1)])
            found.extend(_candidate(_trim(named, generic), generic))
            in_chunk.update(t.i for t in named)
    words = [t for t in doc if not t.is_punct and not t.is_space]
    if 0 < len(words) <= 4:
        tokens = _trim(words, generic)
        # ...if it names something: "Fine." or "Really useful" says how it went, not what.
        if (
            tokens
            and all(t.pos_ in {"NOUN", "PROPN", "ADJ", "VERB", "NUM", "X"} for t in tokens)
            and any(_names_something(t) for t in tokens)
        ):
            found.extend(_candidate(tokens, generic))
    unique: dict[str, Candidate] = {}
    for cand in found:
        if cand.key not in unique or unique[cand.key].clause:
            unique[cand.key] = cand
    return list(unique.values())


def _names_something(token) -> bool:
    # Framing verbs count too ("went fine" stays): leaving them out cost 0.2 content ROUGE-1
    # on ReflectSumm dev.
    return token.pos_ in {"NOUN", "PROPN", "VERB", "NUM", "X"}


def _trim(tokens, generic: frozenset[str]):
    tokens = [t for t in tokens if not t.is_punct and not t.is_space]
    while tokens and _droppable(tokens[0], generic, first=True):
        tokens = tokens[1:]
    while tokens and (
        tokens[-1].pos_ in {"ADP", "CCONJ", "DET", "PART"} or tokens[-1].lower_ in _VAGUE_HEADS
    ):
        tokens = tokens[:-1]
    return tokens


def _droppable(token, generic: frozenset[str], first: bool) -> bool:
    if (
        token.pos_ in {"DET", "PRON", "NUM", "PART", "CCONJ", "ADP", "AUX", "SCONJ", "ADV"}
        and first
    ):
        return True
    word = token.lower_
    if first and word in _KEEP_AS_MODIFIER and token.dep_ in {"compound", "amod", "nmod"}:
        return False
    return word in generic or token.lemma_.lower() in generic


def _candidate(tokens, generic: frozenset[str], clause: bool = False) -> list[Candidate]:
    if not tokens or "[" in "".join(t.text for t in tokens):
        return []  # never build a phrase around a redaction placeholder
    content = [t for t in tokens if t.pos_ not in _FUNCTION_POS]
    if not content or len(tokens) > MAX_WORDS:
        return []
    if all(t.lower_ in generic or t.lemma_.lower() in generic for t in content):
        return []
    text = re.sub(r"\s+", " ", " ".join(t.lower_ for t in tokens)).strip(" '-.")
    # as written: "team's slack", "hands-on exercises" (spaCy splits the clitic and hyphen)
    text = re.sub(r" (['’]s)\b", r"\1", re.sub(r"(?<=\w) - (?=\w)", "-", text))
    key = " ".join(_lemma(t) for t in content)
    if not re.search(r"[a-z]{2}", key) and not any(_CODE.match(w) for w in key.split()):
        return []
    return [Candidate(text, key, clause)]


# Short codes people use for things: "M3", "A15", "Q2", "15A".
_CODE = re.compile(r"^(?=[a-z0-9]*[a-z])(?=[a-z0-9]*\d)[a-z0-9]{2,5}$")


def _is_number_or_code(token) -> bool:
    return (token.pos_ == "NUM" and token.like_num) or bool(_CODE.match(token.lower_))


def _named_end(doc, end: int) -> int:
    """Where a noun ending at ``end`` ends with the number, code or capital letter naming it
    ("assignment 13", "the assignment a06", "Gen Z", "plan B")."""
    start = end
    while end < len(doc) and end - start < 2 and _names_the_noun(doc[end]):
        end += 1
    return end


def _names_the_noun(token) -> bool:
    letter = token.text.rstrip(".")  # the tokenizer keeps a sentence's full stop on "Z."
    return _is_number_or_code(token) or (
        len(letter) == 1 and "A" <= letter <= "Z" and letter != "I" and token.pos_ != "DET"
    )


def _lemma(token) -> str:
    lemma = token.lemma_.lower()
    return (lemma if lemma and lemma != "-pron-" else token.lower_).rstrip(".") or lemma
