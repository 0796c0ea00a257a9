"""Taxonomy assignment on the demo corpus: the themes reflect assigns to each answer against
the themes its writer meant (``corpora/demo/gold.csv``, ``themes`` column, ';'-separated ids;
``emerging:*`` entries are not taxonomy themes). Runs the product's own stages (ingest,
anonymise, embed, assign) and prints precision, recall and F1 per theme, macro averages, and
the same for whole-text assignment (no sentence splitting) as the baseline row. Two ceilings
follow, to read the figure against: classifiers trained on this very gold (cross-validated)
over the same embeddings — how much of the gold these embeddings can separate at all (C=4
with balanced classes was the best of C in 1/4/16, balanced or not: F1 0.510/0.516/0.508
balanced, 0.302/0.435/0.473 not) — and the same per sentence on the demo's hand-written bank
(``bank/<theme>.txt``, one theme per line). The time in the RESULT line is the product's
stages only.

usage: python benchmarks/taxonomy.py [corpora/demo] [--workspace DIR]
"""

from __future__ import annotations

import argparse
import os
import re
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


def _ceiling_features(texts, vectors, embed) -> np.ndarray:
    """Per answer: its vector beside the element-wise max over its sentences' vectors (an
    answer often raises one theme in one sentence among neutral ones)."""
    from reflect.themes.assign import split_sentences

    pieces = [(i, s) for i, text in enumerate(texts) for s in split_sentences(text)]
    pooled = vectors.copy()
    if pieces:
        sentence_vectors = embed([s for _, s in pieces])
        for (i, _), v in zip(pieces, sentence_vectors, strict=True):
            pooled[i] = np.maximum(pooled[i], v)
    return np.hstack([vectors, pooled])


def supervised_ceiling(features: np.ndarray, gold: np.ndarray) -> np.ndarray:
    """What a classifier *trained on the gold labels themselves* reaches on the same
    embeddings (5-fold cross-validated, one logistic regression per theme). Not a method reflect
    could ship (it reads the answers' labels); it says how much of the gold any assigner built on
    these embeddings can recover, so the taxonomy figure is read against a measured ceiling."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import KFold

    pred = np.zeros_like(gold)
    for train, test in KFold(5, shuffle=True, random_state=0).split(features):
        for j in range(gold.shape[1]):
            if gold[train, j].any():
                model = LogisticRegression(C=4.0, max_iter=3000, class_weight="balanced")
                pred[test, j] = model.fit(features[train], gold[train, j]).predict(features[test])
    return pred


def bank_sentences(bank: Path, ids: list[str]) -> list[tuple[int, str]]:
    """The demo's hand-written sentence bank: every line of ``bank/<theme id>.txt`` with its
    theme (section headers, comments and ``[tags]`` dropped; ``{P}`` placeholders kept)."""
    out = []
    for j, theme in enumerate(ids):
        path = bank / f"{theme}.txt"
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith(("#", "==")):
                out.append((j, re.sub(r"^(?:\[[^\]]*\]\s*)+", "", line).strip()))
    return out


def sentence_accuracy(sentences, taxonomy, embed) -> tuple[float, float]:
    """Top-1 theme of each bank sentence (a sentence is known to raise exactly one theme):
    reflect's seed scores, and a logistic regression trained on the bank's own labels (5-fold)
    over the same vectors — a per-sentence view of the same ceiling."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import cross_val_predict

    from reflect.themes.assign import theme_scores

    labels = np.array([j for j, _ in sentences])
    vectors = embed([s for _, s in sentences])
    zero_shot = float((theme_scores(vectors, taxonomy, embed).argmax(axis=1) == labels).mean())
    model = LogisticRegression(C=4.0, max_iter=3000)
    trained = cross_val_predict(model, vectors, labels, cv=5)
    return zero_shot, float((trained == labels).mean())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, nargs="?", default=Path("corpora/demo"))
    parser.add_argument("--workspace", type=Path, default=None)
    args = parser.parse_args(argv)
    # A throwaway pseudonym key: the benchmark never needs to link runs.
    os.environ.setdefault(
        "REFLECT_KEY", "7aa51dfe4843107d26b54c81a7773168dc0cf0e8c2233d63dac795f38a35b60a"
    )

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
        features = _ceiling_features(texts, vectors, embed)
        sentences = bank_sentences(args.corpus / "bank", ids)
        top1 = sentence_accuracy(sentences, taxonomy, embed) if sentences else None

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
    _, ceiling = score(supervised_ceiling(features, gold), gold, ids)
    print(f"{'theme':<16} {'P':>5} {'R':>5} {'F1':>5}  gold")
    for j, theme in enumerate(ids):
        p, r, f = per[theme]
        print(f"{theme:<16} {p:5.2f} {r:5.2f} {f:5.2f}  {int(gold[:, j].sum())}")
    print(f"whole-text (baseline): macro P={base['P']:.3f} R={base['R']:.3f} F1={base['F']:.3f}")
    print(
        f"supervised ceiling (trained on this gold, 5-fold): macro P={ceiling['P']:.3f} "
        f"R={ceiling['R']:.3f} F1={ceiling['F']:.3f}"
    )
    if top1:
        print(
            f"bank sentences (n={len(sentences)}, one theme each), top-1 accuracy: "
            f"reflect's seeds {top1[0]:.3f}; trained on the bank's labels, 5-fold {top1[1]:.3f}"
        )
    print(
        f"RESULT taxonomy demo: macro P={macro['P']:.3f} R={macro['R']:.3f} F1={macro['F']:.3f} "
        f"(n={len(redacted)} answers, {len(ids)} themes, {seconds:.1f}s; whole-text baseline "
        f"F1={base['F']:.3f}; supervised ceiling F1={ceiling['F']:.3f})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
