"""Escaping for every text a report writes that came from the data: theme labels, phrases,
role, cohort, session and prompt names, the programme name. HTML is escaped by Jinja's
autoescape and ``markupsafe`` in the charts; Markdown and CSV need their own rules.

* **CSV**: a spreadsheet runs a cell that starts with ``=``, ``+``, ``-`` or ``@`` (and, in
  some, a tab or carriage return) as a formula — ``=HYPERLINK("http://…")`` in a theme label
  would become a live link in the analyst's Excel. Such cells get a leading apostrophe, the
  OWASP-recommended neutraliser, which spreadsheets show as text.
* **Markdown**: a label could otherwise open emphasis, links, images, raw HTML or break a
  table row; every character that can start Markdown syntax is backslash-escaped and line
  breaks become spaces.
"""

from __future__ import annotations

import re

import pandas as pd

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Mid-line, only these can start Markdown syntax ("#", "+", "1." matter only at a line start,
# and no escaped text starts a line; "(" and "!" only next to an escaped "[").
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
_LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029]+")


def csv_cell(value: object) -> object:
    """A value safe to open in a spreadsheet (non-text values are returned unchanged). Line
    breaks become spaces: a label is one line, and a lone CR is left unquoted by some
    writers, which would split the row."""
    if not isinstance(value, str):
        return value
    if value.startswith(_FORMULA_START):
        value = "'" + value
    return _LINE_BREAKS.sub(" ", value)


def csv_safe(table: pd.DataFrame) -> pd.DataFrame:
    """``table`` with every text cell and header neutralised for spreadsheets."""
    out = table.copy()
    out.columns = [csv_cell(str(c)) for c in out.columns]
    for column in out.columns:
        if not pd.api.types.is_numeric_dtype(out[column]):
            out[column] = out[column].map(csv_cell)
    return out


def markdown(text: object) -> str:
    """Text from the data, safe inside a Markdown paragraph, heading or table cell."""
    flat = _LINE_BREAKS.sub(" ", str(text))
    return _MARKDOWN_SPECIAL.sub(r"\\\1", flat)
