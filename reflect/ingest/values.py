"""What a column's values look like, for guessing which columns hold written answers."""

from __future__ import annotations

import warnings

import pandas as pd

_SAMPLE = 200  # values looked at: enough to tell, cheap on a 100k-row export
_MACHINE_SHARE = 0.9  # "May" or "Monday" parse as dates too: a column of answers is not 90% that


def machine_written(filled: pd.Series) -> bool:
    """Values a survey tool wrote, not a person: timestamps ("2024-04-02 10:00:23", long and
    with a space like an answer) or numbers, in nearly every filled row."""
    sample = filled.head(_SAMPLE)
    if sample.empty:
        return False
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # pandas warns when it falls back to dateutil
        dates = pd.to_datetime(sample, errors="coerce", format="mixed").notna()
    numbers = pd.to_numeric(sample, errors="coerce").notna()
    return float((dates | numbers).mean()) >= _MACHINE_SHARE
