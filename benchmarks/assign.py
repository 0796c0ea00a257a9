"""Taxonomy assignment on real data nobody tuned a taxonomy for: ReflectSumm (see
/work/shared/eval/README.md). Each lecture's human theme phrases (``phrase_summary``) are the
taxonomy — labels only, as an analyst's quick list would be — and the product's own assigner
(``reflect.themes.assign.assign_themes``, what ``reflect analyse`` runs) puts each reflection under
the labels it raises, reading only ``reflections``, ``prompt`` and ``phrase_summary``.

Gold: a reflection belongs to a phrase when one of the phrase's annotated excerpts
(``cluster_phrases``) occurs in it, case- and space-insensitive (about 78% of reflections have
one). Scores: micro precision/recall/F1 over (reflection, label) pairs, and the mean absolute
error of each label's share of its lecture's reflections, in points. The baseline row is the
nearest label by MiniLM cosine, one label per reflection, only above cosine 0.3.

``--teach N`` simulates an analyst who confirms or rejects up to N answers per label (drawn
from the reflections the assigner put under the label and the ones it scored just below it,
judged by gold), as ``reflect themes teach`` records them; the scores are then over the
reflections the analyst did not see, beside the untaught assigner on the same reflections.

``--probe`` adds what the assigner's scores allow with the best threshold and margin chosen for
each lecture *with its gold* (a grid of 5 x 5): not a method (it reads the labels) and not a
ceiling (other scores could do better), but it says how much a better decision rule on the same
evidence could gain.

Writes ``{"id", "assigned": [[label, ...] per reflection, in order]}`` rows to ``--out``.

usage: python benchmarks/assign.py DATA.jsonl --out PRED.jsonl [--teach N] [--probe] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

import numpy as np

BASELINE_COSINE = 0.3


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text.lower()).strip()


def gold_matrix(item: dict) -> np.ndarray:
    """Reflections x labels: does one of the label's excerpts occur in the reflection?"""
    labels, texts = item["phrase_summary"], [normalise(t) for t in item["reflections"]]
    gold = np.zeros((len(texts), len(labels)), dtype=bool)
    for j, label in enumerate(labels):
        for excerpt in item["cluster_phrases"].get(label, []):
            if needle := normalise(excerpt):
                gold[:, j] |= np.array([needle in t for t in texts], dtype=bool)
    return gold


def score(pairs: list[tuple[np.ndarray, np.ndarray]]) -> dict:
    """Micro P/R/F1 over (reflection, label) pairs; mean absolute error of each label's share
    of its lecture's reflections, in points."""
    tp = fp = fn = 0
    errors = []
    for pred, gold in pairs:
        if not len(gold):
            continue
        tp += int((pred & gold).sum())
        fp += int((pred & ~gold).sum())
        fn += int((~pred & gold).sum())
        errors.extend(100 * np.abs(pred.mean(axis=0) - gold.mean(axis=0)))
    p, r = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"P": p, "R": r, "F1": f1, "MAE": float(np.mean(errors)) if errors else 0.0}


def line(name: str, s: dict) -> str:
    return f"{name:<44} P={s['P']:.3f} R={s['R']:.3f} F1={s['F1']:.3f} share_MAE={s['MAE']:.2f}"


def baseline(vectors: np.ndarray, label_vectors: np.ndarray) -> np.ndarray:
    sims = vectors @ label_vectors.T
    pred = np.zeros(sims.shape, dtype=bool)
    best = sims.argmax(axis=1)
    rows = np.arange(len(sims))
    pred[rows, best] = sims[rows, best] > BASELINE_COSINE
    return pred


def taxonomy_of(item: dict):
    from reflect.themes.taxonomy import TaxonomyTheme

    return [
        TaxonomyTheme.from_label(f"t{j}", label) for j, label in enumerate(item["phrase_summary"])
    ]


def simulate_analyst(item, assignment, gold, per_label: int, rng) -> list[tuple[int, int, bool]]:
    """(reflection, label, confirmed) judgements an analyst makes reviewing each label: up to
    ``per_label`` reflections from those the assigner put under it and those just below it."""
    judged = []
    for j in range(gold.shape[1]):
        members = np.flatnonzero(assignment.membership[:, j])
        ranked = np.argsort(-assignment.scores[:, j])
        pool = list(dict.fromkeys([*members, *ranked[: 2 * max(len(members), 1)]]))
        for i in rng.permutation(pool)[:per_label]:
            judged.append((int(i), j, bool(gold[i, j])))
    return judged


PROBE_THRESHOLDS = (0.2, 0.3, 0.4, 0.5, 0.6)
PROBE_MARGINS = (0.0, 0.03, 0.1, 0.2, 1.0)


def best_rule_per_lecture(vectors, taxonomy, embed, texts, prompts, gold) -> np.ndarray:
    """The membership of the threshold and margin that give this lecture's best F1 on gold."""
    from reflect.themes import assign

    saved, best, best_f1 = (assign.THRESHOLD, assign.MARGIN), None, -1.0
    try:
        for assign.THRESHOLD in PROBE_THRESHOLDS:
            for assign.MARGIN in PROBE_MARGINS:
                pred = assign.assign_themes(vectors, taxonomy, embed, texts, prompts).membership
                tp, wrong = int((pred & gold).sum()), int((pred ^ gold).sum())
                f1 = 2 * tp / max(2 * tp + wrong, 1)
                if f1 > best_f1:
                    best, best_f1 = pred, f1
    finally:
        assign.THRESHOLD, assign.MARGIN = saved
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", type=Path)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--teach", type=int, default=0, help="answers judged per label")
    parser.add_argument("--probe", action="store_true", help="best rule per lecture, on gold")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--backend", default=None, help="embedding backend (default: product's)")
    parser.add_argument("--workspace", type=Path, default=None, help="cache vectors here")
    args = parser.parse_args(argv)

    from reflect.embed import Embedder
    from reflect.themes.assign import assign_themes, split_sentences

    data = [json.loads(row) for row in args.data.open(encoding="utf-8")]
    data = data[: args.limit] if args.limit else data
    workspace = None
    if args.workspace:
        from reflect.workspace import Workspace

        workspace = Workspace(args.workspace)

    clock = time.perf_counter()
    # One embedding call for every text the lectures need, as the product embeds a programme.
    everything = sorted(
        {t for item in data for t in item["reflections"]}
        | {s for item in data for t in item["reflections"] for s in split_sentences(t)}
        | {label for item in data for label in item["phrase_summary"]}
    )
    embedder = Embedder(args.backend, workspace)  # its model loaded once
    memo = dict(zip(everything, embedder(everything), strict=True))

    def embed(texts):
        missing = [t for t in dict.fromkeys(texts) if t not in memo]
        if missing:
            memo.update(zip(missing, embedder(missing), strict=True))
        return np.stack([memo[t] for t in texts]) if len(texts) else embedder([])

    rng = np.random.default_rng(0)
    ours, base, taught, untaught, probed = [], [], [], [], []
    with args.out.open("w", encoding="utf-8") as out:
        for item in data:
            texts, labels = item["reflections"], item["phrase_summary"]
            taxonomy, gold = taxonomy_of(item), gold_matrix(item)
            vectors, prompts = embed(texts), [item["prompt"]] * len(texts)
            result = assign_themes(vectors, taxonomy, embed, texts, prompts)
            ours.append((result.membership, gold))
            if args.probe:
                best = best_rule_per_lecture(vectors, taxonomy, embed, texts, prompts, gold)
                probed.append((best, gold))
            base.append((baseline(vectors, embed(labels)), gold))
            row = {"id": item["id"], "assigned": [
                [labels[j] for j in np.flatnonzero(r)] for r in result.membership
            ]}  # fmt: skip
            if args.teach:
                from reflect.themes.teach import Teaching

                judged = simulate_analyst(item, result, gold, args.teach, rng)
                teaching = Teaching.from_judgements(
                    [(texts[i], taxonomy[j].id, ok) for i, j, ok in judged], embed
                )
                learnt = assign_themes(
                    vectors, taxonomy, embed, texts, prompts, teaching
                ).membership
                unseen = np.setdiff1d(np.arange(len(texts)), [i for i, _, _ in judged])
                taught.append((learnt[unseen], gold[unseen]))
                untaught.append((result.membership[unseen], gold[unseen]))
                row["assigned_taught"] = [[labels[j] for j in np.flatnonzero(r)] for r in learnt]
            out.write(json.dumps(row) + "\n")
    seconds = time.perf_counter() - clock

    b, r = score(base), score(ours)
    print(line(f"baseline (nearest label, cosine > {BASELINE_COSINE})", b))
    print(line("reflect (the product's assigner)", r))
    extra = ""
    if args.probe:
        p = score(probed)
        print(line("probe: best threshold+margin per lecture", p))
        extra += f" probe(best rule per lecture, on gold): F1={p['F1']:.3f} MAE={p['MAE']:.2f}"
    if args.teach:
        t, u = score(taught), score(untaught)
        print(line("reflect, unseen reflections, untaught", u))
        print(line(f"reflect, unseen reflections, taught {args.teach}/label", t))
        extra += (
            f" taught{args.teach}: F1={t['F1']:.3f} share_MAE={t['MAE']:.2f} (untaught on the "
            f"same {sum(len(g) for _, g in taught)} unseen reflections F1={u['F1']:.3f} "
            f"share_MAE={u['MAE']:.2f})"
        )
    n = sum(len(item["reflections"]) for item in data)
    print(
        f"RESULT assign reflectsumm lectures={len(data)} reflections={n} P={r['P']:.3f} "
        f"R={r['R']:.3f} F1={r['F1']:.3f} share_MAE={r['MAE']:.2f} (baseline F1={b['F1']:.3f} "
        f"share_MAE={b['MAE']:.2f}; targets F1>=0.82 share_MAE<=4.5){extra} time={seconds:.1f}s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
