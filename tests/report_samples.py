"""A synthetic ``SafeReport`` for report tests: no model, no data, realistic shape
(two roles, six sessions, two cohorts, suppressed cells and themes, an emerging theme)."""

from __future__ import annotations

from reflect.privacy.model import SafeReport, SafeTheme

SESSIONS = ["1", "2", "3", "4", "5", "6"]

# id, label, kind, people, mentor, mentee, by session, cohort A, cohort B, phrases
_THEMES = [
    (
        "hybrid_work",
        "Hybrid working",
        "taxonomy",
        61,
        34,
        27,
        [30, 28, 25, 22, 18, 15],
        33,
        28,
        ["office days", "working from home", "commute"],
    ),
    (
        "digital_tools",
        "Digital tools and social media",
        "taxonomy",
        55,
        20,
        35,
        [35, 30, 22, 18, 12, 9],
        25,
        30,
        ["shortcuts", "linkedin post", "teams chat"],
    ),
    (
        "ai_at_work",
        "AI at work",
        "taxonomy",
        48,
        30,
        18,
        [6, 10, 15, 21, 26, 31],
        20,
        28,
        ["chatgpt", "copilot", "prompts"],
    ),
    (
        "hierarchy",
        "Hierarchy and speaking up",
        "taxonomy",
        40,
        31,
        9,
        [None, 8, 12, 16, 19, 22],
        22,
        18,
        ["speak up", "senior leaders"],
    ),
    (
        "wellbeing",
        "Wellbeing and workload",
        "taxonomy",
        33,
        17,
        16,
        [12, 10, 11, 9, 13, 12],
        18,
        15,
        ["burnout", "workload"],
    ),
    (
        "generations",
        "Generational differences",
        "taxonomy",
        24,
        13,
        11,
        [10, 9, 8, 6, None, None],
        11,
        13,
        ["gen z", "assumptions"],
    ),
    (
        "career",
        "Career and retention",
        "taxonomy",
        19,
        19,
        None,
        [5, 6, 7, 8, 9, 10],
        None,
        None,
        ["promotion", "career path"],
    ),
    (
        "emerging_a3f9c1",
        "parking permits",
        "emerging",
        9,
        None,
        None,
        [None, None, None, None, 5, 6],
        9,
        None,
        ["parking permits"],
    ),
    (
        "inclusion",
        "Inclusion of under-represented groups",
        "taxonomy",
        None,
        None,
        None,
        [None] * 6,
        None,
        None,
        [],
    ),
]


def sample_report(k: int = 5) -> SafeReport:
    themes = []
    for tid, label, kind, people, mentor, mentee, sessions, a, b, phrases in _THEMES:
        themes.append(
            SafeTheme(
                id=tid,
                label=label,
                kind=kind,
                description="" if kind == "emerging" else f"What people wrote on {label.lower()}.",
                participants=people,
                share=None if people is None else round(people / 120, 3),
                by_role={"mentee": mentee, "mentor": mentor},
                by_session=dict(zip(SESSIONS, sessions, strict=True)),
                by_cohort={"Cohort A": a, "Cohort B": b},
                phrases=phrases,
            )
        )
    return SafeReport(
        min_group_size=k,
        n_participants=120,
        n_reflections=1380,
        participants_by_role={"mentee": 60, "mentor": 60},
        participants_by_session=dict(zip(SESSIONS, [118, 115, 112, 110, 104, 100], strict=True)),
        participants_by_cohort={"Cohort A": 60, "Cohort B": 60},
        themes=themes,
        privacy={
            "min_group_size": k,
            "unit": "distinct participants",
            "rules": [f"every count is backed by at least {k} distinct participants"],
            "suppressed": {"theme_cells": 14, "themes": 1, "phrases": 6},
            "redactions": {"PERSON": 41, "EMAIL": 9, "PHONE": 4, "EMPLOYEE_ID": 3},
            "dp_epsilon": None,
            "quotes": False,
        },
    )


WORKSHOP_PROMPTS = ["What worked well?", "What did you find hard?", "What will you try next?"]
# Workshops as cohorts, largest last alphabetically (the chart must pick by size, not name).
WORKSHOPS = {
    "A first look at SQL": 6,
    "Budget forecasting": 7,
    "Charts that persuade": 8,
    "Data cleaning basics": 9,
    "Pivot tables": 22,
    "Spreadsheet automation": 26,
    "Writing clear reports": 30,
}


def workshop_report(k: int = 5) -> SafeReport:
    """Workshop evaluations: no role column, workshops as cohorts (seven, most of them
    small), no sessions, three prompts — no word of mentoring anywhere."""
    n = sum(WORKSHOPS.values())
    small = {w: None for w, size in WORKSHOPS.items() if size < 10}

    def cohorts(big: dict[str, int | None]) -> dict[str, int | None]:
        return {**small, **big}

    themes = [
        (
            "hands_on",
            "Hands-on practice",
            70,
            {"Writing clear reports": 25, "Spreadsheet automation": 21, "Pivot tables": 17},
            [52, 9, 30],
        ),
        (
            "pace",
            "Pace of the day",
            41,
            {"Writing clear reports": 12, "Spreadsheet automation": 14, "Pivot tables": 8},
            [None, 38, 6],
        ),
        (
            "setup",
            "Software setup",
            23,
            {"Writing clear reports": None, "Spreadsheet automation": 9, "Pivot tables": None},
            [None, 23, None],
        ),
        (
            "automation",
            "Automating reports",
            35,
            {"Writing clear reports": 10, "Spreadsheet automation": 16, "Pivot tables": 6},
            [7, None, 33],
        ),
    ]
    safe = []
    for tid, label, people, big, by_prompt in themes:
        theme = SafeTheme(
            id=tid,
            label=label,
            kind="taxonomy",
            description=f"What people wrote on {label.lower()}.",
            participants=people,
            share=round(people / n, 3),
            by_role={},
            by_session={},
            by_cohort=cohorts(big),
            phrases=[label.lower()],
        )
        theme.by_prompt = dict(zip(WORKSHOP_PROMPTS, by_prompt, strict=True))
        safe.append(theme)
    report = SafeReport(
        min_group_size=k,
        n_participants=n,
        n_reflections=n * 3 - 7,
        participants_by_role={"unknown": n},
        participants_by_session={},
        participants_by_cohort=cohorts({w: s for w, s in WORKSHOPS.items() if s >= 10}),
        themes=safe,
        privacy={
            "min_group_size": k,
            "unit": "distinct participants",
            "rules": [f"every count is backed by at least {k} distinct participants"],
            "suppressed": {"theme_cells": 30, "themes": 0, "phrases": 2},
            "redactions": {"PERSON": 2, "EMAIL": 1},
            "dp_epsilon": None,
            "quotes": False,
        },
        programme="Data skills workshops",
        cohort_name="workshop",
        columns={
            "participant": "Respondent",
            "cohort": "Workshop",
            "text": ["Answer"],
            "prompt": "Question",
            "format": "long",
            "role": None,
            "session": None,
            "date": None,
        },
    )
    report.participants_by_prompt = {p: n - i for i, p in enumerate(WORKSHOP_PROMPTS)}
    return report


def many_roles_report(k: int = 5) -> SafeReport:
    """Sixteen roles of very different sizes; alphabetically the first two are tiny."""
    sizes = {
        "actuary": 14,
        "analyst": 137,
        "architect": 2,
        "author": 100,
        "buyer": 30,
        "chemist": 11,
        "designer": 25,
        "editor": 9,
        "engineer": 40,
        "lawyer": 6,
        "manager": 60,
        "nurse": 8,
        "planner": 12,
        "recruiter": 7,
        "scientist": 20,
        "tester": 19,
    }
    n = sum(sizes.values())
    report = sample_report(k)
    shown = {r: (v if v >= 10 else None) for r, v in sizes.items()}
    report.participants_by_role = shown
    report.n_participants = n
    cells = [
        {"analyst": 60, "author": 20, "manager": 15, "engineer": 10, "buyer": None},
        {"analyst": 5, "author": None, "manager": 12, "engineer": 9},
        {"analyst": 30, "author": 45, "manager": 20, "engineer": 12},
    ]
    for theme, by_role in zip(report.themes, cells, strict=False):
        theme.by_role = {r: by_role.get(r) for r in sizes}
        theme.participants = sum(v for v in by_role.values() if v) + 15
        theme.share = round(theme.participants / n, 3)
    for theme in report.themes[len(cells) :]:
        theme.by_role = {r: None for r in sizes}
    return report
