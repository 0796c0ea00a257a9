"""Work split over worker processes gives the same results, in the same order, as in-process."""

import logging
import multiprocessing
import os

from reflect import parallel
from reflect.parallel import map_chunks


def _double(chunk):
    return [2 * x for x in chunk]


def _doubler():
    return _double


def test_chunks_come_back_in_order_with_workers():
    items = list(range(1000))
    assert [x for part in map_chunks(_doubler, items, 37, workers=2) for x in part] == [
        2 * x for x in items
    ]


def _whose_worker():
    return lambda chunk: [(os.getpid(), os.getppid())] * len(chunk)


def test_workers_are_not_forked_from_the_calling_process():
    # Forking a process that runs DuckDB, ONNX Runtime or torch threads copies their locks
    # mid-state: workers come from a clean forkserver (or are spawned) instead.
    seen = {
        pair for part in map_chunks(_whose_worker, list(range(40)), 5, workers=2) for pair in part
    }
    assert {pid for pid, _ in seen}.isdisjoint({os.getpid()})
    assert {parent for _, parent in seen}.isdisjoint({os.getpid()})


def _fails_in_a_worker():
    if multiprocessing.parent_process() is not None:
        raise RuntimeError("this worker cannot start")
    return _double


def test_when_workers_cannot_start_then_the_work_runs_in_this_process(caplog):
    items = list(range(100))
    with caplog.at_level(logging.WARNING, logger="reflect"):
        parts = list(map_chunks(_fails_in_a_worker, items, 7, workers=2))
    assert [x for part in parts for x in part] == [2 * x for x in items]
    assert "one process" in caplog.text


def test_without_a_start_method_the_work_runs_in_this_process(monkeypatch):
    monkeypatch.setattr(parallel, "start_method", lambda: None)
    seen = {
        pid for part in map_chunks(_whose_worker, list(range(40)), 5, workers=2) for pid, _ in part
    }
    assert seen == {os.getpid()}


def test_small_inputs_stay_in_process(monkeypatch):
    monkeypatch.delenv(parallel.WORKERS_ENV, raising=False)
    monkeypatch.setattr(parallel, "_prepared", False)
    assert parallel.workers_for(parallel.MIN_ITEMS - 1) == 1


def test_smaller_batches_go_to_workers_once_a_large_input_started_them(monkeypatch):
    monkeypatch.delenv(parallel.WORKERS_ENV, raising=False)
    monkeypatch.setattr(parallel, "_prepared", True)
    assert parallel.workers_for(parallel.MIN_ITEMS_PREPARED - 1) == 1
    assert parallel.workers_for(parallel.MIN_ITEMS_PREPARED) == len(os.sched_getaffinity(0))


def test_a_small_batch_goes_to_one_worker_once_a_large_input_started_them(monkeypatch):
    # The worker forks with the models loaded; this process would load them to parse a few
    # texts. REFLECT_WORKERS=1 still means this process.
    monkeypatch.delenv(parallel.WORKERS_ENV, raising=False)
    monkeypatch.setattr(parallel, "_prepared", True)
    seen = {pid for part in map_chunks(_whose_worker, list(range(10)), 5) for pid, _ in part}
    assert len(seen) == 1 and os.getpid() not in seen
    monkeypatch.setenv(parallel.WORKERS_ENV, "1")
    seen = {pid for part in map_chunks(_whose_worker, list(range(10)), 5) for pid, _ in part}
    assert seen == {os.getpid()}


def test_environment_sets_the_workers(monkeypatch):
    monkeypatch.setenv(parallel.WORKERS_ENV, "1")
    assert parallel.workers_for(10**6) == 1


def test_a_bad_worker_count_is_a_config_error(monkeypatch):
    import pytest

    from reflect.errors import ConfigError

    monkeypatch.setenv(parallel.WORKERS_ENV, "two")
    with pytest.raises(ConfigError, match="REFLECT_WORKERS"):
        parallel.workers_for(10)


def test_phrases_are_the_same_from_workers(monkeypatch):
    from reflect.themes import candidates

    texts = [
        "Shadowing the sales director was eye-opening.",
        "We set up shared calendars and a Teams channel for the project.",
        "Nothing really.",
        "Reverse mentoring made me rethink how we run hybrid meetings.",
    ] * 3
    texts = [f"{t} Note {i}." for i, t in enumerate(texts)]
    monkeypatch.setenv(parallel.WORKERS_ENV, "1")
    alone = candidates.extract_candidates(texts, batch_size=3, cache=candidates.ParseCache(100))
    monkeypatch.setenv(parallel.WORKERS_ENV, "2")
    split = candidates.extract_candidates(texts, batch_size=3, cache=candidates.ParseCache(100))
    assert split == alone


def test_redaction_is_the_same_from_workers(monkeypatch):
    import pandas as pd

    from reflect import frames as F
    from reflect.anonymise import anonymise

    rows = [
        f"Session {i}: Priya Raman showed me how to email p.raman{i}@example.com from Leeds."
        for i in range(20)
    ]
    frame = pd.DataFrame(
        {
            F.PARTICIPANT: [f"E{1000 + i}" for i in range(20)],
            F.TEXT: rows,
        }
    )
    for column in F.INGESTED_COLUMNS:
        if column not in frame:
            frame[column] = "x"
    key = b"k" * 32
    monkeypatch.setattr("reflect.anonymise.stage.BATCH", 3)
    monkeypatch.setenv(parallel.WORKERS_ENV, "1")
    alone, _ = anonymise(frame, None, key)
    monkeypatch.setenv(parallel.WORKERS_ENV, "2")
    split, _ = anonymise(frame, None, key)
    assert split.equals(alone)
    assert not any("Priya" in t for t in split[F.TEXT])
