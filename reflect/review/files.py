"""The review file (``reflect-review.toml``): read and written whole, atomically."""

from __future__ import annotations

import hashlib
import json
import tomllib
from pathlib import Path
from typing import Annotated

import tomli_w
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from reflect.atomic import write_text
from reflect.config import (
    DEFAULT_REVIEW_FILE,  # noqa: F401 - one home, re-exported here
    describe,
)
from reflect.errors import ConfigError
from reflect.review.edits import Merge, Review, Split

Ref = Annotated[str, Field(min_length=1)]
Label = Annotated[str, Field(min_length=1)]

_HEADER = """\
# Theme review for reflect: edited by `reflect themes rename|merge|split|hide`, applied by
# `reflect analyse` on every run. Safe to edit by hand and to commit to git.
# Themes are named by ref: a taxonomy id, or "emerging:<hash>" for an emerging theme, which is
# recognised on later runs by the phrases listed for it under [emerging]. [made_for] records
# the programme the review belongs to: another programme's run skips it unless it is named
# with --review. [teach.<theme>] lists answers an analyst confirmed or rejected for a taxonomy
# theme (`reflect themes teach`), redacted, for assignment to learn from: a file with them
# holds answer text, so keep it where the workspace is kept, not beside shared reports.
"""


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid")


class _MergeEntry(_Entry):
    themes: Annotated[list[Ref], Field(min_length=2)]
    label: Label | None = None


class _SplitEntry(_Entry):
    theme: Ref
    phrases: Annotated[list[Label], Field(min_length=1)]
    label: Label


class _Signature(_Entry):
    phrases: list[str] = Field(default_factory=list)


class _Teach(_Entry):
    confirm: list[Label] = Field(default_factory=list)
    reject: list[Label] = Field(default_factory=list)


class _MadeFor(_Entry):
    programme: str | None = None
    fingerprint: str | None = None


class _ReviewFile(_Entry):
    """The file's schema: every entry has a type, so ``themes = "ab"`` (a string where a
    list belongs) is an error rather than a merge of themes ``a`` and ``b``."""

    hide: list[Ref] = Field(default_factory=list)
    rename: dict[str, Label] = Field(default_factory=dict)
    merge: list[_MergeEntry] = Field(default_factory=list)
    split: list[_SplitEntry] = Field(default_factory=list)
    emerging: dict[str, _Signature] = Field(default_factory=dict)
    teach: dict[str, _Teach] = Field(default_factory=dict)
    made_for: _MadeFor = Field(default_factory=_MadeFor)


def load_review(path: Path | None) -> Review:
    """The review in ``path``; an empty review if there is no such file (``reflect themes``
    creates it on the first edit)."""
    if path is None or not Path(path).exists():
        return Review()
    try:
        raw = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not UTF-8 text") from None
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"{path}: not valid TOML ({err})") from None
    try:
        data = _ReviewFile.model_validate(raw)
    except ValidationError as err:
        raise ConfigError(describe(err, path)) from None
    return Review(
        renames=dict(data.rename),
        hidden=list(data.hide),
        merges=[Merge(list(m.themes), m.label) for m in data.merge],
        splits=[Split(s.theme, list(s.phrases), s.label) for s in data.split],
        signatures={ref: list(sig.phrases) for ref, sig in data.emerging.items()},
        made_for=data.made_for.model_dump(exclude_none=True),
        teaching={
            ref: {"confirm": list(t.confirm), "reject": list(t.reject)}
            for ref, t in data.teach.items()
        },
    )


def programme_fingerprint(programme: str | None, columns: dict, taxonomy: list[str]) -> str:
    """What identifies a programme's setup, so a review is applied only to the programme it
    was made for: its name when it has one (cohorts of one programme share a review), else
    the export's column mapping and the taxonomy's theme ids."""
    if programme:
        basis: object = {"programme": programme.strip().casefold()}
    else:
        basis = {"columns": columns, "taxonomy": sorted(taxonomy)}
    text = json.dumps(basis, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def belongs_to(review: Review, fingerprint: str) -> bool:
    """False only when the review records another programme (files written before reviews
    recorded one apply everywhere, as they always did)."""
    recorded = review.made_for.get("fingerprint")
    return recorded is None or recorded == fingerprint


def made_for_label(review: Review) -> str:
    name = review.made_for.get("programme")
    return f"programme {name!r}" if name else "another programme (other columns or taxonomy)"


def save_review(review: Review, path: Path) -> None:
    used = review.refs_used()
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
    teaching = {
        ref: {verdict: texts for verdict, texts in entry.items() if texts}
        for ref, entry in review.teaching.items()
        if any(entry.values())
    }
    if teaching:
        data["teach"] = teaching
    if review.made_for:
        data["made_for"] = review.made_for
    write_text(path, _HEADER + "\n" + tomli_w.dumps(data))
