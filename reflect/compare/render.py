"""The two renderings of a ``Comparison``: plain text for the terminal, and Markdown. A hidden
number reads as in every report format (``report.view.WITHHELD`` and its legend)."""

from __future__ import annotations

from reflect.compare.changes import Change, Comparison
from reflect.report.view import WITHHELD, withheld_legend


def _listed(comparison: Comparison) -> tuple[list[Change], list[str]]:
    """Rows worth reading, and notes (themes hidden on both sides are counted, not listed)."""
    shown = [c for c in comparison.changes if c.verdict != "not comparable"]
    hidden = len(comparison.changes) - len(shown)
    notes = list(comparison.notes)
    if hidden:
        notes.append(f"{hidden} theme{'s' if hidden > 1 else ''} hidden on both sides, not listed")
    return shown, notes


def render_text(comparison: Comparison) -> str:
    k = comparison.min_group_size
    hidden = comparison.hidden

    def cell(value: int | None, share: float | None) -> str:
        if value is None:
            return hidden
        return f"{value} ({share:.0%})" if share is not None else str(value)

    listed, notes = _listed(comparison)
    rows = [(c.label, cell(c.a, c.share_a), cell(c.b, c.share_b), c.verdict) for c in listed]
    head = ("THEME", comparison.a.upper(), comparison.b.upper(), "CHANGE")
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(4)]
    lines = [
        f"{comparison.a}: {_people(comparison.total_a, k)}; "
        f"{comparison.b}: {_people(comparison.total_b, k)}. "
        f"Counts are distinct people; {withheld_legend(k)}.",
        "",
        "  ".join(h.ljust(w) for h, w in zip(head, widths, strict=True)).rstrip(),
    ]
    for r in rows:
        lines.append(
            "  ".join(
                [r[0].ljust(widths[0]), r[1].rjust(widths[1]), r[2].rjust(widths[2]), r[3]]
            ).rstrip()
        )
    lines += [f"note: {n}" for n in notes]
    return "\n".join(lines) + "\n"


def render_markdown(comparison: Comparison) -> str:
    k = comparison.min_group_size

    def cell(value: int | None, share: float | None) -> str:
        if value is None:
            return comparison.hidden
        return f"{value} ({share:.0%})" if share is not None else str(value)

    listed, notes = _listed(comparison)
    lines = [
        f"# Themes: {comparison.a} compared with {comparison.b}",
        "",
        f"{comparison.a}: {_people(comparison.total_a, k)}; "
        f"{comparison.b}: {_people(comparison.total_b, k)}. Counts are distinct people; "
        f"{withheld_legend(k)}.",
        "",
        f"| Theme | {comparison.a} | {comparison.b} | Change |",
        "|---|---:|---:|---|",
    ]
    for c in listed:
        lines.append(
            f"| {c.label} | {cell(c.a, c.share_a)} | {cell(c.b, c.share_b)} | {c.verdict} |"
        )
    lines += ["", *[f"- {n}" for n in notes]]
    return "\n".join(lines).rstrip() + "\n"


def _people(n: int | None, k: int) -> str:
    return f"{n} people" if n is not None else f"number {WITHHELD}"
