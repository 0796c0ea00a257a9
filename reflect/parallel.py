"""Chunks of work spread over the machine's cores, results in order.

Redaction and phrase extraction run spaCy and Python recognizers, which use one core each; the
embedding backend already uses every core. On large inputs those stages fork one worker per
core *after* their models are loaded, so workers share the parent's loaded pipelines instead of
loading their own, and get their texts through pipes (never through disk). Small inputs run in
the calling process: forking costs more than it saves below ``MIN_ITEMS``.

``REFLECT_WORKERS`` sets the number of workers (``1``: never fork)."""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

from reflect.errors import ConfigError

T = TypeVar("T")
R = TypeVar("R")

MIN_ITEMS = 2000
WORKERS_ENV = "REFLECT_WORKERS"

# The task a forked worker runs: set before forking, so the worker inherits it (a bound method
# of a loaded analyzer or pipeline) and only the chunks travel through the pipe.
_task: Callable | None = None


def workers_for(items: int) -> int:
    setting = os.environ.get(WORKERS_ENV, "").strip()
    if setting:
        if not setting.isdigit():
            raise ConfigError(f"{WORKERS_ENV} must be a whole number of workers, not {setting!r}")
        return max(int(setting), 1)
    if items < MIN_ITEMS:
        return 1
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()


def map_chunks(
    task: Callable[[Sequence[T]], list[R]],
    items: Sequence[T],
    chunk_size: int,
    workers: int | None = None,
) -> Iterator[list[R]]:
    """``task(chunk)`` for consecutive chunks of ``items``, yielded in order."""
    chunks = [items[i : i + chunk_size] for i in range(0, len(items), chunk_size)]
    workers = min(workers or workers_for(len(items)), len(chunks))
    if workers <= 1:
        yield from map(task, chunks)
        return
    global _task
    _task = task
    # Frozen objects are left alone by the workers' garbage collector, so their pages stay
    # shared with the parent instead of being copied into every worker.
    gc.freeze()
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            yield from pool.imap(_run, chunks)
    finally:
        gc.unfreeze()
        _task = None


def _run(chunk):
    return _task(chunk)
