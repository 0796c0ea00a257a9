"""Chunks of work spread over the machine's cores, results in order.

Redaction and phrase extraction run spaCy and Python recognizers, which use one core each (the
embedding backend already uses every core). On large inputs (``MIN_ITEMS`` texts or more) they
run in a pool of worker processes, one per core:

- **Workers are never forked from this process.** By the time the work starts, this process runs
  DuckDB, ONNX Runtime and perhaps torch thread pools, and a fork would copy their locks in
  whatever state they are in. Workers come from multiprocessing's *forkserver*: a small
  single-threaded process started from a fresh interpreter, which imports the workers' modules
  once (``reflect/worker_template.py``) and forks each worker from itself. Where there is no
  forkserver (Windows) workers are *spawned* and import those modules themselves.
- **A task travels as a recipe**: a picklable function that builds it, such as
  ``partial(load_parser, words)``. Each worker runs the recipe once when it starts (the pool's
  initializer: that is where spaCy loads), then takes chunks of texts through pipes — never
  through disk — and sends back one result list per chunk.
- **One process otherwise.** Small inputs, ``REFLECT_WORKERS=1``, and platforms where no worker
  process can be started (or where the workers die) run the same recipe in this process. Once
  ``prepare`` has started the forkserver for a large input, a later small batch goes to one
  worker instead: it forks with the models loaded, where this process would load them (1.4 s
  for spaCy's parser) to parse a few hundred texts on one core.

As with any program that starts processes with forkserver or spawn, a script that calls
reflect on large inputs must guard its entry point with ``if __name__ == "__main__":`` (workers
import the main module); if it does not, the workers fail and the work runs in one process.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import pickle
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

from reflect.errors import ConfigError

T = TypeVar("T")
R = TypeVar("R")
Task = Callable[[Sequence[T]], list[R]]

MIN_ITEMS = 2000
# Once ``prepare`` has started the forkserver for a large input, a pool starts in a few tenths
# of a second (its workers fork with spaCy loaded), so a later batch of this many texts goes
# to the workers too, rather than loading spaCy's parser in this process and using one core.
MIN_ITEMS_PREPARED = 200
WORKERS_ENV = "REFLECT_WORKERS"
WORKER_TEMPLATE = "reflect.worker_template"

log = logging.getLogger("reflect")


def workers_for(items: int) -> int:
    setting = os.environ.get(WORKERS_ENV, "").strip()
    if setting:
        if not setting.isdigit():
            raise ConfigError(f"{WORKERS_ENV} must be a whole number of workers, not {setting!r}")
        return max(int(setting), 1)
    if items < (MIN_ITEMS_PREPARED if _prepared else MIN_ITEMS):
        return 1
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()


def start_method() -> str | None:
    """``forkserver`` where the platform has it, else ``spawn``; never ``fork``."""
    methods = multiprocessing.get_all_start_methods()
    return next((m for m in ("forkserver", "spawn") if m in methods), None)


def prepare(items: int) -> None:
    """Start the forkserver now, if ``items`` will need workers, so it imports the workers'
    modules on another core while this process goes on (otherwise the first pool waits)."""
    global _prepared
    if workers_for(items) > 1 and start_method() == "forkserver":
        try:
            _start_forkserver()
            _prepared = True
        except OSError as error:  # none here: map_chunks will say so if it needs workers
            log.debug("no forkserver (%s)", error)


_prepared = False  # the forkserver is running, started by ``prepare`` for a large input


def _start_forkserver() -> None:
    """Nothing to do when it is already running (started by us or by anyone in this process:
    then its workers import ``WORKER_TEMPLATE`` themselves, in ``_start_worker``)."""
    from multiprocessing import forkserver

    multiprocessing.get_context("forkserver").set_forkserver_preload([WORKER_TEMPLATE])
    forkserver.ensure_running()


def map_chunks(
    recipe: Callable[[], Task],
    items: Sequence[T],
    chunk_size: int,
    workers: int | None = None,
) -> Iterator[list[R]]:
    """``task(chunk)`` for consecutive chunks of ``items``, yielded in order, where
    ``task = recipe()`` is built once per worker (or once here, in one process)."""
    chunks = [items[i : i + chunk_size] for i in range(0, len(items), chunk_size)]
    one_worker = workers is None and _prepared and not os.environ.get(WORKERS_ENV, "").strip()
    workers = min(workers or workers_for(len(items)), len(chunks))
    method = start_method() if workers > 1 or (one_worker and chunks) else None
    done = 0
    if method:
        try:
            if method == "forkserver":
                _start_forkserver()
            pool = ProcessPoolExecutor(
                workers,
                mp_context=multiprocessing.get_context(method),
                initializer=_start_worker,
                initargs=(pickle.dumps(recipe),),
            )
            try:
                for result in pool.map(_run, chunks):
                    yield result
                    done += 1
            finally:
                pool.shutdown(cancel_futures=True)
            return
        except (BrokenProcessPool, EOFError, OSError, NotImplementedError) as error:
            # Workers that cannot start or that die: the chunks not yet done run here.
            log.warning("worker processes failed (%s); continuing in one process", error)
    task = recipe()
    yield from map(task, chunks[done:])


# -- inside a worker process ------------------------------------------------------------------
_task: Task | None = None  # this worker's task, built once by _start_worker


def _start_worker(recipe: bytes) -> None:
    global _task
    # The template first (spaCy without torch, the models; already in place in a worker of
    # the forkserver), then the recipe, whose unpickling imports its own module.
    __import__(WORKER_TEMPLATE)
    _task = pickle.loads(recipe)()


def _run(chunk):
    return _task(chunk)
