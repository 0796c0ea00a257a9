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
