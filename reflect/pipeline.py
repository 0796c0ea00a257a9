"""The coordinator: runs the six stages in order and returns a ``Result``. It holds no stage
logic of its own — each stage is a module with a small typed interface.

The stages after ingest are imported only once the export has been read: a missing file or
a wrong column then fails in a fraction of a second, without loading spaCy, torch or sklearn.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from reflect import frames as F
from reflect.config import Config, load_config
from reflect.progress import Progress, Silent
from reflect.source import check_file

if TYPE_CHECKING:
    import pandas as pd

    from reflect.privacy.model import SafeReport

log = logging.getLogger("reflect")


@dataclass
class Result:
    """What ``analyse`` returns: the privacy-safe report and ways to read or write it."""

    report: SafeReport
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def themes(self) -> pd.DataFrame:
        """One row per theme (see ``reflect.report.tables.themes_table``); suppressed = NA."""
        from reflect.report.tables import themes_table

        return themes_table(self.report)

    @property
    def breakdowns(self) -> pd.DataFrame:
        """Long format: theme_id, theme, dimension, group, participants (NA = suppressed)."""
        from reflect.report.tables import breakdowns_table

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
        from reflect.report import write_reports

        return write_reports(self.report, out_dir, formats)


def analyse(
    source: Path | str | pd.DataFrame,
    config: Config | Path | str | None = None,
    progress: Progress | None = None,
) -> Result:
    """Run the pipeline on a reflections export: a file, or a data frame shaped like one
    (its columns are mapped as a file's are: guessed from the headers, or named in
    ``config.columns``). ``config``: a ``Config``, or the path of a ``reflect.toml``."""
    if isinstance(source, str | Path):
        source = check_file(source)  # before pandas and the models are imported
    from reflect.ingest import describe_columns, group_nouns, read_export, read_roster

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

    export = read_export(
        source,
        config.columns,
        encoding=config.encoding,
        max_cell_chars=config.max_cell_chars,
        drop_duplicates=config.drop_duplicates,
    )
    roster = read_roster(config.roster, config.encoding) if config.roster else None
    progress.note(describe_columns(export.columns, roster.names if roster else ()))
    if export.ids_typed_apart:
        progress.note(
            f"{export.ids_typed_apart} participant ids typed another way (case, separators, "
            "a leading zero or the prefix left out) were read as the same person's"
        )
    frame = _display_roles(export.frame, config.role_names)
    _warn_if_small(frame, config.min_group_size)
    from reflect.privacy.counts import copies_as_one, one_label_per_person
    from reflect.privacy.stage import refuse_too_small

    # Too small to report on: refused now, before any model loads (and again in disclose).
    refuse_too_small(one_label_per_person(frame), config.min_group_size)

    # Worker processes for large inputs get ready on another core while this one goes on.
    from reflect.nlp import import_spacy
    from reflect.parallel import prepare

    prepare(len(frame))
    import_spacy()  # first, so it follows the process's choice (reflect.nlp)
    # The heavy stages, imported only now (see the module docstring).
    from reflect.anonymise import anonymise
    from reflect.embed import Embedder
    from reflect.keys import load_key
    from reflect.privacy import Filter, disclose
    from reflect.privacy.ledger import Ledger
    from reflect.privacy.pins import (
        changed,
        check_roster,
        check_taxonomy,
        check_teaching,
        edits_digest,
        id_shapes,
        keep,
        keep_id_shapes,
        roster_digest,
        taxonomy_digest,
        teaching_digest,
    )
    from reflect.privacy.screening import taxonomy_terms
    from reflect.report.view import dp_line
    from reflect.review import rename_report
    from reflect.review.apply import review_with_moves
    from reflect.review.files import programme_fingerprint
    from reflect.themes import find_themes, load_taxonomy
    from reflect.themes.fit import fit_line
    from reflect.workspace import Workspace, drop_erased

    taxonomy = load_taxonomy(config.taxonomy)
    fingerprint = programme_fingerprint(config.programme, export.columns, [t.id for t in taxonomy])
    lap("ingest")

    # Never beside the data it protects: not in the workspace, not in the outputs.
    key = load_key(forbidden=(config.workspace, config.out or Path("out")))
    with Workspace(config.workspace, key) as workspace:
        run_id = workspace.start_run()
        if note := workspace.stale_note():
            log.warning("%s", note)
        frame = drop_erased(frame, workspace.erased(), key)  # reflect forget is for good
        workspace.record_spellings(frame[F.PARTICIPANT].unique(), key)  # for reflect forget
        # Before a word is redacted: a roster changed after a release says who wrote its words.
        rostered = roster_digest(roster, key)
        k = Ledger(workspace.db, key).threshold(config.min_group_size)
        check_roster(workspace.db, rostered)
        themed = taxonomy_digest(taxonomy, key)
        check_taxonomy(workspace.db, themed)
        shapes = id_shapes(workspace.db, frame[F.PARTICIPANT], k)
        values = _group_values(frame)
        with progress.stage("Redacting", total=len(frame)) as advance:
            redacted, stats = anonymise(
                frame, roster, key, workspace, progress=advance, also=values, id_shapes=shapes
            )
        del frame  # from here on only redacted text exists
        # Whose texts the caches hold, so `reflect forget` can erase one person's rows.
        workspace.record_reflections(
            redacted[F.PARTICIPANT].tolist(), redacted[F.TEXT_HASH].tolist(), run_id, key
        )
        # Copies of one person's answers are one person to the themes (their facets, whether
        # the taxonomy applies) as to every count (privacy/counts.py).
        redacted = copies_as_one(redacted)
        lap("anonymise")

        # One embedder for the run: the model loads once, for the first new text.
        embed = Embedder(config.embedding_backend, workspace)
        with progress.stage("Embedding", total=None) as advance:
            vectors = embed(redacted[F.TEXT].tolist(), progress=advance)
        lap("embed")

        # The analyst's review: answers taught to a theme shape assignment; its edits change
        # themes before disclosure (merged or split themes have new counts, which must pass
        # the privacy rules like any other).
        review = _review_for(config, fingerprint, progress)
        taught = teaching_digest(review, key, [t.id for t in taxonomy])
        check_teaching(workspace.db, taught)
        teaching = None
        if review.teaching:
            from reflect.themes.teach import Teaching  # scikit-learn: only when teaching

            teaching = Teaching.from_judgements(review.judgements(), embed)
        dp = config.dp_epsilon is not None
        # The largest k this workspace has used (``k`` above), for the themes and the review's
        # rules as for disclosure: at -k 2 a split on a phrase two people wrote got through.
        with progress.stage("Finding themes"):
            themes = find_themes(
                redacted, vectors, taxonomy, embed, k, workspace=workspace,
                teaching=teaching, chosen=config.taxonomy is not None,
                dp=dp, questions=export.questions,
            )  # fmt: skip
        fit = themes.fit
        # A review edit moving a theme by a few people is refused in every view alike, once
        # the ledger has checked who is reported; under differential privacy the noise covers
        # such a move.
        themes, review_moves = review_with_moves(themes, review, redacted, dp=dp)
        edits = edits_digest(review, key, taxonomy)
        lap("themes")

        # In the workspace: quotes are screened by meaning with cached embeddings.
        report = disclose(
            themes,
            redacted,
            config.min_group_size,
            stats,
            filter=Filter.parse(config.filter) if config.filter else None,
            quotes=config.quotes,
            dp_epsilon=config.dp_epsilon,
            dp_budget=config.dp_budget,
            vocabulary=taxonomy_terms(taxonomy),
            ledger=Ledger(workspace.db, key),  # what this workspace already released
            printable=_group_value_screen(values, roster, key, workspace),
            embed=lambda texts: embed(texts, alone=True),
            fit=fit,
            review_moves=review_moves if config.dp_epsilon is None else None,
            edits_changed=changed(workspace.db, "ledger_edits", edits),
            questions=export.questions,
        )
        keep(workspace.db, "ledger_roster", rostered)  # released with it: later reports too
        keep(workspace.db, "ledger_teaching", taught)  # DP reports too: teaching is fixed
        keep(workspace.db, "ledger_taxonomy", themed)
        keep_id_shapes(workspace.db, shapes)
        if config.dp_epsilon is None:  # a DP report judges no edit: it may not pass one on
            keep(workspace.db, "ledger_edits", edits)
        workspace.finish_run(run_id, len(redacted))
    # After disclosure, as the report shows it: the share is itself a number (privacy/fit.py).
    if report.taxonomy_fit is not None:
        progress.note(fit_line(report.taxonomy_fit))
    if (noise := dp_line(report.privacy, report.n_participants)) is not None:
        progress.note(noise)
    report = rename_report(report, review, themes)
    nouns = group_nouns(export.columns)
    report = replace(
        report,
        programme=config.programme,
        session_name=config.session_name or nouns["session"],
        cohort_name=config.cohort_name or nouns["cohort"],
        columns=_printed_prompts(
            export.columns, report.participants_by_prompt, (export.questions or ()) if dp else None
        ),
        programme_fingerprint=fingerprint,
    )
    lap("privacy")
    return Result(report, timings)


def _review_for(config: Config, fingerprint: str, progress: Progress):
    """The theme review to apply: ``config.review``, else ``reflect-review.toml`` in the
    working folder — but a review made for another programme is applied only when named."""
    from reflect.config import DEFAULT_REVIEW_FILE
    from reflect.review import Review, load_review
    from reflect.review.files import belongs_to, made_for_label

    path = config.review or (DEFAULT_REVIEW_FILE if DEFAULT_REVIEW_FILE.exists() else None)
    review = load_review(path)
    if review.is_empty():
        return review
    if not belongs_to(review, fingerprint):
        if config.review is None:
            log.warning(
                "%s was made for %s: not applied (name it with --review to apply it here)",
                path,
                made_for_label(review),
            )
            return Review()
        progress.note(f"applying the theme review in {path} (made for {made_for_label(review)})")
    else:
        progress.note(f"applying the theme review in {path}")
    return review


def _group_values(frame: pd.DataFrame) -> list[str]:
    """The roles, cohorts, sessions and prompts a report may print."""
    from reflect.privacy.group_values import GROUP_COLUMNS

    return sorted({str(v) for c in GROUP_COLUMNS for v in frame[c].unique() if str(v)})


def _group_value_screen(values: list[str], roster, key: bytes, workspace):
    """The group-value screen (``reflect.privacy.group_values``) with the redaction stage
    itself: a role, cohort, session or prompt is printable if redaction, with the programme's
    roster, leaves it unchanged (redacted with the answers, cached in the workspace) and it
    names no sensitive topic."""
    import pandas as pd

    from reflect.anonymise import anonymise
    from reflect.privacy.screening import mentions_sensitive_topic

    probe = pd.DataFrame({column: "" for column in F.INGESTED_COLUMNS}, index=range(len(values)))
    probe[F.ROW], probe[F.PARTICIPANT], probe[F.TEXT] = range(len(values)), "group value", values
    redacted, _ = anonymise(probe, roster, key, workspace)
    personal = {v for v, r in zip(values, redacted[F.TEXT], strict=True) if r != v}
    return lambda value: value not in personal and not mentions_sensitive_topic(value)


def _printed_prompts(columns: dict, printed: dict, questions=None) -> dict:
    """The column record with the text columns' headers (the prompts, in a wide export) as
    the report prints prompts: one the group-value rule pooled reads "other prompts".
    ``questions``: under differential privacy, the export's, answered or not."""
    from reflect.privacy.group_values import POOLED

    if columns.get("prompt"):  # long format: the text column holds answers, not a prompt
        return columns
    asked = questions if questions is not None else columns.get("text") or []
    texts = [t if t in printed else POOLED[F.PROMPT] for t in asked]
    return {**columns, "text": list(dict.fromkeys(texts))}


def _display_roles(frame: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    """Role values as the programme names them (reflect.toml ``[role_names]``)."""
    if not names:
        return frame
    frame = frame.copy()
    frame[F.ROLE] = frame[F.ROLE].map(lambda role: names.get(F.role_label(role), role))
    return frame


def _warn_if_small(frame: pd.DataFrame, k: int) -> None:
    """Fewer than 2k people: most breakdowns will be withheld; say so before the work."""
    people = frame[F.PARTICIPANT].nunique()
    if people < 2 * k:
        log.warning(
            "fewer than %d participants (twice the minimum group size of %d): most "
            "breakdowns and smaller themes will be withheld",
            2 * k,
            k,
        )
