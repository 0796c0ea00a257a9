from __future__ import annotations

import json

import pandas as pd
import pytest

from reflect import frames as F
from reflect.config import ColumnMap
from reflect.errors import InputError
from reflect.groups import Filter
from reflect.ingest import read_export, read_reflections, read_roster


def test_when_survey_headers_then_columns_are_guessed(tiny_csv):
    frame = read_reflections(tiny_csv)
    assert list(frame.columns) == F.INGESTED_COLUMNS
    assert set(frame[F.PROMPT]) == {"What worked well?", "What felt awkward?"}
    assert set(frame[F.ROLE]) == {"mentor", "mentee"}
    assert set(frame[F.SESSION]) == {"1", "2", "3"}
    assert frame[F.ROW].min() == 2  # spreadsheet numbering: the header is row 1


@pytest.mark.parametrize("suffix", ["xlsx", "jsonl", "parquet"])
def test_when_other_formats_then_same_frame(tiny_csv, tmp_path, suffix):
    table = pd.read_csv(tiny_csv, dtype=str)
    path = tmp_path / f"export.{suffix}"
    if suffix == "xlsx":
        table.to_excel(path, index=False)
    elif suffix == "jsonl":
        path.write_text("\n".join(json.dumps(r) for r in table.to_dict("records")))
    else:
        table.to_parquet(path)
    other = read_reflections(path)
    expected = read_reflections(tiny_csv)
    columns = [F.PARTICIPANT, F.ROLE, F.SESSION, F.PROMPT, F.TEXT]
    assert other[columns].equals(expected[columns])


def test_when_columns_mapped_explicitly_then_used(tiny_csv):
    frame = read_reflections(
        tiny_csv, ColumnMap(text=("What worked well?",), participant="Participant ID")
    )
    assert set(frame[F.PROMPT]) == {"What worked well?"}


def _error(path, **kwargs) -> str:
    with pytest.raises(InputError) as info:
        read_reflections(path, **kwargs)
    return str(info.value)


def test_when_file_empty_then_one_line_error(tmp_path):
    path = tmp_path / "empty.csv"
    path.write_text("")
    assert _error(path) == "empty.csv: empty file"


def test_when_missing_participant_column_then_error_names_option(tmp_path):
    path = tmp_path / "r.csv"
    path.write_text("What worked?\nwe talked about hybrid working a lot\n")
    assert "--participant-column" in _error(path)


def test_a_name_column_with_one_value_in_every_row_is_not_the_participant(tmp_path):
    path = tmp_path / "r.tsv"
    rows = "".join(f"P{i}\tAnonymous\tThe pace of the workshop suited me.\n" for i in range(8))
    path.write_text("Ref\tName\tAnswer\n" + rows)
    assert "--participant-column" in _error(path)  # not eight answers by one "Anonymous"
    named = read_reflections(path, ColumnMap(participant="Ref"))
    assert named[F.PARTICIPANT].nunique() == 8


def test_a_rating_question_naming_a_group_word_is_no_cohort_and_a_region_is_one(tmp_path):
    # A form export: "How useful was today's workshop? (1-5)" holds scores, not cohorts.
    path = tmp_path / "form.csv"
    rows = "".join(
        f"{i},p{i % 9}@example.org,Module {i % 3 + 1},{['North', 'South', 'Wales'][i % 3]},"
        f"{i % 5 + 1},The role-play on difficult conversations was the most useful part\n"
        for i in range(30)
    )
    path.write_text(
        "ID,Email,Which workshop did you attend?,Your region,"
        "How useful was today's workshop? (1-5),What was the most useful part of today?\n" + rows
    )
    frame = read_reflections(path)
    assert set(frame[F.COHORT]) == {"North", "South", "Wales"}
    assert set(frame[F.SESSION]) == {"Module 1", "Module 2", "Module 3"}


def test_a_forms_export_counts_people_by_their_staff_number_not_their_email(tmp_path):
    # Microsoft Forms writes the respondent's e-mail and name beside the staff number the
    # roster holds: the roster's ids are what an id typed two ways merges under.
    path = tmp_path / "forms.csv"
    path.write_text(
        "Id,Email,Name,Staff ID,What went well?\n"
        + "".join(
            f"{i},t{i % 4}@example.org,Teacher {i % 4},T-{100 + i % 4},"
            "Cold calling with my year 9s went better than expected\n"
            for i in range(12)
        )
    )
    frame = read_reflections(path)
    assert set(frame[F.PARTICIPANT]) == {"T-100", "T-101", "T-102", "T-103"}


@pytest.mark.parametrize("header", ["EmpNo", "EMPNO", "Emp ID", "StaffNumber"])
def test_a_staff_number_headed_in_short_or_camel_case_is_the_participant(tmp_path, header):
    path = tmp_path / "survey.csv"
    rows = [f"K{i % 3},Paired on the depot rota in week {i} and it went fine\n" for i in range(6)]
    path.write_text(f"{header},What went well?\n" + "".join(rows))
    assert set(read_reflections(path)[F.PARTICIPANT]) == {"K0", "K1", "K2"}


@pytest.mark.parametrize(
    ("header", "values", "cohort"),
    [
        ("Business Unit", ["Freight", "Stations", "Depots"], True),
        ("Which department are you in?", ["Finance", "Legal", "Estates"], True),
        ("Function", ["HR", "IT", "Finance"], True),
        ("Office", ["Bristol", "Leeds", "Cardiff"], True),
        ("Which office do you work from most?", ["Home", "Hub", "Depot"], True),
        ("School", ["Elm Grove Primary", "Northgate High", "Riverside Academy"], True),
        ("Coaching circle", ["Alder", "Birch", "Cedar"], True),
        ("Action learning set", ["Set 1", "Set 2", "Set 3"], True),
        ("Office equipment you were given", None, False),
        # A word inside another, a question about something else, numbers, answers.
        ("Which website helped most", ["Intranet", "Yammer", "Wiki"], False),
        ("Did your team meet its target", ["Yes", "No", "Yes"], False),
        ("Team size", ["5", "8", "12"], False),
        ("Teams you worked with", None, False),
        ("Was the workshop useful?", ["Yes", "No", "Yes"], False),
        ("Team size", ["Small", "Large", "Medium"], False),
    ],
)
def test_an_organisations_grouping_column_is_the_cohort(tmp_path, header, values, cohort):
    path = tmp_path / "export.csv"
    path.write_text(
        f"Participant ID,{header},What did you take away?\n"
        + "".join(
            f"P{i},{values[i % 3] if values else f'worked with the {i} ops crew on a rota'},"
            f"Talking to the director was easier than I thought it would be\n"
            for i in range(30)
        )
    )
    frame = read_reflections(path)
    assert set(frame[F.COHORT]) == (set(values) if cohort else {""})


def test_when_mapped_column_absent_then_error_lists_columns(tiny_csv):
    message = _error(tiny_csv, columns=ColumnMap(text=("Nope",)))
    assert "'Nope'" in message and "Participant ID" in message


def test_when_wrong_encoding_then_line_named_and_no_text_leaks(tmp_path):
    path = tmp_path / "latin.csv"
    path.write_bytes(
        "Participant ID,What worked?\nE1,caf\xe9 chat with S\xe9verine\n".encode("latin-1")
    )
    message = _error(path)
    assert "line 2" in message and "--encoding" in message
    assert "verine" not in message
    assert len(read_reflections(path, encoding="latin-1")) == 1


def test_when_a_file_is_utf16_with_its_mark_then_it_is_read_as_such(tmp_path):
    # Excel's "Unicode text" and some survey tools export UTF-16 with a byte-order mark.
    path = tmp_path / "unicode.txt"
    path.write_text("Participant ID\tWhat worked?\nE1\tcaf\xe9 chat\n", encoding="utf-16")
    assert read_reflections(path)[F.TEXT].tolist() == ["caf\xe9 chat"]


def test_when_duplicate_rows_then_error_names_both_rows(tiny_csv, tmp_path):
    lines = tiny_csv.read_text().splitlines()
    path = tmp_path / "dup.csv"
    path.write_text("\n".join([*lines, lines[5]]) + "\n")
    message = _error(path)
    assert f"row {len(lines) + 1}" in message and "repeats row 6 in every column" in message
    assert len(read_reflections(path, drop_duplicates=True)) == len(read_reflections(tiny_csv))


def test_when_one_person_gives_the_same_answer_in_two_submissions_then_both_are_kept(tmp_path):
    # A forms export: no session column, a response id and a time that tell submissions apart.
    path = tmp_path / "forms.csv"
    path.write_text(
        "ID,Completion time,Email,What could be improved?\n"
        "1,3/1/26 09:10,E1,No suggestions.\n"
        "2,3/8/26 09:12,E1,No suggestions.\n"
        "3,3/8/26 09:14,E2,More time for questions\n"
    )
    frame = read_reflections(path, columns=ColumnMap(participant="Email"))
    assert frame[F.TEXT].tolist() == [
        "No suggestions.",
        "No suggestions.",
        "More time for questions",
    ]


def test_when_cell_too_long_then_row_and_column_named(tiny_csv, tmp_path):
    table = pd.read_csv(tiny_csv, dtype=str)
    table.loc[4, "What worked well?"] = "word " * 5000
    path = tmp_path / "huge.csv"
    table.to_csv(path, index=False)
    message = _error(path, max_cell_chars=10_000)
    assert "row 6" in message and "'What worked well?'" in message


def test_when_participant_blank_then_row_named(tiny_csv, tmp_path):
    table = pd.read_csv(tiny_csv, dtype=str)
    table.loc[2, "Participant ID"] = ""
    path = tmp_path / "blank.csv"
    table.to_csv(path, index=False)
    assert "row 4" in _error(path)


def test_a_roster_without_an_id_column_is_read_with_a_warning(tmp_path, caplog):
    path = tmp_path / "roster.csv"
    path.write_text("name\nAnn Lee\n", encoding="utf-8")
    with caplog.at_level("WARNING", logger="reflect"):
        roster = read_roster(path)
    assert roster.ids == () and roster.names == ("Ann Lee",)
    assert "no id column" in caplog.text and "roster.csv" in caplog.text


def test_roster_reads_ids_names_and_nicknames(tmp_path):
    path = tmp_path / "roster.csv"
    path.write_text("participant_id,name,nickname\nE1,Rajesh Kumar,Raj\nE2,Ann Lee,\n")
    roster = read_roster(path)
    assert roster.ids == ("E1", "E2") and roster.names == ("Rajesh Kumar", "Ann Lee")
    assert roster.nicknames == ("Raj",)


@pytest.mark.parametrize(
    ("header", "found"),
    [
        ("Employee number,Full name", True),
        ("Staff No.,Employee name", True),
        ("ID,Name", True),
        ("Participant Ref,Name", True),
        ("EmpNo,Name", True),  # camel case: "emp" "no"
        ("StaffNumber,Name", True),
        ("Phone number,Name", False),  # a number, not the person's
        ("Postcode,Name", False),
    ],
)
def test_a_roster_s_id_and_name_columns_are_found_by_their_header_words(tmp_path, header, found):
    path = tmp_path / "roster.csv"
    path.write_text(f"{header}\nX123,Ann Lee\n", encoding="utf-8")
    roster = read_roster(path)
    assert roster.names == ("Ann Lee",)
    assert roster.ids == (("X123",) if found else ())


def _long_csv(tmp_path, header=("Person", "Question", "Answer"), questions=None, extra=None):
    """A long-format export: one row per answer, 8 people x 2 questions."""
    questions = questions or ["What went well today?", "What would you change?"]
    answers = [
        "the exercises were practical and short",
        "more time for questions at the end please",
        "the room was too warm after lunch",
        "clear slides and a good handout to keep",
    ]
    lines = [",".join(header + tuple(extra or ()))]
    for person in range(8):
        for i, question in enumerate(questions):
            cells = [f"P{person}", question, answers[(person + i) % 4] + f" ({person})"]
            cells += [f"x{person} note {i} with words" for _ in extra or ()]
            lines.append(",".join(cells))
    path = tmp_path / "long.csv"
    path.write_text("\n".join(lines) + "\n")
    return path


def test_when_an_export_is_long_format_then_questions_become_prompts(tmp_path):
    from reflect.ingest import describe_columns, read_export

    export = read_export(_long_csv(tmp_path))
    assert len(export.frame) == 16  # one reflection per answer, not per question wording
    assert set(export.frame[F.PROMPT]) == {"What went well today?", "What would you change?"}
    assert not export.frame[F.TEXT].str.contains("What went").any()
    assert export.columns["prompt"] == "Question" and export.columns["text"] == ["Answer"]
    assert export.columns["format"] == "long"
    assert "answers 'Answer' to the questions in 'Question'" in describe_columns(export.columns)
    assert export.questions is None  # a question nobody answered may have no row


def test_the_questions_an_export_asks_are_the_named_text_columns_answered_or_not(tmp_path):
    from reflect.ingest import read_export

    wide = tmp_path / "wide.csv"
    wide.write_text("Participant,What helped?,Any problems?\nP1,The pairing,\nP2,Notes,\n")
    named = read_export(wide, ColumnMap(text=("What helped?", "Any problems?")))
    assert set(named.frame[F.PROMPT]) == {"What helped?"}
    assert named.questions == ("What helped?", "Any problems?")
    # guessed from what was written in them, the answers decide which columns are questions
    assert read_export(wide).questions is None


def test_when_the_answer_column_is_ambiguous_then_refused_with_a_hint(tmp_path):
    path = _long_csv(tmp_path, extra=["Comment"])
    message = _error(path)
    assert "--text-column" in message and "'Answer'" in message and "'Comment'" in message
    frame = read_reflections(path, ColumnMap(text=("Answer",), prompt="Question"))
    assert len(frame) == 16 and set(frame[F.PROMPT]) == {
        "What went well today?",
        "What would you change?",
    }


def test_when_the_prompt_column_is_named_then_it_is_used_without_detection(tmp_path):
    path = _long_csv(tmp_path, header=("Person", "Item", "Response text"))
    frame = read_reflections(path, ColumnMap(prompt="Item", text=("Response text",)))
    assert set(frame[F.PROMPT]) == {"What went well today?", "What would you change?"}


def test_when_every_answer_is_blank_then_the_message_says_so(tmp_path):
    path = tmp_path / "blank.csv"
    path.write_text("Participant ID,What worked?,What was hard?\nE1,,\nE2, ,\n")
    message = _error(path)
    assert "every answer is blank" in message and "no text column" not in message


def test_when_a_data_frame_is_given_then_its_columns_are_mapped_like_a_file():
    from reflect.ingest import read_export

    table = pd.DataFrame(
        {
            "Employee ID": ["E1", "E2"],
            "Team": ["Sales", "Ops"],
            "Feedback on the course": ["the pace was right for me", "more examples please"],
        }
    )
    export = read_export(
        table, ColumnMap(participant="Employee ID", cohort="Team", text="Feedback on the course")
    )
    assert list(export.frame[F.COHORT]) == ["Sales", "Ops"]
    assert export.columns["participant"] == "Employee ID" and export.columns["format"] == "wide"


def test_when_a_column_repeats_a_few_titles_then_it_is_not_taken_for_answers(tmp_path):
    path = tmp_path / "w.csv"
    rows = ["Respondent,Department name,Comments"]
    for i in range(12):
        dept = "Human Resources" if i % 2 else "Finance and Planning"
        rows.append(f"R{i},{dept},answer number {i} about the course content")
    path.write_text("\n".join(rows) + "\n")
    frame = read_reflections(path)
    assert set(frame[F.PROMPT]) == {"Comments"}


def test_when_headers_hold_odd_spaces_then_the_columns_line_reads_as_the_sheet_does():
    from reflect.ingest import describe_columns

    line = describe_columns({"participant": "ID", "text": ["What\xa0went well?"], "prompt": None})
    assert line == "columns: participant 'ID'; answers in 'What went well?' (one prompt); " + (
        "no role or session or cohort column"
    )


def test_a_header_naming_a_participant_is_not_quoted_in_the_columns_line():
    from reflect.ingest import describe_columns

    columns = {"participant": "ID", "text": ["What will you change?", "Anything for Tomasz Kral?"]}
    line = describe_columns(columns, names=["Tomasz Kral", "Will Cole"])
    assert "Tomasz" not in line and "Kral" not in line
    assert "'What will you change?'" in line  # "will" in lower case names nobody


@pytest.mark.parametrize("writer", ["Student", "Learner ID", "Trainee", "Coachee"])
def test_education_and_coaching_headers_name_the_writer(tmp_path, writer):
    path = _long_csv(tmp_path, header=(writer, "Question", "Answer"))
    frame = read_reflections(path)
    assert set(frame[F.PARTICIPANT]) == {f"P{p}" for p in range(8)}


def test_a_lecture_or_module_column_is_the_session(tmp_path):
    path = tmp_path / "lectures.csv"
    lines = ["Learner,Lecture,What was most interesting?"]
    lines += [f"L{p},{p % 3 + 1},the worked example on circuits ({p})" for p in range(9)]
    path.write_text("\n".join(lines) + "\n")
    assert set(read_reflections(path)[F.SESSION]) == {"1", "2", "3"}


@pytest.mark.parametrize("header", ["Check-in", "Checkpoint", "Touchpoint", "Sprint"])
def test_a_check_in_column_is_the_session_though_a_question_names_it_too(tmp_path, header):
    # (and "Check-in date" is when, "Checking notes" what someone wrote: neither is a session)
    path = tmp_path / "check_ins.csv"
    lines = [f"Participant ID,{header},What did you take from this {header.lower()}?"]
    lines += [f"P{p},{header} {p % 3 + 1},make the call and stick to it ({p})" for p in range(9)]
    path.write_text("\n".join(lines) + "\n")
    frame = read_reflections(path)
    assert set(frame[F.SESSION]) == {f"{header} {n}" for n in (1, 2, 3)}
    assert set(frame[F.PROMPT]) == {f"What did you take from this {header.lower()}?"}


@pytest.mark.parametrize(
    ("workshop", "sessions", "cohorts"),
    [
        (lambda p: str(p % 4 + 1), {"1", "2", "3", "4"}, {"Spring"}),  # numbered: sessions
        (lambda p: f"Workshop {'AB'[p % 2]}", {""}, {"Workshop A", "Workshop B"}),  # named
    ],
)
def test_a_numbered_workshop_column_is_the_session_and_a_named_one_a_cohort(
    tmp_path, workshop, sessions, cohorts
):
    path = tmp_path / "workshops.csv"
    cohort = "Cohort," if "Spring" in cohorts else ""
    lines = [f"Email,{cohort}Workshop,What will you do differently?"]
    lines += [f"p{p}@x.org,{'Spring,' if cohort else ''}{workshop(p)},delegate more ({p})"
              for p in range(8)]  # fmt: skip
    path.write_text("\n".join(lines) + "\n")
    frame = read_reflections(path)
    assert set(frame[F.SESSION]) == sessions and set(frame[F.COHORT]) == cohorts


def test_a_header_about_the_writer_holding_answers_is_not_the_writer(tmp_path):
    # "Student comments" is what students wrote, not who they are.
    path = tmp_path / "comments.csv"
    lines = ["Student ID,Student comments"]
    lines += [f"S{p},the labs were useful and well paced ({p})" for p in range(6)]
    path.write_text("\n".join(lines) + "\n")
    frame = read_reflections(path)
    assert frame[F.PARTICIPANT].tolist() == [f"S{p}" for p in range(6)]
    assert set(frame[F.PROMPT]) == {"Student comments"}


def test_a_question_whose_answers_are_a_few_repeated_choices_is_not_analysed(tmp_path, caplog):
    # "Which workshop did you attend?" is asked like a question, but its values are the
    # choices of a form: grouping, not writing. Repeated "No" answers are still answers.
    path = tmp_path / "form.csv"
    lines = ["Email,Which workshop did you attend?,What could be improved?,Anything else?"]
    workshops = ["Coaching basics", "Leading change", "Feedback skills"]
    for p in range(12):
        lines.append(
            f"p{p}@example.org,{workshops[p % 3]},more time for the role play please ({p}),"
            "No thanks all good"
        )
    path.write_text("\n".join(lines) + "\n")
    frame = read_reflections(path)
    assert set(frame[F.PROMPT]) == {"What could be improved?", "Anything else?"}
    # ...and, asking which workshop, it says how people are grouped
    assert set(frame[F.COHORT]) == set(workshops)


def test_a_question_of_a_few_repeated_choices_naming_no_group_is_not_analysed(tmp_path, caplog):
    path = tmp_path / "form.csv"
    lines = ["Email,What format did you prefer?,What could be improved?"]
    for p in range(12):
        lines.append(f"p{p}@example.org,{['Online', 'In person'][p % 2]},more role play ({p})")
    path.write_text("\n".join(lines) + "\n")
    frame = read_reflections(path)
    assert set(frame[F.PROMPT]) == {"What could be improved?"}
    assert "'What format did you prefer?' holds a few repeated choices" in caplog.text


def test_a_qualtrics_export_is_read_by_its_question_texts(tmp_path):
    # Short ids as headers, the questions in the first row, {"ImportId": ...} in the second;
    # contact columns beside the answers, and a "User Language" that is nobody's id.
    path = tmp_path / "qualtrics.csv"
    lines = [
        "ResponseId,RecipientEmail,UserLanguage,Q1,Q2_TEXT",
        "Response ID,Recipient Email,User Language,Which cohort are you in?,What did you learn?",
        '"{""ImportId"":""_recordId""}","{""ImportId"":""recipientEmail""}",'
        '"{""ImportId"":""userLanguage""}","{""ImportId"":""QID1""}","{""ImportId"":""QID2_TEXT""}"',
    ]
    for p in range(8):
        lines.append(
            f"R_{p},p{p}@example.org,EN,{['Spring', 'Autumn'][p % 2]},to delegate more ({p})"
        )
    path.write_text("\n".join(lines) + "\n")
    frame = read_reflections(path)
    assert set(frame[F.PROMPT]) == {"What did you learn?"}
    assert set(frame[F.COHORT]) == {"Spring", "Autumn"}
    assert frame[F.PARTICIPANT].nunique() == 8 and frame[F.PARTICIPANT].str.contains("@").all()
    assert frame[F.ROW].tolist()[:2] == [4, 5]  # rows keep their line numbers in the file


def _read_lines(tmp_path, header: str, rows: list[str]):
    path = tmp_path / "export.csv"
    path.write_text("\n".join([header, *rows]) + "\n")
    return read_reflections(path)


def test_a_header_naming_a_group_word_and_holding_answers_is_answers(tmp_path):
    # "Module feedback" is what people wrote about the module, not which module they took.
    rows = [f"L{p},clear examples and a good pace in the labs ({p}),{p % 3 + 1}" for p in range(9)]
    frame = _read_lines(tmp_path, "Learner,Module feedback,Module", rows)
    assert set(frame[F.SESSION]) == {"1", "2", "3"}
    assert set(frame[F.PROMPT]) == {"Module feedback"}


def test_a_surveymonkey_export_is_read_with_one_header_per_column(tmp_path):
    # Questions in the header, then "Response" / "Open-Ended Response" or a choice under each
    # column (a multiple-choice question's other columns have a blank header).
    path = tmp_path / "surveymonkey.csv"
    lines = [
        "Respondent ID,Start Date,Which track did you take?,,What was most useful?",
        ",,Leadership,Other (please specify),Open-Ended Response",
    ]
    for p in range(8):
        lines.append(f"{1000 + p},03/01/2026,Leadership,,the peer coaching triads ({p})")
    path.write_text("\n".join(lines) + "\n")
    frame = read_reflections(path)
    assert set(frame[F.PROMPT]) == {"What was most useful?"}
    assert frame[F.PARTICIPANT].nunique() == 8
    assert frame[F.ROW].tolist()[0] == 3


def test_a_column_holding_only_roles_is_the_role_whatever_its_header(tmp_path):
    # A form asks "I am a..." and people pick Mentor or Mentee: those are roles; a column of
    # departments or sites, as repeated, is not.
    path = tmp_path / "form.csv"
    lines = ["Respondent,I am a...,Department,What did you talk about?"]
    for p in range(12):
        role = ["Mentor", "Mentee"][p % 2]
        lines.append(f"r{p},{role},{['Finance', 'Estates'][p % 2]},rotations and exams ({p})")
    path.write_text("\n".join(lines) + "\n")
    frame = read_reflections(path)
    assert set(frame[F.ROLE]) == {"mentor", "mentee"}
    assert set(frame[F.PROMPT]) == {"What did you talk about?"}


def test_a_role_is_one_label_whatever_its_casing_and_keeps_the_capitals_inside_it(tmp_path):
    path = tmp_path / "export.csv"
    roles = ["HR business partner", "HR business partner", "hr business partner", "Mentor",
             "MENTOR ", "mentor", "IT Lead"]  # fmt: skip
    lines = ["id,person,Role,What worked?"]
    lines += [f"{n},p{n},{role},the rota planning helped ({n})" for n, role in enumerate(roles)]
    path.write_text("\n".join(lines) + "\n")
    frame = read_reflections(path)
    assert frame[F.ROLE].tolist() == ["HR business partner"] * 3 + ["mentor"] * 3 + ["IT Lead"]
    assert Filter.parse("role=hr business partner").labelled(frame).mask(frame).sum() == 3


def test_timestamps_and_numbers_a_survey_tool_wrote_are_not_answers(tmp_path):
    # "EndDate" has neither a date header word the date field looks for first nor short
    # repeated values: only its values say it is not what anyone wrote.
    path = tmp_path / "survey.csv"
    rows = [
        f"2025-03-0{d} 09:1{d}:00,2025-03-0{d} 09:2{d}:30,R_{d},{d}00{d}.5,"
        f"day {d} of shadowing helped"
        for d in range(1, 9)
    ]
    path.write_text("StartDate,EndDate,ResponseId,Duration,What helped most?\n" + "\n".join(rows))
    frame = read_reflections(path, ColumnMap(participant="ResponseId"))
    assert set(frame[F.PROMPT]) == {"What helped most?"}
    # ...while answers that happen to include a date or a number still are.
    mixed = tmp_path / "mixed.csv"
    answers = ["May", "Monday", "2", "the May session ran over", "more time on 3 March"]
    answers += [f"week {n} was the best of the course" for n in range(5)]
    mixed.write_text("id,Comments\n" + "\n".join(f"p{n},{a}" for n, a in enumerate(answers)))
    frame = read_reflections(mixed, ColumnMap(participant="id"))
    assert set(frame[F.PROMPT]) == {"Comments"}


def test_a_check_in_date_is_no_session_and_checking_notes_are_answers(tmp_path):
    rows = [
        f"P{p},2026-0{p % 3 + 1}-01,we checked the rota twice this week ({p})" for p in range(9)
    ]
    frame = _read_lines(tmp_path, "Participant ID,Check-in date,Checking notes", rows)
    assert set(frame[F.SESSION]) == {""} and set(frame[F.PROMPT]) == {"Checking notes"}


@pytest.mark.parametrize(
    ("session", "cohort", "nouns"),
    [
        ("Check-in", "Region", {"session": "check-in", "cohort": "region"}),
        ("Check in no.", "Group", {"session": "check-in", "cohort": "group"}),
        ("Lecture", "Cohort", {"session": "lecture", "cohort": "cohort"}),
    ],
)
def test_a_session_and_a_cohort_are_called_as_their_headers_name_them(session, cohort, nouns):
    from reflect.ingest import group_nouns

    assert group_nouns({"session": session, "cohort": cohort}) == nouns


def test_an_id_typed_in_another_case_or_with_other_separators_is_one_person(tmp_path):
    path = tmp_path / "export.csv"
    ids = ["RM-0553", "RM-0553", "rm0553", "RM-0554", "Jo.Lee@example.org", "jolee@example.org"]
    path.write_text(
        "Participant ID,What did you take away?\n"
        + "".join(
            f"{p},Talking to the director was easier than I expected {i}\n"
            for i, p in enumerate(ids)
        )
    )
    export = read_export(path)
    assert export.frame[F.PARTICIPANT].tolist() == [
        "RM-0553",
        "RM-0553",
        "RM-0553",
        "RM-0554",
        "Jo.Lee@example.org",
        "jolee@example.org",
    ]  # an e-mail's dots tell people apart
    assert export.ids_typed_apart == 1


def test_an_id_typed_short_or_without_its_prefix_is_the_id_of_that_number():
    from reflect.ingest.rows import participant_ids

    ids = pd.Series(["L0412", "L0412", "L412", "0412", "L0413", "L0414", "L0099", "L99"])
    assert participant_ids(ids).tolist() == [
        "L0412", "L0412", "L0412", "L0412", "L0413", "L0414", "L0099", "L0099",
    ]  # fmt: skip
    # no id of that number in the export, or no common shape: left as typed
    assert participant_ids(pd.Series(["L0412", "L0413", "L7"])).tolist()[-1] == "L7"
    assert participant_ids(pd.Series(["A1", "BB22", "CCC333", "22"])).tolist()[-1] == "22"


def test_a_learning_platforms_learner_type_is_the_role(tmp_path):
    path = tmp_path / "lms.csv"
    path.write_text(
        "learner_id,learner_type,What will you do differently on shift?\n"
        + "".join(
            f"L{i:04d},{'Facilitator' if i % 5 == 0 else 'Delegate'},"
            "Debrief the crew after every difficult job\n"
            for i in range(20)
        )
    )
    frame = read_reflections(path)
    assert set(frame[F.ROLE]) == {"delegate", "facilitator"}


def test_ids_of_two_shapes_in_equal_numbers_are_left_as_typed():
    from reflect.ingest.rows import participant_ids

    # no shape most ids share: which is "the" shape would turn on set order
    ids = pd.Series(["A0412", "A0413", "B12", "B13", "412"])
    assert participant_ids(ids).tolist() == ["A0412", "A0413", "B12", "B13", "412"]
