"""report.html and report.md on synthetic SafeReports: offline, accessible, named in the
programme's own words, any number of groups, and never drawing or printing a withheld
number."""

from __future__ import annotations

import re
from dataclasses import replace
from html.parser import HTMLParser

from report_samples import many_roles_report, sample_report, workshop_report

from reflect.report.formats.html import render_html
from reflect.report.formats.markdown import render_markdown
from reflect.report.formats.tables import render_breakdowns_csv, render_themes_csv
from reflect.report.summary import executive_summary
from reflect.report.view import SHOWN_GROUPS, title


class _Text(HTMLParser):
    """Visible text by element id (for the sections a test looks at)."""

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        self.ids.update(v for k, v in attrs if k == "id" and v)

    def handle_data(self, data):
        self.text.append(data)


def _parse(html: str) -> _Text:
    parser = _Text()
    parser.feed(html)
    return parser


def _section(html: str, section_id: str) -> str:
    """The HTML of one ``<section>`` (by its heading's id)."""
    start = html.index(f'aria-labelledby="{section_id}"')
    return html[start : html.index("</section>", start)]


def _summary(report) -> str:
    return " ".join(f"{f.heading}. {f.text}" for f in executive_summary(report))


def test_when_rendered_then_the_page_loads_nothing_from_outside():
    html = render_html(sample_report())
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)
    assert "@import" not in html and "<script" not in html
    assert "default-src 'none'" in html  # the CSP forbids fetching anything


def test_when_a_role_cell_is_withheld_then_no_bar_is_drawn_for_it():
    report = sample_report()
    chart = _section(render_html(report), "themes-overview").split("</figure>")[0]
    shown_cells = sum(
        v is not None
        for t in report.themes
        if t.participants is not None
        for v in t.by_role.values()
    )
    assert chart.count('class="bar ') == shown_cells
    rows = re.findall(r'<li class="bar-row">(.*?)</ul></li>', chart)
    career = next(r for r in rows if "Career and retention" in r)
    assert 'Mentee: </span><span class="bar-none">withheld' in career


def test_when_a_session_cell_is_withheld_then_it_reads_withheld_not_a_number():
    html = render_html(sample_report(k=5))
    heat = html.split('class="heat"')[1].split("</table>")[0]
    withheld = re.findall(r'<td class="cell sup">(.*?)</td>', heat)
    assert withheld and all("withheld" in cell for cell in withheld)
    assert all(not re.search(r">\d+<", cell) for cell in withheld)


def test_when_labels_contain_markup_then_it_is_escaped():
    report = sample_report()
    report.themes[0] = replace(report.themes[0], label="<script>alert(1)</script>")
    html = render_html(report)
    assert "<script>alert" not in html and "&lt;script&gt;" in html


def test_when_every_theme_is_withheld_then_the_summary_says_so():
    report = sample_report()
    report.themes = [t for t in report.themes if t.participants is None]
    findings = executive_summary(report)
    assert findings[0].heading == "No theme can be reported"
    assert 'class="bar ' not in render_html(report)


def test_when_summarised_then_sessions_roles_and_top_themes_are_named():
    text = _summary(sample_report())
    assert "hybrid working (61 people, 51%)" in text  # top theme
    assert "AI at work" in text and "ai at work" not in text  # acronyms kept mid-sentence
    assert "What changed from session 1 to session 6" in text
    assert "Where mentees and mentors differ" in text
    assert "AI at work more often (50% of mentors against 30% of mentees)" in text


def test_a_theme_withheld_in_the_first_session_is_compared_from_the_first_that_shows_it():
    report = sample_report()
    sessions = {"1": None, "2": None, "3": 8, "4": 7, "5": 17, "6": 30}
    grown = replace(report.themes[0], label="Exam marking", by_session=sessions)
    report.themes = [grown]
    text = _summary(report)
    # 8 of 112 in session 3, 30 of 100 in session 6: named, since session 1 shows no count
    assert "exam marking (from 7% in session 3 to 30% in session 6)" in text


def test_sessions_named_by_words_are_not_prefixed_with_the_session_noun():
    from reflect.report.view import group_name

    assert group_name("session", "3") == "session 3"
    assert group_name("workshop", "Module 1") == "Module 1"  # not "workshop Module 1"
    report = sample_report()
    names = {s: f"Module {s}" for s in report.participants_by_session}
    report.participants_by_session = {names[s]: n for s, n in
                                      report.participants_by_session.items()}  # fmt: skip
    report.themes = [replace(t, by_session={names[s]: n for s, n in t.by_session.items()})
                     for t in report.themes]  # fmt: skip
    text = _summary(report)
    assert "What changed from Module 1 to Module 6" in text
    html = render_html(report)
    assert "session Module" not in html.lower() and "Session Module" not in html


def test_under_dp_the_privacy_section_says_no_phrases_are_shown_not_none_withheld():
    report = sample_report()
    report.privacy["suppressed"]["phrases"] = None  # as the privacy stage writes it under DP
    assert "None phrases" not in render_markdown(report)
    assert "no phrases shown under differential privacy" in render_markdown(report)
    assert "none shown under differential privacy" in render_html(report)


def test_answers_saying_there_was_nothing_to_report_never_lead_the_summary():
    # A course evaluation's "Any other comments?" is mostly "no": the most shared "theme",
    # but no topic. It is said after the topics, as what it is.
    report = sample_report()
    nothing = replace(report.themes[0], id="no_concerns", label="No concerns", kind="taxonomy",
                      participants=100, share=0.833, nothing_to_report=True)  # fmt: skip
    report.themes = [nothing, *report.themes]
    text = _summary(report)
    assert "The most widely shared themes were hybrid working (61 people, 51%)" in text
    assert "100 people (83%) said at least once that there was nothing to report" in text
    # ...also when the taxonomy does not fit and the themes found in the answers lead.
    emerging = replace(report.themes[1], id="emerging:x", label="rota swaps", kind="emerging")
    misfit = replace(report, themes=[nothing, emerging], taxonomy_fit={
        "fits": False, "explained_share": 0.2, "min_explained_share": 0.5, "taxonomy_themes": 11,
        "emerging_from": "all answers", "not_counted": [], "other_programme": None})  # fmt: skip
    text = _summary(misfit)
    assert "rota swaps" in text
    assert "said at least once that there was nothing to report" in text


def test_when_a_cell_is_withheld_then_the_summary_nothing_to_report_about_that_group():
    # Career: mentors 19, mentees withheld. "Raised by 19 mentors; the mentees' number is
    # withheld" would imply few mentees did: a withheld number may protect another cell.
    text = _summary(sample_report())
    assert "career" not in text.split("Where mentees and mentors differ")[1].split(". Beyond")[0]
    assert "withheld" not in text and "fewer than" not in text


def test_when_no_theme_is_shown_for_both_roles_then_the_summary_says_they_cannot_be_compared():
    report = sample_report()
    report.themes = [replace(t, by_role={**t.by_role, "mentor": None}) for t in report.themes]
    text = _summary(report).split("Where mentees and mentors differ")[1]
    assert "cannot be compared here" in text and "none was raised" not in text


def test_when_shares_are_withheld_then_the_summary_names_people_only():
    report = sample_report()
    report.themes = [replace(t, share=None) for t in report.themes]
    top = executive_summary(report)[0]
    assert top.heading == "What people wrote about most" and "%" not in top.text
    assert "<html" in render_html(report)


def test_when_the_programme_is_not_mentoring_then_no_word_assumes_it():
    report = workshop_report()
    html, md = render_html(report), render_markdown(report)
    text = " ".join(_parse(html).text) + md
    assert not re.search(r"mentor|mentee|reverse", text, re.IGNORECASE)
    assert not re.search(r"\bsessions?\b", text, re.IGNORECASE)  # this programme has none
    assert not re.search(r"\bcohorts?\b", text, re.IGNORECASE)  # it calls them workshops
    assert "Themes by workshop" in text and "Data skills workshops" in text


def test_when_a_dimension_is_missing_then_its_sections_are_gone():
    html = render_html(workshop_report())
    ids = _parse(html).ids
    assert "sessions" not in ids  # no session column: no heatmap, no trend lines
    assert '<svg class="spark"' not in html
    assert "by role" not in html.lower() and "Role" not in " ".join(_parse(html).text)
    assert "cohorts" in ids and "questions" in ids


def test_when_formats_are_rendered_then_markdown_and_html_share_the_title():
    for report in (sample_report(), workshop_report()):
        assert f"<h1>{title(report)}</h1>" in render_html(report)
        assert render_markdown(report).startswith(f"# {title(report)}\n")
    assert title(workshop_report()) == "Data skills workshops: what participants wrote"


def test_when_there_are_many_groups_then_the_largest_are_shown_and_the_rest_pooled():
    report = many_roles_report()
    html = render_html(report)
    chart = _section(html, "themes-overview").split("</figure>")[0]
    legend = re.findall(r'class="swatch sw-s\d"[^>]*></span>([^<]+)</li>', chart)
    assert legend == ["Analyst", "Author", "Manager", "Engineer", "Other roles"]
    assert len(legend) == SHOWN_GROUPS + 1
    # The pooled cell is the theme's total minus the shown groups (all shown, >= k).
    hybrid = report.themes[0]
    other = hybrid.participants - sum(
        hybrid.by_role[r] for r in ("analyst", "author", "manager", "engineer")
    )
    first_row = re.search(r'<li class="bar-row">(.*?)</ul></li>', chart).group(1)
    assert re.search(rf"Other roles: </span>.*?class=\"bar s4\".*?>{other} \(", first_row)
    card = html.split('id="theme-0"')[1].split("</article>")[0]
    assert card.count("<dt>") == SHOWN_GROUPS + 1 + 2  # roles and "other", two cohorts
    text = _summary(report)
    assert "Where analysts and authors differ" in text  # the two largest, not the first two
    assert "actuary" not in text and "architect" not in text


def test_when_a_pooled_cell_would_be_small_then_it_is_withheld():
    report = workshop_report()
    md = render_markdown(report).split("## Themes by workshop")[1]
    automation = next(line for line in md.splitlines() if line.startswith("| Automating reports"))
    # 35 people in all, 10 + 16 + 6 in the three shown workshops: 3 left, below k.
    assert automation.endswith("| withheld |")
    hands_on = next(line for line in md.splitlines() if line.startswith("| Hands-on practice | 25"))
    assert hands_on.endswith("| 7 |")


def test_when_prompts_are_a_dimension_then_every_format_shows_them():
    report = workshop_report()
    html = render_html(report)
    questions = _section(html, "questions")
    assert questions.count("<h3>") == 3 and "What did you find hard?" in questions
    hard = questions.split('<div class="question">')[2]
    assert "What did you find hard?" in hard and "Pace of the day" in hard
    assert "## Question by question" in render_markdown(report)
    header = render_themes_csv(report).splitlines()[0]
    assert "prompt:What worked well?" in header
    assert ",prompt,What did you find hard?," in render_breakdowns_csv(report)
    assert "Answers to “What worked well?” most often raised hands-on practice" in _summary(report)


def test_when_a_theme_has_a_trend_then_its_first_and_last_values_are_written_out():
    html = render_html(sample_report())
    card = html.split('id="theme-2"')[1].split("</article>")[0]  # AI at work: 6 ... 31
    ends = re.search(r'<p class="spark-ends"[^>]*>(.*?)</p>', card).group(1)
    assert ends == "Session 1: 5% → session 6: 31%"


def test_when_the_programme_is_small_then_the_report_says_so():
    report = sample_report()
    report.n_participants = 8
    for fmt in (render_html(report), render_markdown(report)):
        assert "fewer than 10 people took part" in fmt
    report.privacy["dp_epsilon"] = 1.0
    assert "the noisy count of participants is below 10" in render_html(report)
    assert "small programme" not in render_html(sample_report())


def test_when_the_export_is_long_format_then_the_column_record_keeps_its_answer_column():
    from reflect.pipeline import _printed_prompts

    long = {"text": ["Answer"], "prompt": "Question", "format": "long"}
    assert _printed_prompts(long, {"What went well?": 40})["text"] == ["Answer"]
    wide = {"text": ["What went well?", "Anything else?"], "prompt": None, "format": "wide"}
    assert _printed_prompts(wide, {"What went well?": 40})["text"] == [
        "What went well?",
        "other prompts",
    ]


def test_the_summary_names_only_the_most_answered_questions():
    from reflect.report.summary import TOP_PROMPTS

    report = sample_report()
    prompts = [f"Question {i}?" for i in range(TOP_PROMPTS + 3)]
    answered = {p: 10 + i for i, p in enumerate(prompts)}  # the last ones most answered
    themes = [replace(t, by_prompt=dict.fromkeys(prompts, 6)) if t.participants else t
              for t in report.themes]  # fmt: skip
    report = replace(report, themes=themes, participants_by_prompt=answered)
    text = next(f.text for f in executive_summary(report) if f.heading == "Question by question")
    named = [p for p in prompts if f"“{p}”" in text]
    assert named == prompts[-TOP_PROMPTS:]
    assert "the other 3 are broken down" in text


def test_when_counts_carry_noise_then_the_opening_says_so():
    plain = sample_report()
    noised = sample_report()
    noised.privacy = {**noised.privacy, "dp_epsilon": 1.0, "redactions": None}
    for render in (render_html, render_markdown):
        assert "quoted. With differential privacy on, every count carries" in render(noised)
        assert "carries random noise" not in render(plain)


def test_when_the_noise_is_as_large_as_the_counts_then_the_report_says_how_large():
    # the margin comes from the release's own scale: 9 in 10 noisy counts within it
    from reflect.report.view import dp_line

    loud = sample_report()
    loud.privacy = {**loud.privacy, "dp_epsilon": 1.0, "redactions": None,
                    "dp": {"margin_90": 330}}  # fmt: skip
    quiet = sample_report()
    quiet.privacy = {**quiet.privacy, "dp_epsilon": 40.0, "redactions": None,
                     "dp": {"margin_90": 2}}  # fmt: skip
    for render in (render_html, render_markdown):
        assert "within 330 of the true count" in render(loud)
        assert "rough orders of size" in render(loud)
        assert "within 2 of the true count" in render(quiet)
        assert "rough orders of size" not in render(quiet)
    assert "rough orders of size" in dp_line(loud.privacy, loud.n_participants)
    assert dp_line(sample_report().privacy, 40) is None


def test_when_the_noise_is_loud_then_the_summary_claims_no_change_or_difference():
    loud = sample_report()
    loud.privacy = {**loud.privacy, "dp_epsilon": 1.0, "redactions": None,
                    "dp": {"margin_90": 330}}  # fmt: skip
    headings = [f.heading for f in executive_summary(loud)]
    assert "Counts carry heavy noise" in headings
    assert not any(h.startswith(("What changed", "Where")) for h in headings)
    plain_headings = [f.heading for f in executive_summary(sample_report())]
    assert "Counts carry heavy noise" not in plain_headings


def test_when_new_themes_were_left_out_then_every_format_says_how_many():
    report = sample_report()
    privacy = dict(report.privacy)
    privacy["suppressed"] = {**privacy["suppressed"], "emerging_not_listed": 3}
    report = replace(report, privacy=privacy)
    assert "3 new themes found but not listed" in render_markdown(report)
    html = render_html(report)
    assert "New themes not listed" in html and '<td class="num">3</td>' in html
    assert "not listed" not in render_markdown(sample_report())  # none left out


def test_new_badges_mark_themes_outside_a_taxonomy_and_vanish_when_none_came_from_one():
    report = sample_report()
    emerging = replace(report.themes[1], id="emerging:x", label="rota swaps", kind="emerging")
    mixed = replace(report, themes=[report.themes[0], emerging])
    assert 'rota swaps</a> <span class="badge">new</span>' in render_html(mixed)
    only_found = replace(report, themes=[emerging], taxonomy_fit={
        "fits": False, "explained_share": None, "min_explained_share": 0.5,
        "taxonomy_themes": 11, "emerging_from": "all answers", "not_counted": ["Hybrid working"],
        "other_programme": "reverse mentoring"})  # fmt: skip
    html = render_html(only_found)
    assert 'class="badge">new' not in html
    assert "written for reverse mentoring and was not applied" in html


def test_a_pooled_group_is_named_as_it_is_not_pluralised_again():
    from reflect.report.view import plural

    assert plural("other roles") == "other roles"
    assert plural("facilitator or line manager") == "facilitators or line managers"
    assert plural("mentor") == "mentors" and plural("class") == "classes"


def test_a_session_is_named_by_its_number_or_as_the_export_names_it():
    from reflect.report.view import Dimension

    sessions = Dimension("session", "session", ["1"], {"1": 9}, False, 1, 5)
    assert sessions.label("3") == "Session 3"
    assert sessions.label("Check-in 3") == "Check-in 3"  # not "Session Check-in 3"
    assert sessions.label("Autumn term") == "Autumn term"  # as sentences name it
