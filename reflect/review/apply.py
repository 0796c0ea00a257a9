"""Applying a review: ``apply_review`` splits, merges and hides the theme stage's themes before
the privacy stage; ``rename_report`` puts the analyst's labels on the disclosed report (see
``reflect.review`` for the order and why renames come last)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from typing import TypeVar

import pandas as pd

from reflect import frames as F
from reflect.errors import DisclosureRefused
from reflect.review.edits import Review
from reflect.review.refs import EMERGING_PREFIX, match_refs
from reflect.themes.model import Phrase, Theme

Report = TypeVar("Report")  # the privacy stage's SafeReport (review runs before privacy)


def apply_review(
    themes: list[Theme], review: Review, frame: pd.DataFrame, min_group_size: int | None = None
) -> list[Theme]:
    """Split, merge and hide themes (see ``reflect.review``). Refs the run does not have
    are skipped: a review outlives the data it was written against. With
    ``min_group_size`` k, an edit that moves a theme's participants by 1 to k−1 is refused
    (``refuse_small_moves``)."""
    if review.is_empty():
        return themes
    if min_group_size is None:
        return _apply(themes, review, frame)
    people = frame[F.PARTICIPANT].tolist()
    refuse_rare_split_phrases(review, frame[F.TEXT].tolist(), people, min_group_size)
    before = {id(t): len({people[i] for i in t.members}) for t in themes}
    reviewed = _apply(themes, review, frame)
    # Ids as the review left them (a matched emerging theme takes its ref in place).
    refuse_small_moves({t.id: before[id(t)] for t in themes}, reviewed, people, min_group_size)
    return reviewed


def refuse_rare_split_phrases(review: Review, texts: list[str], people: list[str], k: int):
    """Refuse a split on phrases fewer than k participants wrote anywhere in the programme,
    whichever theme it splits. Judged theme by theme, which themes refused it (or withheld a
    cell) told which themes that one person's answer had been given (red team, 4 December
    2026); judged on the whole programme, the answer says nothing about any theme."""
    for split in review.splits:
        pattern = phrase_pattern(split.phrases)
        writers = {who for text, who in zip(texts, people, strict=True) if pattern.search(text)}
        if len(writers) < k:
            raise DisclosureRefused(
                f"the theme review splits on {', '.join(map(repr, split.phrases))}, which fewer "
                f"than {k} participants wrote: the split would show what those few wrote. Not "
                f"written; split on a phrase at least {k} people wrote, or report with "
                "--dp-epsilon"
            )


def refuse_small_moves(
    before: dict[str, int], themes: list[Theme], people: list[str], k: int
) -> None:
    """Refuse a review whose split or merge moves a theme's participants by 1 to k−1: beside
    the unreviewed report — of this workspace or of any other — the difference is those few
    people's theme, and in filtered views which view withholds it would name their group.
    Decided on the whole programme, so every view of it gives the same answer."""
    for theme in themes:
        if theme.id not in before:
            continue  # a split's new part: its parent moved by its people
        moved = abs(len({people[i] for i in theme.members}) - before[theme.id])
        if 0 < moved < k:
            # An emerging theme's label is not screened yet: it is named by its ref.
            name = theme.label if theme.kind == "taxonomy" else theme.id
            raise DisclosureRefused(
                f"the theme review moves “{name}” by fewer than {k} participants "
                "(a split on a phrase so few wrote, or a small theme merged): beside the "
                "unreviewed report it would show what those few wrote. Not written; split "
                f"on a phrase at least {k} people wrote, undo the edit, or report with --dp-epsilon"
            )


def _apply(themes: list[Theme], review: Review, frame: pd.DataFrame) -> list[Theme]:
    by_ref = match_refs(themes, review)
    for ref, theme in by_ref.items():
        if ref.startswith(EMERGING_PREFIX) and theme.id.startswith("emerging_"):
            theme.id = ref  # found again by its signature: it keeps the analyst's ref
    ref_of = {id(t): ref for ref, t in by_ref.items()}
    out = list(themes)
    texts = frame[F.TEXT].tolist()
    participants = frame[F.PARTICIPANT].tolist()
    for split in review.splits:
        parent = by_ref.get(split.theme)
        if parent is None or parent not in out:
            continue
        pattern = phrase_pattern(split.phrases)
        moved = [i for i in parent.members if pattern.search(texts[i])]
        kept = [i for i in parent.members if not pattern.search(texts[i])]
        child = Theme(
            split.new_ref,
            split.label,
            parent.kind,
            f"Part of “{parent.label}”: reflections mentioning {', '.join(split.phrases)}.",
            moved,
            _phrases_within(parent.phrases, moved, texts, participants),
        )
        rest = replace(
            parent, members=kept, phrases=_phrases_within(parent.phrases, kept, texts, participants)
        )
        out[out.index(parent)] = rest
        out.insert(out.index(rest) + 1, child)
        ref_of[id(rest)] = split.theme
        ref_of[id(child)] = split.new_ref
        by_ref[split.theme], by_ref[split.new_ref] = rest, child
    for merge in review.merges:
        parts = [by_ref[r] for r in merge.themes if r in by_ref and by_ref[r] in out]
        if len(parts) < 2:
            continue
        head = parts[0]
        members = sorted(set().union(*(p.members for p in parts)))
        merged = replace(
            head,
            label=merge.label or head.label,
            members=members,
            phrases=_union_phrases(p.phrases for p in parts),
        )
        out[out.index(head)] = merged
        for p in parts[1:]:
            out.remove(p)
        ref_of[id(merged)] = ref_of.get(id(head), head.id)
        for r in merge.themes:
            by_ref[r] = merged
    hidden = {id(by_ref[r]) for r in review.hidden if r in by_ref}
    return [t for t in out if id(t) not in hidden]


def rename_report(report: Report, review: Review, themes: list[Theme]) -> Report:
    """Apply the analyst's labels to a disclosed report (renames, and the labels given to
    merged and split themes, which the privacy stage would replace on emerging themes),
    matched through this run's themes. Explicit renames win."""
    if review.is_empty():
        return report
    by_ref = match_refs(themes, review)
    labels = {}
    for merge in review.merges:  # a merged theme answers to every ref it absorbed
        head = next((by_ref[r] for r in merge.themes if r in by_ref), None)
        if head is not None:
            for r in merge.themes:
                by_ref.setdefault(r, head)
            if merge.label:
                labels[head.id] = merge.label
    for split in review.splits:
        labels[split.new_ref] = split.label
    for ref, label in review.renames.items():
        theme = by_ref.get(ref)
        labels[theme.id if theme is not None else ref] = label
    for i, safe in enumerate(report.themes):
        if safe.id in labels:
            report.themes[i] = replace(safe, label=labels[safe.id])
    return report


def phrase_pattern(phrases: list[str]) -> re.Pattern[str]:
    """Any of the phrases as whole words, any case."""
    alternatives = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def _phrases_within(
    phrases: list[Phrase], rows: list[int], texts: list[str], participants: list[str]
) -> list[Phrase]:
    """A theme's phrases restricted to some of its reflections. A phrase counts a person
    only where one of those reflections literally contains it: an undercount for lemmatised
    phrases, never an overcount, so disclosure control stays conservative."""
    out = []
    for phrase in phrases:
        pattern = phrase_pattern([phrase.text])
        people = frozenset(participants[i] for i in rows if pattern.search(texts[i]))
        if people:
            out.append(Phrase(phrase.text, people))
    return sorted(out, key=lambda p: (-len(p.participants), p.text))


def _union_phrases(groups: Iterable[list[Phrase]]) -> list[Phrase]:
    people: dict[str, set[str]] = {}
    for phrases in groups:
        for p in phrases:
            people.setdefault(p.text, set()).update(p.participants)
    ranked = sorted(people.items(), key=lambda kv: (-len(kv[1]), -len(kv[0].split()), kv[0]))
    return [Phrase(text, frozenset(who)) for text, who in ranked]
