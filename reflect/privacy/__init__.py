"""Stage 5 — privacy: turn themes into a ``SafeReport`` in which every number, label and
phrase is backed by at least ``min_group_size`` (k) distinct participants.

``disclose(themes, frame, k, redactions, *, filter=None, quotes=False, dp_epsilon=None,
vocabulary=()) -> SafeReport``; ``check_filter(frame, filter, k)`` and ``Filter`` are the
pieces ``reflect compare`` reuses.

The modules, one job each:

- ``stage.py`` — ``disclose``: counts every unit, suppresses, assembles the ``SafeReport``
  (what a report shows and why nothing hidden can be recovered by subtraction);
- ``views.py`` — the numbers of a filtered view (``--filter``), safe next to the full report;
- ``section.py`` — the report's ``privacy`` section (rules, what was suppressed and why);
- ``counts.py``, ``suppression.py``, ``filters.py``, ``dp.py``, ``screening.py`` — counting
  distinct people, small-cell suppression, filter checks, differential privacy, and the
  screens for labels, phrases and quotes (``topics.py``: sensitive topics by words and by
  meaning); ``model.py`` — the ``SafeReport`` the report stage reads.

This ``__init__`` only re-exports, lazily (PEP 562): importing ``reflect.privacy`` (or its
``model``) costs nothing until ``disclose`` is used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reflect.lazy import lazy_exports

if TYPE_CHECKING:
    from reflect.privacy.filters import Filter, check_filter
    from reflect.privacy.model import SCHEMA_VERSION, SafeReport, SafeTheme
    from reflect.privacy.stage import disclose
    from reflect.privacy.suppression import suppress, suppress_table

_EXPORTS = {
    "SCHEMA_VERSION": "reflect.privacy.model",
    "SafeReport": "reflect.privacy.model",
    "SafeTheme": "reflect.privacy.model",
    "Filter": "reflect.privacy.filters",
    "check_filter": "reflect.privacy.filters",
    "disclose": "reflect.privacy.stage",
    "suppress": "reflect.privacy.suppression",
    "suppress_table": "reflect.privacy.suppression",
}
__all__ = [
    "Filter",
    "SCHEMA_VERSION",
    "SafeReport",
    "SafeTheme",
    "check_filter",
    "disclose",
    "suppress",
    "suppress_table",
]


__getattr__ = lazy_exports(__name__, _EXPORTS)
