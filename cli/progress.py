"""A rich progress bar on a terminal; silence in pipelines (non-TTY or --quiet)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

from reflect.progress import Advance, Silent


class Bars:
    def __init__(self) -> None:
        from rich.console import Console

        self.console = Console(stderr=True)

    @contextmanager
    def stage(self, name: str, total: int | None = None) -> Iterator[Advance]:
        from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

        with Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            TimeElapsedColumn(),
            console=self.console,
            transient=True,
        ) as bar:
            task = bar.add_task(name, total=total)
            yield lambda n: bar.advance(task, n)


def progress_for(quiet: bool):
    return Silent() if quiet or not sys.stderr.isatty() else Bars()
