"""Inline SVG charts for ``report.html``, drawn server-side so the page needs no script.

Disclosure rule for drawings: a suppressed cell (``None``) is never drawn as a mark whose
size or position encodes a value. It appears as words instead ("fewer than k"; "withheld"
for role and cohort cells, which may also be hidden to protect another cell), and every
chart has a table with the same numbers next to it and a ``<title>``/``<desc>`` for screen
readers. Colours come from CSS classes (``s0``, ``s1``...) so dark mode and print restyle them.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

Cell = int | None


@dataclass(frozen=True)
class Series:
    name: str
    css: str  # the CSS class that colours it: "s0", "s1", ...


def _fewer(k: int) -> str:
    return f"fewer than {k}"


def grouped_bars(
    rows: list[tuple[str, dict[str, Cell]]],
    series: list[Series],
    k: int,
    title: str,
    desc: str,
    chart_id: str,
    denominators: dict[str, Cell] | None = None,
    hidden_text: str | None = None,
) -> Markup:
    """Horizontal bars, one group per row and one bar per series.

    Bar length is the count of distinct people; with ``denominators`` (group sizes) the
    label adds the share of that group, so groups of different sizes can be compared.
    """
    width, label_w, bar_h, gap = 740, 280, 15, 12
    plot_w = width - label_w - 150
    group_h = bar_h * len(series) + gap
    top = 4
    height = top + group_h * len(rows) + 4
    peak = max([v for _, cells in rows for v in cells.values() if v is not None] + [1])
    parts = [
        f'<svg class="chart" role="img" viewBox="0 0 {width} {height}" '
        f'aria-labelledby="{chart_id}-t {chart_id}-d" preserveAspectRatio="xMinYMin meet">',
        f'<title id="{chart_id}-t">{escape(title)}</title>',
        f'<desc id="{chart_id}-d">{escape(desc)}</desc>',
    ]
    for i, (label, cells) in enumerate(rows):
        y0 = top + i * group_h
        mid = y0 + (bar_h * len(series)) / 2
        parts.append(
            f'<text class="row-label" x="{label_w - 10}" y="{mid + 4:.1f}" '
            f'text-anchor="end">{escape(_clip(label, 40))}</text>'
        )
        if all(cells.get(s.name) is None for s in series):
            # One line instead of a column of identical notes.
            names = " and ".join(s.name for s in series)
            parts.append(
                f'<text class="suppressed-label" x="{label_w + 4}" y="{mid + 4:.1f}">'
                f"{escape(names)}: {escape(hidden_text or _fewer(k))}</text>"
            )
            continue
        for j, s in enumerate(series):
            y = y0 + j * bar_h
            value = cells.get(s.name)
            if value is None:
                parts.append(
                    f'<text class="suppressed-label" x="{label_w + 4}" y="{y + bar_h - 4}">'
                    f"{escape(s.name)}: {escape(hidden_text or _fewer(k))}</text>"
                )
                continue
            w = max(1.0, value / peak * plot_w)
            text = f"{value}"
            total = (denominators or {}).get(s.name)
            if total:
                text += f" ({value / total:.0%})"
            parts.append(
                f'<rect class="{s.css}" x="{label_w}" y="{y + 1}" width="{w:.1f}" '
                f'height="{bar_h - 3}" rx="2"><title>{escape(s.name)}: {text}</title></rect>'
            )
            parts.append(
                f'<text class="value" x="{label_w + w + 5:.1f}" y="{y + bar_h - 4}">'
                f"{escape(text)}</text>"
            )
    parts.append(
        f'<line class="axis" x1="{label_w}" x2="{label_w}" y1="0" y2="{height}"></line></svg>'
    )
    return Markup("".join(parts))


def sparkline(
    points: list[tuple[str, Cell]],
    denominators: dict[str, Cell],
    k: int,
    title: str,
    chart_id: str,
) -> Markup:
    """A small trend over sessions: share of that session's participants when known, else
    the count. The line breaks at suppressed sessions rather than dipping to zero."""
    width, height, pad = 260, 56, 6
    values = [_share_or_count(v, denominators.get(s)) for s, v in points]
    shown = [v for v in values if v is not None]
    peak = max(shown + [1e-9])
    n = len(points)
    step = (width - 2 * pad) / max(n - 1, 1)

    def xy(i: int, v: float) -> tuple[float, float]:
        return pad + i * step, height - pad - 14 - (v / peak) * (height - 2 * pad - 18)

    described = "; ".join(f"session {s}: {_fewer(k) if v is None else v}" for s, v in points)
    parts = [
        f'<svg class="spark" role="img" viewBox="0 0 {width} {height}" '
        f'aria-labelledby="{chart_id}-t {chart_id}-d">',
        f'<title id="{chart_id}-t">{escape(title)}</title>',
        f'<desc id="{chart_id}-d">Distinct participants by session: {escape(described)}.</desc>',
        f'<line class="axis" x1="{pad}" x2="{width - pad}" y1="{height - 18}" '
        f'y2="{height - 18}"></line>',
    ]
    run: list[tuple[float, float]] = []
    segments: list[list[tuple[float, float]]] = []
    for i, v in enumerate(values):
        if v is None:
            if run:
                segments.append(run)
            run = []
        else:
            run.append(xy(i, v))
    if run:
        segments.append(run)
    for seg in segments:
        if len(seg) > 1:
            path = " ".join(f"{x:.1f},{y:.1f}" for x, y in seg)
            parts.append(f'<polyline class="trend" points="{path}"></polyline>')
    for i, ((session, count), v) in enumerate(zip(points, values, strict=True)):
        x = pad + i * step
        parts.append(
            f'<text class="tick" x="{x:.1f}" y="{height - 4}" text-anchor="middle">'
            f"{escape(_short_session(session))}</text>"
        )
        if v is not None:
            cx, cy = xy(i, v)
            parts.append(
                f'<circle class="dot" cx="{cx:.1f}" cy="{cy:.1f}" r="3">'
                f"<title>session {escape(session)}: {count}</title></circle>"
            )
    parts.append("</svg>")
    return Markup("".join(parts))


def heat_level(value: Cell, total: Cell, peak: float) -> float | None:
    """Shade of a heatmap cell, 0..1, from the share of the group (or the count when the
    group size is suppressed). ``None`` for suppressed cells: they get a pattern, not a shade."""
    v = _share_or_count(value, total)
    if v is None:
        return None
    return round(min(1.0, v / peak), 2) if peak else 0.0


def _share_or_count(value: Cell, total: Cell) -> float | None:
    if value is None:
        return None
    return value / total if total else float(value)


def _short_session(label: str) -> str:
    return label if len(label) <= 4 else label[:3] + "…"


def _clip(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"
