"""The programme taxonomy: themes an analyst expects, as data (``models/taxonomy.toml``)."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from reflect.errors import ConfigError


@dataclass(frozen=True)
class TaxonomyTheme:
    id: str
    label: str
    description: str
    seeds: tuple[str, ...]


def load_taxonomy(path: Path | None = None) -> list[TaxonomyTheme]:
    if path is None:
        text = resources.files("reflect.models").joinpath("taxonomy.toml").read_text("utf-8")
        where = "models/taxonomy.toml"
    else:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except FileNotFoundError:
            raise ConfigError(f"{path}: taxonomy file not found") from None
        where = str(path)
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"{where}: not valid TOML ({err})") from None
    themes, seen = [], set()
    for number, item in enumerate(raw.get("theme", []), start=1):
        missing = [k for k in ("id", "label", "seeds") if not item.get(k)]
        if missing:
            raise ConfigError(f"{where}: theme {number} lacks {', '.join(missing)}")
        if not re.fullmatch(r"[a-z0-9_]+", item["id"]):
            raise ConfigError(f"{where}: theme id {item['id']!r} must be lower_snake_case")
        if item["id"] in seen:
            raise ConfigError(f"{where}: theme id {item['id']!r} appears twice")
        seen.add(item["id"])
        themes.append(
            TaxonomyTheme(
                item["id"], item["label"], item.get("description", ""), tuple(item["seeds"])
            )
        )
    if not themes:
        raise ConfigError(f"{where}: no [[theme]] entries")
    return themes
