"""Sensitive-topic screen for quotes: how many sensitive sentences it catches and how many
everyday sentences it still lets through, beside the word list it replaced.

Two invented tables (never sentences from ../shared/eval); each row is ``topic`` (empty for
an everyday sentence) and ``sentence``:
- ``tests/data/sensitive_sentences.csv``: the test table (``tests/test_privacy_topics.py``),
  which the thresholds were chosen on, with the examples in ``models/sensitive_topics.toml``;
- ``benchmarks/data/sensitive_holdout.csv``: written after the screen was frozen and measured
  once: the figure to expect on wording nobody has seen.

    python benchmarks/screen.py [--misses]

prints one RESULT line per table: sensitive sentences caught and everyday sentences passed by
the topic screen (words + meaning), by all quote screens together (names, proper nouns,
initials, identifying descriptions too, each sentence written by k people), and side by side
by the word list quotes were screened with before.
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TABLES = {
    "test": ROOT / "tests/data/sensitive_sentences.csv",
    "holdout": ROOT / "benchmarks/data/sensitive_holdout.csv",
}
# The quote screen's word list before the meaning screen (reflect 0.1, privacy/screening.py).
BEFORE = re.compile(
    r"\b(?:disab\w*|wheelchair|deaf|blind|autis\w*|adhd|dyslex\w*|neurodiver\w*"
    r"|diagnos\w*|illness|ill|sick\w*|cancer|chemo\w*|surgery|hospital\w*|therap\w*"
    r"|depress\w*|anxiety|stress(?:ed)?|burn-?out|signed off|medication|pregnan\w*"
    r"|maternity|paternity|miscarr\w*|ivf|menopaus\w*|divorc\w*|bereave\w*|funeral"
    r"|gay|lesbian|bisexual|trans(?:gender)?|queer|lgbt\w*|sexuality|pronouns?"
    r"|relig\w*|muslim|christian|jewish|hindu|sikh|buddhist|hijab|church|mosque"
    r"|ethnic\w*|black|race|racis\w*|immigra\w*|visa|union|salary|salaries|pay)\b",
    re.IGNORECASE,
)


def _rates(rows: list[dict], flagged: list[bool]) -> str:
    sensitive = [f for r, f in zip(rows, flagged, strict=True) if r["topic"]]
    ordinary = [not f for r, f in zip(rows, flagged, strict=True) if not r["topic"]]
    return (
        f"caught {sum(sensitive)}/{len(sensitive)} ({sum(sensitive) / len(sensitive):.2f}), "
        f"everyday passed {sum(ordinary)}/{len(ordinary)} ({sum(ordinary) / len(ordinary):.2f})"
    )


def main(argv: list[str]) -> None:
    from reflect.privacy.screening import Vocabulary
    from reflect.privacy.topics import SensitiveTopics, mentions

    screen = SensitiveTopics()
    show_misses = "--misses" in argv
    for name, path in TABLES.items():
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        sentences = [r["sentence"] for r in rows]
        ours = [topic is not None for topic in screen.about(sentences)]
        # Every sentence written by 8 people, so only what it says can stop it.
        words = Vocabulary(sentences * 8, [f"P-{i}" for i in range(8) for _ in sentences])
        words.topics = screen
        every = [o or words.identifying(s) for o, s in zip(ours, sentences, strict=True)]
        before = [bool(BEFORE.search(s)) for s in sentences]
        wordless = [o for r, o in zip(rows, ours, strict=True)
                    if r["topic"] and not mentions(r["sentence"])]  # fmt: skip
        print(
            f"RESULT {name} ({len(rows)} sentences): topic screen {_rates(rows, ours)} "
            f"(by meaning alone {sum(wordless)}/{len(wordless)} of those naming no topic "
            f"word); all quote screens {_rates(rows, every)}; before {_rates(rows, before)}"
        )
        if show_misses:
            for row, flagged in zip(rows, ours, strict=True):
                if flagged != bool(row["topic"]):
                    kind = "missed" if row["topic"] else "blocked"
                    print(f"  {kind}: {row['sentence']}")


if __name__ == "__main__":
    main(sys.argv[1:])
