"""Every sentence true in every mode: the summary and the opening lines are rendered for the
same report under each mode (exact counts, differential privacy, quotes, a filtered view, a
tiny programme, a programme without roles or sessions) and checked against report.json —
every number they state is one report.json shows (or a share of two shown numbers), every
theme they name has a shown count, and nothing is said about a withheld number."""

from __future__ import annotations

import json
import re
from dataclasses import replace

import pytest
from report_samples import many_roles_report, sample_report, workshop_report

from reflect.report.formats.html import render_html
from reflect.report.formats.json import render_json
from reflect.report.formats.markdown import render_markdown
from reflect.report.summary import executive_summary


def _dp(report):
    # as privacy.section releases them: no redaction counts under DP
    report.privacy = {**report.privacy, "dp_epsilon": 1.0, "dp": {"mechanism": "discrete Laplace"},
                      "redactions": None, "redacted_texts": None}  # fmt: skip
    report.n_reflections = None  # withheld under DP
    return report


def _quotes(report):
    report.privacy = {**report.privacy, "quotes": True, "quotes_shown": 2}
    report.themes[0] = replace(
        report.themes[0], quotes=["We finally agreed on which days the team is in."]
    )
    return report


def _filtered(report):
    report.privacy = {
        **report.privacy,
        "filter": {"expression": "cohort=Cohort A", "group": "≥ 5", "complement": "≥ 5"},
    }
    report.n_participants = 60
    report.participants_by_cohort = {"Cohort A": 60}
    report.themes = [
        replace(t, share=None, by_cohort={"Cohort A": t.by_cohort.get("Cohort A")})
        for t in report.themes
    ]
    return report


def _tiny(report):
    report.n_participants, report.n_reflections = 7, 19
    report.participants_by_role = {"mentee": None, "mentor": None}
    report.participants_by_cohort = {"Cohort A": None, "Cohort B": None}
    report.participants_by_session = {s: None for s in report.participants_by_session}
    themes = []
    for i, t in enumerate(report.themes):
        people = 6 if i == 0 else None
        themes.append(
            replace(
                t,
                participants=people,
                share=None if people is None else round(people / 7, 3),
                by_role={r: None for r in t.by_role},
                by_cohort={c: None for c in t.by_cohort},
                by_session={s: None for s in t.by_session},
                phrases=t.phrases if people else [],
            )
        )
    report.themes = themes
    return report


MODES = {
    "exact": lambda: sample_report(),
    "dp": lambda: _dp(sample_report()),
    "quotes": lambda: _quotes(sample_report()),
    "filtered": lambda: _filtered(sample_report()),
    "tiny": lambda: _tiny(sample_report()),
    "many roles": lambda: many_roles_report(),
    "workshops": lambda: workshop_report(),
    "workshops dp": lambda: _dp(workshop_report()),
}


def _report_json(report) -> dict:
    return json.loads(render_json(report))


def _shown_numbers(data) -> set[int]:
    """Every integer report.json shows (nulls are withheld)."""
    found: set[int] = set()

    def walk(value):
        if isinstance(value, bool) or value is None:
            return
        if isinstance(value, int):
            found.add(value)
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    walk({k: v for k, v in data.items() if k != "privacy"})
    return found


def _shown_shares(data) -> set[int]:
    """Every whole percentage a share of two shown numbers can round to."""
    shares = {round(100 * t["share"]) for t in data["themes"] if t["share"] is not None}
    for dimension in ("role", "session", "cohort", "prompt"):
        sizes = data[f"participants_by_{dimension}"]
        for t in data["themes"]:
            for group, value in (t.get(f"by_{dimension}") or {}).items():
                if value is not None and sizes.get(group):
                    shares.add(round(100 * value / sizes[group]))
    return shares


@pytest.mark.parametrize("mode", MODES)
def test_when_rendered_in_any_mode_then_every_summary_number_is_one_report_json_shows(mode):
    report = MODES[mode]()
    data = _report_json(report)
    text = " ".join(f"{f.heading}. {f.text}" for f in executive_summary(report))
    # Session labels ("session 1 to session 6") are names, and themes are counted in themes.
    counted = re.sub(rf"\b{report.session_name} \w+", "", text)
    counted = re.sub(r"\b\d+ (themes?|smaller groups?)\b", "", counted)
    numbers = {int(n) for n in re.findall(r"(?<![\d.])(\d+)(?![\d%])", counted)}
    numbers -= {report.min_group_size}
    assert numbers <= _shown_numbers(data), (mode, numbers - _shown_numbers(data), text)
    percents = {int(p) for p in re.findall(r"(\d+)%", text)}
    assert percents <= _shown_shares(data) | {5}, (mode, text)
    for theme in data["themes"]:
        if theme["participants"] is None:
            assert theme["label"].lower() not in text.lower(), (mode, theme["label"])
    assert "withheld" not in text and "fewer than" not in text
    assert not re.search(
        r"\bnot\b.*\braised\b|\bdo not\b", text
    )  # nothing implied of a withheld cell


@pytest.mark.parametrize("mode", MODES)
def test_when_rendered_in_any_mode_then_the_opening_lines_are_true(mode):
    report = MODES[mode]()
    html, md = render_html(report), render_markdown(report)
    quotes = bool(report.privacy.get("quotes"))
    for rendered in (html, md):
        assert ("No one’s words are quoted" in rendered) is not quotes
        assert "fewer than 5 reflections" not in rendered
        assert "fewer than 5 participants" not in rendered
    if report.n_reflections is None:
        withheld = r'<span class="n word">withheld</span><span class="what">reflections'
        assert re.search(withheld, html)
        assert "the number of reflections withheld" in md
    n = report.n_participants
    assert (f'<span class="n">{n}</span><span class="what">participants' in html) is (n is not None)
    small = n is not None and n < 2 * report.min_group_size
    assert ("A small programme" in html) is small and ("A small programme" in md) is small
    assert ("Filtered view" in html) is bool(report.privacy.get("filter"))
