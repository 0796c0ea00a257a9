"""The analyst's theme review: rename, merge, split and hide themes, kept in a small TOML file
(``reflect-review.toml`` by default) that can be versioned in git and survives re-runs.

Edits name themes by **ref**, never by position:

* a taxonomy theme's ref is its taxonomy id (``hybrid_work``) — stable by construction;
* an emerging theme's ref is ``emerging:`` + 6 hex digits of a hash of its (up to three)
  reported phrases, and the review file keeps those phrases as its *signature*. On a later
  run the emerging theme whose phrase candidates contain most of the signature (at least
  half) is taken to be the same theme, so a theme whose clustering shifts a little keeps its
  edits. Only phrases the privacy stage already reported are stored, never rarer ones.

How edits are applied (``apply_review``), in this order, on the theme stage's ``Theme``
objects *before* the privacy stage, so every count of a changed theme goes through disclosure
control again:

1. ``split``: reflections of the theme containing any of the given phrases (whole words, any
   case) move to a new theme (id ``<ref>/<slug of label>``); the rest stay. Simple and
   predictable, rather than re-clustering.
2. ``merge``: the themes become one (union of reflections, so a person in both counts once),
   keeping the first theme's ref; phrase support is merged per phrase.
3. ``hide``: the theme is dropped from the report.

Renames change only a label, never a count, so they are applied to the ``SafeReport`` after
disclosure (``rename_report``): an emerging theme's label would otherwise be replaced by the
privacy stage, which names emerging themes from their authors' words.
"""

from __future__ import annotations

import hashlib
import json
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd
import tomli_w

from reflect import frames as F
from reflect.errors import ConfigError
from reflect.privacy.model import SafeReport
from reflect.themes.model import Phrase, Theme

DEFAULT_REVIEW_FILE = Path("reflect-review.toml")
EMERGING_PREFIX = "emerging:"
SIGNATURE_SIZE = 3
_CANDIDATES = 50  # how deep into a theme's phrase candidates a signature is looked for

_HEADER = """\
# Theme review for reflect: edited by `reflect themes rename|merge|split|hide`, applied by
# `reflect analyse` on every run. Safe to edit by hand and to commit to git.
# Themes are named by ref: a taxonomy id, or "emerging:<hash>" for an emerging theme, which is
# recognised on later runs by the phrases listed for it under [emerging].
"""


@dataclass
class Merge:
    themes: list[str]  # the first one keeps its ref
    label: str | None = None


@dataclass
class Split:
    theme: str
    phrases: list[str]
    label: str

    @property
    def new_ref(self) -> str:
        return f"{self.theme}/{_slug(self.label)}"


@dataclass
class Review:
    renames: dict[str, str] = field(default_factory=dict)
    hidden: list[str] = field(default_factory=list)
    merges: list[Merge] = field(default_factory=list)
    splits: list[Split] = field(default_factory=list)
    # emerging ref -> the reported phrases that identify it on later runs
    signatures: dict[str, list[str]] = field(default_factory=dict)

    def is_empty(self) -> bool:
        return not (self.renames or self.hidden or self.merges or self.splits)

    # --- edits (used by the CLI) -----------------------------------------------------
    def rename(self, ref: str, label: str) -> None:
        if not label.strip():
            raise ConfigError("a theme's new label cannot be empty")
        self.renames[ref] = label.strip()

    def hide(self, ref: str) -> None:
        if ref not in self.hidden:
            self.hidden.append(ref)

    def unhide(self, ref: str) -> None:
        self.hidden = [r for r in self.hidden if r != ref]

    def merge(self, refs: list[str], label: str | None = None) -> None:
        if len(set(refs)) < 2:
            raise ConfigError("merge needs at least two different themes")
        for m in self.merges:
            if set(m.themes) & set(refs):
                # Fold overlapping merges into one so the file stays easy to read.
                m.themes += [r for r in refs if r not in m.themes]
                m.label = label or m.label
                return
        self.merges.append(Merge(list(dict.fromkeys(refs)), label))

    def split(self, ref: str, phrases: list[str], label: str) -> Split:
        words = [p.strip() for p in phrases if p.strip()]
        if not words:
            raise ConfigError("split needs at least one --phrase")
        if not label.strip():
            raise ConfigError("split needs a --label for the new theme")
        new = Split(ref, words, label.strip())
        self.splits = [s for s in self.splits if s.new_ref != new.new_ref] + [new]
        return new

    def remember(self, ref: str, phrases: list[str]) -> None:
        """Keep an emerging theme's signature so later runs can find it again."""
        if ref.startswith(EMERGING_PREFIX):
            self.signatures[ref] = list(phrases[:SIGNATURE_SIZE])

    def status(self, ref: str) -> str:
        """One line on what the review does to a theme (for ``reflect themes list``)."""
        notes = []
        if ref in self.renames:
            notes.append(f"renamed to {self.renames[ref]!r}")
        for m in self.merges:
            if ref in m.themes[1:]:
                notes.append(f"merged into {m.themes[0]}")
            elif ref == m.themes[0]:
                notes.append("absorbs " + ", ".join(m.themes[1:]))
        for s in self.splits:
            if s.theme == ref:
                notes.append(f"split: {s.new_ref}")
        if ref in self.hidden:
            notes.append("hidden")
        return "; ".join(notes)


# --- identity ---------------------------------------------------------------------------
def emerging_ref(phrases: list[str]) -> str | None:
    """The ref of an emerging theme, from its reported phrases (None if it has none)."""
    top = sorted(p.lower() for p in phrases[:SIGNATURE_SIZE])
    if not top:
        return None
    digest = hashlib.sha256("|".join(top).encode("utf-8")).hexdigest()[:6]
    return EMERGING_PREFIX + digest


def report_ref(theme_id: str, kind: str, phrases: list[str]) -> str:
    """The ref of a theme as listed in a report.json."""
    if kind == "emerging" and not theme_id.startswith(EMERGING_PREFIX) and "/" not in theme_id:
        return emerging_ref(phrases) or theme_id
    return theme_id


def match_refs(themes: list[Theme], review: Review) -> dict[str, Theme]:
    """Find each ref the review uses among the themes of this run."""
    found = {t.id: t for t in themes if t.kind == "taxonomy" or not t.id.startswith("emerging_")}
    emerging = [t for t in themes if t.kind == "emerging"]
    scored = []
    for ref, signature in review.signatures.items():
        wanted = {p.lower() for p in signature}
        for i, t in enumerate(emerging):
            have = {p.text.lower() for p in t.phrases[:_CANDIDATES]}
            hits = len(wanted & have)
            if wanted and hits * 2 >= len(wanted):
                scored.append((-hits, ref, i))
    taken: set[int] = set()
    for _, ref, i in sorted(scored):
        if ref not in found and i not in taken:
            found[ref] = emerging[i]
            taken.add(i)
    return found


# --- applying ---------------------------------------------------------------------------
def apply_review(themes: list[Theme], review: Review, frame: pd.DataFrame) -> list[Theme]:
    """Split, merge and hide themes (see the module docstring). Refs the run does not have
    are skipped: a review outlives the data it was written against."""
    if review.is_empty():
        return themes
    by_ref = match_refs(themes, review)
    ref_of = {id(t): ref for ref, t in by_ref.items()}
    out = list(themes)
    texts = frame[F.TEXT].tolist()
    participants = frame[F.PARTICIPANT].tolist()
    for split in review.splits:
        parent = by_ref.get(split.theme)
        if parent is None or parent not in out:
            continue
        pattern = _phrase_pattern(split.phrases)
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


def rename_report(report: SafeReport, review: Review, themes: list[Theme]) -> SafeReport:
    """Apply the analyst's labels after disclosure (renames, and the labels given to merged
    and split themes, which the privacy stage would replace on emerging themes), matched
    through this run's themes. Explicit renames win."""
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


def _phrase_pattern(phrases: list[str]) -> re.Pattern[str]:
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
        pattern = _phrase_pattern([phrase.text])
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


def _slug(label: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", label.lower()).strip("_") or "part"


# --- the file ---------------------------------------------------------------------------
def load_review(path: Path | None) -> Review:
    if path is None or not Path(path).exists():
        return Review()
    try:
        raw = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"{path}: not valid TOML ({err})") from None
    try:
        return Review(
            renames={str(k): str(v) for k, v in raw.get("rename", {}).items()},
            hidden=[str(r) for r in raw.get("hide", [])],
            merges=[Merge(list(m["themes"]), m.get("label")) for m in raw.get("merge", [])],
            splits=[
                Split(s["theme"], list(s["phrases"]), s["label"]) for s in raw.get("split", [])
            ],
            signatures={
                str(k): list(v.get("phrases", [])) for k, v in raw.get("emerging", {}).items()
            },
        )
    except (KeyError, TypeError, AttributeError) as err:
        raise ConfigError(f"{path}: malformed review entry ({err})") from None


def save_review(review: Review, path: Path) -> None:
    used = _refs_used(review)
    data: dict = {}
    if review.hidden:
        data["hide"] = review.hidden
    if review.renames:
        data["rename"] = review.renames
    if review.merges:
        data["merge"] = [
            {"themes": m.themes, **({"label": m.label} if m.label else {})} for m in review.merges
        ]
    if review.splits:
        data["split"] = [
            {"theme": s.theme, "phrases": s.phrases, "label": s.label} for s in review.splits
        ]
    signatures = {r: {"phrases": p} for r, p in review.signatures.items() if r in used}
    if signatures:
        data["emerging"] = signatures
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(_HEADER + "\n" + tomli_w.dumps(data), encoding="utf-8")
    tmp.replace(path)


def _refs_used(review: Review) -> set[str]:
    refs = set(review.renames) | set(review.hidden) | {s.theme for s in review.splits}
    for m in review.merges:
        refs.update(m.themes)
    return refs


# --- the themes of a finished run (for the CLI) ------------------------------------------
@dataclass(frozen=True)
class RunTheme:
    """A theme as a run's report.json lists it, with the ref a review uses for it."""

    ref: str
    id: str
    label: str
    kind: str
    participants: int | None
    phrases: list[str]
    data: dict
    min_group_size: int = 5


def run_themes(report_json: Path) -> list[RunTheme]:
    """The themes of ``report.json`` (or of a run folder holding one)."""
    path = Path(report_json)
    if path.is_dir():
        path = path / "report.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        themes = data["themes"]
    except FileNotFoundError:
        raise ConfigError(f"{path}: no report.json here (run `reflect analyse` first)") from None
    except (ValueError, KeyError, TypeError):
        raise ConfigError(f"{path}: not a reflect report.json") from None
    return [
        RunTheme(
            report_ref(t["id"], t.get("kind", ""), t.get("phrases", [])),
            t["id"],
            t["label"],
            t.get("kind", ""),
            t.get("participants"),
            list(t.get("phrases", [])),
            t,
            int(data.get("min_group_size", 5)),
        )
        for t in themes
    ]


def resolve(
    name: str, themes: list[RunTheme], review: Review | None = None, for_edit: bool = True
) -> str:
    """The ref meant by ``name``: a ref, a report id, a label (any case) or a unique ref
    prefix. Refs only the review knows (hidden or merged-away themes) are accepted too."""
    ref = _resolve(name, themes, review)
    if for_edit and _unstable(ref, themes):
        raise ConfigError(
            f"{ref} has no phrase used by enough people, so it has no identity that would "
            "survive a re-run; it cannot be reviewed (its id is only its position)"
        )
    return ref


def _unstable(ref: str, themes: list[RunTheme]) -> bool:
    return any(t.ref == ref and t.kind == "emerging" and t.ref == t.id for t in themes)


def _resolve(name: str, themes: list[RunTheme], review: Review | None) -> str:
    known = {t.ref for t in themes} | (_refs_used(review) if review else set())
    if name in known:
        return name
    for t in themes:
        if name == t.id or name.casefold() == t.label.casefold():
            return t.ref
    if review:
        for ref, label in review.renames.items():
            if name.casefold() == label.casefold():
                return ref
    prefixed = sorted({r for r in known if r.startswith(name)})
    if len(prefixed) == 1:
        return prefixed[0]
    hint = f" (could be {', '.join(prefixed)})" if prefixed else ""
    raise ConfigError(f"no single theme called {name!r}{hint}; see `reflect themes list`")
