"""Stability of the emerging themes: the same programme with one answer left out, several
times, against the full run. A lead who re-runs after one late withdrawal should see the same
themes; labels that come and go with one answer of a thousand are not findings. Prints, per
trial, the labels kept, lost and new, and one RESULT line: the mean share of the full run's
labels kept, and of its emerging themes' people still under a kept label (each kept label's
support, capped at the full run's, over the full run's total).

usage: python benchmarks/stability.py [corpora/demo] [--taxonomy none|PATH] [--trials 4]
                                      [--seed 1]
"""

from __future__ import annotations

import argparse
import random
import secrets
import sys
import tempfile
import time
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, nargs="?", default=Path("corpora/demo"))
    parser.add_argument("--taxonomy", default=None, help="'none' or a taxonomy TOML")
    parser.add_argument("--trials", type=int, default=4)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    import os

    os.environ.setdefault("REFLECT_KEY", secrets.token_hex(32))  # no runs to link

    from reflect import frames as F
    from reflect.anonymise import anonymise
    from reflect.embed import Embedder
    from reflect.ingest import read_reflections, read_roster
    from reflect.keys import load_key
    from reflect.themes import find_themes, load_taxonomy
    from reflect.workspace import Workspace

    start = time.perf_counter()
    frame = read_reflections(args.corpus / "reflections.csv")
    roster_file = args.corpus / "roster.csv"
    roster = read_roster(roster_file) if roster_file.is_file() else None
    taxonomy = [] if args.taxonomy == "none" else load_taxonomy(args.taxonomy)
    with tempfile.TemporaryDirectory() as tmp, Workspace(Path(tmp)) as ws:
        redacted, _ = anonymise(frame, roster, load_key(), ws)
        embed = Embedder(None, ws)

        def emerging(answers) -> dict[str, int]:
            answers = answers.reset_index(drop=True)
            vectors = embed(answers[F.TEXT].tolist())
            themes = find_themes(
                answers, vectors, taxonomy, embed, 5, workspace=ws,
                chosen=args.taxonomy is not None,
            )  # fmt: skip
            people = answers[F.PARTICIPANT].tolist()
            return {
                t.label: len({people[i] for i in t.members}) for t in themes if t.kind == "emerging"
            }

        full = emerging(redacted)
        rng = random.Random(args.seed)
        kept_labels, kept_people = [], []
        for _ in range(args.trials):
            left_out = rng.randrange(len(redacted))
            got = emerging(redacted.drop(index=left_out))
            kept = set(full) & set(got)
            kept_labels.append(len(kept) / max(len(full), 1))
            people = sum(min(got[label], full[label]) for label in kept)
            kept_people.append(people / max(sum(full.values()), 1))
            print(
                f"answer {left_out} left out: kept {len(kept)}/{len(full)} labels; "
                f"lost {sorted(set(full) - kept)}; new {sorted(set(got) - kept)}"
            )
    seconds = time.perf_counter() - start
    labels = sum(kept_labels) / len(kept_labels)
    people = sum(kept_people) / len(kept_people)
    print(
        f"RESULT stability {args.corpus.name}: one answer of {len(redacted)} left out, "
        f"{args.trials} trials: labels_kept={labels:.2f} people_kept={people:.2f} "
        f"emerging_themes={len(full)} ({seconds:.0f}s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
