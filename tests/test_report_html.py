"""report.html on a synthetic SafeReport: offline, accessible, and never drawing or printing
a suppressed cell as a number."""

from __future__ import annotations

import re
from dataclasses import replace

from report_samples import sample_report

from reflect.report.formats.html import render_html
from reflect.report.summary import executive_summary


def test_when_rendered_then_the_page_loads_nothing_from_outside():
    html = render_html(sample_report())
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)
    assert "@import" not in html and "<script" not in html
    assert "default-src 'none'" in html  # the CSP forbids fetching anything


def test_when_a_role_cell_is_suppressed_then_no_bar_is_drawn_for_it():
    report = sample_report()
    html = render_html(report)
    overview = html.split('id="overview-t"')[1].split("</svg>")[0]
    shown_cells = sum(
        v is not None
        for t in report.themes
        if t.participants is not None
        for v in (t.by_role["mentor"], t.by_role["mentee"])
    )
    assert overview.count("<rect") == shown_cells
    assert "mentee: withheld" in overview


def test_when_a_session_cell_is_suppressed_then_it_reads_fewer_than_k_not_a_number():
    html = render_html(sample_report(k=5))
    heat = html.split('class="heat"')[1].split("</table>")[0]
    suppressed = re.findall(r'<td class="cell sup">(.*?)</td>', heat)
    assert suppressed and all("fewer than 5" in cell for cell in suppressed)
    assert all(not re.search(r">\d+<", cell) for cell in suppressed)


def test_when_labels_contain_markup_then_it_is_escaped():
    report = sample_report()
    report.themes[0] = replace(report.themes[0], label="<script>alert(1)</script>")
    html = render_html(report)
    assert "<script>alert" not in html and "&lt;script&gt;" in html


def test_when_every_theme_is_suppressed_then_the_summary_says_so():
    report = sample_report()
    report.themes = [t for t in report.themes if t.participants is None]
    findings = executive_summary(report)
    assert findings[0].heading == "Too few people to report"
    assert "<rect" not in render_html(report)


def test_when_summarised_then_roles_sessions_and_top_themes_are_named():
    text = " ".join(f.heading + " " + f.text for f in executive_summary(sample_report()))
    assert "hybrid working (61 people, 51%)" in text  # top theme
    assert "AI at work" in text and "ai at work" not in text  # acronyms kept mid-sentence
    assert "What changed from session 1 to session 6" in text
    assert "What mentors raise that mentees do not" in text
    assert "the number of mentees is withheld" in text  # a hidden cell is named, never counted


def test_when_the_page_is_printed_then_it_is_set_for_a4():
    html = render_html(sample_report())
    assert "@page { size: A4" in html and "break-inside: avoid" in html
    assert "prefers-color-scheme: dark" in html


def test_when_shares_are_withheld_then_the_summary_names_people_only():
    report = sample_report()
    report.themes = [replace(t, share=None) for t in report.themes]
    top = executive_summary(report)[0]
    assert top.heading == "What people wrote about most" and "%" not in top.text
    assert "<html" in render_html(report)
