"""How findable are the demo's planted topics at all? Probes of the sentences emerging themes
are found among (those the taxonomy leaves unexplained), per planted topic:

- ``open``: the topic's sentences left open, of all its sentences (a sentence is the topic's
  when its answer has the topic in ``gold.csv`` and it comes from the topic's bank file,
  ``bank/emerging_*.txt``: an answer on scheduling also has sentences on other things);
- ``knn``: share of an open topic sentence's 10 nearest open sentences by other people that
  are the topic's too (what a neighbour graph can join; the topic's base rate beside it);
- ``centroid``: precision of the n open sentences nearest the mean of the topic's own n
  sentences (the best single direction, known only from gold);
- ``supervised``: precision of the n sentences a logistic regression on the sentence vectors,
  trained on gold labels (5-fold, never on the sentence it scores), ranks highest — a probe,
  not a ceiling: a stronger learner could do better on the same vectors;
- ``top_word``: how many of the topic's open sentences share its most common content word
  (what a lexical topic model, NMF or LDA, has to go on);
- ``nmf_knn``: ``knn`` on a blend of 0.8 x embedding cosine and 0.2 x cosine of NMF topic
  mixtures (50 topics over TF-IDF of the content words).

usage: python benchmarks/emerging_probe.py [corpora/demo]
"""

from __future__ import annotations

import argparse
import os
import re
import secrets
import sys
import tempfile
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, nargs="?", default=Path("corpora/demo"))
    args = parser.parse_args(argv)
    os.environ.setdefault("REFLECT_KEY", secrets.token_hex(32))

    from reflect import frames as F
    from reflect.anonymise import anonymise
    from reflect.embed import Embedder
    from reflect.ingest import read_reflections, read_roster
    from reflect.keys import load_key
    from reflect.themes import emerging, load_taxonomy
    from reflect.themes.empty import is_empty_answer
    from reflect.themes.seeds import theme_scores
    from reflect.workspace import Workspace

    source = args.corpus / "reflections.csv"
    frame = read_reflections(source)
    taxonomy = load_taxonomy(None)
    with tempfile.TemporaryDirectory() as tmp, Workspace(Path(tmp)) as ws:
        redacted, _ = anonymise(frame, read_roster(args.corpus / "roster.csv"), load_key(), ws)
        embed = Embedder(None, ws)
        rows, sentences = [], []
        for i, text in enumerate(redacted[F.TEXT]):
            if text and not is_empty_answer(text):
                for s in emerging.split_answer(text):
                    rows.append(i)
                    sentences.append(s)
        vectors = embed(sentences)
        scores = theme_scores(vectors, taxonomy, embed).max(axis=1)
    people = np.array([redacted[F.PARTICIPANT].iloc[r] for r in rows])
    open_ = np.flatnonzero(scores < emerging.EXPLAINED)
    labels = _sentence_labels(args.corpus, redacted, rows, sentences, F)

    blend = _nmf_blend(vectors[open_], [sentences[s] for s in open_])
    parts = []
    for topic in sorted({t for t in labels if t}):
        is_topic = labels == topic
        got = is_topic[open_]
        n = int(got.sum())
        x = vectors[open_]
        centre = x[got].mean(axis=0)
        probe = {
            "open": f"{n}/{int(is_topic.sum())}",
            "knn": f"{_knn(x @ x.T, got, people[open_]):.2f}(base {n / len(open_):.2f})",
            "centroid": f"{got[np.argsort(-(x @ centre))[:n]].mean():.2f}",
            "supervised": f"{_supervised(x, got, n):.2f}",
            "top_word": _top_word([sentences[s] for s in open_[got]], n),
            "nmf_knn": f"{_knn(blend, got, people[open_]):.2f}",
        }
        print(topic, probe)
        parts.append(f"{topic.split(':')[1]}: " + " ".join(f"{k}={v}" for k, v in probe.items()))
    print(f"RESULT emerging-probe {args.corpus.name}: " + " | ".join(parts))
    return 0


def _sentence_labels(corpus, redacted, rows, sentences, F) -> np.ndarray:
    """Each sentence's planted topic, or "" (see the module docstring)."""
    source_ids = pd.read_csv(corpus / "reflections.csv", dtype=str)["Response ID"].tolist()
    gold = pd.read_csv(corpus / "gold.csv", dtype=str).fillna("")
    wanted = {(r.response_id, r.column): set(r.themes.split(";")) for r in gold.itertuples()}
    answer_topics = [
        wanted.get((source_ids[int(row) - 2], prompt), set())
        for row, prompt in zip(redacted[F.ROW], redacted[F.PROMPT], strict=True)
    ]
    bank: dict[str, list[set[str]]] = {}
    for path in sorted((corpus / "bank").glob("emerging_*.txt")):
        lines = [line for line in path.read_text().splitlines() if line and line[0] not in "#="]
        pieces = [p for line in lines for p in re.split(r"(?<=[.!?])\s+", line)]
        bank["emerging:" + path.stem.removeprefix("emerging_")] = [_words(p) for p in pieces]
    out = []
    for row, sentence in zip(rows, sentences, strict=True):
        words = _words(sentence)
        topic = next(
            (
                t
                for t in sorted(answer_topics[row] & set(bank))
                if any(len(b) >= 3 and len(words & b) >= 0.6 * len(b) for b in bank[t])
            ),
            "",
        )
        out.append(topic)
    return np.array(out)


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z]+", text.lower()))


def _knn(sims: np.ndarray, got: np.ndarray, people: np.ndarray, k: int = 10) -> float:
    sims = sims.copy()
    sims[people[:, None] == people[None, :]] = -np.inf  # other people's sentences only
    nearest = np.argpartition(-sims[got], k, axis=1)[:, :k]
    return float(got[nearest].mean())


def _supervised(x: np.ndarray, got: np.ndarray, n: int) -> float:
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import cross_val_predict

    model = LogisticRegression(C=4, class_weight="balanced", max_iter=2000)
    p = cross_val_predict(model, x, got.astype(int), cv=5, method="predict_proba")[:, 1]
    return float(got[np.argsort(-p)[:n]].mean())


def _content_words(text: str) -> list[str]:
    from reflect.themes.words import STOP_WORDS, TOKEN, stem

    found = TOKEN.findall(text.lower().replace("’", "'"))
    return [stem(w) for w in found if w not in STOP_WORDS and "'" not in w and len(w) >= 3]


def _top_word(texts: list[str], n: int) -> str:
    counts = Counter(w for t in texts for w in set(_content_words(t)))
    word, most = counts.most_common(1)[0] if counts else ("", 0)
    return f"{most}/{n}({word})"


def _nmf_blend(x: np.ndarray, texts: list[str]) -> np.ndarray:
    from sklearn.decomposition import NMF
    from sklearn.feature_extraction.text import TfidfVectorizer

    tfidf = TfidfVectorizer(analyzer=_content_words, min_df=2, sublinear_tf=True)
    mix = NMF(50, init="nndsvda", random_state=0, max_iter=300).fit_transform(
        tfidf.fit_transform(texts)
    )
    mix /= np.maximum(np.linalg.norm(mix, axis=1, keepdims=True), 1e-12)
    return 0.8 * (x @ x.T) + 0.2 * (mix @ mix.T)


if __name__ == "__main__":
    sys.exit(main())
