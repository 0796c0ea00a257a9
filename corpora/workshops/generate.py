#!/usr/bin/env python
"""Deterministic generator for the workshop-evaluations corpus: a programme that is not
reverse mentoring, exported the way many survey tools export — one row per answer (long
format), a question column and an answer column, no role column, workshops as cohorts.

Every sentence below was written for this corpus. A few answers carry planted personal data
(a trainer's name, an email address, a phone number) so redaction is visible in the report.

    python generate.py            # write evaluations.csv
    python generate.py --check    # fail if the committed file differs

Only the standard library is used; output is byte-for-byte reproducible.
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "evaluations.csv"
SEED = 20261201

WORKED = "What worked well in the workshop?"
HARD = "What did you find hard?"
NEXT = "What will you try at work next week?"

WORKSHOPS = [
    ("Spreadsheets beyond the basics", "2026-03-04"),
    ("Spreadsheets beyond the basics", "2026-03-18"),
    ("First steps in SQL", "2026-04-08"),
    ("First steps in SQL", "2026-04-22"),
    ("Dashboards that get read", "2026-05-06"),
    ("Dashboards that get read", "2026-05-20"),
    ("Automating the weekly report", "2026-06-03"),
    ("Automating the weekly report", "2026-06-17"),
]

# Topic -> answers. Variants keep the wording of real evaluations: short, plain, uneven.
ANSWERS = {
    WORKED: {
        "hands-on": [
            "The hands-on exercises, doing it myself made it stick.",
            "Lots of practice time with real exercises rather than slides.",
            "Working through the exercises on my own laptop.",
            "The exercises built up step by step so I never felt lost.",
            "Practising on the exercise files straight after each demo.",
            "having time to actually try things in the exercises",
        ],
        "examples": [
            "Examples used data that looks like ours, not made-up sales figures.",
            "The examples were close to the reports we build every week.",
            "Realistic example data from a team like ours.",
            "Seeing the examples on a dataset I recognised from work.",
            "The worked examples matched problems we actually have.",
        ],
        "trainer": [
            "The trainer explained things clearly and never rushed a question.",
            "Clear explanations and a trainer who was happy to repeat things.",
            "Our trainer was patient and explained the why, not just the how.",
            "The explanations were clear even for a beginner like me.",
            "Trainer knew the subject and explained it in plain words.",
        ],
        "materials": [
            "The cheat sheet to take away is already pinned above my desk.",
            "Handouts and the cheat sheet with all the shortcuts.",
            "Having the slides and a one-page cheat sheet afterwards.",
            "The cheat sheet summarised the whole day on one page.",
        ],
        "small group": [
            "Small group so everyone could ask questions.",
            "Only ten of us, so the group could ask anything.",
            "The small group size meant we all got help.",
            "A small group and a relaxed room.",
        ],
    },
    HARD: {
        "pace": [
            "The pace in the afternoon was too fast for me.",
            "It went too fast after lunch and I fell behind.",
            "Pace was a bit quick when we got to the joins.",
            "Too much content for one day, the pace never let up.",
            "The last hour was rushed, the pace doubled.",
        ],
        "setup": [
            "Installing the software took the first half hour.",
            "My laptop would not install the add-in, so I shared a screen.",
            "Setup problems at the start, the licence was not ready.",
            "Half the room had installation issues before we could begin.",
            "Could not log in to the training database for ages, setup was messy.",
        ],
        "jargon": [
            "Some of the jargon went over my head.",
            "Too much jargon early on before the basics were clear.",
            "The jargon, I still do not know what a schema is.",
            "Technical jargon without explanation in the first session.",
        ],
        "practice time": [
            "Not enough time to practise the last topic.",
            "I wanted more time to practise on my own data.",
            "Ran out of practice time before the final exercise.",
            "More time to practise would have helped me.",
        ],
        "nothing": [
            "Nothing really, it was fine.",
            "nothing, all good",
            "Nothing hard, well organised.",
            "N/A",
        ],
    },
    NEXT: {
        "automate report": [
            "Automate the weekly report so it refreshes itself.",
            "Try to automate the Monday report instead of copying and pasting.",
            "Automating the team report I rebuild every week.",
            "Set up the report to refresh automatically.",
            "Automate the monthly figures report with what we learnt.",
        ],
        "share with team": [
            "Show my team the shortcuts at our next team meeting.",
            "Share the cheat sheet with my team.",
            "Run a short demo for the team on Friday.",
            "Share what I learnt with the rest of my team.",
        ],
        "practise": [
            "Practise a little every day so I do not forget it.",
            "Practise the exercises again on real data.",
            "Keep practising with the exercise files at home.",
            "Practise the queries on our own tables.",
        ],
        "ask for access": [
            "Ask IT for access to the reporting database.",
            "Request access to the data warehouse so I can try it.",
            "Get access to the tool licence for my own laptop.",
            "Ask my manager for access to the live data.",
        ],
    },
}

# Planted personal data: names, an email and a phone number a redactor must remove.
PLANTED = {
    WORKED: [
        "Marguerite Okafor explained the joins better than any book.",
        "Ask Tomasz Wierzbicki for his notes, they were brilliant.",
    ],
    HARD: [
        "I had to email the helpdesk at data.help@example.org to get in.",
    ],
    NEXT: [
        "Call Desmond on 07700 900457 to set up the refresh.",
    ],
}

PEOPLE_PER_WORKSHOP = (9, 13)


def build() -> str:
    rng = random.Random(SEED)
    rows = []
    person = 0
    planted = {q: list(v) for q, v in PLANTED.items()}
    for workshop, day in WORKSHOPS:
        for _ in range(rng.randint(*PEOPLE_PER_WORKSHOP)):
            person += 1
            respondent = f"R{4000 + person}"
            for question in (WORKED, HARD, NEXT):
                if rng.random() < 0.08:
                    continue  # some people skip a question
                if planted[question] and rng.random() < 0.05:
                    answer = planted[question].pop()
                else:
                    topic = rng.choice(sorted(ANSWERS[question]))
                    answer = rng.choice(ANSWERS[question][topic])
                rows.append([respondent, workshop, day, question, answer])
    for question, left in planted.items():  # every planted item appears once
        for answer in left:
            respondent = f"R{4000 + rng.randint(1, person)}"
            match = next(r for r in rows if r[0] == respondent)
            rows.append([respondent, match[1], match[2], question, answer])
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["Respondent", "Workshop", "Date", "Question", "Answer"])
    writer.writerows(rows)
    return buffer.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    text = build()
    if args.check:
        same = OUT.exists() and OUT.read_text(encoding="utf-8") == text
        print("evaluations.csv is up to date" if same else "evaluations.csv differs")
        return 0 if same else 1
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.name}: {text.count(chr(10)) - 1} answers")
    return 0


if __name__ == "__main__":
    sys.exit(main())
