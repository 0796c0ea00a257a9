"""Theme quality on ReflectSumm (see /work/shared/eval/README.md): the theme engine runs on each
lecture's reflections (the human phrases are never read while predicting), writes
``{"id", "phrases", "support"}`` rows, and is scored like ``score_phrases.py``: ROUGE-1/2/L F1
(stemmed) per lecture, phrases joined by newlines, averaged, plus the content variant that
drops annotation boilerplate. It also scores support counts against the humans' and times the
run from a cold start. Baselines run through the same scoring: a simple pipeline (noun chunks,
chunk clustering, clusters by distinct students, most used chunk as label) and BERTopic
(skipped if not installed). Without ``--only``, a *support probe* line follows: the
agreement reached when the human phrases themselves are the labels (not a system, and not a
ceiling: another way of counting could agree better; see ``support_probe``).

usage: python benchmarks/reflectsumm.py DATA.jsonl --out PRED.jsonl [--only reflect]
                                        [--preset small-groups] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

START = time.perf_counter()  # cold start: before spaCy, torch and the model are imported

# -- the README's metric (same logic as score_phrases.py) -------------------------------------
BOILERPLATE = {
    "related", "to", "other", "statements", "statement", "no", "confusion", "confusing",
    "learning", "about", "over", "regarding", "interest", "in",
}  # fmt: skip
GPT_ROWS = ["gpt35_human_prompt", "gpt35_noun_phrase", "gpt35_noun_phrase_1shot"]


def _strip(text: str) -> str:
    return "\n".join(
        " ".join(w for w in re.findall(r"[\w'-]+", line.lower()) if w not in BOILERPLATE)
        for line in text.split("\n")
    )


def rouge(data: list[dict], preds: dict[str, list[str]], content: bool = False) -> dict:
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)
    total = Counter()
    for item in data:
        ref, hyp = "\n".join(item["phrase_summary"]), "\n".join(preds.get(item["id"]) or [])
        if content:
            ref, hyp = _strip(ref), _strip(hyp)
        for name, s in scorer.score(ref, hyp).items():
            total[name] += s.fmeasure
    return {k: round(100 * v / len(data), 2) for k, v in total.items()}


def rouge_line(name: str, data: list[dict], preds: dict) -> tuple[str, dict]:
    full, cont = rouge(data, preds), rouge(data, preds, content=True)
    figures = {
        "R1": full["rouge1"],
        "R2": full["rouge2"],
        "RL": full["rougeL"],
        "content_R1": cont["rouge1"],
        "content_R2": cont["rouge2"],
    }
    words = [len(p.split()) for ps in preds.values() for p in ps]
    text = (
        f"{name:<26} n={len(data)} R1={figures['R1']:.2f} R2={figures['R2']:.2f} "
        f"RL={figures['RL']:.2f} content_R1={figures['content_R1']:.2f} "
        f"content_R2={figures['content_R2']:.2f} words/phrase={np.mean(words or [0]):.2f}"
    )
    return text, figures


# -- support agreement --------------------------------------------------------------------
def support_agreement(data: list[dict], preds: dict, supports: dict, embed) -> dict:
    """For each human phrase, the predicted phrase closest in embedding space: how far apart
    are their supports?"""
    from scipy.stats import spearmanr

    pairs, within = [], []
    for item in data:
        phrases, sup = preds.get(item["id"]) or [], supports.get(item["id"]) or []
        if not phrases:
            continue
        human = [h for h in item["phrase_summary"] if h in item["support"]]
        if not human:
            continue
        sims = embed(human) @ embed(phrases).T
        got = [(item["support"][h], sup[int(np.argmax(sims[j]))]) for j, h in enumerate(human)]
        pairs.extend(got)
        h, p = zip(*got, strict=True)
        if len(set(h)) > 1 and len(set(p)) > 1:
            within.append(spearmanr(h, p).statistic)
    h, p = (np.array(x, dtype=float) for x in zip(*pairs, strict=True))
    return {
        "mae": round(float(np.mean(np.abs(p - h))), 2),
        "median_err": round(float(np.median(p - h)), 2),
        "mean_err": round(float(np.mean(p - h)), 2),
        "spearman_all": round(float(spearmanr(h, p).statistic), 3),
        "spearman_within": round(float(np.nanmean(within)), 3),
    }


# -- systems ------------------------------------------------------------------------------
def run_reflect(data: list[dict], embed, preset_name: str) -> tuple[dict, dict]:
    from reflect.themes.engine import find_group_themes
    from reflect.themes.presets import get_preset

    preset = get_preset(preset_name)
    embed = _warm(data, embed)
    preds, supports = {}, {}
    for item in data:
        texts = item["reflections"]
        themes = find_group_themes(
            texts, list(range(len(texts))), embed, preset, prompt=item["prompt"],
            vectors=embed(texts),
        )  # fmt: skip
        preds[item["id"]] = [t.label for t in themes]
        supports[item["id"]] = [t.support for t in themes]
    return preds, supports


def _warm(data: list[dict], embed):
    """Batch the slow steps across lectures, as the product does across a programme: one
    spaCy pass per prompt and one embedding call for every distinct phrase; the engine then
    finds both in memory."""
    from reflect.themes.candidates import extract_candidates

    by_prompt: dict[str, list[str]] = {}
    for item in data:
        by_prompt.setdefault(item["prompt"], []).extend(item["reflections"])
    displays = {
        c.text
        for prompt, texts in by_prompt.items()
        for parsed in extract_candidates(texts, prompt)
        for c in parsed.candidates
    }
    displays.update(t for texts in by_prompt.values() for t in texts)  # the reflections too
    memo = dict(zip(sorted(displays), embed(sorted(displays)), strict=True))

    def cached(texts):
        missing = [t for t in dict.fromkeys(texts) if t not in memo]
        if missing:
            memo.update(zip(missing, embed(missing), strict=True))
        return np.stack([memo[t] for t in texts]) if texts else embed([])

    return cached


def run_simple(data: list[dict], embed) -> tuple[dict, dict]:
    """The simple pipeline the issue names, as we read it: noun chunks per reflection, MiniLM
    on the distinct chunks, average-linkage agglomerative clustering of the chunks (cosine
    distance 0.3), clusters ranked by distinct students and then by the closeness of their
    centroid to the group's centre, each labelled with its most used chunk. On dev it scores
    content R1 38.8, not the ~45.8 the issue quotes for its recipe (other readings we tried:
    thresholds 0.3-0.5, most central chunk as label, clustering whole reflections: 34-38.5)."""
    from sklearn.cluster import AgglomerativeClustering

    from reflect.nlp import load_spacy

    nlp = load_spacy(("parser", "lemmatizer"))
    preds, supports = {}, {}
    for item in data:
        texts = item["reflections"]
        uses = [
            (_bare(c), i)
            for i, doc in enumerate(nlp.pipe(texts))
            for c in doc.noun_chunks
            if c.root.pos_ != "PRON" and _bare(c)
        ]
        chunks = sorted({c for c, _ in uses})
        if not chunks:
            preds[item["id"]], supports[item["id"]] = [], []
            continue
        vectors = embed(chunks)
        labels = np.zeros(len(chunks), dtype=int)
        if len(chunks) > 1:
            labels = AgglomerativeClustering(
                n_clusters=None, metric="cosine", linkage="average", distance_threshold=0.3
            ).fit_predict(vectors)
        index = {c: k for k, c in enumerate(chunks)}
        centre = vectors.mean(axis=0)
        centre /= max(float(np.linalg.norm(centre)), 1e-12)
        ranked = []
        for c in set(labels.tolist()):
            keys = np.flatnonzero(labels == c)
            mine = {(ch, i) for ch, i in uses if labels[index[ch]] == c}
            students = {i for _, i in mine}
            middle = vectors[keys].mean(axis=0)
            middle /= max(float(np.linalg.norm(middle)), 1e-12)
            counts = Counter(ch for ch, _ in mine)
            label = max(keys, key=lambda k: (counts[chunks[k]], float(vectors[k] @ middle)))
            ranked.append(((len(students), float(middle @ centre)), chunks[label], len(students)))
        ranked.sort(reverse=True)
        preds[item["id"]] = [label for _, label, _ in ranked[:5]]
        supports[item["id"]] = [n for _, _, n in ranked[:5]]
    return preds, supports


def _bare(chunk) -> str:
    """A noun chunk without leading determiners, pronouns, numbers and stop words ("the quiz"
    -> "quiz")."""
    words = [t for t in chunk if not t.is_punct]
    while words and (words[0].pos_ in {"DET", "PRON", "NUM"} or words[0].is_stop):
        words = words[1:]
    return " ".join(t.lower_ for t in words)


def run_bertopic(data: list[dict], embed) -> tuple[dict, dict]:
    """BERTopic with small-group settings: no UMAP (groups of 4 to 77 are too small for it),
    HDBSCAN with min cluster size 2, English stop words, our precomputed MiniLM vectors."""
    from bertopic import BERTopic
    from bertopic.dimensionality import BaseDimensionalityReduction
    from hdbscan import HDBSCAN
    from sklearn.feature_extraction.text import CountVectorizer

    preds, supports = {}, {}
    for item in data:
        texts = item["reflections"]
        vectors = embed(texts)
        try:
            model = BERTopic(
                umap_model=BaseDimensionalityReduction(),
                hdbscan_model=HDBSCAN(min_cluster_size=2, metric="euclidean"),
                vectorizer_model=CountVectorizer(stop_words="english", ngram_range=(1, 2)),
                min_topic_size=2,
            )
            topics, _ = model.fit_transform(texts, embeddings=vectors)
            info = model.get_topic_info()
            info = info[info.Topic != -1].head(5)
            preds[item["id"]] = [" ".join(w for w, _ in model.get_topic(t)[:2]) for t in info.Topic]
            supports[item["id"]] = [int(n) for n in info.Count]
        except (ValueError, TypeError, IndexError):
            preds[item["id"]], supports[item["id"]] = [], []
    return preds, supports


def support_probe(data: list[dict], embed) -> dict:
    """Support agreement when the labels are the human phrases themselves and each
    reflection counts for its nearest one (a partition, as the annotators made). It reads the
    human phrases, so it is no system: it is how far counting each reflection for its nearest
    label by embedding similarity agrees with the humans' counts even with perfect labels. Not
    a ceiling: another way of counting (several labels per reflection, other evidence) could
    agree better."""
    supports = {}
    for item in data:
        human = [h for h in item["phrase_summary"] if h in item["support"]]
        texts = item["reflections"]
        if not human or not texts:
            continue
        nearest = (embed(texts) @ embed(human).T).argmax(axis=1)
        supports[item["id"]] = np.bincount(nearest, minlength=len(human)).tolist()
    phrases = {i["id"]: [h for h in i["phrase_summary"] if h in i["support"]] for i in data}
    return support_agreement(data, phrases, supports, embed)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", type=Path)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--only", choices=["reflect"], default=None)
    parser.add_argument("--preset", default="small-groups")
    parser.add_argument(
        "--backend", default=None, help="embedding backend (default: the product's)"
    )
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument(
        "--workspace", type=Path, default=None, help="cache vectors here (not a cold start)"
    )
    args = parser.parse_args(argv)

    from reflect.embed import Embedder

    data = [json.loads(line) for line in args.data.open(encoding="utf-8")]
    data = data[: args.limit] if args.limit else data

    workspace = None
    if args.workspace:
        from reflect.workspace import Workspace

        workspace = Workspace(args.workspace)

    embed = Embedder(args.backend, workspace)  # loads the model once, for the first new text

    clock = time.perf_counter()
    preds, supports = run_reflect(data, embed, args.preset)
    wall = time.perf_counter() - START
    engine_only = time.perf_counter() - clock
    with args.out.open("w", encoding="utf-8") as out:
        for item in data:
            row = {"id": item["id"], "phrases": preds[item["id"]]}
            out.write(json.dumps({**row, "support": supports[item["id"]]}) + "\n")

    for name in GPT_ROWS:
        got = {d["id"]: d[name] for d in data if d.get(name) is not None}
        print(rouge_line(name, [d for d in data if d["id"] in got], got)[0])
    systems = {"reflect": (preds, supports, wall)}
    if args.only is None:
        clock = time.perf_counter()
        simple = run_simple(data, embed)
        systems["simple"] = (*simple, time.perf_counter() - clock)
        try:
            import bertopic  # noqa: F401
        except ImportError:
            print("bertopic: skipped (package not installed; pip install -e '.[bench]')")
        else:
            clock = time.perf_counter()
            topics = run_bertopic(data, embed)
            systems["bertopic"] = (*topics, time.perf_counter() - clock)
    results = {}
    for name, (p, s, seconds) in systems.items():
        line, figures = rouge_line(name, data, p)
        agreement = support_agreement(data, p, s, embed)
        results[name] = {**figures, **agreement, "seconds": round(seconds, 1)}
        print(
            f"{line}\n{'':<26} support: MAE={agreement['mae']} "
            f"median_signed_err={agreement['median_err']} mean_signed_err="
            f"{agreement['mean_err']} spearman_all={agreement['spearman_all']} "
            f"spearman_within={agreement['spearman_within']} time={seconds:.1f}s"
        )
    if args.only is None:
        c = support_probe(data, embed)
        print(
            f"support probe (human phrases as labels, each reflection to its nearest): "
            f"MAE={c['mae']} spearman_all={c['spearman_all']} "
            f"spearman_within={c['spearman_within']}"
        )
    r = results["reflect"]
    note = f"cold start incl. model load; engine loop {engine_only:.1f}s"
    if "simple" in results:
        note += f"; simple baseline loop {results['simple']['seconds']}s (warm models)"
    print(
        f"RESULT reflectsumm n={len(data)} content_R1={r['content_R1']} R1={r['R1']} "
        f"R2={r['R2']} RL={r['RL']} content_R2={r['content_R2']} "
        f"support_spearman_all={r['spearman_all']} support_spearman_within="
        f"{r['spearman_within']} support_MAE={r['mae']} support_median_err={r['median_err']} "
        f"wall={r['seconds']}s ({note})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
