"""The HTML report in a real browser: headless Chromium renders it without console errors,
the rendered DOM holds the parts a programme lead relies on, it fits a phone's width with
readable text, and it prints to a few A4 pages. Skipped without Chromium."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from html import escape, unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest
from report_samples import many_roles_report, sample_report, workshop_report

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
    tmp_path.mkdir(parents=True, exist_ok=True)
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
    assert {"summary", "themes-overview", "sessions", "cohorts", "themes", "privacy"} <= dom.ids
    assert {"overview-t", "overview-d", "by-cohort-t"} <= dom.ids  # charts are labelled
    assert dom.tags.get("h1") == 1 and dom.tags.get("main") == 1
    assert dom.tags.get("svg", 0) >= 2 and dom.tags.get("title", 0) >= 2  # trend lines too
    assert "Hybrid working" in text and "withheld" in text
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


# Measures the laid-out page from inside it. The report itself runs no script (its CSP
# forbids it), and headless Chromium's window is at least 500 px wide: the test page holds
# the report in an iframe of the phone's width and measures it from outside.
_MEASURE = """
<script>
const frame = document.getElementById("report");
frame.addEventListener("load", () => {
  const win = frame.contentWindow, doc = frame.contentDocument;
  const sticking = [], tiny = [];
  const scrolls = (el) => {
    for (let a = el.parentElement; a; a = a.parentElement) {
      const o = win.getComputedStyle(a).overflowX;
      if (o === "auto" || o === "scroll") return true;
    }
    return false;
  };
  for (const el of doc.body.querySelectorAll("*")) {
    const r = el.getBoundingClientRect();
    const style = win.getComputedStyle(el);
    if (r.width <= 1 || style.visibility === "hidden") continue;
    if (r.right > win.innerWidth + 0.5 && !scrolls(el))
      sticking.push(el.tagName + "." + el.className);
    const text = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    if (text && r.height > 1 && parseFloat(style.fontSize) < 12)
      tiny.push(el.tagName + "." + el.className + " " + style.fontSize);
  }
  const out = document.createElement("pre");
  out.id = "measure";
  out.textContent = JSON.stringify({
    width: win.innerWidth, scroll: doc.documentElement.scrollWidth, sticking, tiny});
  document.body.appendChild(out);
});
</script>
"""


def _measure(html: str, tmp_path: Path, width: int) -> dict:
    report = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", html)
    page = (
        f'<!doctype html><body style="margin:0"><iframe id="report" '
        f'style="width:{width}px;height:900px;border:0" srcdoc="{escape(report)}"></iframe>'
        + _MEASURE
        + "</body>"
    )
    dom, _ = _render_in_chromium(
        page, tmp_path / str(width), "--window-size=1400,900", "--dump-dom"
    )
    return json.loads(unescape(re.search(r'<pre id="measure">(.*?)</pre>', dom, re.S).group(1)))


REPORTS = {
    "mentoring": sample_report,
    "workshops": workshop_report,
    "sixteen roles": many_roles_report,
}


@pytest.mark.parametrize("name", REPORTS)
@pytest.mark.parametrize("width", [360, 390])
def test_when_read_on_a_phone_then_nothing_scrolls_sideways_and_text_is_readable(
    tmp_path, name, width
):
    measured = _measure(render_html(REPORTS[name]()), tmp_path, width)
    assert measured["width"] == width
    assert measured["scroll"] <= width, measured["sticking"][:10]
    assert measured["sticking"] == []
    assert measured["tiny"] == []


def test_when_read_on_a_laptop_then_nothing_scrolls_sideways(tmp_path):
    measured = _measure(render_html(sample_report()), tmp_path, 1280)
    assert measured["scroll"] <= 1280 and measured["sticking"] == []


def _pages(pdf: Path) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf.read_bytes()))


@pytest.mark.parametrize(("name", "most"), [("mentoring", 7), ("workshops", 5)])
def test_when_printed_then_it_takes_a_few_a4_pages(tmp_path, name, most):
    pdf = tmp_path / "report.pdf"
    _render_in_chromium(
        render_html(REPORTS[name]()), tmp_path, f"--print-to-pdf={pdf}", "--no-pdf-header-footer"
    )
    assert 1 <= _pages(pdf) <= most
