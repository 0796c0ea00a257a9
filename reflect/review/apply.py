"""Applying a review: ``apply_review`` splits, merges and hides the theme stage's themes before
the privacy stage; ``rename_report`` puts the analyst's labels on the disclosed report (see
``reflect.review`` for the order and why renames come last)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import TypeVar

import pandas as pd

from reflect import frames as F
from reflect.errors import DisclosureRefused
from reflect.review.edits import Review
from reflect.review.refs import EMERGING_PREFIX, match_refs
from reflect.themes.model import Phrase, Theme

Report = TypeVar("Report")  # the privacy stage's SafeReport (review runs before privacy)


@dataclass
class ReviewMoves:
    """What a review's edits move, judged by ``check_review_moves`` once the privacy stage
    has checked the ledger: whether a report may be written at all (the population, who
    changed) is decided first, so no refusal here answers a question about one person that
    the ledger would have refused to ask (red team, stop 38: without one participant, the
    split's refusal told what they wrote, where the ledger's would not have).

    ``phrase_writers``: each split phrase and everyone in the programme who wrote it;
    ``phrase_moves``: each split's theme, phrase and the theme's people that phrase alone
    moves; ``theme_moves``: each edited theme and by how many people it moved, a merged
    theme against each of its parts; ``left``: each split theme and the people it keeps."""

    phrase_writers: list[tuple[str, int]] = field(default_factory=list)
    phrase_moves: list[tuple[str, str, int]] = field(default_factory=list)
    theme_moves: list[tuple[str, int]] = field(default_factory=list)
    left: list[tuple[str, int]] = field(default_factory=list)


def apply_review(
    themes: list[Theme], review: Review, frame: pd.DataFrame, min_group_size: int | None = None
) -> list[Theme]:
    """Split, merge and hide themes (see ``reflect.review``). Refs the run does not have
    are skipped: a review outlives the data it was written against. With
    ``min_group_size`` k, an edit that moves a theme's participants by 1 to k−1 is refused
    (``check_review_moves``)."""
    reviewed, moves = review_with_moves(themes, review, frame)
    if min_group_size is not None:
        check_review_moves(moves, min_group_size)
    return reviewed


def review_with_moves(
    themes: list[Theme], review: Review, frame: pd.DataFrame, dp: bool = False
) -> tuple[list[Theme], ReviewMoves]:
    """The reviewed themes and what the review moved (``ReviewMoves``). ``dp``: for a
    differentially private report, which shows no emerging theme: they are set aside first,
    so an edit naming one finds none whether or not the run found it (red team, stop 41: a
    merge headed by one took a programme theme out of the report exactly when it existed)."""
    if dp:
        themes = [t for t in themes if t.kind != "emerging"]
    moves = ReviewMoves()
    if review.is_empty():
        return themes, moves
    people = frame[F.PARTICIPANT].tolist()
    texts = frame[F.TEXT].tolist()
    for split in review.splits:
        for phrase in split.phrases:
            pattern = phrase_pattern([phrase])
            writers = {who for text, who in zip(texts, people, strict=True) if pattern.search(text)}
            moves.phrase_writers.append((phrase, len(writers)))
    before = {id(t): len({people[i] for i in t.members}) for t in themes}
    reviewed = _apply(themes, review, frame, moves)
    # Ids as the review left them (a matched emerging theme takes its ref in place).
    sizes = {t.id: before[id(t)] for t in themes}
    for theme in reviewed:
        if theme.id in sizes:  # not a split's new part: its parent moved by its people
            moved = abs(len({people[i] for i in theme.members}) - sizes[theme.id])
            moves.theme_moves.append((_name(theme), moved))
    return reviewed, moves


def check_review_moves(moves: ReviewMoves, k: int) -> None:
    """Refuse a review that splits on a phrase fewer than k participants wrote anywhere in
    the programme, whose split moves fewer than k of a theme's people on one of its phrases
    (none included), or that moves a theme by 1 to k−1 people.

    Each phrase is judged alone: judged together, a common phrase beside one person's word
    ("adhd" with "none") passed, and the theme it then moved by one was named in the refusal
    (red team, stop 38). Judged theme by theme, which themes refused a rare phrase told which
    themes that person's answer had been given, so phrases are first judged on the whole
    programme (red team, 4 December 2026). A phrase moving none of a theme's people is
    refused like one moving a few: otherwise the refusal told which. Beside the unreviewed
    report — of this workspace or any other — a theme moved by a few gives those few
    people's theme, and in filtered views which view withheld it would name their group;
    decided on the whole programme, so every view gives the same answer."""
    for phrase, writers in moves.phrase_writers:
        if writers < k:
            raise DisclosureRefused(
                f"the theme review splits on {phrase!r}, which fewer than {k} participants "
                f"wrote: the split would show what those few wrote. Not written; split on "
                f"phrases each at least {k} people wrote, or report with --dp-epsilon"
            )
    for name, phrase, moved in moves.phrase_moves:
        if moved < k:
            raise DisclosureRefused(
                f"the theme review splits “{name}” on {phrase!r}, which fewer than {k} of its "
                "participants wrote (none, or a few): beside the unreviewed report it would "
                f"show what those few wrote. Not written; split on phrases each at least {k} "
                "of the theme's people wrote, or report with --dp-epsilon"
            )
    for name, kept in moves.left:
        if 0 < kept < k:
            raise DisclosureRefused(
                f"the theme review splits “{name}” leaving fewer than {k} of its participants "
                "outside the split: beside the unreviewed report it would show what those few "
                "wrote. Not written; split on fewer phrases, or report with --dp-epsilon"
            )
    for name, moved in moves.theme_moves:
        if 0 < moved < k:
            raise DisclosureRefused(
                f"the theme review moves “{name}” by fewer than {k} participants "
                "(a split on a phrase so few wrote, or a small theme merged): beside the "
                "unreviewed report it would show what those few wrote. Not written; split "
                f"on a phrase at least {k} people wrote, undo the edit, or report with --dp-epsilon"
            )


def _name(theme: Theme) -> str:
    # An emerging theme's label is not screened yet: it is named by its ref.
    return theme.label if theme.kind == "taxonomy" else theme.id


def _apply(
    themes: list[Theme], review: Review, frame: pd.DataFrame, moves: ReviewMoves | None = None
) -> list[Theme]:
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
        for phrase in split.phrases if moves is not None else ():
            alone = phrase_pattern([phrase])
            writers = {participants[i] for i in moved if alone.search(texts[i])}
            moves.phrase_moves.append((_name(parent), phrase, len(writers)))
        kept = [i for i in parent.members if not pattern.search(texts[i])]
        if moves is not None:
            # people none of whose answers moved: some of a mover's answers may stay
            outside = {participants[i] for i in kept} - {participants[i] for i in moved}
            moves.left.append((_name(parent), len(outside)))
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
        if moves is not None:  # each part moves by the others' people it did not hold
            people = len({participants[i] for i in members})
            moves.theme_moves += [
                (_name(p), people - len({participants[i] for i in p.members})) for p in parts
            ]
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
