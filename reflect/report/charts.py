"""Charts for ``report.html``, drawn server-side so the page needs no script.

Bar charts are HTML (rows of labelled bars whose width is set inline), so their text is
real page text: it wraps, stays at the page's font size on a 360-px phone, prints sharply,
and screen readers read every number in order. Trends are small inline SVGs with the first
and last values written out beside them.

Disclosure rule for drawings: a withheld cell (``None``) is never drawn as a mark whose
size or position encodes a value; it reads "withheld" instead. Colours come from CSS classes
(``s0``, ``s1``...) so dark mode and print restyle them.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from reflect.report.view import WITHHELD, group_name

Cell = int | None
SERIES_COLOURS = 5  # s0..s4 in the template: four groups and "other"


@dataclass(frozen=True)
class Series:
    name: str  # the group key in each row's cells
    label: str  # how the legend and screen readers name it
    css: str  # the CSS class that colours it: "s0", "s1", ...


def bar_chart(
    rows: list[tuple[str, str, dict[str, Cell]]],
    series: list[Series],
    title: str,
    desc: str,
    chart_id: str,
    denominators: dict[str, Cell] | None = None,
    headed: bool = True,
) -> Markup:
    """Horizontal bars, one block per row (``(label, link, cells)``) and one bar per series.

    Bar length is the count of distinct people, on one scale for the whole chart; with
    ``denominators`` (group sizes) the value adds the share of that group, so groups of
    different sizes can be compared. ``headed=False``: the title is for screen readers only
    and there is no legend (a one-series chart under a heading that already names it).
    """
    peak = max([v for _, _, cells in rows for v in cells.values() if v is not None] + [1])
    caption = "chart-title" if headed else "sr-only"
    out = [
        f'<figure class="bars" role="group" aria-labelledby="{chart_id}-t" '
        f'aria-describedby="{chart_id}-d">',
        f'<figcaption id="{chart_id}-t" class="{caption}">{escape(title)}</figcaption>',
        f'<p id="{chart_id}-d" class="sr-only">{escape(desc)}</p>',
        _legend(series) if headed else "",
        '<ol class="bar-rows">',
    ]
    for label, link, cells in rows:
        name = f'<a href="#{escape(link)}">{escape(label)}</a>' if link else escape(label)
        out.append(f'<li class="bar-row"><span class="bar-label">{name}</span><ul class="bar-set">')
        for s in series:
            value = cells.get(s.name)
            who = f'<span class="sr-only">{escape(s.label)}: </span>'
            if value is None:
                out.append(
                    f'<li class="bar-item none">{who}<span class="bar-none">{WITHHELD}</span></li>'
                )
                continue
            text = str(value)
            total = (denominators or {}).get(s.name)
            if total:
                text += f" ({value / total:.0%})"
            width = max(0.5, 100 * value / peak)
            out.append(
                f'<li class="bar-item">{who}<span class="track"><span class="bar {s.css}" '
                f'style="width:{width:.1f}%"></span></span>'
                f'<span class="bar-value">{escape(text)}</span></li>'
            )
        out.append("</ul></li>")
    out.append("</ol></figure>")
    return Markup("".join(out))


def _legend(series: list[Series]) -> str:
    items = "".join(
        f'<li><span class="swatch sw-{s.css}" aria-hidden="true"></span>{escape(s.label)}</li>'
        for s in series
    )
    return f'<ul class="legend" aria-hidden="true">{items}</ul>'


def sparkline(
    points: list[tuple[str, Cell]],
    denominators: dict[str, Cell],
    title: str,
    chart_id: str,
    noun: str = "session",
) -> Markup:
    """A small trend over sessions: the share of that session's writers when known, else the
    count. The line breaks at withheld sessions rather than dipping to zero; the first and
    last shown values are written out under it."""
    width, height, pad = 240, 48, 6
    values = [_share_or_count(v, denominators.get(s)) for s, v in points]
    as_share = all(denominators.get(s) for s, _ in points)
    shown = [v for v in values if v is not None]
    peak = max(shown + [1e-9])
    n = len(points)
    step = (width - 2 * pad) / max(n - 1, 1)

    def xy(i: int, v: float) -> tuple[float, float]:
        return pad + i * step, height - pad - (v / peak) * (height - 2 * pad)

    def shown_value(s: str, count: Cell, v: float | None) -> str:
        if v is None:
            return WITHHELD
        return f"{v:.0%}" if as_share else str(count)

    described = "; ".join(
        f"{group_name(noun, s)}: {shown_value(s, c, v)}"
        for (s, c), v in zip(points, values, strict=True)
    )
    parts = [
        f'<svg class="spark" role="img" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" aria-labelledby="{chart_id}-t {chart_id}-d">',
        f'<title id="{chart_id}-t">{escape(title)}</title>',
        f'<desc id="{chart_id}-d">{escape(described)}.</desc>',
        f'<line class="axis" x1="{pad}" x2="{width - pad}" y1="{height - 1}" '
        f'y2="{height - 1}"></line>',
    ]
    run: list[tuple[float, float]] = []
    for i, v in enumerate([*values, None]):
        if v is not None:
            run.append(xy(i, v))
            continue
        if len(run) > 1:
            path = " ".join(f"{x:.1f},{y:.1f}" for x, y in run)
            parts.append(f'<polyline class="trend" points="{path}"></polyline>')
        run = []
    for i, v in enumerate(values):
        if v is not None:
            cx, cy = xy(i, v)
            parts.append(f'<circle class="dot" cx="{cx:.1f}" cy="{cy:.1f}" r="3"></circle>')
    parts.append("</svg>")
    ends = [(s, c, v) for (s, c), v in zip(points, values, strict=True) if v is not None]
    caption = ""
    if ends:
        (s0, c0, v0), (s1, c1, v1) = ends[0], ends[-1]
        first = f"{group_name(noun, s0)}: {shown_value(s0, c0, v0)}"
        first = first[:1].upper() + first[1:]
        last = f"{group_name(noun, s1)}: {shown_value(s1, c1, v1)}"
        caption = first if s0 == s1 else f"{first} → {last}"
    return Markup(
        f'<div class="spark-wrap">{"".join(parts)}'
        f'<p class="spark-ends" aria-hidden="true">{escape(caption)}</p></div>'
    )


def heat_level(value: Cell, total: Cell, peak: float) -> float | None:
    """Shade of a heatmap cell, 0..1, from the share of the group (or the count when the
    group size is withheld). ``None`` for withheld cells: they get a pattern, not a shade."""
    v = _share_or_count(value, total)
    if v is None:
        return None
    return round(min(1.0, v / peak), 2) if peak else 0.0


def _share_or_count(value: Cell, total: Cell) -> float | None:
    if value is None:
        return None
    return value / total if total else float(value)
