"""Run settings: one typed model, filled from defaults, an optional ``reflect.toml`` and CLI
options (in that order of precedence, lowest first).

Settings are decoded with pydantic against the types below, so a wrong type anywhere —
``min_group_size = "five"``, ``formats = "html"`` — stops with one line naming the file and
the key (exit 2) instead of failing later or being misread. Numbers and switches are strict
(TOML has real numbers and booleans; a quoted one is a mistake); paths and lists are
accepted from the plain strings and lists a TOML file or a Python caller gives.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    StrictFloat,
    StrictInt,
    ValidationError,
    field_validator,
    model_validator,
)

from reflect import defaults
from reflect.errors import ConfigError

# The int8 ONNX export of the packaged weights: benchmarks/speed.py measures it several times
# faster than the plain sentence-transformers loop with mean cosine 0.992 to its vectors, and
# benchmarks/reflectsumm.py scores it within 0.15 ROUGE of fp32 (README "Speed").
# REFLECT_EMBEDDING_BACKEND overrides it ("sentence-transformers" is the fp32 reference).
DEFAULT_EMBEDDING_BACKEND = "onnx-int8"
DEFAULT_REVIEW_FILE = defaults.REVIEW_FILE
DEFAULT_FORMATS = defaults.FORMATS
DEFAULT_MIN_GROUP_SIZE = defaults.MIN_GROUP_SIZE


def default_embedding_backend() -> str:
    return os.environ.get("REFLECT_EMBEDDING_BACKEND") or DEFAULT_EMBEDDING_BACKEND


def _one_or_many(value: Any) -> Any:
    # ``text = "What worked?"`` means one text column; any other non-list stays as it is
    # so that the type check rejects it.
    return (value,) if isinstance(value, str) else value


ColumnName = Annotated[str, Field(min_length=1)]
Noun = Annotated[str, Field(pattern=r"^[^\W\d_][^\W\d_ -]*(?:[ -][^\W\d_]+)*$", max_length=40)]


class _Settings(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ColumnMap(_Settings):
    """Which source columns hold what. ``None`` means: guess from the header names.

    ``prompt`` is for long-format exports (one row per answer, a column naming the question
    and one column holding the answer): it names the question column, and ``text`` the single
    answer column. Without it, each text column is one prompt (wide format)."""

    text: Annotated[tuple[ColumnName, ...] | None, BeforeValidator(_one_or_many)] = None
    participant: ColumnName | None = None
    role: ColumnName | None = None
    session: ColumnName | None = None
    cohort: ColumnName | None = None
    date: ColumnName | None = None
    prompt: ColumnName | None = None


class Config(_Settings):
    """Every setting of a run (README "Project config"). Build it in Python as
    ``reflect.Config(columns=reflect.ColumnMap(participant="Employee ID"), min_group_size=8)``
    or from a ``reflect.toml`` with ``load_config``."""

    columns: ColumnMap = Field(default_factory=ColumnMap)
    input: Path | None = None  # the reflections export, for `reflect analyse --config` alone
    out: Path | None = None  # where the CLI writes reports (default: out/)
    roster: Path | None = None
    taxonomy: Path | None = None  # None: the programme taxonomy shipped in models/
    workspace: Path = defaults.WORKSPACE
    review: Path | None = None  # the analyst's theme review (reflect-review.toml)
    # How the report names things: the programme, what one "session" is (a workshop, a
    # module, a week...) and one "cohort" (a class, a workshop...), and display names for the
    # role column's values (lower-cased keys). Unset nouns come from the column headers.
    programme: Annotated[str, Field(min_length=1)] | None = None
    session_name: Noun | None = None
    cohort_name: Noun | None = None
    role_names: dict[str, Annotated[str, Field(min_length=1)]] = Field(default_factory=dict)
    min_group_size: Annotated[StrictInt, Field(ge=2)] = DEFAULT_MIN_GROUP_SIZE
    quotes: StrictBool = False
    dp_epsilon: Annotated[StrictFloat, Field(gt=0)] | None = None  # strict floats take ints
    # total ε the workspace's DP reports may spend (the release ledger keeps the account)
    dp_budget: Annotated[StrictFloat, Field(gt=0)] | None = None
    filter: str | None = None  # e.g. 'cohort=Cohort A', 'session=1..3' (privacy.Filter)
    embedding_backend: str = Field(default_factory=default_embedding_backend)
    formats: Annotated[tuple[str, ...], Field(min_length=1)] = DEFAULT_FORMATS
    encoding: str = "utf-8"
    max_cell_chars: Annotated[StrictInt, Field(ge=1)] = 20_000
    drop_duplicates: StrictBool = False
    quiet: StrictBool = False

    @field_validator("filter")
    @classmethod
    def _filter_parses(cls, value: str | None) -> str | None:
        if value is not None:
            from reflect.groups import Filter

            Filter.parse(value)  # a bad expression fails before any work is done
        return value

    @model_validator(mode="after")
    def _dp_alone(self) -> Config:
        # Checked before any work is done, like every other setting.
        if self.filter is not None:
            from reflect.groups import not_with_a_filter

            if clash := not_with_a_filter(self.dp_epsilon, self.quotes):
                raise ValueError(clash)
        if self.dp_epsilon is not None and self.quotes:
            # A quote is one person's sentence: no noise covers it, and two reports one
            # person apart would show whose it was.
            raise ValueError("--dp-epsilon and --quotes cannot be combined")
        return self

    @field_validator("formats")
    @classmethod
    def _formats_known(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        # Before any work is done: a typo found after the analysis had still released a report
        # nobody has, pinning the workspace's settings (red team, stop 40). "html,md" is two.
        from reflect.report import report_formats

        names = tuple(n.strip() for item in value for n in item.split(",") if n.strip())
        for name in names:
            report_formats.get(name)
        return names

    @field_validator("role_names")
    @classmethod
    def _roles_lower_case(cls, value: dict[str, str]) -> dict[str, str]:
        return {k.strip().lower(): v.strip() for k, v in value.items()}

    def __init__(self, **data: Any) -> None:
        try:
            super().__init__(**data)
        except ValidationError as err:
            raise ConfigError(describe(err)) from None

    def with_overrides(self, **overrides: object) -> Config:
        """Apply the options a user actually gave (``None`` means "not given"); column
        fields (``text``, ``participant``...) may be given by name."""
        column_keys = set(ColumnMap.model_fields)
        column_updates = {
            k: v for k, v in overrides.items() if k in column_keys and v not in (None, ())
        }
        updates = {k: v for k, v in overrides.items() if k not in column_keys and v is not None}
        unknown = set(updates) - set(Config.model_fields)
        if unknown:
            raise ConfigError(f"unknown setting(s): {', '.join(sorted(unknown))}")
        data = self.model_dump(exclude_unset=True)
        columns = {**self.columns.model_dump(exclude_unset=True), **column_updates}
        return Config(**{**data, **updates, "columns": columns})


# Pydantic's wording names Python types; a TOML user thinks in lists, numbers and switches.
_EXPECTED = {
    "extra_forbidden": "unknown setting",
    "tuple_type": "expected a list",
    "list_type": "expected a list",
    "int_type": "expected a whole number",
    "float_type": "expected a number",
    "bool_type": "expected true or false",
    "string_type": "expected text in quotes",
    "dict_type": "expected a table",
    "model_type": "expected a table",
}


def describe(err: ValidationError, source: Path | str | None = None) -> str:
    """One line for a failed decode: where (file and key), and what was expected — never
    the value itself, which could be anything a user typed."""
    first = err.errors()[0]
    where = ".".join(str(part) for part in first["loc"] if not str(part).startswith("function"))
    more = len(err.errors()) - 1
    tail = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
    prefix = f"{source}: " if source is not None else ""
    if first["type"] == "value_error" and not where:  # a rule across settings: its own words
        return f"{prefix}{first['ctx']['error']}{tail}"
    message = _EXPECTED.get(first["type"], first["msg"])
    return f"{prefix}{where or 'settings'}: {message[:1].lower()}{message[1:]}{tail}"


_PATH_KEYS = ("input", "out", "roster", "taxonomy", "workspace", "review")


def load_config(path: Path | None) -> Config:
    """Read a ``reflect.toml`` (see README). Paths in it are relative to the file."""
    if path is None:
        return Config()
    try:
        raw = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: config file not found") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not UTF-8 text") from None
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"{path}: not valid TOML ({err})") from None
    base = Path(path).resolve().parent
    for key in _PATH_KEYS:
        if isinstance(raw.get(key), str):
            raw[key] = base / raw[key]
    try:
        return Config(**raw)
    except ConfigError as err:
        raise ConfigError(f"{path}: {err}") from None
