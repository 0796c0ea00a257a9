"""Taxonomy assignment on the demo corpus: the themes reflect assigns to each answer against
the themes its writer meant (``corpora/demo/gold.csv``, ``themes`` column, ';'-separated ids;
``emerging:*`` entries are not taxonomy themes). Runs the product's own stages (ingest,
anonymise, embed, assign) and prints precision, recall and F1 per theme, macro averages, and
the same for whole-text assignment (no sentence splitting) as the baseline row.

usage: python benchmarks/taxonomy.py [corpora/demo] [--workspace DIR]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd


def score(pred: np.ndarray, gold: np.ndarray, ids: list[str]) -> tuple[dict, dict]:
    per = {}
    for j, theme in enumerate(ids):
        tp = int((pred[:, j] & gold[:, j]).sum())
        p = tp / max(int(pred[:, j].sum()), 1)
        r = tp / max(int(gold[:, j].sum()), 1)
        per[theme] = (p, r, 2 * p * r / (p + r) if p + r else 0.0)
    macro = {name: float(np.mean([v[k] for v in per.values()])) for k, name in enumerate("PRF")}
    return per, macro


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, nargs="?", default=Path("corpora/demo"))
    parser.add_argument("--workspace", type=Path, default=None)
    args = parser.parse_args(argv)
    # A throwaway pseudonym key: the benchmark never needs to link runs.
    os.environ.setdefault("REFLECT_KEY", "benchmark-key-not-secret-0123456789")

    from reflect import frames as F
    from reflect.anonymise import anonymise, load_key
    from reflect.embed import embed_texts
    from reflect.ingest import read_reflections, read_roster
    from reflect.themes import load_taxonomy
    from reflect.themes.assign import assign_taxonomy
    from reflect.workspace import Workspace

    start = time.perf_counter()
    source = args.corpus / "reflections.csv"
    frame = read_reflections(source)
    roster = read_roster(args.corpus / "roster.csv")
    taxonomy = load_taxonomy()
    ids = [t.id for t in taxonomy]
    with tempfile.TemporaryDirectory() as tmp, Workspace(args.workspace or Path(tmp)) as ws:
        redacted, _ = anonymise(frame, roster, load_key(), ws)

        def embed(texts):
            return embed_texts(list(texts), None, ws)  # the product default

        texts = redacted[F.TEXT].tolist()
        vectors = embed(texts)
        sentence_level = assign_taxonomy(vectors, taxonomy, embed, texts)
        whole_text = assign_taxonomy(vectors, taxonomy, embed)
    seconds = time.perf_counter() - start

    # gold: one row per (response id, column); the frame keeps the source row and prompt
    source_ids = pd.read_csv(source, dtype=str)["Response ID"].tolist()
    gold_table = pd.read_csv(args.corpus / "gold.csv", dtype=str).fillna("")
    wanted = {
        (r.response_id, r.column): {t for t in r.themes.split(";") if t in ids}
        for r in gold_table.itertuples()
    }
    gold = np.zeros_like(sentence_level)
    for n, (row, prompt) in enumerate(zip(redacted[F.ROW], redacted[F.PROMPT], strict=True)):
        for theme in wanted.get((source_ids[int(row) - 2], prompt), ()):
            gold[n, ids.index(theme)] = True

    per, macro = score(sentence_level, gold, ids)
    _, base = score(whole_text, gold, ids)
    print(f"{'theme':<16} {'P':>5} {'R':>5} {'F1':>5}  gold")
    for j, theme in enumerate(ids):
        p, r, f = per[theme]
        print(f"{theme:<16} {p:5.2f} {r:5.2f} {f:5.2f}  {int(gold[:, j].sum())}")
    print(f"whole-text (baseline): macro P={base['P']:.3f} R={base['R']:.3f} F1={base['F']:.3f}")
    print(
        f"RESULT taxonomy demo: macro P={macro['P']:.3f} R={macro['R']:.3f} F1={macro['F']:.3f} "
        f"(n={len(redacted)} answers, {len(ids)} themes, {seconds:.1f}s; whole-text baseline "
        f"F1={base['F']:.3f})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
