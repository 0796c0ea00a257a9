"""A finished run, read back from its ``report.json``: the file itself (``load_report``, also
what ``reflect compare`` reads) and its themes with the refs a review uses for them."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from reflect.defaults import MIN_GROUP_SIZE
from reflect.errors import ConfigError
from reflect.review.edits import Review
from reflect.review.refs import EMERGING_PREFIX, report_ref


def load_report(path: Path) -> dict:
    """A run's ``report.json`` (the file, or the run folder holding it)."""
    path = Path(path)
    if path.is_dir():
        path = path / "report.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: no report.json here (run `reflect analyse` first)") from None
    except ValueError:
        raise ConfigError(f"{path}: not valid JSON") from None
    if not isinstance(data, dict) or "themes" not in data or "min_group_size" not in data:
        raise ConfigError(f"{path}: not a reflect report.json")
    return data


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
    min_group_size: int = MIN_GROUP_SIZE


def run_themes(report_json: Path) -> list[RunTheme]:
    """The themes of ``report.json`` (or of a run folder holding one)."""
    data = load_report(report_json)
    try:
        return [
            RunTheme(
                report_ref(t["id"], t.get("kind", ""), t.get("phrases", [])),
                t["id"],
                t["label"],
                t.get("kind", ""),
                t.get("participants"),
                list(t.get("phrases", [])),
                t,
                int(data.get("min_group_size", MIN_GROUP_SIZE)),
            )
            for t in data["themes"]
        ]
    except (KeyError, TypeError, AttributeError):
        raise ConfigError(f"{report_json}: not a reflect report.json") from None


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
    # Reports from before emerging ids were refs list "emerging_13": only a position.
    return any(
        t.ref == ref and t.kind == "emerging" and not t.ref.startswith(EMERGING_PREFIX)
        for t in themes
    )


def _resolve(name: str, themes: list[RunTheme], review: Review | None) -> str:
    known = {t.ref for t in themes} | (review.refs_used() if review else set())
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
