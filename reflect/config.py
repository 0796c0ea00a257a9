"""Run settings: one dataclass, filled from defaults, an optional ``reflect.toml`` and CLI
options (in that order of precedence, lowest first)."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

from reflect.errors import ConfigError

# The int8 ONNX export of the packaged weights: benchmarks/speed.py measures it several times
# faster than the plain sentence-transformers loop with mean cosine 0.992 to its vectors, and
# benchmarks/reflectsumm.py scores it within 0.15 ROUGE of fp32 (README "Speed").
# REFLECT_EMBEDDING_BACKEND overrides it ("sentence-transformers" is the fp32 reference).
DEFAULT_EMBEDDING_BACKEND = "onnx-int8"


def default_embedding_backend() -> str:
    return os.environ.get("REFLECT_EMBEDDING_BACKEND") or DEFAULT_EMBEDDING_BACKEND


@dataclass(frozen=True)
class ColumnMap:
    """Which source columns hold what. ``None`` means: guess from the header names."""

    text: tuple[str, ...] | None = None
    participant: str | None = None
    role: str | None = None
    session: str | None = None
    cohort: str | None = None
    date: str | None = None


@dataclass(frozen=True)
class Config:
    columns: ColumnMap = field(default_factory=ColumnMap)
    input: Path | None = None  # the reflections export, for `reflect analyse --config` alone
    out: Path | None = None  # where the CLI writes reports (default: out/)
    roster: Path | None = None
    taxonomy: Path | None = None  # None: the programme taxonomy shipped in models/
    workspace: Path = Path(".reflect")
    review: Path | None = None  # the analyst's theme review (reflect-review.toml)
    min_group_size: int = 5
    quotes: bool = False
    dp_epsilon: float | None = None
    filter: str | None = None  # e.g. 'cohort=Cohort A', 'session=1..3' (privacy.Filter)
    embedding_backend: str = field(default_factory=default_embedding_backend)
    formats: tuple[str, ...] = ("html", "md", "json", "csv")
    encoding: str = "utf-8"
    max_cell_chars: int = 20_000
    drop_duplicates: bool = False
    quiet: bool = False

    def __post_init__(self) -> None:
        if self.min_group_size < 2:
            raise ConfigError("--min-group-size must be at least 2")
        if self.dp_epsilon is not None and self.dp_epsilon <= 0:
            raise ConfigError("--dp-epsilon must be positive")
        if self.filter is not None:
            from reflect.groups import Filter

            Filter.parse(self.filter)  # a bad expression fails before any work is done
        if self.max_cell_chars < 1:
            raise ConfigError("--max-cell-chars must be positive")

    def with_overrides(self, **overrides: object) -> Config:
        """Apply the options a user actually gave (``None`` means "not given")."""
        column_keys = {f.name for f in fields(ColumnMap)}
        column_updates = {
            k: v for k, v in overrides.items() if k in column_keys and v not in (None, ())
        }
        updates = {k: v for k, v in overrides.items() if k not in column_keys and v is not None}
        unknown = set(updates) - {f.name for f in fields(Config)}
        if unknown:
            raise ConfigError(f"unknown setting(s): {', '.join(sorted(unknown))}")
        columns = replace(self.columns, **column_updates)
        return replace(self, columns=columns, **updates)


def load_config(path: Path | None) -> Config:
    """Read a ``reflect.toml`` (see README). Paths in it are relative to the file."""
    if path is None:
        return Config()
    try:
        raw = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: config file not found") from None
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"{path}: not valid TOML ({err})") from None
    base = Path(path).resolve().parent
    columns = raw.pop("columns", {})
    if "text" in columns and isinstance(columns["text"], str):
        columns["text"] = [columns["text"]]
    if "text" in columns:
        columns["text"] = tuple(columns["text"])
    try:
        column_map = ColumnMap(**columns)
    except TypeError as err:
        raise ConfigError(f"{path}: [columns] {err}") from None
    for key in ("input", "out", "roster", "taxonomy", "workspace", "review"):
        if key in raw:
            raw[key] = base / raw[key]
    if "formats" in raw:
        raw["formats"] = tuple(raw["formats"])
    known = {f.name for f in fields(Config)}
    unknown = set(raw) - known
    if unknown:
        raise ConfigError(f"{path}: unknown setting(s) {', '.join(sorted(unknown))}")
    return Config(columns=column_map, **raw)
