"""The HTML report in a real browser: headless Chromium renders it without console errors
and the rendered DOM holds the parts a programme lead relies on. Skipped without Chromium."""

from __future__ import annotations

import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from report_samples import sample_report

from reflect.report.formats.html import render_html

CHROMIUM = next(
    (p for p in (shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome")) if p),
    None,
)
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium is not installed"),
]
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--enable-logging=stderr",
    "--v=0",
]


class _Dom(HTMLParser):
    """Just enough of the rendered DOM: ids, tag counts, and text."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.tags: dict[str, int] = {}
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags[tag] = self.tags.get(tag, 0) + 1
        self.ids.update(v for k, v in attrs if k == "id" and v)

    def handle_data(self, data):
        self.text.append(data)


def _render_in_chromium(html: str, tmp_path: Path, *extra: str) -> tuple[str, str]:
    page = tmp_path / "report.html"
    page.write_text(html, encoding="utf-8")
    done = subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", *extra, page.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout, done.stderr


def _console_messages(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if ":CONSOLE" in line or "Uncaught" in line]


def test_when_the_report_is_rendered_in_chromium_then_key_parts_are_in_the_dom(tmp_path):
    dom_text, stderr = _render_in_chromium(render_html(sample_report()), tmp_path, "--dump-dom")
    dom = _Dom()
    dom.feed(dom_text)
    text = " ".join(dom.text)
    assert {"summary", "overview", "sessions", "cohorts", "themes", "privacy"} <= dom.ids
    assert dom.tags.get("h1") == 1 and dom.tags.get("main") == 1
    assert dom.tags.get("svg", 0) >= 2 and dom.tags.get("title", 0) >= 2  # charts are labelled
    assert "Hybrid working" in text and "fewer than 5" in text
    assert "minimum group size of 5" in text
    assert _console_messages(stderr) == []


def test_when_a_page_has_a_script_error_then_the_console_check_sees_it(tmp_path):
    # Guards the check above: a console error must be visible in Chromium's log.
    _, stderr = _render_in_chromium(
        "<!doctype html><p>x</p><script>undefinedFunction()</script>", tmp_path, "--dump-dom"
    )
    assert any("Uncaught" in line for line in _console_messages(stderr))


def test_when_printed_to_pdf_then_chromium_produces_a_document(tmp_path):
    pdf = tmp_path / "report.pdf"
    _, stderr = _render_in_chromium(
        render_html(sample_report()), tmp_path, f"--print-to-pdf={pdf}", "--no-pdf-header-footer"
    )
    assert pdf.read_bytes()[:5] == b"%PDF-"
    assert _console_messages(stderr) == []
