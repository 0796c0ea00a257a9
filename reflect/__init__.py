"""reflect: privacy-safe themes from the written reflections of a programme (reverse
mentoring, coaching, courses, workshops).

The pipeline, one module per stage: ingest -> anonymise -> embed -> themes -> privacy ->
report. ``reflect.analyse(path_or_frame, config)`` runs it and returns a ``Result``;
``reflect.Config`` and ``reflect.ColumnMap`` describe a run. Names are imported on first use
(PEP 562), so ``import reflect`` stays instant.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"
__all__ = ["ColumnMap", "Config", "analyse"]

if TYPE_CHECKING:
    from reflect.config import ColumnMap, Config


def analyse(source, config=None, **kwargs):
    """Run the whole pipeline; see ``reflect.pipeline.analyse``."""
    from reflect.pipeline import analyse as _analyse

    return _analyse(source, config, **kwargs)


def __getattr__(name: str):
    if name in ("Config", "ColumnMap"):
        from reflect import config

        return getattr(config, name)
    raise AttributeError(f"module 'reflect' has no attribute {name!r}")
