"""The programme taxonomy: themes an analyst expects, as data (``models/taxonomy.toml``).

A theme needs an ``id`` and a ``label``; a ``description`` and ``seeds`` (short examples of how
people write about it) make matching better but are optional, so a list of labels is already a
taxonomy. Two optional keys say what kind of answer a theme is:

- ``kind``: ``"topic"`` (the default), ``"nothing"`` — the answers saying there is nothing to
  report ("No concerns", "N/A") — or ``"other"``, the catch-all for answers with a topic that no
  other theme takes. Left out, a label that is itself a "nothing to report" answer ("No
  confusion") makes a ``nothing`` theme and a label that only says "other" ("Other",
  "Other comments", "Miscellaneous") an ``other`` theme: coding frames are written that way.
- ``stance``: ``"any"`` (the default), ``"positive"`` (praise: "Clear explanations") or
  ``"negative"`` (problems and requests for change: "Wants more depth"). An answer to a question
  asking what went well is never counted for a negative theme, nor an answer to a question
  asking what went wrong for a positive one (``stance.py``).

``--taxonomy none`` (``load_taxonomy(Path("none"))``) is the empty taxonomy: every theme is then
found in the answers themselves.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Literal

from reflect.errors import ConfigError

Kind = Literal["topic", "nothing", "other"]
Stance = Literal["any", "positive", "negative"]
KINDS: tuple[str, ...] = ("topic", "nothing", "other")
STANCES: tuple[str, ...] = ("any", "positive", "negative")
NO_TAXONOMY = "none"

# A label that names only the rest: "Other", "Other statements", "Misc.", "Anything else".
_CATCH_ALL = re.compile(
    r"^\W*(?:other|others|misc\.?|miscellaneous|anything else|everything else|rest)"
    r"(?:\s+(?:statements?|comments?|answers?|responses?|topics?|issues?|feedback|things?))?\W*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class TaxonomyTheme:
    id: str
    label: str
    description: str = ""
    seeds: tuple[str, ...] = ()
    kind: Kind = "topic"
    stance: Stance = "any"

    @classmethod
    def from_label(cls, id: str, label: str, **fields) -> TaxonomyTheme:
        """A theme whose kind, when not given, is read from its label (see the module doc)."""
        kind = fields.pop("kind", None) or label_kind(label)
        return cls(id, label, kind=kind, **fields)


def label_kind(label: str) -> Kind:
    from reflect.themes.empty import is_empty_answer

    if _CATCH_ALL.match(label):
        return "other"
    if is_empty_answer(label):
        return "nothing"
    return "topic"


def shipped_programme() -> tuple[str, tuple[str, ...]] | None:
    """The kind of programme the shipped taxonomy is written for and the words naming it
    (its ``[programme]``; see ``fit.from_programme``)."""
    text = resources.files("reflect.models").joinpath("taxonomy.toml").read_text("utf-8")
    programme = tomllib.loads(text).get("programme")
    if not programme:
        return None
    return str(programme["name"]), tuple(str(w).lower() for w in programme["words"])


def load_taxonomy(path: Path | None = None) -> list[TaxonomyTheme]:
    if path is not None and str(path).strip().lower() == NO_TAXONOMY:
        return []
    if path is None:
        text = resources.files("reflect.models").joinpath("taxonomy.toml").read_text("utf-8")
        where = "models/taxonomy.toml"
    else:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except FileNotFoundError:
            raise ConfigError(
                f"{path}: taxonomy file not found (--taxonomy none finds every theme in the "
                "answers)"
            ) from None
        where = str(path)
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"{where}: not valid TOML ({err})") from None
    themes, seen = [], set()
    for number, item in enumerate(raw.get("theme", []), start=1):
        themes.append(_theme(item, number, where, seen))
    if not themes:
        other = [f"[[{k}]]" for k, v in raw.items() if isinstance(v, list) and k != "theme"]
        found = f" (it has {', '.join(other)}: each theme is a [[theme]] table)" if other else ""
        raise ConfigError(f"{where}: no [[theme]] entries{found}")
    return themes


# A label the embedding model reads whole (it stops at 256 tokens, a token at least a
# character): past that, a word only the label-word reader saw made two labels the model read
# alike name different answers (red team, stop 40; one hyphenated "word", stop 41).
MAX_LABEL_WORDS = 20
MAX_LABEL_CHARS = 120


def _theme(item: dict, number: int, where: str, seen: set[str]) -> TaxonomyTheme:
    item = {k: _plain(v) if isinstance(v, str) else v for k, v in item.items()}
    missing = [k for k in ("id", "label") if not item.get(k)]
    if missing:
        raise ConfigError(f"{where}: theme {number} lacks {', '.join(missing)}")
    ident = item["id"]
    if not isinstance(ident, str) or not re.fullmatch(r"[a-z0-9_]+", ident):
        raise ConfigError(f"{where}: theme id {ident!r} must be lower_snake_case")
    if ident in seen:
        raise ConfigError(f"{where}: theme id {ident!r} appears twice")
    seen.add(ident)
    label = str(item["label"])
    if len(label.split()) > MAX_LABEL_WORDS or len(label) > MAX_LABEL_CHARS:
        raise ConfigError(
            f"{where}: theme {ident!r}: a label is a short name (at most {MAX_LABEL_WORDS} "
            f"words and {MAX_LABEL_CHARS} characters); put the rest in its description"
        )
    for key, allowed in (("kind", KINDS), ("stance", STANCES)):
        if key in item and item[key] not in allowed:
            raise ConfigError(
                f"{where}: theme {ident!r} has {key} {item[key]!r}; use one of {', '.join(allowed)}"
            )
    seeds = item.get("seeds", [])
    seeds = (
        [_plain(s) if isinstance(s, str) else s for s in seeds]
        if isinstance(seeds, list)
        else seeds
    )
    if not isinstance(seeds, list) or not all(isinstance(s, str) and s.strip() for s in seeds):
        raise ConfigError(f"{where}: theme {ident!r}: seeds must be a list of phrases")
    return TaxonomyTheme.from_label(
        ident,
        str(item["label"]),
        description=str(item.get("description", "")),
        seeds=tuple(seeds),
        kind=item.get("kind"),
        stance=item.get("stance", "any"),
    )


def _plain(text: str) -> str:
    """The text as the embedding model reads it: compatibility forms folded (NFKC) and
    invisible format characters (soft hyphens, zero-width spaces) dropped. A soft hyphen the
    model ignored split a label word for the label-word reader, so two labels the model read
    alike named different answers (red team, stop 39)."""
    folded = unicodedata.normalize("NFKC", text)
    return "".join(ch for ch in folded if unicodedata.category(ch) != "Cf")
