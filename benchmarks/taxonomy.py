"""Taxonomy assignment on the demo corpus against its gold (``corpora/demo/gold.csv``:
``themes`` column, ';'-separated ids per answer; ``emerging:*`` entries are not taxonomy
themes). Runs the product's own stages (ingest, anonymise, embed, the themes stage's
assigner) and compares what a programme lead reads — each theme's share of participants —
with gold:

- share MAE: mean absolute error of the themes' shares of participants, in points, and the
  worst theme;
- top three: are the three most shared themes the same, in the same order, as in gold;
- trends: every theme whose gold share (of those reflecting in that session) moves by at least
  10 points between the first and the last session must move the same way by at least 5 points
  (the shift the report's summary calls rising or fading);
- per theme precision/recall/F1 of the answers assigned, macro averaged.

``--teach N`` simulates an analyst who judges N answers per theme (from the theme's members
and the answers scored just below them, judged by gold; ``reflect themes teach``) and reports
the same figures with that teaching. ``--probes`` adds two probes: classifiers trained on
this gold (5-fold) over the same embeddings, and top-1 accuracy on the demo's sentence bank.
``--people`` adds a probe of person-level decisions: the best of a grid of rules shared by all
themes (an answer bar, and a stricter bar a person's strongest answer must clear unless n of
their answers pass), picked on this gold — how far deciding per person, not per answer, could
move the shares on this evidence.
The time in the RESULT line is the product's stages only.

``--taxonomy PATH`` scores another corpus against a taxonomy written for it: a gold entry
``emerging:X`` counts for the taxonomy theme ``X`` (a planted topic the analyst named in
advance), and themes gold never names (say, "nothing to report") are left out of the figures.

usage: python benchmarks/taxonomy.py [corpora/demo] [--taxonomy PATH] [--teach N] [--probes]
       [--people] [--workspace DIR]
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

BIG_MOVE = 10.0  # points of gold share between the first and last session
SAME_WAY = 5.0  # points the report must move the same way (its summary's "notable" shift)


def score(pred: np.ndarray, gold: np.ndarray, ids: list[str]) -> tuple[dict, dict]:
    per = {}
    for j, theme in enumerate(ids):
        tp = int((pred[:, j] & gold[:, j]).sum())
        p = tp / max(int(pred[:, j].sum()), 1)
        r = tp / max(int(gold[:, j].sum()), 1)
        per[theme] = (p, r, 2 * p * r / (p + r) if p + r else 0.0)
    macro = {name: float(np.mean([v[k] for v in per.values()])) for k, name in enumerate("PRF")}
    return per, macro


def shares(membership: np.ndarray, people: np.ndarray, rows: np.ndarray | None = None):
    """Each theme's share of the participants (of ``rows`` only, if given), in points."""
    rows = np.ones(len(people), dtype=bool) if rows is None else rows
    total = len(set(people[rows]))
    return np.array(
        [100 * len(set(people[rows & membership[:, j]])) / max(total, 1)
         for j in range(membership.shape[1])]
    )  # fmt: skip


def lead_view(membership, gold, people, sessions, ids) -> dict:
    """What a lead reads, against gold: share MAE, worst theme, top three, big trends."""
    got, want = shares(membership, people), shares(gold, people)
    errors = np.abs(got - want)
    order = sorted(set(sessions), key=lambda s: (len(s), s))
    first, last = sessions == order[0], sessions == order[-1]
    gold_move = shares(gold, people, last) - shares(gold, people, first)
    our_move = shares(membership, people, last) - shares(membership, people, first)
    big = [j for j in range(len(ids)) if abs(gold_move[j]) >= BIG_MOVE]
    right = [j for j in big if np.sign(our_move[j]) == np.sign(gold_move[j])
             and abs(our_move[j]) >= SAME_WAY]  # fmt: skip
    top_gold, top_ours = (
        list(np.argsort(-want, kind="stable")[:3]),
        list(np.argsort(-got, kind="stable")[:3]),
    )
    return {
        "got": got, "want": want, "errors": errors, "mae": float(errors.mean()),
        "worst": (ids[int(errors.argmax())], float(errors.max())),
        "top3": top_gold == top_ours, "top_gold": [ids[j] for j in top_gold],
        "top_ours": [ids[j] for j in top_ours], "gold_move": gold_move,
        "our_move": our_move, "big": big, "right": right,
    }  # fmt: skip


def lead_line(name: str, view: dict, macro: dict) -> str:
    return (
        f"{name}: share MAE={view['mae']:.1f} worst={view['worst'][0]} "
        f"{view['worst'][1]:.1f} top3_in_gold_order={'yes' if view['top3'] else 'no'} "
        f"big_trends_right={len(view['right'])}/{len(view['big'])} macro F1={macro['F']:.3f}"
    )


def _probe_features(texts, vectors, embed) -> np.ndarray:
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


def supervised_probe(features: np.ndarray, gold: np.ndarray) -> np.ndarray:
    """What a classifier *trained on the gold labels themselves* reaches on the same
    embeddings (5-fold cross-validated, one logistic regression per theme, C=4, balanced).
    Not a method reflect could ship (it reads the answers' labels), and not a ceiling either:
    another learner could do better; it says how hard these labels are for these vectors."""
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
    over the same vectors."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import cross_val_predict

    from reflect.themes.assign import theme_scores

    labels = np.array([j for j, _ in sentences])
    vectors = embed([s for _, s in sentences])
    zero_shot = float((theme_scores(vectors, taxonomy, embed).argmax(axis=1) == labels).mean())
    model = LogisticRegression(C=4.0, max_iter=3000)
    trained = cross_val_predict(model, vectors, labels, cv=5)
    return zero_shot, float((trained == labels).mean())


def people_probe(found, gold, people, kinds) -> tuple[dict, dict]:
    """The share MAE of the best rule shared by all topic themes, picked on gold: (a) an answer
    bar on ``reach`` alone; (b) the same with a person-level decision — a person keeps a theme's
    answers only if their strongest reaches a stricter bar or ``need`` of them pass (what a
    person-level rule must be: answer membership, a person's marginal answers dropped). Label
    words still name a theme. Not a method (it reads the labels): a probe of this evidence."""
    topic = np.asarray(kinds) == "topic"
    reach = np.where(np.isfinite(found.reach), found.reach, -1.0)[:, topic]
    named = (found.named >= 0.8)[:, topic]
    persons, person = np.unique(people, return_inverse=True)
    want = shares(gold[:, topic], people)
    best: dict[str, dict] = {}
    for bar in np.arange(0.24, 0.345, 0.01):
        passed = (reach >= bar) | named
        count = np.zeros((len(persons), passed.shape[1]))
        np.add.at(count, person, passed)
        strongest = np.full((len(persons), passed.shape[1]), -1.0)
        np.maximum.at(strongest, person, reach)
        for strict in np.arange(bar, 0.42, 0.01):
            for need in (1, 2, 3):
                keep = (count >= 1) & ((strongest >= strict) | (count >= need))
                errors = np.abs(100 * keep.mean(axis=0) - want)
                rule = {"mae": float(errors.mean()), "worst": float(errors.max()),
                        "bar": bar, "strict": strict, "need": need}  # fmt: skip
                kind = "answer" if need == 1 else "person"
                if kind not in best or rule["mae"] < best[kind]["mae"]:
                    best[kind] = rule
    return best["answer"], best["person"]


def simulated_teaching(found, gold, texts, taxonomy, embed, per_theme: int, seed: int = 0):
    """An analyst judging ``per_theme`` answers per theme, drawn from its members and the
    answers scored just below them, verdicts from gold."""
    from reflect.themes.teach import Teaching

    rng = np.random.default_rng(seed)
    judged = []
    for j, theme in enumerate(taxonomy):
        members = np.flatnonzero(found.membership[:, j])
        ranked = np.argsort(-found.scores[:, j])
        pool = list(dict.fromkeys([*members, *ranked[: 2 * max(len(members), 1)]]))
        for i in rng.permutation(pool)[:per_theme]:
            judged.append((texts[int(i)], theme.id, bool(gold[int(i), j])))
    return Teaching.from_judgements(judged, embed)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, nargs="?", default=Path("corpora/demo"))
    parser.add_argument("--teach", type=int, default=0, help="answers judged per theme")
    parser.add_argument("--probes", action="store_true", help="also print the two probes")
    parser.add_argument("--people", action="store_true", help="probe person-level rules")
    parser.add_argument("--workspace", type=Path, default=None)
    parser.add_argument("--taxonomy", type=Path, default=None, help="a taxonomy TOML")
    args = parser.parse_args(argv)
    # A throwaway pseudonym key: the benchmark never needs to link runs.
    os.environ.setdefault("REFLECT_KEY", "0123456789abcdef" * 4)

    from reflect import frames as F
    from reflect.anonymise import anonymise
    from reflect.embed import Embedder
    from reflect.ingest import read_reflections, read_roster
    from reflect.keys import load_key
    from reflect.themes import load_taxonomy
    from reflect.themes.assign import assign_themes
    from reflect.themes.fit import measure_fit
    from reflect.workspace import Workspace

    start = time.perf_counter()
    source = args.corpus / "reflections.csv"
    frame = read_reflections(source)
    roster = read_roster(args.corpus / "roster.csv")
    taxonomy = load_taxonomy(args.taxonomy) if args.taxonomy else load_taxonomy()
    ids = [t.id for t in taxonomy]
    key = load_key()
    with tempfile.TemporaryDirectory() as tmp, Workspace(args.workspace or Path(tmp), key) as ws:
        redacted, _ = anonymise(frame, roster, key, ws)

        embed = Embedder(None, ws)  # the product default, its model loaded once

        texts, prompts = redacted[F.TEXT].tolist(), redacted[F.PROMPT].tolist()
        vectors = embed(texts)
        writers = redacted[F.PARTICIPANT].tolist()  # as the product: label words need k
        found = assign_themes(vectors, taxonomy, embed, texts, prompts, participants=writers)
        seconds = time.perf_counter() - start
        gold = _gold(args.corpus, source, redacted, ids, F, "emerging:" if args.taxonomy else "")
        if args.taxonomy:  # only the themes gold names
            named = gold.any(axis=0)
            ids = [i for i, n in zip(ids, named, strict=True) if n]
            gold, found.membership = gold[:, named], found.membership[:, named]
            found.reached = found.reached[:, named]
            taxonomy = [t for t, n in zip(taxonomy, named, strict=True) if n]
        taught = None
        if args.teach:
            teaching = simulated_teaching(found, gold, texts, taxonomy, embed, args.teach)
            taught = assign_themes(
                vectors, taxonomy, embed, texts, prompts, teaching, participants=writers
            )
        if args.probes:
            features = _probe_features(texts, vectors, embed)
            sentences = bank_sentences(args.corpus / "bank", ids)
            top1 = sentence_accuracy(sentences, taxonomy, embed) if sentences else None

    people = redacted[F.PARTICIPANT].to_numpy()
    sessions = redacted[F.SESSION].astype(str).to_numpy()
    per, macro = score(found.membership, gold, ids)
    view = lead_view(found.membership, gold, people, sessions, ids)
    fit = measure_fit(found.reached, found.topical, [t.kind for t in taxonomy])
    print(f"{'theme':<16} {'gold%':>6} {'ours%':>6} {'move gold':>9} {'ours':>6}  "
          f"{'P':>5} {'R':>5} {'F1':>5}")  # fmt: skip
    for j, theme in enumerate(ids):
        p, r, f = per[theme]
        print(
            f"{theme:<16} {view['want'][j]:6.1f} {view['got'][j]:6.1f} "
            f"{view['gold_move'][j]:+9.1f} {view['our_move'][j]:+6.1f}  {p:5.2f} {r:5.2f} {f:5.2f}"
        )
    print(f"top three: gold {view['top_gold']}; ours {view['top_ours']}")
    print(lead_line("untaught", view, macro))
    if taught is not None:
        _, tmacro = score(taught.membership, gold, ids)
        tview = lead_view(taught.membership, gold, people, sessions, ids)
        print(lead_line(f"taught {args.teach}/theme", tview, tmacro))
    if args.probes:
        _, probe = score(supervised_probe(features, gold), gold, ids)
        print(f"probe: classifiers trained on this gold (5-fold): macro F1={probe['F']:.3f}")
        if top1:
            print(
                f"probe: bank sentences (n={len(sentences)}), top-1 accuracy: seeds "
                f"{top1[0]:.3f}; trained on the bank's labels (5-fold) {top1[1]:.3f}"
            )
    if args.people:
        plain, person = people_probe(found, gold, people, [t.kind for t in taxonomy])
        print(
            f"probe: one rule for all themes, picked on this gold: answer bar alone "
            f"MAE={plain['mae']:.1f} worst={plain['worst']:.1f} (bar {plain['bar']:.2f}); "
            f"person-level MAE={person['mae']:.1f} worst={person['worst']:.1f} (answer bar "
            f"{person['bar']:.2f}, strongest >= {person['strict']:.2f} or {person['need']} "
            f"answers)"
        )
    taught_note = (
        f"; taught {args.teach}/theme: MAE={tview['mae']:.1f} worst={tview['worst'][1]:.1f} "
        f"top3={'yes' if tview['top3'] else 'no'} trends={len(tview['right'])}/"
        f"{len(tview['big'])} F1={tmacro['F']:.3f}"
        if taught is not None
        else ""
    )
    print(
        f"RESULT taxonomy demo: share MAE={view['mae']:.1f} points (target <=4), worst "
        f"{view['worst'][0]} {view['worst'][1]:.1f} (target <=10), top3 in gold order="
        f"{'yes' if view['top3'] else 'no'}, big trends right={len(view['right'])}/"
        f"{len(view['big'])}, macro F1={macro['F']:.3f}, explained={fit.explained_share:.2f} "
        f"(n={len(texts)} answers, {len(ids)} themes, {seconds:.1f}s){taught_note}"
    )
    return 0


def _gold(corpus: Path, source: Path, redacted, ids, F, planted: str = "") -> np.ndarray:
    # gold: one row per (response id, column); the frame keeps the source row and prompt
    table = pd.read_csv(corpus / "gold.csv", dtype=str).fillna("")
    source_ids = response_ids(pd.read_csv(source, dtype=str), table)
    wanted = {
        (r.response_id, r.column): {
            t for t in (x.removeprefix(planted) for x in r.themes.split(";")) if t in ids
        }
        for r in table.itertuples()
    }
    gold = np.zeros((len(redacted), len(ids)), dtype=bool)
    for n, (row, prompt) in enumerate(zip(redacted[F.ROW], redacted[F.PROMPT], strict=True)):
        for theme in wanted.get((source_ids[int(row) - 2], prompt), ()):
            gold[n, ids.index(theme)] = True
    return gold


def response_ids(export: pd.DataFrame, gold: pd.DataFrame) -> list[str]:
    """Each export row's response id, from the column holding gold's ("Response ID", "ID")."""
    wanted = set(gold.response_id)
    column = next((c for c in export.columns if wanted <= set(export[c])), None)
    if column is None:
        raise SystemExit("no column of the export holds gold.csv's response ids")
    return export[column].tolist()


if __name__ == "__main__":
    sys.exit(main())
