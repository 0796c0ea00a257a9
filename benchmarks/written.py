"""How many of the words a report shows were written, as such, by at least k people: for each
label, phrase and facet in ``report.json``, the distinct participants of the export whose
answer holds it (its words in that order, lower-cased, plurals folded; a facet's words may
also stand side by side in another order, as the product counts them: "outputs of cells" for
"cell outputs"). A facet reads as what its n people said; one that fewer than k people wrote
is a construction of the engine, or close to a quote. Labels of emerging themes made of two
typical words ("coffee and canteen") are descriptions, not quotes, and are counted apart.

usage: python benchmarks/written.py EXPORT REPORT_DIR

Reads the export as ``reflect analyse`` does (column mapping guessed from the headers) and the
run's ``report.json``; prints a line per kind and one ``RESULT written`` line. The answers are
read unredacted here, in this process only; nothing is written.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("export", type=Path)
    parser.add_argument("report_dir", type=Path)
    args = parser.parse_args(argv)

    from reflect import frames as F
    from reflect.ingest import read_export
    from reflect.themes.words import WrittenAsSuch  # the product's own count

    frame = read_export(args.export, {}).frame
    written = WrittenAsSuch(frame[F.TEXT].tolist(), frame[F.PARTICIPANT].tolist())
    report = json.loads((args.report_dir / "report.json").read_text("utf-8"))
    k = report.get("min_group_size", 5)

    shown: dict[str, list[str]] = {"label": [], "pair label": [], "phrase": [], "facet": []}
    for theme in report["themes"]:
        if theme.get("participants") is None:
            continue
        if theme["kind"] == "emerging":
            pair = re.fullmatch(r"\w+ and \w+", theme["label"]) is not None
            shown["pair label" if pair else "label"].append(theme["label"])
        shown["phrase"] += [p for p in theme.get("phrases", []) if p != theme["label"]]
        shown["facet"] += [f["label"] for f in theme.get("facets", [])]
    below = {}
    for kind, items in shown.items():
        count = written.together if kind == "facet" else written.by
        counted = [(text, count(text)) for text in items]
        few = [(text, n) for text, n in counted if n < k]
        below[kind] = (len(few), len(counted))
        listed = ", ".join(f"{text!r} ({n})" for text, n in few[:8])
        print(f"{kind:>10}: {len(few)}/{len(counted)} written by fewer than {k}  {listed}")
    parts = " ".join(f"{kind.replace(' ', '_')}s={a}/{b}" for kind, (a, b) in below.items())
    print(f"RESULT written {args.report_dir.name}: below k={k}: {parts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
