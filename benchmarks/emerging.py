"""Emerging themes on the demo corpus against its gold: the topics planted outside the
taxonomy (``corpora/demo/gold.csv``, ``emerging:*`` entries) and the emerging themes the
product's theme stage reports. For each planted topic, the emerging theme sharing the most of
its people (F1 over distinct participants) is matched to it; the line shows that theme's
label, its support beside gold's, the ratio (target: within 0.75-1.25) and how many of its
people are gold's (precision, beside the base rate: the share of all participants who are
gold's, which a theme of random people would reach) — a support can land near gold's by
chance with the wrong people, so both are printed. Also prints every emerging theme with its
support, and the answers the "nothing to add" rule took.

usage: python benchmarks/emerging.py [corpora/demo] [--taxonomy none|PATH]
"""

from __future__ import annotations

import argparse
import secrets
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd
from taxonomy import response_ids  # this folder's benchmark: one reading of gold


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, nargs="?", default=Path("corpora/demo"))
    parser.add_argument("--taxonomy", default=None, help="'none' or a taxonomy TOML")
    args = parser.parse_args(argv)
    import os

    # A throwaway pseudonym key: the benchmark never needs to link runs.
    os.environ.setdefault("REFLECT_KEY", secrets.token_hex(32))

    from reflect import frames as F
    from reflect.anonymise import anonymise
    from reflect.embed import Embedder
    from reflect.ingest import read_reflections, read_roster
    from reflect.keys import load_key
    from reflect.themes import find_themes, load_taxonomy
    from reflect.workspace import Workspace

    start = time.perf_counter()
    source = args.corpus / "reflections.csv"
    frame = read_reflections(source)
    roster = read_roster(args.corpus / "roster.csv")
    taxonomy = [] if args.taxonomy == "none" else load_taxonomy(args.taxonomy)
    with tempfile.TemporaryDirectory() as tmp, Workspace(Path(tmp)) as ws:
        redacted, _ = anonymise(frame, roster, load_key(), ws)

        embed = Embedder(None, ws)  # the product default, its model loaded once

        vectors = embed(redacted[F.TEXT].tolist())
        themes = find_themes(
            redacted, vectors, taxonomy, embed, 5, workspace=ws, chosen=args.taxonomy is not None
        )  # as `reflect analyse --taxonomy` applies it
    seconds = time.perf_counter() - start

    gold_table = pd.read_csv(args.corpus / "gold.csv", dtype=str).fillna("")
    source_ids = response_ids(pd.read_csv(source, dtype=str), gold_table)
    wanted = {(r.response_id, r.column): set(r.themes.split(";")) for r in gold_table.itertuples()}
    people = redacted[F.PARTICIPANT].tolist()
    gold: dict[str, set] = {}
    for n, (row, prompt) in enumerate(zip(redacted[F.ROW], redacted[F.PROMPT], strict=True)):
        for theme in wanted.get((source_ids[int(row) - 2], prompt), ()):
            if theme.startswith("emerging:"):
                gold.setdefault(theme, set()).add(people[n])

    emerging = [t for t in themes if t.kind == "emerging"]
    print(f"{'emerging theme':<40} people")
    for t in emerging:
        print(f"{t.label:<40} {len({people[i] for i in t.members})}")
    parts, within = [], 0
    for topic, gold_people in sorted(gold.items()):
        best, best_f1 = None, 0.0
        for t in emerging:
            found = {people[i] for i in t.members}
            hit = len(found & gold_people)
            f1 = 2 * hit / (len(found) + len(gold_people)) if hit else 0.0
            if f1 > best_f1:
                best, best_f1 = (t, found, hit), f1
        if best is None:
            print(f"{topic}: gold {len(gold_people)} people; no emerging theme shares any")
            parts.append(f"{topic.split(':')[1]}=none/{len(gold_people)}")
            continue
        t, found, hit = best
        ratio = len(found) / len(gold_people)
        within += 0.75 <= ratio <= 1.25
        print(
            f"{topic}: gold {len(gold_people)} people; best match {t.label!r} {len(found)} "
            f"(ratio {ratio:.2f}, precision {hit / len(found):.2f} against a base rate of "
            f"{len(gold_people) / len(set(people)):.2f}, recall {hit / len(gold_people):.2f})"
        )
        parts.append(
            f"{topic.split(':')[1]}={len(found)}/{len(gold_people)}"
            f"(p={hit / len(found):.2f},r={hit / len(gold_people):.2f})"
        )
    empty = next((t for t in themes if t.id == "no_concerns"), None)
    print(
        f"RESULT emerging demo: {' '.join(parts)} within25%={within}/{len(gold)} "
        f"emerging_themes={len(emerging)} no_concerns={len(empty.members) if empty else 0} "
        f"({seconds:.1f}s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
