"""The analyst's theme review: rename, merge, split and hide themes, kept in a small TOML file
(``reflect-review.toml`` by default) that can be versioned in git and survives re-runs.

Edits name themes by **ref**, never by position:

* a taxonomy theme's ref is its taxonomy id (``hybrid_work``) — stable by construction;
* an emerging theme's ref is ``emerging:`` + 6 hex digits of a hash of its (up to three)
  reported phrases, and the review file keeps those phrases as its *signature*. On a later
  run the emerging theme whose phrase candidates contain most of the signature (at least
  half) is taken to be the same theme, so a theme whose clustering shifts a little keeps its
  edits. Only phrases the privacy stage already reported are stored, never rarer ones.

How edits are applied (``apply_review``), in this order, on the theme stage's ``Theme``
objects *before* the privacy stage, so every count of a changed theme goes through disclosure
control again:

1. ``split``: reflections of the theme containing any of the given phrases (whole words, any
   case) move to a new theme (id ``<ref>/<slug of label>``); the rest stay. Simple and
   predictable, rather than re-clustering.
2. ``merge``: the themes become one (union of reflections, so a person in both counts once),
   keeping the first theme's ref; phrase support is merged per phrase.
3. ``hide``: the theme is dropped from the report.

Renames change only a label, never a count, so they are applied to the ``SafeReport`` after
disclosure (``rename_report``): an emerging theme's label would otherwise be replaced by the
privacy stage, which names emerging themes from their authors' words.

The modules, one job each: ``edits.py`` (the ``Review`` edit model), ``refs.py`` (theme
identity across runs), ``apply.py`` (applying a review to themes and labels), ``files.py``
(the TOML file), ``runs.py`` (a finished run's ``report.json`` and its themes, for the CLI
and ``reflect compare``). This ``__init__`` only re-exports, lazily (PEP 562).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reflect.lazy import lazy_exports

if TYPE_CHECKING:
    from reflect.review.apply import apply_review, rename_report
    from reflect.review.edits import Merge, Review, Split
    from reflect.review.files import DEFAULT_REVIEW_FILE, load_review, save_review
    from reflect.review.refs import (
        EMERGING_PREFIX,
        SIGNATURE_SIZE,
        emerging_ref,
        match_refs,
        report_ref,
    )
    from reflect.review.runs import RunTheme, load_report, resolve, run_themes

_EXPORTS = {
    "Merge": ".edits",
    "Review": ".edits",
    "Split": ".edits",
    "EMERGING_PREFIX": ".refs",
    "SIGNATURE_SIZE": ".refs",
    "emerging_ref": ".refs",
    "match_refs": ".refs",
    "report_ref": ".refs",
    "apply_review": ".apply",
    "rename_report": ".apply",
    "DEFAULT_REVIEW_FILE": ".files",
    "load_review": ".files",
    "save_review": ".files",
    "RunTheme": ".runs",
    "load_report": ".runs",
    "resolve": ".runs",
    "run_themes": ".runs",
}
__all__ = [
    "DEFAULT_REVIEW_FILE",
    "EMERGING_PREFIX",
    "Merge",
    "Review",
    "RunTheme",
    "SIGNATURE_SIZE",
    "Split",
    "apply_review",
    "emerging_ref",
    "load_report",
    "load_review",
    "match_refs",
    "rename_report",
    "report_ref",
    "resolve",
    "run_themes",
    "save_review",
]


__getattr__ = lazy_exports(__name__, _EXPORTS)
