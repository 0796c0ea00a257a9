"""Run the registered recognizers over a batch of texts and merge what they find."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from importlib import resources

from spacy.lang.en.stop_words import STOP_WORDS

from reflect.anonymise.lexicon import WORD, first_names, is_noun_only, is_ordinary_word
from reflect.anonymise.name_cues import NameCues
from reflect.anonymise.recognizers import RecognizerContext, recognizers
from reflect.anonymise.spans import SCREEN_ONLY, Span, merge_spans
from reflect.anonymise.tech_terms import is_tech_term
from reflect.roster import Roster

# Recognizers that load a statistical model (seconds to start); the rest load only small
# word lists.
MODEL_LOADING = frozenset({"spacy"})


def model_free_recognizers() -> tuple[str, ...]:
    """Every registered recognizer that loads no model, for light callers and tests."""
    return tuple(n for n in recognizers.names() if n not in MODEL_LOADING)


def repeated_names(text: str, spans: list[Span]) -> list[Span]:
    """Once a word is found to be a name, its other mentions in the same text are too ("my
    name is Fenna Drijver but everyone calls me Fenna"), whatever their context."""
    words = {
        match.group()
        for span in spans
        if span.label == "PERSON"
        for match in WORD.finditer(text, span.start, span.end)
        if len(match.group()) >= _MIN_REPEATED_CHARS and match.group()[:1].isupper()
    }
    words = {w for w in words if w.lower() not in STOP_WORDS and not is_tech_term(w)}
    # The parts of an email's local part or a handle that are not everyday words are names
    # ("temi.osei@..., which temi set up"), matched in any case.
    any_case = {
        part.lower()
        for span in spans
        if span.label in ("EMAIL", "HANDLE")
        for part in re.split(
            r"[^a-zA-Z]+", text[span.start : span.end].split("@")[0] or text[span.start : span.end]
        )
        if len(part) >= _MIN_REPEATED_CHARS
        and not is_ordinary_word(part.lower())
        and not is_tech_term(part)  # "@jupyterlab/toc" names no one
    }
    if not words and not any_case:
        return []
    alternatives = [re.escape(w) for w in sorted(words)]
    alternatives += [f"(?i:{re.escape(w)})" for w in sorted(any_case)]
    pattern = re.compile(r"(?<![\w@.])(?:" + "|".join(alternatives) + r")(?![\w@])")
    return [Span(m.start(), m.end(), "PERSON", 0.5, "repeated") for m in pattern.finditer(text)]


def places_over_people(text: str, spans: list[Span]) -> list[Span]:
    """A word the place list knows, called a person only by the statistical model or for
    being in no dictionary ("the go-live at Doncaster"), is a place: redacted either way, but
    labelled for what it is. The roster or a known first name ("Florence said") keeps it a
    person."""
    places = {(s.start, s.end) for s in spans if s.label == "PLACE"}
    kept = {
        (s.start, s.end)
        for s in spans
        if s.label == "PERSON"
        and (s.source == "roster" or text[s.start : s.end].lower() in first_names())
    }
    return [s for s in spans if not (s.label == "PERSON" and (s.start, s.end) in places - kept)]


# "Tunde Bello (E20417)": one or two capitalised words right before an id in brackets; or
# in brackets right after it ("E20417 (Tunde)").
_BEFORE_ID = re.compile(r"(?<![\w'’-])([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?) ?\(\s*$")
_AFTER_ID = re.compile(r" ?\(\s*([A-Z][a-z][\w'’-]*(?: [A-Z][a-z][\w'’-]*)?)\s*\)")


def named_by_id(text: str, spans: list[Span]) -> list[Span]:
    """The words an employee or national id is given for in brackets name its holder
    ("add Tunde (E20417) to the cohort"), whatever the name lists say of them."""
    found = []
    for span in spans:
        if span.label not in ("EMPLOYEE_ID", "NATIONAL_ID"):
            continue
        name = _AFTER_ID.match(text, span.end)
        if text[span.end : span.end + 1] == ")":
            name = _BEFORE_ID.search(text, max(0, span.start - 60), span.start)
        if name is not None and not is_tech_term(name.group(1)):
            found.append(Span(name.start(1), name.end(1), "PERSON", 0.8, "named_by_id"))
    return found


_MIN_REPEATED_CHARS = 3
# A user name around a name: "jane.smith", "kofi.m", "j_okafor" (letters joined by . or _).
# (\Z, not $: "apparently.\nmeg" is a sentence's end and a name, $ matching before the newline)
_USER_NAME_LEFT = re.compile(r"[A-Za-z0-9]+[._]\Z")
_USER_NAME_RIGHT = re.compile(r"(?:[._][A-Za-z0-9]+)+")


def user_names(text: str, spans: list[Span]) -> list[Span]:
    """A name that is part of a user name takes the whole user name ("jane.smith": the
    gazetteer knows "jane"; ".smith" would be left beside the placeholder)."""
    found = []
    for span in spans:
        if span.label != "PERSON":
            continue
        start, end = span.start, span.end
        right = _USER_NAME_RIGHT.match(text, end)
        if right:
            end = right.end()
        left = _USER_NAME_LEFT.search(text, max(0, start - 40), start)
        if left and (left.start() == 0 or not text[left.start() - 1].isalnum()):
            start = left.start()
        if (start, end) != (span.start, span.end):
            found.append(Span(start, end, "PERSON", span.score, "user_name"))
    return found


_POSSESSIVE = re.compile(r"['’]s$")
_LIST_GAPS = frozenset({", ", " and ", ", and ", " & ", " or ", ", or ", "/", " / "})
_CONJUNCTIONS = frozenset({"and", "or"})


def _could_be_a_name(word: str, names: frozenset[str], cues: NameCues) -> bool:
    # "Cheers, Simon" and "Thanks, Hiroshi" are sign-offs, not lists of people.
    lower = word.lower()
    if lower in cues.before or lower in cues.after or lower in cues.not_names:
        return False
    if is_tech_term(word):
        return False
    if lower in names:
        return True
    return word[:1].isupper() and (not is_ordinary_word(lower) or is_noun_only(lower))


def listed_names(text: str, spans: list[Span], cues: NameCues) -> list[Span]:
    """Words listed alongside a name are names ("our founders: Gerste, Johnson and Torres",
    "pamela, donna and brian"), when they are capitalised or known first names."""
    people = [s for s in spans if s.label == "PERSON"]
    if not people:
        return []
    names = first_names()
    # Conjunctions are part of the gaps between items ("Rogers and Torres").
    tokens = [m for m in WORD.finditer(text) if m.group().lower() not in _CONJUNCTIONS]
    found: list[Span] = []
    run: list[re.Match] = []

    def close(run: list[re.Match], following: re.Match | None = None) -> None:
        joined = following is not None and text[run[-1].end() : following.start()] == " "
        job = joined and following.group().lower() in cues.roles
        if job and is_ordinary_word(run[-1].group().lower()):
            run = run[:-1]  # "Ellie Marsden, Duty Manager": a job's title, not a name
        if len(run) >= 2 and any(
            p.start < m.end() and m.start() < p.end for m in run for p in people
        ):
            for m in run:
                word = _POSSESSIVE.sub("", m.group())  # "Adaeze's & Chidi's teams"
                if (
                    word.lower() not in STOP_WORDS
                    and "'" not in word
                    and "’" not in word
                    and _could_be_a_name(word, names, cues)
                    # an owner no dictionary knows: not "Marketing's", "Amazon's"
                    and (word == m.group() or not is_ordinary_word(word.lower()))
                ):
                    found.append(Span(m.start(), m.start() + len(word), "PERSON", 0.5, "listed"))

    for token in tokens:
        if run and text[run[-1].end() : token.start()] in _LIST_GAPS:
            run.append(token)
        else:
            if run:
                close(run, token)
            run = [token]
    close(run)
    return found


def default_recognizers() -> tuple[str, ...]:
    """Every registered recognizer: dropping a file into ``recognizers/`` is enough."""
    return tuple(recognizers.names())


def default_settings() -> dict:
    return tomllib.loads(settings_text())


def settings_text() -> str:
    """``models/patterns.toml`` as written: an organisation edits it, and a cached redaction
    made under other patterns is no longer the one it asked for (``stage._fingerprint``)."""
    return resources.files("reflect.models").joinpath("patterns.toml").read_text("utf-8")


class Analyzer:
    def __init__(
        self,
        roster: Roster | None = None,
        names: Sequence[str] | None = None,
        settings: dict | None = None,
    ) -> None:
        context = RecognizerContext(roster=roster, settings=settings or default_settings())
        self.cues = NameCues.from_settings(context.settings)
        self.names = tuple(names) if names is not None else default_recognizers()
        self.recognizers = [recognizers.get(name)(context) for name in self.names]

    def analyze(self, texts: Sequence[str]) -> list[list[Span]]:
        """Spans per text, sorted: overlapping redactable spans merged into one, and
        screen-only spans (QUASI_IDENTIFIER) reported alongside, unmerged.

        In an answer written in capitals a capital says nothing ("WHEN HE THINKS I'M NOT
        LOOKING" holds no initials "HE" or "NOT"): its names are looked for in lower case, as
        in any answer written so, and its other data (ids, postcodes) as written."""
        found = self._analyze(texts)
        shouted = [i for i, text in enumerate(texts) if written_in_capitals(text)]
        if shouted:
            lowered = self._analyze([lower_case_in_place(texts[i]) for i in shouted])
            for i, spans in zip(shouted, lowered, strict=True):
                names = [s for s in spans if s.label in NAME_LABELS or s.label == "PLACE"]
                rest = [s for s in found[i] if s.label not in NAME_LABELS]
                redactable = [s for s in names + rest if s.label not in SCREEN_ONLY]
                screen = [s for s in names + rest if s.label in SCREEN_ONLY]
                found[i] = sorted(merge_spans(redactable, texts[i]) + merge_spans(screen, texts[i]))
        return found

    def _analyze(self, texts: Sequence[str]) -> list[list[Span]]:
        found: list[list[Span]] = [[] for _ in texts]
        for recognizer in self.recognizers:
            for spans, new in zip(found, recognizer.find(texts), strict=True):
                spans.extend(new)
        out = []
        for text, spans in zip(texts, found, strict=True):
            spans = places_over_people(text, spans)
            spans += listed_names(text, spans, self.cues)
            spans += repeated_names(text, spans)
            spans += user_names(text, spans)
            spans += named_by_id(text, spans)
            redactable = [s for s in spans if s.label not in SCREEN_ONLY]
            screen = [s for s in spans if s.label in SCREEN_ONLY]
            out.append(sorted(merge_spans(redactable, text) + merge_spans(screen, text)))
        return out


# What a capital is evidence for: in an answer written in capitals, people are looked for in
# lower case only (places both ways: "MOVED TO LEEDS").
NAME_LABELS = frozenset({"PERSON"})
_CAPITALS_SHARE = 0.8
_CAPITALS_MIN_LETTERS = 12


def written_in_capitals(text: str) -> bool:
    """Most of the answer's letters are capitals ("KAYDEN KEPT KICKING OFF AGAIN")."""
    cased = [ch for ch in text if ch.lower() != ch.upper()]
    upper = sum(ch.isupper() for ch in cased)
    return len(cased) >= _CAPITALS_MIN_LETTERS and upper >= _CAPITALS_SHARE * len(cased)


def lower_case_in_place(text: str) -> str:
    """The text in lower case, every character where it was (offsets stay valid)."""
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)


def analyze_with(roster: Roster | None, names: Sequence[str] | None):
    """``Analyzer(roster, names).analyze``: a task for ``reflect.parallel.map_chunks``."""
    return Analyzer(roster, names).analyze
