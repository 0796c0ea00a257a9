"""Shown phrases in the form their writers used ("GitHub", not "github": ``themes.casing``),
applied to what the report shows once every phrase has passed its screens: the screens judge
the phrase finder's own form, so a capital never decides whether a phrase is shown."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from reflect import frames as F
from reflect.privacy.model import SafeTheme
from reflect.themes.casing import written_forms


def as_written(themes: list[SafeTheme], frame: pd.DataFrame, k: int) -> list[SafeTheme]:
    """``frame``: every answer of the programme (not a filtered view's), so a phrase reads the
    same in every view of it. Taxonomy labels are the analyst's and stay as they are."""
    shown = [
        text
        for t in themes
        for text in [*([t.label] if t.kind == "emerging" else []), *t.phrases]
        + [f["label"] for f in t.facets]
    ]
    if not shown:
        return themes
    forms = written_forms(shown, frame[F.TEXT].tolist(), frame[F.PARTICIPANT].tolist(), k)
    return [
        replace(
            t,
            label=forms[t.label] if t.kind == "emerging" else t.label,
            phrases=[forms[p] for p in t.phrases],
            facets=[{**f, "label": forms[f["label"]]} for f in t.facets],
        )
        for t in themes
    ]
