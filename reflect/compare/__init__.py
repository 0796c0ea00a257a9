"""``reflect compare``: contrast two runs, or two groups of one run — which themes grew,
shrank, appeared or faded.

``changes.py`` computes a ``Comparison`` from report.json files only (numbers that already
passed disclosure control; the rules are in its docstring); ``render.py`` writes it as text or
Markdown. This ``__init__`` only re-exports, lazily (PEP 562).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reflect.lazy import lazy_exports

if TYPE_CHECKING:
    from reflect.compare.changes import (
        Change,
        Comparison,
        compare_groups,
        compare_runs,
        default_groups,
    )
    from reflect.compare.render import render_markdown, render_text
    from reflect.review.runs import load_report

_EXPORTS = {
    "Change": "reflect.compare.changes",
    "Comparison": "reflect.compare.changes",
    "compare_groups": "reflect.compare.changes",
    "compare_runs": "reflect.compare.changes",
    "default_groups": "reflect.compare.changes",
    "render_markdown": "reflect.compare.render",
    "render_text": "reflect.compare.render",
    "load_report": "reflect.review.runs",
}
__all__ = [
    "Change",
    "Comparison",
    "compare_groups",
    "compare_runs",
    "default_groups",
    "load_report",
    "render_markdown",
    "render_text",
]


__getattr__ = lazy_exports(__name__, _EXPORTS)
