"""Ingest's column mapping: which source column holds the participant, role, session, cohort,
date, question and answers — from explicit options first, then from header words and from
what the values look like (long answers are free text; a few repeated values label rows)."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pandas as pd

from reflect.config import ColumnMap
from reflect.errors import InputError
from reflect.ingest.values import machine_written

# Session headers only when their values are numbered (else a cohort's: "Workshop A").
_NUMBERED_ONLY = ("workshop", "class", "sprint", "phase", "visit")
# Where an organisation groups its people, when no cohort column does: a header naming one
# is a cohort only if its values are a few repeated names ("Team feedback" is answers).
_ORG_UNITS = (
    "business unit", "department", "directorate", "division", "function", "team", "site",
    "office", "branch", "school", "campus",
)  # fmt: skip
_ORG_UNIT = re.compile(r"\b(?:" + "|".join(_ORG_UNITS) + r")s?\b")
# A question about something else ("Did your team meet its target?"), or values no group
# has: yes or no, numbers ("Team size").
_NOT_A_GROUP_QUESTION = re.compile(
    r"^(?:did|do|does|is|are|was|were|has|have|how|why|when|can|could|should|will|would)\b"
)
_YES_OR_NO = re.compile(r"(?i)yes|no|y|n|true|false|n/?a")
_NUMBERS = re.compile(r"[\d.,%\s-]+")
_NOT_THE_UNIT = re.compile(r"\b(?:size|day|lead|channel|meeting)s?\b")  # "Team size"
# Header words that identify a column (matched on lower-cased headers, first rule wins).
_HEADER_RULES: dict[str, tuple[str, ...]] = {
    "participant": (
        "participant", "respondent", "employee", "person", "user", "author", "student",
        "learner", "trainee", "attendee", "delegate", "coachee",
        # a staff number before the form's own record of who answered: the roster has it
        "staff", "emp no", "empno", "emp id", "empid", "email", "name",
    ),
    "role": (
        "role", "mentor or mentee", "mentor/mentee", "position in pair",
        # a learning platform's kind of learner: "Delegate" or "Facilitator"
        "learner type", "participant type", "delegate type", "attendee type", "user type",
    ),
    "session": (
        "session", "meeting", "week", "lecture", "lesson", "module", "check-in", "check in",
        "checkpoint", "touchpoint", *_NUMBERED_ONLY,
    ),
    "cohort": (
        "cohort", "group", "programme", "program", "wave", "intake", "workshop", "course",
        "class", "circle", "learning set", "pod",  # a coaching circle, an action learning set
        "region",  # where no cohort column groups people ("Your region": regional groups)
        *_ORG_UNITS,
    ),
    "date": ("date", "submitted", "timestamp", "created", "time"),
}  # fmt: skip
# The cohort's own words, before the organisation's (``_ORG_UNITS``).
_COHORT_WORDS = _HEADER_RULES["cohort"][: -len(_ORG_UNITS)]
# Headers of identifiers and contact details: never answers, however long their values are
# (a "Full name" column would otherwise be analysed, and kept by `reflect redact`, as text).
_NOT_TEXT = re.compile(r"\b(id|ids|identifier|number|no|name|names|e-?mail|phone|mobile)\b")
_TEXT_HINTS = ("reflection", "comment", "what", "?", "text", "answer", "feedback", "notes")
_MIN_FREE_TEXT_CHARS = 15  # mean answer length above which an unmapped column is free text
_MAX_CHOICE_WORDS = 4  # repeated values this short are a question's choices, not answers
_NOTHING_WRITTEN = {"no", "none", "na", "n/a", "nothing", "nope", "nil", "all", "not"}


# A header naming the person and one of these is something about them ("User Language").
_ATTRIBUTE = re.compile(
    r"\b(language|agent|browser|device|location|latitude|longitude|ip|type|role|status|level|"
    r"count|age|gender|department|team|title|country|region|grade|score|rating)\b"
)


# A question asking for a score: "How useful was...?", "Rate the session (1-5)", "0-10".
_RATING = re.compile(
    r"^how (useful|satisfied|likely|would you rate|well|much|helpful|relevant|good|valuable)"
    r"|\brat(e|ing)\b|\bscore\b|\(\s*\d+\s*(-|–|to)\s*\d+\s*\)|\bout of \d+\b"
)


def _not_the_field(field: str, header: str, values: pd.Series) -> bool:
    """Whether a header naming a field's word is something else: answers ("Student
    comments", "Session feedback", "What did the lecture cover?"), an attribute of the person
    ("User Language"), a column nobody filled, or a "Name" with one value in every row
    ("Anonymous"). A date may be "Feedback date"; a "Response ID" numbers an answer, not its
    writer; a question asking for a group ("Which cohort are you in?") answered with a few
    repeated choices is that group."""
    filled = values.str.strip()
    filled = filled[filled != ""]
    if filled.empty:
        return True
    if field == "date":
        return any(hint in header for hint in ("?", "what", "reflection"))
    if field == "participant" and ("response" in header or _ATTRIBUTE.search(header)):
        return True
    if field == "participant" and "name" in header and len(filled) > 1 and filled.nunique() == 1:
        return True  # "Name": "Anonymous" in every row is a placeholder, not one writer
    if field in ("role", "session", "cohort") and _RATING.search(header):
        return True  # "How useful was today's workshop? (1-5)": a score, not a group
    if field == "cohort" and (
        _NOT_A_GROUP_QUESTION.search(header) or filled.str.fullmatch(_YES_OR_NO).mean() >= 0.5
    ):
        return True  # "Was the workshop useful?", "Did your group meet?": yes or no
    if field == "cohort" and not any(w in header for w in _COHORT_WORDS):
        return not (  # matched by an organisation's word alone: "Business Unit", "Function"
            _ORG_UNIT.search(header)
            and not _NOT_THE_UNIT.search(header)
            and _repeats(filled)
            and _few_words(filled)
            and filled.str.fullmatch(_NUMBERS).mean() < 0.5
        )  # not "Team feedback" (answers), "Which website" (a word inside), "Team size"
    if field == "session" and re.search(r"\b(?:date|time|day)\b", header):
        return True  # "Visit date", "Check-in time": when, not which session
    numbered = filled.str.contains(r"\d").mean() >= 0.8  # "Workshop": 1, 2, 3; not "Workshop A"
    if field == "session" and any(w in header for w in _NUMBERED_ONLY) and not numbered:
        return True
    if (
        field in ("role", "session", "cohort")
        and len(filled) >= 0.8 * len(values)  # everyone is in some group
        and _repeats(filled)
        and _few_words(filled)
    ):
        return False
    return any(hint in header for hint in _TEXT_HINTS)


def _norm(header: str) -> str:
    """Lower case, words apart: "Staff_No" and "StaffNo" read "staff no"."""
    words = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", header)
    return re.sub(r"[\s_]+", " ", words.lower()).strip()


def map_columns(path: Path, table: pd.DataFrame, given: ColumnMap) -> dict[str, object]:
    """Resolve each field to a source column: explicit options first, then header guesses."""
    headers = list(table.columns)
    mapping: dict[str, object] = {}
    taken: set[str] = set()

    def resolve(field: str, name: str, option: str) -> str:
        if name in headers:
            return name
        by_norm = {_norm(h): h for h in headers}
        if _norm(name) in by_norm:
            return by_norm[_norm(name)]
        raise InputError(
            f"column {name!r} (from {option}) not found; columns are: {', '.join(headers)}",
            file=path,
        )

    for field in ("participant", "role", "session", "cohort", "date", "prompt"):
        name = getattr(given, field)
        if name is not None:
            mapping[field] = resolve(field, name, f"--{field}-column")
            taken.add(mapping[field])
    for field, words in _HEADER_RULES.items():
        if field in mapping:
            continue
        for word in words:
            hit = next(
                (
                    h
                    for h in headers
                    if h not in taken
                    and word in _norm(h)
                    and not _not_the_field(field, _norm(h), table[h])
                ),
                None,
            )
            if hit:
                mapping[field] = hit
                taken.add(hit)
                break

    if "role" not in mapping and (hit := _role_by_values(table, headers, taken)):
        mapping["role"] = hit  # a form's "I am a..." question: its answers are roles
        taken.add(hit)
    if given.text:
        mapping["text"] = [resolve("text", name, "--text-column") for name in given.text]
    else:
        mapping["text"] = _guess_text_columns(table, [h for h in headers if h not in taken])
    _long_format(path, table, mapping, [h for h in headers if h not in taken])
    if not mapping["text"]:
        blank = [h for h in headers if h not in taken and _looks_like_text(h)]
        if blank and all((table[h].str.strip() == "").all() for h in blank):
            raise InputError(
                "no reflections: every answer is blank (in "
                + ", ".join(repr(h) for h in blank)
                + ")",
                file=path,
            )
        raise InputError(
            f"no text column found; name it with --text-column (columns are: {', '.join(headers)})",
            file=path,
        )
    if "participant" not in mapping:
        raise InputError(
            "no participant column found (looked for headers containing participant, "
            "respondent, employee, name...); name it with --participant-column (a response "
            "id only if no one answered twice: each id is counted as a person)",
            file=path,
        )
    if mapping["participant"] in mapping["text"]:
        raise InputError(
            "the participant column cannot also be a text column",
            file=path,
            column=str(mapping["participant"]),
        )
    return mapping


def _long_format(path: Path, table: pd.DataFrame, mapping: dict, untaken: list[str]) -> None:
    """Long-format exports hold one row per answer: a column naming the question and one
    holding the answer. Read as wide, the question wording would be analysed as answers, so
    the question column is found (``--prompt-column``, or detected when clear) and the
    answer column must then be exactly one; anything unclear is refused with a hint."""
    texts = mapping["text"]
    if "prompt" in mapping:
        texts = [t for t in texts if t != mapping["prompt"]]
    else:
        questions = [h for h in untaken if _is_question_column(h, table[h])]
        if not questions:
            return
        if len(questions) > 1:
            raise InputError(
                "this looks like a long-format export (columns "
                + ", ".join(repr(q) for q in questions)
                + " repeat the same questions): name the question column with "
                "--prompt-column and the answer column with --text-column",
                file=path,
            )
        mapping["prompt"] = questions[0]
        texts = [t for t in texts if t != questions[0]]
    if len(texts) != 1:
        found = ", ".join(repr(t) for t in texts) or "none"
        raise InputError(
            f"with the questions in {mapping['prompt']!r} (long format) exactly one column "
            f"must hold the answers (found {found}); name it with --text-column",
            file=path,
        )
    mapping["text"] = texts


_QUESTION_HEADERS = re.compile(r"\b(question|questions|prompt|item)\b")


def _is_question_column(header: str, values: pd.Series) -> bool:
    """A column of question wording: few distinct values, each repeated across many rows,
    under a header that says so or worded as questions."""
    filled = values.str.strip()
    filled = filled[filled != ""]
    if not _repeats(filled) or filled.nunique() > 50:
        return False
    worded_as_questions = filled.str.endswith("?").mean() >= 0.8
    return worded_as_questions or bool(_QUESTION_HEADERS.search(_norm(header)))


def _looks_like_text(header: str) -> bool:
    norm = _norm(header)
    return any(hint in norm for hint in _TEXT_HINTS) and not (
        _NOT_TEXT.search(norm) and "?" not in norm
    )


def _guess_text_columns(table: pd.DataFrame, candidates: list[str]) -> list[str]:
    chosen = []
    for header in candidates:
        norm = _norm(header)
        if _NOT_TEXT.search(norm) and "?" not in norm:
            continue
        values = table[header].str.strip()
        filled = values[values != ""]
        if filled.empty or machine_written(filled):
            continue
        hinted = any(hint in norm for hint in _TEXT_HINTS)
        long_enough = filled.str.len().mean() >= _MIN_FREE_TEXT_CHARS
        wordy = filled.str.contains(r"\s").mean() >= 0.5
        # A few values repeated down the column ("Human Resources", a workshop's title, a
        # question's wording) label rows; they are not answers unless the header says so —
        # and not even then when they are a few words each: the choices of a question
        # ("Which workshop did you attend?"), not what anyone wrote.
        if _repeats(filled) and (not hinted or _few_words(filled)):
            if hinted:
                logging.getLogger("reflect").warning(
                    "column %s holds a few repeated choices, not written answers: not "
                    "analysed (name it with --cohort-column if it groups people)",
                    quoted_header(header),
                )
            continue
        if (hinted and wordy) or (long_enough and wordy):
            chosen.append(header)
    return chosen


def _few_words(filled: pd.Series) -> bool:
    """Short values, and not mostly "No" / "N/A": the answers of people with nothing to add
    repeat too, and are worth counting."""
    commonest = filled.str.lower().mode().iloc[0].split()
    first_word = re.sub(r"[^a-z/]", "", commonest[0]) if commonest else ""
    return (
        filled.str.split().str.len().mean() <= _MAX_CHOICE_WORDS
        and first_word not in _NOTHING_WRITTEN
    )


# The parts people play in a learning programme. A column that holds only these, for nearly
# everyone, is the role whatever its header asks ("I am a...", "You are:").
_ROLE_VALUES = frozenset(
    re.findall(
        r"\w+",
        """mentor mentee coach coachee sponsor buddy manager participant learner facilitator
        trainer trainee apprentice graduate intern leader junior senior peer supervisor
        supervisee observer tutor student teacher employee executive director""",
    )
) | {"reverse mentor", "line manager", "senior leader", "direct report", "team member"}


_MAX_ROLE_SPELLINGS = 30  # "Mentor", "mentor ", "MENTOR"... as typed


def _role_by_values(table: pd.DataFrame, headers: list, taken: set) -> object | None:
    for header in headers:
        # a role column holds a few values: free text is passed over before any regex
        if header in taken or table[header].nunique() > _MAX_ROLE_SPELLINGS:
            continue
        values = table[header].str.strip().str.lower()
        values = values.str.replace(r"\(.*?\)|^(?:an?|the)\s+|[^a-z ]", "", regex=True).str.strip()
        filled = values[values != ""]
        if (
            len(filled) >= 0.8 * len(values)
            and 2 <= filled.nunique() <= 6
            and set(filled.unique()) <= _ROLE_VALUES | {f"{v}s" for v in _ROLE_VALUES}
        ):
            return header
    return None


def _repeats(filled: pd.Series) -> bool:
    distinct = filled.nunique()
    return len(filled) >= 6 and distinct <= max(2, len(filled) // 3)


def quoted_header(header: object) -> str:
    # As the header reads in the spreadsheet: repr() would show a no-break space as \xa0.
    return "'" + " ".join(str(header).split()) + "'"
