"""Every error reflect raises on purpose lives here, so wording is consistent and the CLI can
turn any of them into one line and an exit code.

Messages name files, rows and columns but never quote cell contents: a reflection's text, a
name or an id must not reach a terminal, a log or a CI transcript through an error.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

# Exit codes, documented in the README.
EXIT_OK = 0
EXIT_BAD_INPUT = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3


class ReflectError(Exception):
    """Base class: a failure with a message that is safe to show."""

    exit_code = EXIT_INTERNAL


@dataclass
class InputError(ReflectError):
    """The input data is unusable: names where (file, row, column) and what to do about it."""

    message: str
    file: Path | str | None = None
    row: int | None = None
    column: str | None = None

    exit_code = EXIT_BAD_INPUT

    def __post_init__(self) -> None:
        super().__init__(str(self))

    def __str__(self) -> str:
        where = []
        if self.file is not None:
            where.append(Path(self.file).name)
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column is not None:
            where.append(f"column {self.column!r}")
        prefix = ", ".join(where)
        return f"{prefix}: {self.message}" if prefix else self.message


class DisclosureRefused(ReflectError):
    """A report that would expose individuals: a programme below the minimum group size, a
    report differing from an earlier one by a few people, a spent privacy budget."""

    exit_code = EXIT_BAD_INPUT


class ConfigError(ReflectError):
    """An option, config file, taxonomy or registry name is wrong."""

    exit_code = EXIT_USAGE


class WorkspaceBusyError(ReflectError):
    """Another run holds the workspace's cache (DuckDB allows one writer per file)."""

    exit_code = EXIT_USAGE


class ModelError(ReflectError):
    """A packaged model is missing or does not match the manifest checksum."""

    exit_code = EXIT_INTERNAL
