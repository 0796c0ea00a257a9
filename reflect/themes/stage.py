"""The themes stage's run: ``find_themes`` assigns reflections to the taxonomy, finds emerging
themes among the rest and attaches each theme's phrases (see the package doc)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

import numpy as np
import pandas as pd

from reflect import frames as F
from reflect.defaults import MIN_GROUP_SIZE
from reflect.themes.assign import MARGIN, assign_themes
from reflect.themes.candidates import extract_candidates
from reflect.themes.emerging import find_emerging
from reflect.themes.empty import is_nothing_to_report
from reflect.themes.engine import parsed_rows, theme_phrases
from reflect.themes.facets import (
    choose_facets,
    facet_options,
    not_particular,
    specific_facets,
    widespread,
)
from reflect.themes.fit import TaxonomyFit, from_programme, measure_fit
from reflect.themes.framing import programme_framing
from reflect.themes.label import empty_answer_label, forms_of_one_word
from reflect.themes.model import Phrase, Theme
from reflect.themes.parse_cache import parse_keeping
from reflect.themes.presets import get_preset
from reflect.themes.seeds import theme_scores
from reflect.themes.taxonomy import TaxonomyTheme, shipped_programme
from reflect.themes.words import STOP_WORDS, TOKEN, WrittenAsSuch, folded

Embed = Callable[[Sequence[str]], np.ndarray]
NO_CONCERNS_ID = "no_concerns"


class FoundThemes(list):
    """The themes found (a ``list[Theme]``) and ``fit``, how well the taxonomy fitted."""

    def __init__(self, themes: list[Theme], fit: TaxonomyFit):
        super().__init__(themes)
        self.fit = fit


def find_themes(
    frame: pd.DataFrame,
    vectors: np.ndarray,
    taxonomy: list[TaxonomyTheme],
    embed: Embed,
    min_support: int = MIN_GROUP_SIZE,
    preset: str = "programme",
    workspace=None,
    teaching=None,
    chosen: bool = False,
    dp: bool = False,
    questions: Sequence[str] | None = (),
) -> FoundThemes:
    """``workspace``: keeps the reflections' parses between runs (``parse_cache.py``);
    ``teaching``: the analyst's judged answers (``teach.Teaching``); ``chosen``: the analyst
    named this taxonomy (else it is the one shipped in ``models/``, which is set aside when it
    does not fit: see ``fit.py``); ``dp``: the report is differentially private, so nothing it
    shows may turn on an exact count, the fit included: the taxonomy leads as given, the
    shipped one is set aside only when no role or question names its programme, and each
    answer's themes come from its own text (``assign_themes(local=True)``). ``questions``: the
    prompts the export asks, answered or not (``ingest.Export.questions``; None: unknown)."""
    F.check_columns(frame, F.REDACTED_COLUMNS, "themes")
    settings = get_preset(preset)
    if settings.min_support != min_support:
        settings = replace(settings, min_support=min_support)
    texts = frame[F.TEXT].tolist()
    participants = frame[F.PARTICIPANT].tolist()
    prompts = frame[F.PROMPT].astype(str).tolist()
    prompt = programme_framing(frame)
    found = assign_themes(vectors, taxonomy, embed, texts, prompts, teaching, participants,
                          min_support, local=dp)  # fmt: skip
    membership = found.membership
    reached = found.reached if found.reached is not None else membership
    fit = measure_fit(reached, found.topical, [t.kind for t in taxonomy])
    if dp:  # one answer would tip a fit judged on the answers (red team, stop 41)
        fit = replace(fit, fits=True, measured=False)
    # Under DP the shipped taxonomy leads as given: a role one person holds switched it on
    # and off (red team, stop 42); the fit, not measured, says so.
    programme = shipped_programme() if taxonomy and not chosen and not dp else None
    if programme and not from_programme(frame, programme[1], min_support, questions=questions):
        fit = replace(fit, fits=False, other_programme=programme[0])
    if taxonomy and not fit.fits and not chosen:
        # What the shipped taxonomy takes from answers it does not fit was forced into it:
        # counting it would report job roles as careers. An analyst's own taxonomy keeps its
        # counts (they asked for them; the report says it fits poorly and leads with the
        # themes found). A "nothing to report" theme is no domain's.
        counted = np.array([t.kind == "nothing" for t in taxonomy], dtype=bool)
        fit = replace(fit, set_aside=tuple(t.label for t in taxonomy if t.kind != "nothing"))
        taxonomy = [t for t in taxonomy if t.kind == "nothing"]
        membership = membership[:, counted]
    groups = [np.flatnonzero(membership[:, j]) for j in range(len(taxonomy))]
    groups.append(np.flatnonzero(~membership.any(axis=1)))
    # Every group's sample is parsed up front in one batch (spread over the cores when large),
    # after taking the workspace's parses of earlier runs. The groups' steps below find these
    # parses in ``candidates.PARSES``; one that is not there is parsed again, same result.
    sampled = sorted({int(r) for rows in groups for r in _parsed(rows, texts, settings)})
    sample = [texts[i] for i in sampled]
    parse_keeping(workspace, sample, prompt)
    themes = _themes(
        texts, participants, vectors, taxonomy, membership, embed, settings, prompt, prompts, fit,
        questions,
    )  # fmt: skip
    return FoundThemes(themes, fit)


def _themes(
    texts, participants, vectors, taxonomy, membership, embed, settings, prompt, prompts, fit,
    questions,
) -> list[Theme]:  # fmt: skip
    themes = []
    for j, spec in enumerate(taxonomy):
        members = np.flatnonzero(membership[:, j]).tolist()
        phrases = theme_phrases(
            [texts[i] for i in members], [participants[i] for i in members], embed, settings,
            prompt,
        )  # fmt: skip
        themes.append(Theme(spec.id, spec.label, "taxonomy", spec.description, members, phrases,
                            nothing_to_report=spec.kind == "nothing"))  # fmt: skip
    if not any(t.kind == "nothing" for t in taxonomy):  # else that theme took those answers
        # (a fit not measured: a differentially private report, ``find_themes``)
        themes.extend(_no_concerns(texts, prompts, always=not fit.measured, asked=questions))
    explained = None
    # A taxonomy that does not fit explains nothing reliably: its topic themes were set aside
    # (``find_themes``) and topics are found among all sentences instead (``fit.py``).
    if taxonomy and fit.fits:

        def explained(v):  # noqa: E306 - each sentence's best taxonomy score
            return theme_scores(v, taxonomy, embed).max(axis=1)

    topics = find_emerging(
        texts, participants, embed, explained, settings.min_support, prompt,
        settings.max_themes or 15, prompts,
    )  # fmt: skip
    if explained is not None:
        topics = [t for t in topics if not _named_by_the_taxonomy(t.label, taxonomy)]
    for topic in topics:
        themes.append(
            Theme(f"emerging_{len(themes)}", topic.label, "emerging", "", topic.members,
                  topic.phrases)
        )  # fmt: skip
    themes = distinctive(themes, participants)
    faceted = [t for t in themes if t.kind == "emerging" or t.id in {s.id for s in taxonomy}]
    # The emerging themes' answers not parsed yet, in one batch (see ``find_themes``).
    extract_candidates(
        [texts[r] for t in faceted for r in _parsed(t.members, texts, settings)], prompt
    )
    options = {}
    answers_with = WrittenAsSuch(texts, range(len(texts))).writers
    written_by = WrittenAsSuch(texts, participants).by
    common = widespread(themes)
    for theme in faceted:
        rows = theme.members
        skip = not_particular(theme, len(texts), answers_with, common)
        options[theme.id] = facet_options(
            [texts[i] for i in rows], [participants[i] for i in rows], embed, settings,
            prompt, vectors[rows], skip,
        )  # fmt: skip
        theme.phrases = particular_phrases(theme, skip, written_by, settings.min_support)
        # Every option is judged by the rules below; each sub-theme then keeps its first.
        theme.facets = [phrase for phrases in options[theme.id] for phrase in phrases]
    # How everyone writes is judged on every theme's facet options and particular phrases,
    # before each theme keeps its own.
    themes = _beyond_the_label(
        _facets_about_their_theme(specific_facets(themes, texts), taxonomy, embed)
    )
    for theme in faceted:
        kept = {id(phrase) for phrase in theme.facets}  # the rules keep the very objects
        theme.facets = choose_facets(options[theme.id], lambda p, kept=kept: id(p) in kept)
    return themes


def particular_phrases(
    theme: Theme, skip: Callable[[str], bool], written_by: Callable[[str], int], k: int
) -> list[Phrase]:
    """The theme's phrases without those ``skip`` (``facets.not_particular``) finds no
    theme's own: a card without facets lists its phrases, and a word there as generic as a
    facet would be ("company", "staff", "job" under inclusion, whose own words the privacy
    screen holds back) says nothing of the theme. Nor one fewer than k people wrote as such
    (``written_by``): a family of phrases is shown by one of them, and "only anything", one
    person's turn of phrase on a held-out export, stood for a family k people backed. An
    emerging theme's label stays first (``label.written_label`` judged it)."""
    return [
        p for n, p in enumerate(theme.phrases)
        if (n == 0 and theme.kind == "emerging")
        or (not skip(folded(p.text)) and written_by(p.text) >= k)
    ]  # fmt: skip


def _named_by_the_taxonomy(label: str, taxonomy: list[TaxonomyTheme]) -> bool:
    """An emerging label made only of one taxonomy theme's label words ("marking" beside
    "Marking and feedback workload", "listening" beside "The coach's listening and
    challenge"): that theme in its writers' own words, shown twice under two names (four
    held-out exports, 4 December 2026), not a new topic."""
    words = [w for w in TOKEN.findall(label.lower()) if w not in STOP_WORDS]
    return bool(words) and any(
        all(any(forms_of_one_word(w, x) for x in TOKEN.findall(spec.label.lower())) for w in words)
        for spec in taxonomy
        if spec.kind == "topic"
    )


def _parsed(rows: Sequence[int], texts: Sequence[str], settings) -> list[int]:
    """The rows of a group whose phrases the engine extracts."""
    return [rows[i] for i in parsed_rows([texts[r] for r in rows], settings)]


# A phrase is clearly another theme's when it scores at least this there (as ``theme_scores``
# scores an answer). A bare phrase scores lower than a sentence: the name of a tool scores
# about 0.5 for the theme about that kind of tool, while a phrase about no theme in particular
# ("short demo") scores about 0.3 at best and stays with the theme whose people wrote it
# (dev: the Jupyter survey with its own taxonomy, the workshop corpus, the demo; README).
ELSEWHERE = 0.40


def _facets_about_their_theme(themes: list[Theme], taxonomy, embed) -> list[Theme]:
    """A taxonomy theme's facets and phrases must not be clearly another theme's: scored
    against the taxonomy as an answer is (``theme_scores``), none may score ``ELSEWHERE`` or
    more for another theme and trail it by more than ``MARGIN`` here. An answer raising two
    things brings both into each theme's phrases, and "merge conflicts (8)" under "Exporting
    and reporting" is the version-control theme's sub-topic, not this one's."""
    topics = [t for t in taxonomy if t.kind == "topic"]
    index = {t.id: j for j, t in enumerate(topics)}
    judged = [t for t in themes if t.id in index]
    emerging = [t for t in themes if t.kind == "emerging" and t.facets]
    texts = sorted({p.text for t in judged for p in [*t.facets, *t.phrases]}
                   | {f.text for t in emerging for f in t.facets})  # fmt: skip
    if not topics or not texts:
        return themes
    vectors = dict(zip(texts, embed(texts), strict=True))
    scores = dict(zip(texts, theme_scores(np.stack(list(vectors.values())), topics, embed),
                      strict=True))  # fmt: skip

    def elsewhere(phrase, own: float) -> bool:  # clearly another theme's
        best = float(scores[phrase.text].max())
        return best >= ELSEWHERE and own < best - MARGIN

    def about(phrase, j: int) -> bool:
        return not elsewhere(phrase, float(scores[phrase.text][j]))

    for theme in judged:
        j = index[theme.id]
        theme.facets = [f for f in theme.facets if about(f, j)]
        theme.phrases = [p for p in theme.phrases if about(p, j)]
    # An emerging theme has no seeds but its label: "merge conflicts" under "laptop batteries"
    # is the taxonomy's version control.
    labels = embed([t.label for t in emerging]) if emerging else []
    for theme, label in zip(emerging, labels, strict=True):
        theme.facets = [f for f in theme.facets if not elsewhere(f, float(vectors[f.text] @ label))]
    return themes


def _beyond_the_label(themes: list[Theme]) -> list[Theme]:
    """A card says what its label does not: "project" beside "projects", "processing" under
    "image processing" and "editor (12)" under "text editor" only repeat it, and a phrase
    written in two forms ("code cell", "code cells") is shown once, counting both. The label's
    own phrase stays first in an emerging theme's phrases: the report names it by that."""
    for theme in themes:
        own = set(folded(theme.label).split())
        merged: dict[str, Phrase] = {}
        for phrase in theme.phrases:
            if phrase.text != theme.label and _within(phrase.text, own):
                continue
            first = merged.setdefault(folded(phrase.text), phrase)
            if first is not phrase:
                merged[folded(phrase.text)] = Phrase(
                    first.text, first.participants | phrase.participants
                )
        theme.phrases = list(merged.values())
        theme.facets = [f for f in theme.facets if not _within(f.text, own)]
    return themes


def _within(text: str, words: set[str]) -> bool:
    return set(folded(text).split()) <= words


def _no_concerns(
    texts: Sequence[str], prompts: Sequence[str], always: bool, asked: Sequence[str] | None = ()
) -> list[Theme]:
    """Answers saying there is nothing to report, to questions that ask about problems
    ("nothing" to "what worked well?" is no theme). ``always``: the theme is there when a
    question the export asks (``asked``, answered or not; None: unknown) asks about problems,
    even with no member — under differential privacy its presence would be an exact
    "somebody said so" (red team, stop 41: 20 of 20 answers read; then "somebody answered
    that question")."""
    asks = {p: empty_answer_label(p) is not None for p in {*prompts, *(asked or ())}}
    members = [i for i, (t, p) in enumerate(zip(texts, prompts, strict=True))
               if asks[p] and is_nothing_to_report(t)]  # fmt: skip
    # (None: which questions the export asks is the answers' to say, so any may ask)
    asking = asked is None or any(asks[p] for p in asked or prompts)
    if not members and not (always and asking):
        return []
    # Built in, not written by anyone: its label can be shown as is.
    description = "Answers saying there was nothing to report."
    return [Theme(NO_CONCERNS_ID, "No concerns", "taxonomy", description, members,
                  nothing_to_report=True)]  # fmt: skip


# An emerging theme's label must be used by its people at least this many times as often as
# by everyone: "team" or "years" turn up in every kind of reflection and name no new topic.
MIN_LABEL_LIFT = 2.0


def distinctive(themes: list[Theme], participants: Sequence[str]) -> list[Theme]:
    """Phrases ranked by how much more often a theme's people use them than everyone does
    (people x log lift, as c-TF-IDF weighs words by class), so "promotion" describes careers
    rather than "team", which every theme's people write; emerging themes whose label is no
    more typical of them than of anyone are dropped."""
    everyone = len(set(participants))
    users: dict[str, set[str]] = {}
    for theme in themes:
        for phrase in theme.phrases:
            users.setdefault(phrase.text, set()).update(phrase.participants)

    def lift(phrase: Phrase, people: int) -> float:
        inside = len(phrase.participants) / max(people, 1)
        return inside / (len(users[phrase.text]) / max(everyone, 1))

    kept = []
    for theme in themes:
        people = len({participants[i] for i in theme.members})
        if theme.kind == "emerging" and theme.phrases:
            label = next((p for p in theme.phrases if p.text == theme.label), theme.phrases[0])
            if lift(label, people) < MIN_LABEL_LIFT:
                continue
            kept.append(theme)
            continue  # the label leads its phrases
        weight = {
            p.text: len(p.participants) * np.log(max(lift(p, people), 1e-9)) for p in theme.phrases
        }
        theme.phrases = sorted(theme.phrases, key=lambda p: -weight[p.text])
        kept.append(theme)
    return kept
