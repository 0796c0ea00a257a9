"""How a run talks to the person at the terminal: progress bars on a terminal, plain notes
in a pipeline, nothing at all with ``--quiet`` (not even the libraries' own bars and logs)."""

from __future__ import annotations

import logging
import os
import sys
import warnings
from collections.abc import Iterator
from contextlib import contextmanager

from reflect.progress import Advance, Silent


class Notes(Silent):
    """No bars (stderr is not a terminal); notes as lines on stderr."""

    def note(self, message: str) -> None:
        sys.stderr.write(f"reflect: {message}\n")


class Bars(Notes):
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


def progress_for(quiet: bool) -> Silent:
    if quiet:
        silence_libraries()
        return Silent()
    return Bars() if sys.stderr.isatty() else Notes()


# Libraries that draw their own bars or log on first use (model loading, ONNX export) read
# these when they are imported, which happens after the options are parsed.
_QUIET_ENVIRONMENT = {
    "TQDM_DISABLE": "1",
    "HF_HUB_DISABLE_PROGRESS_BARS": "1",
    "TRANSFORMERS_VERBOSITY": "error",
    "TRANSFORMERS_NO_ADVISORY_WARNINGS": "1",
    "TOKENIZERS_PARALLELISM": "false",
}


def silence_libraries() -> None:
    """``--quiet``: every bar, warning and log line below an error stays off stderr."""
    for name, value in _QUIET_ENVIRONMENT.items():
        os.environ.setdefault(name, value)
    logging.disable(logging.WARNING)
    warnings.simplefilter("ignore")
