"""The review file (``reflect-review.toml``): read and written whole, atomically."""

from __future__ import annotations

import tomllib
from pathlib import Path

import tomli_w

from reflect.config import DEFAULT_REVIEW_FILE  # noqa: F401 - one home, re-exported here
from reflect.errors import ConfigError
from reflect.review.edits import Merge, Review, Split

_HEADER = """\
# Theme review for reflect: edited by `reflect themes rename|merge|split|hide`, applied by
# `reflect analyse` on every run. Safe to edit by hand and to commit to git.
# Themes are named by ref: a taxonomy id, or "emerging:<hash>" for an emerging theme, which is
# recognised on later runs by the phrases listed for it under [emerging].
"""


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
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(_HEADER + "\n" + tomli_w.dumps(data), encoding="utf-8")
    tmp.replace(path)
