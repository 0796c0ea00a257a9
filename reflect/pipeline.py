"""The coordinator: runs the six stages in order and returns a ``Result``. It holds no stage
logic of its own — each stage is a module with a small typed interface."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from reflect import frames as F
from reflect.anonymise import anonymise
from reflect.config import Config, load_config
from reflect.embed import embed_texts
from reflect.errors import InputError
from reflect.ingest import read_reflections, read_roster
from reflect.keys import load_key
from reflect.privacy import Filter, SafeReport, disclose
from reflect.privacy.screening import taxonomy_terms
from reflect.progress import Progress, Silent
from reflect.report import write_reports
from reflect.report.tables import breakdowns_table, themes_table
from reflect.review import apply_review, load_review, rename_report
from reflect.themes import find_themes, load_taxonomy
from reflect.workspace import Workspace, drop_erased

log = logging.getLogger("reflect")


@dataclass
class Result:
    """What ``analyse`` returns: the privacy-safe report and ways to read or write it."""

    report: SafeReport
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def themes(self) -> pd.DataFrame:
        """One row per theme (see ``reflect.report.tables.themes_table``); suppressed = NA."""
        return themes_table(self.report)

    @property
    def breakdowns(self) -> pd.DataFrame:
        """Long format: theme_id, theme, dimension, group, participants (NA = suppressed)."""
        return breakdowns_table(self.report)

    def to_dict(self) -> dict:
        """``report.json`` as a dict (schema in ``schemas/report.schema.json``)."""
        return self.report.to_dict()

    def to_json(self) -> str:
        from reflect.report.formats.json import render_json

        return render_json(self.report)

    def to_html(self) -> str:
        from reflect.report.formats.html import render_html

        return render_html(self.report)

    def write(self, out_dir: Path, formats=("html", "md", "json", "csv")) -> list[Path]:
        return write_reports(self.report, out_dir, formats)


def analyse(
    source: Path | str | pd.DataFrame,
    config: Config | Path | str | None = None,
    progress: Progress | None = None,
) -> Result:
    """Run the pipeline on a reflections export (path) or a data frame with at least
    ``participant`` and ``text`` columns. ``config``: a ``Config``, or the path of a
    ``reflect.toml``."""
    if isinstance(config, str | Path):
        config = load_config(Path(config))
    config = config or Config()
    progress = progress or Silent()
    timings: dict[str, float] = {}
    clock = time.perf_counter()

    def lap(stage: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        timings[stage] = round(now - clock, 3)
        clock = now
        log.info("%s done in %.2fs", stage, timings[stage])

    if isinstance(source, pd.DataFrame):
        frame = _check_frame(source)
    else:
        frame = read_reflections(
            Path(source),
            config.columns,
            encoding=config.encoding,
            max_cell_chars=config.max_cell_chars,
            drop_duplicates=config.drop_duplicates,
        )
    roster = read_roster(config.roster, config.encoding) if config.roster else None
    taxonomy = load_taxonomy(config.taxonomy)
    lap("ingest")

    # Never beside the data it protects: not in the workspace, not in the outputs.
    key = load_key(forbidden=(config.workspace, config.out or Path("out")))
    with Workspace(config.workspace, key) as workspace:
        run_id = workspace.start_run()
        if note := workspace.stale_note():
            log.warning("%s", note)
        frame = drop_erased(frame, workspace.erased(), key)  # reflect forget is for good
        with progress.stage("Redacting", total=len(frame)) as advance:
            redacted, stats = anonymise(frame, roster, key, workspace, progress=advance)
        del frame  # from here on only redacted text exists
        # Whose texts the caches hold, so `reflect forget` can erase one person's rows.
        workspace.record_reflections(
            redacted[F.PARTICIPANT].tolist(), redacted[F.TEXT_HASH].tolist(), run_id, key
        )
        lap("anonymise")

        with progress.stage("Embedding", total=None) as advance:
            vectors = embed_texts(
                redacted[F.TEXT].tolist(), config.embedding_backend, workspace, progress=advance
            )
        lap("embed")

        def embed(texts):
            return embed_texts(texts, config.embedding_backend, workspace)

        with progress.stage("Finding themes"):
            themes = find_themes(
                redacted, vectors, taxonomy, embed, config.min_group_size, workspace=workspace
            )
        # The analyst's review changes themes before disclosure: merged or split themes
        # have new counts, which must pass the privacy rules like any other.
        review = load_review(config.review)
        themes = apply_review(themes, review, redacted)
        lap("themes")
        workspace.finish_run(run_id, len(redacted))

    report = disclose(
        themes,
        redacted,
        config.min_group_size,
        stats,
        filter=Filter.parse(config.filter) if config.filter else None,
        quotes=config.quotes,
        dp_epsilon=config.dp_epsilon,
        vocabulary=taxonomy_terms(taxonomy),
    )
    report = rename_report(report, review, themes)
    lap("privacy")
    return Result(report, timings)


def _check_frame(frame: pd.DataFrame) -> pd.DataFrame:
    missing = [c for c in (F.PARTICIPANT, F.TEXT) if c not in frame.columns]
    if missing:
        raise InputError(f"data frame lacks column(s) {', '.join(missing)}")
    out = frame.copy()
    for column in F.INGESTED_COLUMNS:
        if column not in out.columns:
            out[column] = range(1, len(out) + 1) if column == F.ROW else ""
    out[F.ROLE] = out[F.ROLE].astype(str).str.lower().replace("", "unknown")
    out = out[out[F.TEXT].astype(str).str.strip() != ""]
    return out[F.INGESTED_COLUMNS].astype({c: str for c in F.INGESTED_COLUMNS if c != F.ROW})
