"""Progress reporting hook. The library reports stages; the CLI decides how to show them
(a bar on a terminal, nothing in a pipeline)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Protocol

Advance = Callable[[int], None]


class Progress(Protocol):
    def stage(self, name: str, total: int | None = None): ...

    def note(self, message: str) -> None:
        """A one-line message for the person running the analysis (which columns were used
        for what...): never data, only names of files, columns and settings."""


class Silent:
    @contextmanager
    def stage(self, name: str, total: int | None = None) -> Iterator[Advance]:
        yield lambda n: None

    def note(self, message: str) -> None:
        pass
