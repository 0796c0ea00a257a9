"""The review's edit model: what the analyst asked for, by theme ref (see ``reflect.review``).
Pure data and the rules for combining edits; nothing here reads themes or files."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reflect.errors import ConfigError
from reflect.review.refs import EMERGING_PREFIX, SIGNATURE_SIZE


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
    # The programme the review was made for (``programme`` name if it has one, and the
    # ``fingerprint`` of its setup, see ``reflect.review.files.programme_fingerprint``).
    made_for: dict[str, str] = field(default_factory=dict)
    # taxonomy theme ref -> {"confirm": [...], "reject": [...]}: answers (redacted text only)
    # the analyst judged for the theme (``reflect themes teach``), learnt on top of the seeds
    # by ``reflect.themes.teach``.
    teaching: dict[str, dict[str, list[str]]] = field(default_factory=dict)

    def record_programme(self, report: dict) -> None:
        """Record the programme of the run (a ``report.json``) the review is edited from."""
        if report.get("programme_fingerprint"):
            self.made_for = {"fingerprint": report["programme_fingerprint"]}
            if report.get("programme"):
                self.made_for["programme"] = report["programme"]

    def is_empty(self) -> bool:
        return not (self.renames or self.hidden or self.merges or self.splits or self.teaching)

    def refs_used(self) -> set[str]:
        """Every ref an edit names."""
        refs = set(self.renames) | set(self.hidden) | {s.theme for s in self.splits}
        for m in self.merges:
            refs.update(m.themes)
        return refs

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

    def teach(self, ref: str, texts: list[str], confirmed: bool = True) -> None:
        """Record answers (redacted) as belonging to a theme, or (``confirmed=False``) not."""
        entry = self.teaching.setdefault(ref, {"confirm": [], "reject": []})
        keep, drop = ("confirm", "reject") if confirmed else ("reject", "confirm")
        for text in texts:
            if text in entry[drop]:
                entry[drop].remove(text)
            if text not in entry[keep]:
                entry[keep].append(text)

    def unteach(self, ref: str) -> None:
        self.teaching.pop(ref, None)

    def judgements(self) -> list[tuple[str, str, bool]]:
        """(answer, theme ref, confirmed) for every taught answer."""
        return [
            (text, ref, verdict == "confirm")
            for ref, entry in self.teaching.items()
            for verdict in ("confirm", "reject")
            for text in entry.get(verdict, [])
        ]

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
        if entry := self.teaching.get(ref):
            notes.append(
                f"taught: {len(entry.get('confirm', []))} confirmed, "
                f"{len(entry.get('reject', []))} rejected"
            )
        return "; ".join(notes)


def _slug(label: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", label.lower()).strip("_") or "part"
