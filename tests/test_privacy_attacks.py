"""Issue 14, attacked the way a curious analyst with the export and the tool would: group
values printed verbatim, tiny programmes, re-runs / filters / reviews / compare set against
each other, and numbers released under DP. Each test is one class of attack."""

from __future__ import annotations

import json
import random

import duckdb
import numpy as np
import pytest
from attacks import (
    KEY,
    PROMPTS,
    TOPICS,
    K,
    counts_of,
    frame_of,
    ledger,
    person,
    printable,
    programme,
    small_differences,
    themes_of,
)
from scan import numbers_in

from reflect import frames as F
from reflect.errors import DisclosureRefused, InputError
from reflect.privacy import Filter, disclose
from reflect.review import Review, apply_review, emerging_ref
from reflect.review.apply import check_review_moves, review_with_moves
from reflect.themes.model import Phrase, Theme


def report(rows, themes=None, **options) -> dict:
    frame = frame_of(rows)
    options.setdefault("printable", printable)
    safe = disclose(themes or themes_of(frame), frame, K, **options)
    return safe.to_dict()


def printed(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False)


# -- group values ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("column", "value"),
    [
        (F.COHORT, "Cohort A (Helen Marsh - on sick leave)"),
        (F.ROLE, "mentee - pregnant, returning Jan"),
        (F.SESSION, "3 - Helen off sick (cancer)"),
        (F.PROMPT, "Anything for Helen Marsh?"),
    ],
)
def test_a_group_value_held_by_one_person_is_never_printed(column, value):
    rows = programme(40)
    rows += [dict(r, **{column: value}) for r in person("P-999", "mentor", "Cohort A", ["hybrid"])]
    data = report(rows)
    assert value not in printed(data) and "Helen" not in printed(data)
    pooled = {F.ROLE: "other roles", F.COHORT: "other cohorts", F.SESSION: "other sessions"}
    pooled[F.PROMPT] = "other prompts"
    assert pooled[column] in data[f"participants_by_{column}"]


@pytest.mark.parametrize(
    "value", ["Team of Priya Shah", "Returners after maternity leave", "Staff on long-term sick"]
)
def test_a_group_value_shared_by_k_people_but_naming_a_person_or_topic_is_pooled(value):
    rows = programme(40)
    for i in range(6):
        rows += person(f"P-9{i:02d}", "mentor", value, ["hybrid", "tools"])
    data = report(rows)
    assert value not in printed(data)
    assert data["participants_by_cohort"]["other cohorts"] == 6


def test_a_one_person_programme_is_refused_without_naming_its_groups():
    rows = person("P-001", "mentee - pregnant", "Cohort of one", ["hybrid", "tools"])
    with pytest.raises(DisclosureRefused, match="fewer than 5 participants") as refused:
        report(rows)
    assert "pregnant" not in str(refused.value) and "Cohort of one" not in str(refused.value)


def test_a_programme_with_fewer_than_k_in_every_role_and_cohort_is_refused():
    rows = []
    for i in range(8):  # four roles and four cohorts of two people each
        rows += person(f"P-{i}", f"role {i % 4}", f"cohort {i % 4}", ["hybrid", "tools"])
    with pytest.raises(DisclosureRefused, match="every role and every cohort"):
        report(rows)


def test_the_privacy_section_never_shows_a_count_below_k():
    from reflect.anonymise import RedactionStats

    stats = RedactionStats(160, 3, {"HANDLE": 4, "PERSON": 40, "EMAIL": 1}, 2)
    privacy = report(programme(40), redactions=stats)["privacy"]
    assert privacy["redactions"] == {"PERSON": 40}
    assert privacy["redacted_texts"] == {
        "texts": 160,
        "texts_with_redactions": None,
        "texts_with_quasi_identifiers": None,
    }


def test_redaction_counts_need_k_participants_not_k_spans():
    # One person's five ages are five spans and one person (red team, 4 December 2026).
    from reflect.anonymise import RedactionStats

    stats = RedactionStats(160, 12, {"AGE": 7, "PERSON": 40}, 6, {"AGE": 1, "PERSON": 22}, 4, 6)
    privacy = report(programme(40), redactions=stats)["privacy"]
    assert privacy["redactions"] == {"PERSON": 40}
    assert privacy["redacted_texts"]["texts_with_redactions"] is None  # 12 answers, 4 people
    assert privacy["redacted_texts"]["texts_with_quasi_identifiers"] == 6


def test_the_anonymise_stage_counts_the_people_behind_each_redaction_label():
    import pandas as pd

    from reflect.anonymise import anonymise
    from reflect.anonymise.analyzer import model_free_recognizers

    rows = [("P1", "mail me at a.b@example.org or c.d@example.org"), ("P2", "ring 07700 900123"),
            ("P1", "or e.f@example.org")]  # fmt: skip
    frame = pd.DataFrame({F.ROW: [2, 3, 4], F.PARTICIPANT: [p for p, _ in rows], F.ROLE: "",
                          F.SESSION: "", F.COHORT: "", F.DATE: "", F.PROMPT: "What worked?",
                          F.TEXT: [t for _, t in rows]})  # fmt: skip
    _, stats = anonymise(frame, None, KEY, recognizer_names=model_free_recognizers())
    assert stats.by_label["EMAIL"] == 3 and stats.people_by_label["EMAIL"] == 1
    assert stats.people_with_redactions == 2


# -- prompts as a dimension --------------------------------------------------------------------


def test_prompts_are_a_breakdown_counted_and_suppressed_like_sessions():
    rows = [  # ten people skipped each prompt; one answered a prompt of their own
        r
        for r in programme(40)
        if not (int(r[F.PARTICIPANT][2:]) < 10 and r[F.PROMPT] == "What was hard?")
        and not (int(r[F.PARTICIPANT][2:]) >= 30 and r[F.PROMPT] == "What worked?")
    ]
    rows += [dict(r, **{F.PROMPT: "Rarely answered?"}) for r in person("P-9", "mentor", "Cohort A",
                                                                        ["hybrid"])]  # fmt: skip
    data = report(rows)
    by_prompt = data["participants_by_prompt"]
    assert set(by_prompt) == {"What worked?", "What was hard?", "other prompts"}
    assert by_prompt["other prompts"] is None  # one person: hidden, and pooled
    # People answer several prompts: prompt cells add up to more than the total.
    assert sum(v for v in by_prompt.values() if v) > data["n_participants"]
    hybrid = next(t for t in data["themes"] if t["id"] == "hybrid")
    assert set(hybrid["by_prompt"]) == set(by_prompt)
    assert all(v is None or v >= K for v in hybrid["by_prompt"].values())


# -- counts near their group total ---------------------------------------------------------------


def test_a_count_that_leaves_out_fewer_than_k_of_its_group_is_not_exact():
    rows = programme(40)
    frame = frame_of(rows)
    mentees = set(frame.loc[frame[F.ROLE] == "mentee", F.PARTICIPANT])
    mentors = set(frame.loc[frame[F.ROLE] == "mentor", F.PARTICIPANT])
    almost = sorted(mentees)[1:] + sorted(mentors)[:10]  # every mentee but one: "19 of 20"
    members = [i for i, p in enumerate(frame[F.PARTICIPANT]) if p in almost]
    everyone = [i for i in range(len(frame)) if frame[F.PARTICIPANT][i] != "P-000"]
    themes = [Theme("almost", "Almost all mentees", "taxonomy", members=members),
              Theme("everyone", "All but one", "taxonomy", members=everyone)]  # fmt: skip
    data = report(rows, themes)
    by_id = {t["id"]: t for t in data["themes"]}
    assert by_id["almost"]["by_role"]["mentee"] is None
    assert by_id["everyone"]["participants"] is None  # 39 of 40


# -- the release ledger: re-runs, filters, reviews ------------------------------------------------


@pytest.mark.parametrize("change", ["withdrawal", "late joiner"])
def test_a_re_run_on_an_export_differing_by_one_person_is_refused(change):
    book = ledger()
    rows = programme(40)
    first = report(rows, ledger=book)
    if change == "withdrawal":
        second_rows = [r for r in rows if r[F.PARTICIPANT] != "P-007"]
    else:
        second_rows = rows + person("P-100", "mentor", "Cohort B", ["senior", "career"])
    with pytest.raises(DisclosureRefused, match="differ"):
        report(second_rows, ledger=book)
    assert counts_of(first)  # the first report was fine on its own


def test_new_ids_on_the_same_answers_are_the_same_people_so_a_withdrawal_is_still_refused():
    # The id column is the analyst's: everyone but the target under a new id would be 39 new
    # people to a ledger keyed on ids alone, and the report their exact difference.
    book = ledger()
    rows = programme(40)
    report(rows, ledger=book)
    rekeyed = [
        dict(r, **{F.PARTICIPANT: r[F.PARTICIPANT] + "-2"})
        for r in rows
        if r[F.PARTICIPANT] != "P-007"
    ]
    with pytest.raises(DisclosureRefused, match="differ"):
        report(rekeyed, ledger=book)
    # ...while the same people under new ids, all of them, are the same report again.
    again = [dict(r, **{F.PARTICIPANT: r[F.PARTICIPANT] + "-2"}) for r in rows]
    assert counts_of(report(again, ledger=book)) == counts_of(report(rows, ledger=book))


@pytest.mark.parametrize("short", [False, True])
def test_new_ids_and_a_fake_participant_copying_every_answer_still_leave_a_withdrawal(short):
    # The fake makes no answer anyone's own (two writers each), but everyone still repeats
    # their own answers; and answers of two or three words are someone's too.
    rows = programme(40)
    if short:
        rows = [dict(r, **{F.TEXT: r[F.TEXT].split(" (")[0].split()[-1] + " " + r[F.PARTICIPANT]})
                for r in rows]  # fmt: skip
    book = ledger()
    report(rows, themes_of(frame_of(programme(40))), ledger=book)
    rest = [dict(r, **{F.PARTICIPANT: r[F.PARTICIPANT] + "-B"}) for r in rows
            if r[F.PARTICIPANT] != "P-007"]  # fmt: skip
    fake = [dict(r, **{F.PARTICIPANT: "Z"}) for r in rest]
    with pytest.raises(DisclosureRefused, match="differ"):
        report(rest + fake, themes_of(frame_of(programme(40))[:0]), ledger=book)


def test_people_whose_every_answer_is_everyone_s_are_known_by_their_set_of_answers():
    # Short answers from a common stock ("Good session", "Bit rushed"): no answer is anyone's
    # own, but each person's set of them is.
    stock = ["Good session", "Bit rushed", "Time flew", "Useful advice", "Too short", "All good"]
    rows = programme(40)
    for n, r in enumerate(rows):
        if int(r[F.PARTICIPANT][2:]) < 12:  # twelve such people
            first, second = divmod(int(r[F.PARTICIPANT][2:]) + 3 * (n % 2), 6)
            r[F.TEXT] = f"{stock[first % 6]}. {stock[second]}"
    book = ledger()
    report(rows, ledger=book)
    rekeyed = [dict(r, **{F.PARTICIPANT: r[F.PARTICIPANT] + "-2"}) for r in rows
               if r[F.PARTICIPANT] != "P-020"]  # fmt: skip
    with pytest.raises(DisclosureRefused, match="differ"):
        report(rekeyed, ledger=book)


@pytest.mark.parametrize("moved", [F.SESSION, F.PROMPT, F.ROLE])
def test_one_answer_moved_to_another_place_is_a_changed_person(moved):
    # The same words after another session (or question, or in another role): the session
    # cells that moved would name the themes that one answer was counted in.
    book = ledger()
    rows = programme(40)
    report(rows, ledger=book)
    theirs = [i for i, r in enumerate(rows) if r[F.PARTICIPANT] == "P-007"]
    target = theirs if moved == F.ROLE else theirs[:1]  # (a person has one role: their own)
    other = {F.SESSION: "5", F.PROMPT: PROMPTS[1], F.ROLE: "sponsor"}[moved]
    edited = [dict(r, **{moved: other}) if i in target else r for i, r in enumerate(rows)]
    with pytest.raises(DisclosureRefused, match="new or wrote something different"):
        report(edited, ledger=book)


def test_the_same_report_again_after_an_export_that_changed_k_people_is_not_refused():
    # An updated export (eight people's answers changed) is reported with the counts that
    # moved withheld; the same command again was refused as if a review had moved them.
    book = ledger()
    rows = programme(40)
    report(rows, ledger=book)
    changed = {f"P-{i:03d}" for i in range(8)}
    edited = [dict(r, **{F.TEXT: TOPICS["career"] + " " + r[F.PARTICIPANT]})
              if r[F.PARTICIPANT] in changed else r for r in rows]  # fmt: skip
    first = report(edited, ledger=book)
    second = report(edited, ledger=book)
    for data in (first, second):
        data["privacy"].pop("release"), data["privacy"].pop("generated_at")
    assert first == second


def test_one_answer_with_its_punctuation_changed_is_a_changed_person():
    # Sentences are what themes are found in: full stops dropped from one answer moved it
    # out of two cells, which were withheld while nobody counted as changed (red team).
    book = ledger()
    rows = programme(40)
    report(rows, ledger=book)
    target = next(i for i, r in enumerate(rows) if r[F.PARTICIPANT] == "P-007")
    edited = [dict(r, **{F.TEXT: r[F.TEXT].replace(" (", ". (")}) if i == target else r
              for i, r in enumerate(rows)]  # fmt: skip
    with pytest.raises(DisclosureRefused, match="new or wrote something different"):
        report(edited, ledger=book)


def test_one_person_s_answer_changed_cannot_be_read_from_which_counts_are_withheld():
    # Same participants, the target's answers edited: the counts that moved are the target's.
    book = ledger()
    rows = programme(40)
    report(rows, ledger=book)
    edited = [
        dict(r, **{F.TEXT: TOPICS["career"] + " (edited)"}) if r[F.PARTICIPANT] == "P-007" else r
        for r in rows
    ]
    with pytest.raises(DisclosureRefused, match="new or wrote something different"):
        report(edited, ledger=book)
    # ...and so is any such report, whatever moved, or the refusal would answer "was the
    # changed answer in this theme?" asked with every other theme hidden, theme by theme.
    neutral = [
        dict(r, **{F.TEXT: r[F.TEXT] + " again"}) if r[F.PARTICIPANT] == "P-007" else r
        for r in rows
    ]
    hidden = [t for t in themes_of(frame_of(neutral)) if t.id == "hybrid"]
    with pytest.raises(DisclosureRefused, match="new or wrote something different"):
        report(neutral, hidden, ledger=book)
    # ...while k people's new answers (a later session) move counts as any programme does.
    later = list(rows)
    for i in range(K):
        later += person(f"P-{i:03d}", "mentee" if i % 2 == 0 else "mentor", "Cohort A",
                        ["tools", "career"], sessions=("3",))  # fmt: skip
    assert report(later, ledger=book)["n_participants"] == 40


def test_an_identical_re_run_shows_the_same_numbers():
    book = ledger()
    first, second = report(programme(40), ledger=book), report(programme(40), ledger=book)
    assert counts_of(first) == counts_of(second)


def test_a_re_run_with_k_late_joiners_shows_no_count_that_moved_by_fewer_than_k():
    book = ledger()
    rows = programme(40)
    first = report(rows, ledger=book)
    joined = list(rows)
    for i, topics in enumerate([["hybrid", "career"]] * 3 + [["tools", "senior"]] * 3):
        joined += person(f"P-2{i:02d}", ["mentee", "mentor"][i % 2], "Cohort A", topics)
    second = report(joined, ledger=book)
    assert second["n_participants"] == 46
    assert not small_differences(first, second)


def test_overlapping_session_filters_cannot_be_subtracted():
    rows = []  # everyone wrote after session 3; 40 after session 5; 8 after session 1, of
    for i in range(50):  # whom 3 did not write after session 5
        sessions = ["3"] + ["5"] * (i < 40) + ["1"] * (35 <= i < 43)
        rows += person(f"P-{i:03d}", "mentor" if i % 2 else "mentee", "A", ["hybrid"], sessions)
    book = ledger()
    wide = report(rows, filter=Filter.parse("session=1,5"), ledger=book)
    assert wide["n_participants"] == 43
    with pytest.raises(DisclosureRefused):  # 40 of them: three people apart
        report(rows, filter=Filter.parse("session=5"), ledger=book)


def test_a_split_on_a_phrase_and_on_that_phrase_plus_a_rare_word_cannot_be_subtracted():
    rows = programme(60)  # and one person who wrote about seniority with a rare word
    rows += [dict(r, **{F.TEXT: "it was odd to coach someone with an allotment " + r[F.SESSION]})
             for r in person("P-ALL", "mentor", "Cohort B", ["senior"])]  # fmt: skip
    frame = frame_of(rows)
    book = ledger()
    reviewed = []
    for phrases in (["senior"], ["senior", "allotment"]):
        review = Review()
        review.split("senior", phrases, "About seniority")
        reviewed.append(apply_review(themes_of(frame), review, frame))
    report(rows, reviewed[0], ledger=book)
    # The same answers, only the review differs: counts that moved by one are that one
    # writer's, and even withheld they would show which cells hold them. Refused.
    with pytest.raises(DisclosureRefused, match="differ by fewer than"):
        report(rows, reviewed[1], ledger=book)


def test_a_split_on_one_persons_rare_word_is_refused_whatever_the_view():
    # Filtered views withheld the moved count only in the writer's cohort's view, which
    # named the cohort; decided on the whole programme, every view refuses alike.
    rows = programme(60)
    rows += [dict(r, **{F.TEXT: "it was odd to coach someone with an allotment " + r[F.SESSION]})
             for r in person("P-ALL", "mentor", "Cohort B", ["senior"])]  # fmt: skip
    frame = frame_of(rows)
    review = Review()
    review.split("senior", ["allotment"], "Allotments")
    with pytest.raises(DisclosureRefused, match="fewer than 5 participants"):
        apply_review(themes_of(frame), review, frame, 5)
    review = Review()
    review.split("hybrid", ["office days"], "Office days")  # many wrote it: allowed
    assert apply_review(themes_of(frame), review, frame, 5)


def test_a_split_on_one_persons_rare_word_is_refused_for_a_theme_it_would_not_move_too():
    # Theme by theme, "refused" for the writer's themes and "unchanged" for the rest told
    # which themes their one answer had been given (red team, 4 December 2026).
    rows = programme(60)
    rows += [dict(r, **{F.TEXT: "it was odd to coach someone with an allotment " + r[F.SESSION]})
             for r in person("P-ALL", "mentor", "Cohort B", ["senior"])]  # fmt: skip
    frame = frame_of(rows)
    for theme in ("senior", *sorted(t for t in TOPICS if t != "senior")):
        review = Review()
        review.split(theme, ["allotment"], "Allotments")
        with pytest.raises(DisclosureRefused, match="fewer than 5 participants wrote"):
            apply_review(themes_of(frame), review, frame, 5)


def _split(rows: list[dict], theme: str, phrases: list[str]):
    frame = frame_of(rows)
    review = Review()
    review.split(theme, phrases, "Allotments")
    return review_with_moves(themes_of(frame), review, frame)


def _with_word(rows: list[dict], word: str) -> list[dict]:
    return [dict(r, **{F.TEXT: f"{r[F.TEXT]} and the {word}"}) for r in rows]


def test_a_withdrawal_is_refused_by_the_ledger_before_a_split_is_judged():
    # Without one of the five who wrote a split's phrase, the split's own refusal came first
    # ("fewer than 5 wrote it"); without anyone else, the ledger's: the message told whether
    # the withdrawn person wrote it (red team, stop 38).
    writers = _with_word(
        [r for i in range(5) for r in person(f"P-R{i}", "mentor", "Cohort B", ["senior"])],
        "allotment",
    )
    rows, book = programme(60) + writers, ledger()
    themes, moves = _split(rows, "senior", ["allotment"])
    assert report(rows, themes, ledger=book, review_moves=moves)
    for gone in ("P-R0", "P-000"):  # a writer of the phrase; someone who did not write it
        fewer = [r for r in rows if r[F.PARTICIPANT] != gone]
        themes, moves = _split(fewer, "senior", ["allotment"])
        with pytest.raises(DisclosureRefused, match="participants differ"):
            report(fewer, themes, ledger=book, review_moves=moves)


@pytest.mark.parametrize("writer_topic", ["hybrid", "career"])
def test_a_common_phrase_beside_one_persons_word_is_judged_phrase_by_phrase(writer_topic):
    # "adhd" beside "none" passed as a phrase 7 people wrote, then the theme it moved by one
    # was named (red team, stop 38). Each phrase alone: the same refusal, whichever theme
    # the one writer's answer is in.
    rows = programme(60) + _with_word(person("P-X", "mentor", "Cohort B", [writer_topic]), "dahlia")
    themes, moves = _split(rows, "hybrid", ["odd", "dahlia"])
    with pytest.raises(DisclosureRefused, match="on 'dahlia', which fewer than 5 participants"):
        check_review_moves(moves, 5)


def test_a_split_phrase_moving_none_of_a_themes_people_is_refused_as_one_moving_a_few():
    # "odd" (every seniority answer) is in no hybrid answer: moving none must read as moving
    # a few, or the refusal tells which.
    themes, moves = _split(programme(60), "hybrid", ["hybrid", "odd"])
    with pytest.raises(DisclosureRefused, match="on 'odd', which fewer than 5 of its"):
        check_review_moves(moves, 5)
    themes, moves = _split(programme(60), "hybrid", ["office days"])
    check_review_moves(moves, 5)  # a phrase many of the theme's people wrote


def _with_a_small_theme(frame) -> list[Theme]:
    # "tiny": three people, two of them outside career (code review, stop 38)
    themes = themes_of(frame)
    career = next(t for t in themes if t.id == "career")
    inside = set(frame[F.PARTICIPANT].iloc[career.members])
    outside = list(dict.fromkeys(p for p in frame[F.PARTICIPANT] if p not in inside))[:2]
    first = [next(i for i, p in enumerate(frame[F.PARTICIPANT]) if p == who) for who in outside]
    return [*themes, Theme("tiny", "Tiny", "taxonomy", members=[*first, career.members[0]])]


@pytest.mark.parametrize("check", ["review", "ledger"])
def test_a_merge_named_by_a_small_theme_moves_the_large_one_and_is_refused(check):
    # Merging ["tiny", "career"] kept the small theme's id: judged against it alone it moved
    # by 27, and the full report was written with career 2 people larger (code review).
    rows, book = programme(60), ledger()
    frame = frame_of(rows)
    report(rows, _with_a_small_theme(frame), ledger=book)
    review = Review()
    review.merge(["tiny", "career"], "Career+")
    merged, moves = review_with_moves(_with_a_small_theme(frame), review, frame)
    with pytest.raises(DisclosureRefused, match="differ by fewer than|moves “Career”"):
        if check == "review":
            check_review_moves(moves, 5)
        else:  # the ledger alone: a theme with no releases of its own, near a released one
            report(rows, merged, ledger=book)


def test_a_split_leaving_a_few_of_its_theme_outside_is_refused():
    rows = programme(60)
    for who in ("P-Y1", "P-Y2"):  # hybrid, without the phrase everyone else wrote
        rows += [dict(r, **{F.TEXT: r[F.TEXT].replace("office days and ", "")})
                 for r in person(who, "mentor", "Cohort A", ["hybrid", "tools"])]  # fmt: skip
    _, moves = _split(rows, "hybrid", ["office days"])
    with pytest.raises(DisclosureRefused, match="leaving fewer than 5"):
        check_review_moves(moves, 5)


def test_a_workspace_from_before_theme_scopes_keeps_rule_3_after_a_view():
    # Its first view after the upgrade stored only the mentors as the scope: one mentee moved
    # into a theme then passed in every report (code review, stop 38).
    rows, db = programme(60), duckdb.connect()
    report(rows, ledger=ledger(db))
    db.execute("DROP TABLE ledger_theme_scope")
    report(rows, ledger=ledger(db), filter=Filter.parse("role=mentor"))
    themes = _moved_into_career(rows, "mentee")
    for view in ("role=mentee", "cohort=Cohort A", None):
        with pytest.raises(DisclosureRefused, match="differ by fewer than"):
            report(rows, themes, ledger=ledger(db), filter=Filter.parse(view) if view else None)


def _rota_and_parking() -> tuple[list[dict], list[str]]:
    """Twelve hybrid writers add "rota"; four of them and one more add "parking"."""
    rows = programme(60)
    hybrid = sorted({r[F.PARTICIPANT] for r in rows if r[F.TEXT].startswith("we argued")})
    rota, parking = set(hybrid[:12]), {*hybrid[:4], hybrid[12]}
    for r in rows:
        if r[F.TEXT].startswith("we argued"):
            who = r[F.PARTICIPANT]
            words = [w for w, wrote in (("rota", rota), ("parking", parking)) if who in wrote]
            r[F.TEXT] += "".join(f" and the {w}" for w in words)
    return rows, hybrid


def _released_rota_split() -> tuple[list[dict], list[str], object]:
    """``_rota_and_parking``'s export, reported as it is and split on "rota", in one ledger."""
    rows, hybrid = _rota_and_parking()
    book = ledger()
    report(rows, ledger=book)
    themes, moves = _split(rows, "hybrid", ["rota"])
    assert report(rows, themes, ledger=book, review_moves=moves)
    return rows, hybrid, book


def test_a_split_child_equal_to_the_union_of_two_released_ones_is_refused():
    # Released on "rota" (12 people), then on "parking" (4 of them and one more), a split on
    # both was the first plus that one person and equal to the union of the releases: not
    # "moved", and the views withheld it only where the person was (red team, stop 38).
    rows, hybrid = _rota_and_parking()
    book = ledger()
    report(rows, ledger=book)
    for phrases in (["rota"], ["parking"]):
        themes, moves = _split(rows, "hybrid", phrases)
        assert report(rows, themes, ledger=book, review_moves=moves)
    frame, review = frame_of(rows), Review()
    review.split("hybrid", ["rota", "parking"], "Allotments")
    review.hide("hybrid")  # the parent, which would have moved by that one person too
    themes, moves = review_with_moves(themes_of(frame), review, frame)
    for view in ("role=mentor", "role=mentee", None):
        with pytest.raises(DisclosureRefused, match="differ by fewer than"):
            report(rows, themes, ledger=book, review_moves=moves,
                   filter=Filter.parse(view) if view else None)  # fmt: skip


def test_a_few_bystanders_edited_do_not_let_a_one_person_move_through():
    # A "!" added to five bystanders' answers made five people "changed", and rule 3's move
    # check ran only with nobody changed: a split on one more phrase, one person from the
    # released split, was written, and its views withheld it only where that person was
    # (red team, stop 38). Moves are judged among the people who did not change.
    rows, hybrid, book = _released_rota_split()
    bystanders = sorted({r[F.PARTICIPANT] for r in rows} - set(hybrid))[:5]
    edited = [dict(r, **{F.TEXT: r[F.TEXT] + "!"}) if r[F.PARTICIPANT] in bystanders else r
              for r in rows]  # fmt: skip
    themes, moves = _split(edited, "hybrid", ["rota", "parking"])
    with pytest.raises(DisclosureRefused, match="differ by fewer than"):
        report(edited, themes, ledger=book, review_moves=moves)
    themes, moves = _split(edited, "hybrid", ["rota"])  # the released split: nothing moved
    assert report(edited, themes, ledger=book, review_moves=moves)


def test_a_theme_hidden_when_a_generation_starts_keeps_its_releases():
    # Ten made-up rows made a new generation of released sets with career hidden; career's
    # sets were forgotten, and one mentee moved into it passed in every view (code review).
    rows, book = programme(60), ledger()
    report(rows, ledger=book, filter=Filter.parse("role=mentor"))
    rows += [r for i in range(10) for r in person(f"P-N{i}", "mentee", "Cohort B", ["tools"])]
    frame, review = frame_of(rows), Review()
    review.hide("career")
    hidden, moves = review_with_moves(themes_of(frame), review, frame)
    report(rows, hidden, ledger=book, review_moves=moves, filter=Filter.parse("role=mentor"))
    themes = _moved_into_career(rows, "mentee")
    for view in ("role=mentor", "role=mentee", None):
        with pytest.raises(DisclosureRefused, match="differ by fewer than"):
            report(rows, themes, ledger=book, filter=Filter.parse(view) if view else None)


def test_a_workspace_from_before_release_totals_keeps_them_past_its_next_release():
    rows, db, mentors = programme(60), duckdb.connect(), Filter.parse("role=mentor")
    report(rows, ledger=ledger(db), filter=mentors)
    db.execute("DROP TABLE ledger_theme_totals")  # as an older version left it
    themes, moves = _split(rows, "hybrid", ["office days"])
    report(rows, themes, ledger=ledger(db), review_moves=moves, filter=mentors)
    for view in ("role=mentor", "role=mentee", None):
        with pytest.raises(DisclosureRefused, match="differ by fewer than"):
            report(rows, _moved_into_career(rows, "mentee"), ledger=ledger(db),
                   filter=Filter.parse(view) if view else None)  # fmt: skip


def test_a_review_and_the_answers_changed_in_one_report_are_refused():
    # A doubled space in the answers of everyone who wrote the new split's phrase made its
    # one moved person "changed", so rule 3 ignored the move, and the views withheld the
    # cells that person was in (red team, stop 38): one or the other, not both at once.
    rows, hybrid, book = _released_rota_split()
    touched = [dict(r, **{F.TEXT: r[F.TEXT].replace("the parking", "the  parking")})
               for r in rows]  # fmt: skip
    themes, moves = _split(touched, "hybrid", ["rota", "parking"])
    with pytest.raises(DisclosureRefused, match="both the theme review"):  # (or the taxonomy)
        report(touched, themes, ledger=book, review_moves=moves, edits_changed=True)
    themes, moves = _split(touched, "hybrid", ["rota"])  # the released review, new answers
    assert report(touched, themes, ledger=book, review_moves=moves, edits_changed=False)
    themes, moves = _split(touched, "hybrid", ["rota", "parking"])  # then the review alone
    with pytest.raises(DisclosureRefused, match="differ by fewer than"):
        report(touched, themes, ledger=book, review_moves=moves, edits_changed=True)


def test_edits_are_one_digest_whatever_their_order_and_renames():
    from reflect.privacy.pins import edits_digest

    first, second = Review(), Review()
    first.split("hybrid", ["rota", "parking"], "Rotas")
    second.split("hybrid", ["parking", "rota"], "Rotas")
    second.renames["career"] = "Careers"
    assert edits_digest(first, KEY) == edits_digest(second, KEY) != edits_digest(Review(), KEY)
    from reflect.themes.taxonomy import TaxonomyTheme

    seeded = [TaxonomyTheme("rota", "Rotas", seeds=("shift swaps",))]
    reseeded = [TaxonomyTheme("rota", "Rotas", seeds=("shift swaps", "night shifts"))]
    assert edits_digest(first, KEY, seeded) != edits_digest(first, KEY, reseeded)


def test_a_theme_moved_by_one_answer_is_refused_in_every_view_as_in_the_full_report():
    # A taught answer forced into a theme: the full report was refused, but each view
    # withheld only its moved cells, so which views withheld them gave the writer's role and
    # session (red team, 4 December 2026).
    rows = programme(60)
    frame = frame_of(rows)
    book = ledger()
    report(rows, ledger=book)
    themes = themes_of(frame)
    career = next(t for t in themes if t.id == "career")
    outsider = next(
        i for i, p in enumerate(frame[F.PARTICIPANT])
        if p not in set(frame[F.PARTICIPANT].iloc[career.members])
    )  # fmt: skip
    career.members = sorted({*career.members, outsider})
    for view in ("role=mentor", "role=mentee", "session=1", "session=2", None):
        with pytest.raises(DisclosureRefused, match="differ by fewer than"):
            report(rows, themes, ledger=book, filter=Filter.parse(view) if view else None)
    assert report(rows, ledger=book, filter=Filter.parse("role=mentor"))  # unmoved: a view


def test_a_view_released_before_an_edit_is_no_pass_for_the_same_view_after_it(monkeypatch):
    # A view the writer is not in can have the same numbers as before the edit: as a repeat
    # of a released report it was let through, while the writer's views were refused, so
    # which views passed named the writer's role and session (red team, round 5). Only a
    # full report's own numbers may count as a repeat.
    from reflect.privacy.ledger import Ledger

    asked = []
    real = Ledger.check_changes

    def check_changes(self, moved, k, numbers=None):
        asked.append(numbers)
        return real(self, moved, k, numbers)

    monkeypatch.setattr(Ledger, "check_changes", check_changes)
    rows, book = programme(60), ledger()
    report(rows, ledger=book)
    full = len(asked)
    report(rows, ledger=book, filter=Filter.parse("role=mentor"))
    assert any(n is not None for n in asked[:full])
    assert all(n is None for n in asked[full:])


def test_a_view_protects_its_session_cell_where_the_other_roles_is_near_its_total():
    # 39 of 40 mentees wrote after session 1: their view hid it, but the mentors' view showed
    # its own session-1 cell, and the full report less that gave the 39 back (red team,
    # round 5; reports from separate workspaces, so no ledger sets them against each other).
    rows = [
        r
        for i in range(30)
        for r in person(
            f"M-{i:02d}",
            "mentor",
            "Cohort A",
            ["hybrid"],
            sessions=("1", "2") if i < 25 else ("2",),
        )
    ]
    rows += [
        r
        for i in range(40)
        for r in person(
            f"E-{i:02d}", "mentee", "Cohort A", ["career"], sessions=("1", "2") if i else ("2",)
        )
    ]
    assert report(rows)["participants_by_session"]["1"] == 64
    mentors = report(rows, filter=Filter.parse("role=mentor"))
    assert mentors["participants_by_session"]["1"] is None


def _seniority_rows() -> list[dict]:
    rows = []  # every mentor and two mentees raise seniority: 32 in all, 30 of them mentors
    for i in range(60):
        role = "mentor" if i % 2 else "mentee"
        topics = ["senior", "tools"] if role == "mentor" or i < 4 else ["hybrid", "career"]
        rows += person(f"P-{i:03d}", role, "Cohort A" if i < 30 else "Cohort B", topics)
    return rows


def test_views_before_any_full_report_are_not_refused_for_cells_they_share():
    # Before a full report, a theme's programme total is set against views' cells it holds:
    # the second of two role views was refused with nothing changed (red team, round 5).
    book = ledger()
    for view in ("role=mentor", "role=mentee", "session=1", "session=2"):
        assert report(_seniority_rows(), ledger=book, filter=Filter.parse(view))


def test_views_after_a_full_report_that_held_back_a_theme_are_not_refused():
    # The full report holds back seniority's 32 beside its 30 mentors; a view counted that
    # as a move and was refused with nothing changed (code review, round 5). A theme moves
    # only against its own releases.
    book = ledger()
    report(_seniority_rows(), ledger=book)
    for view in ("role=mentor", "role=mentee", "cohort=Cohort A", "session=1"):
        assert report(_seniority_rows(), ledger=book, filter=Filter.parse(view))


def test_a_full_report_after_the_role_views_is_not_refused_with_nothing_changed():
    # Seniority's 32 lay 2 from the mentors' view's 30: the full report counted its held-back
    # total as a move and was refused, with nothing changed (stop 37's open item).
    book = ledger()
    for view in ("role=mentor", "role=mentee"):
        assert report(_seniority_rows(), ledger=book, filter=Filter.parse(view))
    assert report(_seniority_rows(), ledger=book)


def _moved_into_career(rows: list[dict], role: str):
    frame = frame_of(rows)
    themes = themes_of(frame)
    career = next(t for t in themes if t.id == "career")
    inside = set(frame[F.PARTICIPANT].iloc[career.members])
    outsider = next(
        i for i, (p, r) in enumerate(zip(frame[F.PARTICIPANT], frame[F.ROLE], strict=True))
        if p not in inside and r == role
    )  # fmt: skip
    career.members = sorted({*career.members, outsider})
    return themes


def test_views_edited_between_them_are_refused_where_a_view_covered_the_mover():
    # Views of a programme never reported in full withheld only their moved cells after an
    # edit, so which views withheld them told the writer's group (stop 37's open item).
    rows, book = programme(60), ledger()
    for view in ("role=mentor", "role=mentee"):
        report(rows, ledger=book, filter=Filter.parse(view))
    themes = _moved_into_career(rows, "mentor")
    for view in ("role=mentor", "role=mentee", "session=1", None):
        with pytest.raises(DisclosureRefused, match="differ by fewer than"):
            report(rows, themes, ledger=book, filter=Filter.parse(view) if view else None)


def test_a_move_among_the_other_role_after_a_roles_view_is_refused():
    # A mentors' view is protected with the whole programme's margins, so one mentee moved
    # into a theme changed the next mentors' view (a cell withheld) with no refusal (code
    # review, stop 38): views record, and are checked against, the whole programme's themes.
    rows, book = programme(60), ledger()
    report(rows, ledger=book, filter=Filter.parse("role=mentor"))
    themes = _moved_into_career(rows, "mentee")
    for view in ("role=mentor", "role=mentee", None):
        with pytest.raises(DisclosureRefused, match="differ by fewer than"):
            report(rows, themes, ledger=book, filter=Filter.parse(view) if view else None)


def test_merging_a_small_hidden_theme_cannot_be_diffed_against_the_unreviewed_report():
    rows = programme(60)
    frame = frame_of(rows)
    few = sorted(set(frame[F.PARTICIPANT]))[:3]
    small = [i for i, p in enumerate(frame[F.PARTICIPANT]) if p in few]
    emerging = Theme("emerging_1", "allotments", "emerging", members=small,
                     phrases=[Phrase("allotment", frozenset(few))])  # fmt: skip
    book = ledger()
    unreviewed = report(rows, [*themes_of(frame), emerging], ledger=book)
    assert "emerging_1" not in {t["id"] for t in unreviewed["themes"]}  # below k: not listed
    ref = emerging_ref(["allotment"])
    review = Review(signatures={ref: ["allotment"]})
    review.merge(["career", ref])
    themes = apply_review([*themes_of(frame), emerging], review, frame)
    with pytest.raises(DisclosureRefused, match="differ by fewer than"):
        report(rows, themes, ledger=book)  # "career" would move by the few of the small theme


def test_six_copied_participants_do_not_turn_a_difference_of_one_into_seven():
    rows = programme(40)
    book = ledger()
    report(rows, ledger=book)
    source = [r for r in rows if r[F.PARTICIPANT] == "P-010"]
    attack = [r for r in rows if r[F.PARTICIPANT] != "P-007"]
    for copy in range(6):
        attack += [dict(r, **{F.PARTICIPANT: f"P-C{copy}"}) for r in source]
    with pytest.raises(DisclosureRefused):
        report(attack, ledger=book)


def test_copies_of_one_person_s_answers_are_one_person_in_every_count():
    # Five ids on the target's answers would meet k in every cell the target is in, in one
    # report, with no ledger involved. Copies of answers that say something are one person.
    rows = programme(40)
    target = [r for r in rows if r[F.PARTICIPANT] == "P-007"]
    copies = [dict(r, **{F.PARTICIPANT: f"P-C{n}"}) for n in range(4) for r in target]
    data = report(rows + copies)
    assert data["n_participants"] == 40
    assert counts_of(data) == counts_of(report(rows))
    # ...while answers that say little are many people's: twelve "n/a" are twelve people.
    blanks = [dict(r, **{F.PARTICIPANT: f"P-N{n}", F.TEXT: "n/a"}) for n in range(12)
              for r in target[:1]]  # fmt: skip
    assert report(rows + blanks)["n_participants"] == 52


def test_the_ledger_stores_keyed_tags_only_and_forget_cleans_it(tmp_path):
    from reflect.keys import pseudonym
    from reflect.workspace import Workspace

    rows = [dict(r, **{F.PARTICIPANT: pseudonym(r[F.PARTICIPANT], KEY)}) for r in programme(40)]
    gone = pseudonym("P-007", KEY)
    with Workspace(tmp_path / "ws") as ws:
        report(rows, ledger=ledger(ws.db))
        tables = ws.db.execute("SELECT * FROM ledger_people").fetchall()
        assert all(gone not in str(row) and "P-007" not in str(row) for row in tables)
        sizes = ws.db.execute("SELECT sum(people) FROM ledger_sets").fetchone()
        ws.forget(gone, KEY)
        assert ws.db.execute("SELECT sum(people) FROM ledger_sets").fetchone() == sizes
        assert ws.db.execute("SELECT sum(erased) FROM ledger_sets").fetchone()[0] > 0
        before = ws.db.execute("SELECT count(*) FROM ledger_people").fetchone()[0]
        assert before == 39  # the erased person's tag is gone
        # ...and so is what they wrote: nothing in the ledger points at them any more.
        bits = {b for (b,) in ws.db.execute("SELECT bit FROM ledger_people").fetchall()}
        answer_bits = ws.db.execute("SELECT DISTINCT bit FROM ledger_answers").fetchall()
        assert {b for (b,) in answer_bits} <= bits
        # A newcomer after the erasure gets a bit of their own, not a known person's.
        newcomer = ledger(ws.db)
        joined = rows + [dict(r, **{F.PARTICIPANT: "P-NEW"}) for r in person(
            "P-NEW", "mentor", "Cohort B", ["senior", "career"])]  # fmt: skip
        assigned = newcomer.bits(frame_of(joined))
        assert assigned.is_unique
        # A re-run without them would expose them next to the earlier report: refused.
        with pytest.raises(DisclosureRefused):
            report([r for r in rows if r[F.PARTICIPANT] != gone], ledger=ledger(ws.db))


def test_lowering_k_does_not_lower_the_ledger_threshold():
    book = ledger()
    rows = programme(40)
    report(rows, ledger=book)
    frame = frame_of([r for r in rows if r[F.PARTICIPANT] not in {"P-001", "P-002"}])
    with pytest.raises(DisclosureRefused):
        disclose(themes_of(frame), frame, 2, ledger=book, printable=printable)


# -- differential privacy -----------------------------------------------------------------------

CONSTANTS = ("min_group_size", "privacy.min_group_size", "privacy.dp", "privacy.suppressed",
             "privacy.quotes_shown")  # fmt: skip


def test_a_dp_report_shows_no_text_that_depends_on_who_took_part():
    # Noise covers counts, not words: two DP reports one person apart showed that person's
    # phrase and sub-topic (red team, 4 December 2026).
    rows = programme(40)
    frame = frame_of(rows)
    themes = themes_of(frame)
    hybrid = next(t for t in themes if t.id == "hybrid")
    writers = frozenset(frame[F.PARTICIPANT].iloc[hybrid.members])
    hybrid.phrases = [Phrase("office days", writers)]
    hybrid.facets = [Phrase("hybrid work", writers)]
    data = report(rows, themes, dp_epsilon=40.0)
    assert all(t["phrases"] == [] and t["facets"] == [] for t in data["themes"])
    shown = {t["id"]: t for t in report(rows, themes)["themes"]}
    assert shown["hybrid"]["phrases"] == ["office days"]  # shown without DP


def test_quotes_and_dp_cannot_be_asked_for_together():
    from reflect.config import Config
    from reflect.errors import ConfigError

    with pytest.raises(ConfigError, match="--quotes cannot be combined"):
        Config(dp_epsilon=1.0, quotes=True)


def test_every_number_of_a_dp_report_is_noised_or_withheld():
    from reflect.anonymise import RedactionStats

    def far_away(values, scale):  # noise that moves every count out of reach of the truth
        return [v + 10_000 for v in values]

    rows = programme(40)
    frame = frame_of(rows)
    emerging = Theme("emerging_1", "tools talk", "emerging", members=list(range(40)),
                     phrases=[Phrase("chat tool", frozenset(frame[F.PARTICIPANT]))])  # fmt: skip
    stats = RedactionStats(160, 30, {"PERSON": 40, "EMAIL": 9}, 6)
    data = report(rows, [*themes_of(frame), emerging], redactions=stats, dp_epsilon=1.0,
                  dp_noise=far_away)  # fmt: skip
    for where, value in numbers_in(data):
        if where.lstrip(".").startswith(CONSTANTS) or where.endswith(".share"):
            continue
        assert value >= 10_000, where  # an exact count slipped through
    assert data["privacy"]["redactions"] is None and data["privacy"]["redacted_texts"] is None
    assert "emerging_1" not in {t["id"] for t in data["themes"]}


def test_epsilon_is_tracked_per_workspace_and_a_run_over_budget_is_refused():
    book = ledger()
    rows = programme(40)
    first = report(rows, ledger=book, dp_epsilon=0.6, dp_budget=1.0)
    assert first["privacy"]["dp"]["workspace_epsilon_spent"] == pytest.approx(0.6)
    with pytest.raises(DisclosureRefused, match="budget"):
        report(rows, ledger=book, dp_epsilon=0.6)
    with pytest.raises(DisclosureRefused, match="cannot be raised"):
        report(rows, ledger=book, dp_epsilon=0.3, dp_budget=5.0)
    assert report(rows, ledger=book, dp_epsilon=0.3)["privacy"]["dp"]["workspace_budget"] == 1.0


def test_a_workspace_given_no_budget_cannot_spend_an_epsilon_that_hides_no_one():
    # Two reports at ε = 10^6, with and without one person, would differ by exactly them.
    book = ledger()
    rows = programme(40)
    with pytest.raises(DisclosureRefused, match="budget"):
        report(rows, ledger=book, dp_epsilon=1e6)
    with pytest.raises(DisclosureRefused, match="cannot be raised"):
        report(rows, ledger=book, dp_epsilon=1e6, dp_budget=1e7)
    # One report at ε = 50 after one person was removed told whether they had raised a theme
    # (red team, 4 December 2026): a workspace given no budget has a few units of ε.
    with pytest.raises(DisclosureRefused, match="budget"):
        report(rows, ledger=book, dp_epsilon=50.0)
    assert report(rows, ledger=book, dp_epsilon=4.0)["privacy"]["dp"]["workspace_budget"] == 4


def test_a_filtered_view_quotes_no_one():
    # One sentence quoted in a role's view and in a session's view placed its writer in both
    # groups, fewer than k together (red team, 4 December 2026).
    from reflect.config import Config
    from reflect.errors import ConfigError

    with pytest.raises(ConfigError, match="--quotes and --filter cannot be combined"):
        Config(filter="role=mentor", quotes=True)
    with pytest.raises(ConfigError, match="--quotes and --filter cannot be combined"):
        report(programme(40), filter=Filter.parse("role=mentor"), quotes=True)


def test_the_number_of_answers_gives_no_withheld_session_back():
    # With one prompt, the answers are the sessions' counts added up: 88 answers beside
    # sessions of 30, 30 and a withheld 28 gave the 28 back (red team, 4 December 2026).
    from reflect.anonymise import RedactionStats

    def people(skipping: int) -> list[dict]:
        return [
            r for i in range(30)
            for r in person(f"P-{i:03d}", "mentor" if i % 2 else "mentee", "Cohort A",
                            ["hybrid"], sessions=("1", "2") if i < skipping else ("1", "2", "3"))
        ]  # fmt: skip

    stats = RedactionStats(88, 30, {"PERSON": 40}, 6)
    data = report(people(2), redactions=stats)
    assert data["participants_by_session"]["3"] is None  # near-total: 28 of 30
    assert data["n_reflections"] is None
    assert data["privacy"]["redacted_texts"]["texts"] is None
    everyone = report(people(0), redactions=stats)
    assert everyone["n_reflections"] == 90  # every session shown: nothing to recover
    assert everyone["privacy"]["redacted_texts"]["texts"] == 88
    view = report(people(0), redactions=stats, filter=Filter.parse("role=mentor"))
    assert view["privacy"]["redacted_texts"]["texts"] is None  # the programme's, not the view's


def test_a_phrase_in_a_filtered_view_needs_none_or_k_of_its_writers_outside_the_view():
    # Shown in the cohort view at k=6 and not at k=7, in the full report at k=7 and not at
    # 8: six of the cohort and seven in all wrote it, so one outside it (red team).
    rows = programme(40)
    frame = frame_of(rows)
    themes = themes_of(frame)
    hybrid = next(t for t in themes if t.id == "hybrid")
    writers = sorted(set(frame[F.PARTICIPANT].iloc[hybrid.members]))
    in_a = [p for p in writers if int(p[2:]) < 20]
    in_b = [p for p in writers if int(p[2:]) >= 20]
    cohort_a = Filter.parse("cohort=Cohort A")

    def shown_in_a(outside: int) -> bool:
        hybrid.phrases = [Phrase("office days", frozenset(in_a[:6] + in_b[:outside]))]
        view = report(rows, themes, filter=cohort_a)
        return "office days" in next(t for t in view["themes"] if t["id"] == "hybrid")["phrases"]

    assert len(in_a) >= 6 and len(in_b) >= 5
    assert shown_in_a(0) and shown_in_a(5)
    assert not any(shown_in_a(n) for n in (1, 2, 4))


def test_a_filter_is_checked_at_the_largest_k_the_workspace_has_used():
    # Refused at k=5 and let through at k=4, a view told how many wrote only outside it.
    book = ledger()
    rows = programme(40)
    report(rows, ledger=book)
    rest = [r for r in rows if r[F.COHORT] == "Cohort A" or r[F.PARTICIPANT] in {
        "P-020", "P-021", "P-022"}]  # fmt: skip
    # (Refused before the group is matched now: these 23 people are 3 from the released
    # cohort A's 20, as the full report of them would be.)
    with pytest.raises((InputError, DisclosureRefused), match="fewer than 5"):
        disclose(themes_of(frame_of(rest)), frame_of(rest), 3, filter=Filter.parse(
            "cohort=Cohort A"), ledger=book, printable=printable)  # fmt: skip


def test_a_view_of_a_programme_with_a_theme_near_its_total_is_not_refused():
    # The programme's counts a view sets against the ledger are the full report's as shown,
    # near totals withheld: a theme 38 of 40 raised is no move (code review, stop 37).
    rows = []
    for i in range(40):
        other = ["tools", "senior", "career"][i % 3]
        topics = (
            ["hybrid", other] if i >= 2 else [other, "career" if other != "career" else "tools"]
        )
        rows += person(f"P-{i:03d}", "mentor" if i % 2 else "mentee",
                       "Cohort A" if i < 20 else "Cohort B", topics)  # fmt: skip
    book = ledger()
    report(rows, ledger=book)
    for view in ("role=mentor", "cohort=Cohort A"):
        assert report(rows, ledger=book, filter=Filter.parse(view))


def test_after_a_forget_every_view_is_refused_alike_before_its_group_is_matched():
    # Pooling follows the sizes after the erasure: a cohort pooled only since then failed to
    # match ("no reflections match") where the others were refused, naming the erased
    # person's cohort (red team, 4 December 2026).
    rows = [r for i in range(74) for r in person(
        f"P-{i:03d}", "mentor" if i % 2 else "mentee",
        "A" if i < 20 else "B" if i < 44 else "C", ["hybrid", "career"])]  # fmt: skip
    book = ledger()
    report(rows, ledger=book)
    after = [r for r in rows if r[F.PARTICIPANT] != "P-007"]  # cohort A: 20 -> 19, pooled
    for view in ("cohort=A", "cohort=B", "cohort=C"):
        with pytest.raises(DisclosureRefused, match="participants differ"):
            report(after, ledger=book, filter=Filter.parse(view))


def test_a_filter_naming_a_pooled_value_matches_nothing():
    rows = programme(40) + person("P-9", "mentor", "Cohort C (Helen)", ["hybrid"])
    with pytest.raises(InputError, match="no reflections match"):
        report(rows, filter=Filter.parse("cohort=Cohort C (Helen)"))


# -- reflect compare ---------------------------------------------------------------------------


def test_compare_takes_runs_only_from_the_ledger_and_never_from_an_edited_report():
    from reflect.compare import compare_runs
    from reflect.privacy.ledger import released

    book = ledger()
    rows = programme(40)
    full = report(rows, ledger=book)
    mentors = report(rows, filter=Filter.parse("role=mentor"), ledger=book)
    check = lambda data: released(book.db, data)  # noqa: E731
    assert compare_runs(full, mentors, released=check).changes
    edited = json.loads(json.dumps(mentors))
    edited["themes"][0]["participants"] -= 1
    with pytest.raises(DisclosureRefused, match="edited"):
        compare_runs(full, edited, released=check)
    elsewhere = report(rows, ledger=ledger())  # another workspace's report
    with pytest.raises(DisclosureRefused):
        compare_runs(full, elsewhere, released=check)


def test_compare_has_no_independent_bypass(capsys, monkeypatch, tmp_path):
    import sys

    from reflect.cli.main import app

    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "report.json").write_text(json.dumps(report(programme(40))))
    argv = ["reflect", "compare", str(tmp_path / "a"), str(tmp_path / "b"), "--independent"]
    monkeypatch.setattr(sys, "argv", argv)
    with pytest.raises(SystemExit) as done:
        app()
    assert done.value.code == 2 and "--independent" in capsys.readouterr().err
    from reflect.workspace import Workspace

    Workspace(tmp_path / "ws").close()
    monkeypatch.setattr(sys, "argv", argv[:-1] + ["--workspace", str(tmp_path / "ws")])
    with pytest.raises(SystemExit) as done:
        app()
    assert done.value.code == 1  # not released from this workspace


def test_compare_calls_a_cohort_hidden_to_protect_another_withheld_not_small():
    from reflect.compare import compare_groups, render_markdown, render_text

    rows = []
    for i in range(61):
        rows += person(f"P-{i:03d}", "mentor" if i % 2 else "mentee", "Cohort A", ["hybrid"])
    for i in range(3):
        rows += person(f"P-B{i}", "mentor", "Cohort B", ["tools"])
    data = report(rows)
    assert data["participants_by_cohort"] == {"Cohort A": None, "other cohorts": None}
    comparison = compare_groups(data, "cohort=Cohort A", "cohort=other cohorts")
    for text in (render_text(comparison), render_markdown(comparison)):
        assert "fewer than 5 people" not in text and "withheld" in text


def test_a_facet_count_that_moved_by_fewer_than_k_people_is_withheld():
    def with_facet(rows):
        frame = frame_of(rows)
        themes = themes_of(frame)
        hybrid = next(t for t in themes if t.id == "hybrid")
        writers = sorted({frame[F.PARTICIPANT][i] for i in hybrid.members})
        hybrid.facets = [Phrase("office days", frozenset(writers[: len(writers) // 2]))]
        return report(rows, themes, ledger=book)

    book = ledger()
    rows = programme(40)
    first = with_facet(rows)
    joined = list(rows)  # six late joiners, of whom the facet gains some
    for i in range(6):
        joined += person(f"P-0{i}a", "mentee", "Cohort A", ["hybrid", "tools"])
    second = with_facet(joined)

    def facet(data):
        hybrid = next(t for t in data["themes"] if t["id"] == "hybrid")
        return hybrid["facets"][0]["participants"] if hybrid["facets"] else None

    a, b = facet(first), facet(second)
    assert a is not None
    assert b is None or not 0 < abs(a - b) < K


# -- the taxonomy fit's share ------------------------------------------------------------------


def _fit_of(frame, themes):
    from reflect.themes.fit import measure_fit

    membership = np.zeros((len(frame), len(themes)), dtype=bool)
    for j, theme in enumerate(themes):
        membership[theme.members, j] = True
    return measure_fit(membership, np.ones(len(frame), dtype=bool), ["topic"] * len(themes))


def _probe(rows):
    """A taxonomy of one theme that explains only the answers about seniority."""
    frame = frame_of(rows)
    themes = [t for t in themes_of(frame) if t.id == "senior"]
    return themes, _fit_of(frame, themes)


def test_the_fit_share_is_withheld_when_fewer_than_k_people_stand_behind_it():
    rows = programme(40)
    one = [r for r in rows if "senior" not in r[F.TEXT] or r[F.PARTICIPANT] == "P-007"]
    themes, fit = _probe(one)
    data = report(one, themes, fit=fit)
    assert data["taxonomy_fit"]["explained_share"] is None  # one writer: 2 answers of ~120
    assert data["taxonomy_fit"]["fits"] is False
    themes, fit = _probe(rows)
    assert report(rows, themes, fit=fit)["taxonomy_fit"]["explained_share"] > 0
    dp_report = report(
        rows, themes, fit=fit, dp_epsilon=1.0, dp_noise=lambda values, scale: list(values)
    )
    assert dp_report["taxonomy_fit"]["explained_share"] is None  # not noised: withheld
    # ...and so is the verdict, the share against a bar: an export padded to the bar read one
    # answer a DP report from it (red team, stop 41)
    assert dp_report["taxonomy_fit"]["fits"] is None


def test_the_fit_share_cannot_be_diffed_across_re_runs():
    book = ledger()
    rows = programme(40)
    themes, fit = _probe(rows)
    first = report(rows, themes, fit=fit, ledger=book)
    assert first["taxonomy_fit"]["explained_share"] is not None
    # One of the target's two answers about seniority edited: they stay in the theme and the
    # sets of people behind the share stay the same; only the share of answers could move.
    target = [
        i for i, r in enumerate(rows) if r[F.PARTICIPANT] == "P-007" and "senior" in r[F.TEXT]
    ]
    edited = [dict(r, **{F.TEXT: TOPICS["tools"] + " (edited)"}) if i == target[0] else r
              for i, r in enumerate(rows)]  # fmt: skip
    themes, fit = _probe(edited)
    with pytest.raises(DisclosureRefused, match="new or wrote something different"):
        report(edited, themes, fit=fit, ledger=book)


def test_redaction_tallies_cannot_be_diffed_across_re_runs():
    # One answer edited to drop an email: the EMAIL tally would fall by one, and say so.
    from reflect.anonymise import RedactionStats

    book = ledger()
    rows = programme(40)
    before = RedactionStats(160, 30, {"PERSON": 40, "EMAIL": 9}, 6)
    first = report(rows, redactions=before, ledger=book)
    assert first["privacy"]["redactions"] == {"PERSON": 40, "EMAIL": 9}
    edited = [dict(r, **{F.TEXT: r[F.TEXT] + " again"}) if r[F.PARTICIPANT] == "P-007" else r
              for r in rows]  # fmt: skip
    after = RedactionStats(160, 29, {"PERSON": 40, "EMAIL": 8}, 6)
    with pytest.raises(DisclosureRefused, match="new or wrote something different"):
        report(edited, redactions=after, ledger=book)


def test_renaming_every_group_changes_nobody_and_a_move_beside_it_is_still_refused():
    # Renaming all cohorts costs the analyst nothing; were it to make everyone "changed",
    # one person moved beside it would fall to rule 1, and the cells it withheld would show
    # that person's themes.
    book = ledger()
    rows = programme(40)
    report(rows, ledger=book)
    renamed = {"Cohort A": "Team North", "Cohort B": "Team South"}
    again = [dict(r, **{F.COHORT: renamed[r[F.COHORT]]}) for r in rows]
    report(again, ledger=book)
    assert book.changed == 0
    moved = [
        dict(r, **{F.COHORT: "Team South"}) if r[F.PARTICIPANT] == "P-007" else r for r in again
    ]
    with pytest.raises(DisclosureRefused, match="new or wrote something different"):
        report(moved, ledger=book)


def test_the_same_people_grouped_another_way_give_no_hidden_cell_by_subtraction():
    # "hybrid" by cohort: N 4, E 9, S 6, W 10 (29). The first report shows E and W (N is
    # small, S hides beside it). Pooling S and W in a second report would show "SW" 16 with
    # E hidden beside N, and N = 29 - 16 - 9 = 4: the hidden cells together (N and E) differ
    # from the released E by 4 people, so SW is withheld too.
    raised = {"N": 4, "E": 9, "S": 6, "W": 10}
    rows = []
    for cohort, n in raised.items():
        for i in range(20):
            topics = ["hybrid", "tools"] if i < n else ["career", "tools"]
            rows += person(f"{cohort}-{i:02d}", "mentor" if i % 2 else "mentee", cohort, topics)
    book = ledger()
    first = report(rows, ledger=book)
    (hybrid,) = [t for t in first["themes"] if t["id"] == "hybrid"]
    assert hybrid["participants"] == 29 and hybrid["by_cohort"]["E"] == 9
    pooled = [dict(r, **{F.COHORT: "SW"}) if r[F.COHORT] in "SW" else r for r in rows]
    second = report(pooled, ledger=book)
    (hybrid,) = [t for t in second["themes"] if t["id"] == "hybrid"]
    assert hybrid["by_cohort"]["SW"] is None and hybrid["by_cohort"]["E"] is None


@pytest.mark.parametrize("column", [F.SESSION, F.PROMPT])
def test_renaming_every_session_or_question_changes_nobody_and_a_move_beside_it_is_refused(
    column,
):
    # Everyone writes after every session and answers every question: a group's name is
    # matched by who held it, and at a tie (everyone) by its own label.
    book = ledger()
    rows = programme(40)
    report(rows, ledger=book)
    values = sorted({r[column] for r in rows})
    renamed = {v: f"Module {n}" for n, v in enumerate(values)}
    again = [dict(r, **{column: renamed[r[column]]}) for r in rows]
    report(again, ledger=book)
    assert book.changed == 0
    theirs = next(i for i, r in enumerate(again) if r[F.PARTICIPANT] == "P-007")
    moved = [dict(r, **{column: renamed[values[1]]}) if i == theirs else r
             for i, r in enumerate(again)]  # fmt: skip
    if moved == again:  # the answer was already there: move it the other way
        moved = [dict(r, **{column: renamed[values[0]]}) if i == theirs else r
                 for i, r in enumerate(again)]  # fmt: skip
    with pytest.raises(DisclosureRefused, match="new or wrote something different"):
        report(moved, ledger=book)


def test_a_cell_one_view_withholds_cannot_be_had_from_the_full_report_and_the_other_view():
    # "hybrid": cohort A 9 people (8 under "What worked?", 1 only under "What was hard?"),
    # cohort B 14 (8 and 6). Cohort A's view withholds its "worked" cell (1 short of its
    # total); the full report's 16 less cohort B's 8 would give it back, and 9 - 8 = 1.
    rows = []
    for cohort, worked, hard_only in (("A", 8, 1), ("B", 8, 6)):
        for i in range(20):
            topics = (
                ["hybrid", "tools"] if i < worked
                else ["tools", "hybrid"] if i < worked + hard_only
                else ["career", "tools"]
            )  # fmt: skip
            rows += person(f"{cohort}-{i:02d}", "mentor" if i % 2 else "mentee", cohort, topics)
    book = ledger()
    reports = [report(rows, ledger=book)]
    reports += [report(rows, filter=Filter.parse(f"cohort={c}"), ledger=book) for c in "AB"]
    full, view_a, view_b = ({t["id"]: t for t in r["themes"]}["hybrid"] for r in reports)
    worked = "What worked?"
    assert full["by_prompt"][worked] == 16 and view_a["by_prompt"][worked] is None
    recovered = [
        view["participants"] - (full["by_prompt"][worked] - other["by_prompt"][worked])
        for view, other in ((view_a, view_b), (view_b, view_a))
        if None not in (view["participants"], full["by_prompt"][worked], other["by_prompt"][worked])
    ]
    assert not any(0 < x < K for x in recovered)


def test_two_session_views_and_the_full_report_do_not_give_who_raised_it_in_both():
    # "hybrid" after session 1 by 20 people, after session 2 by 16, by one of them both times:
    # 20 + 16 - 35 = 1.
    rows = []
    for i in range(50):
        first = "hybrid" if i < 20 else "career"
        second = "hybrid" if 19 <= i < 35 else "tools"
        for session, topic in (("1", first), ("2", second)):
            rows += person(f"P-{i:03d}", "mentor" if i % 2 else "mentee", "A", [topic], [session])
    book = ledger()
    full = report(rows, ledger=book)
    halves = [report(rows, filter=Filter.parse(f"session={s}"), ledger=book) for s in "12"]
    totals = [{t["id"]: t for t in r["themes"]}["hybrid"]["participants"] for r in [full, *halves]]
    assert totals[0] == 35
    if None not in totals:
        assert not 0 < totals[1] + totals[2] - totals[0] < K


def test_with_two_questions_the_people_under_both_are_a_cell_too():
    # "hybrid" under "What worked?" by 12 people, under "What was hard?" by 9, one of them
    # under both: 12 + 9 - 20 = 1.
    rows = []
    for i in range(40):
        topics = (["hybrid", "hybrid"] if i == 11 else ["hybrid", "tools"] if i < 11 else
                  ["career", "hybrid"] if i < 20 else ["career", "tools"])  # fmt: skip
        rows += person(f"P-{i:03d}", "mentor" if i % 2 else "mentee", "A", topics)
    (hybrid,) = [t for t in report(rows)["themes"] if t["id"] == "hybrid"]
    assert hybrid["participants"] == 20
    shown = [v for v in hybrid["by_prompt"].values() if v is not None]
    assert len(shown) < 2 and shown == [12]


def test_with_three_sessions_the_people_in_several_are_a_cell_too():
    # "hybrid" after sessions 1, 2 and 3 by 6, 8 and 13 people, 26 in all: the three cells
    # less the total say one person raised it in two sessions (6 + 8 + 13 - 26 = 1).
    rows = []
    for i in range(40):
        sessions = ["1"] if i < 6 else ["2"] if i < 14 else ["3"] if i < 26 else []
        sessions += ["3"] * (i == 0)
        for session in sessions:
            rows += person(
                f"P-{i:03d}", "mentor" if i % 2 else "mentee", "A", ["hybrid"], [session]
            )
        rows += person(
            f"P-{i:03d}", "mentor" if i % 2 else "mentee", "A", ["tools"], ["1", "2", "3"]
        )
    (hybrid,) = [t for t in report(rows)["themes"] if t["id"] == "hybrid"]
    assert hybrid["participants"] == 26
    shown = [v for v in hybrid["by_session"].values() if v is not None]
    assert len(shown) < 3 and not 0 < sum(shown) - 26 < K


def test_every_rule_of_a_report_is_at_the_largest_k_the_workspace_has_used():
    # Counts were held to the workspace's k, phrases were not: at -k 2 after reports at 5 a
    # phrase two people wrote was shown (red team, 4 December 2026).
    rows = programme(40)
    frame = frame_of(rows)
    themes = themes_of(frame)
    hybrid = next(t for t in themes if t.id == "hybrid")
    two = frozenset(sorted(set(frame[F.PARTICIPANT].iloc[hybrid.members]))[:2])
    hybrid.phrases = [Phrase("boss mode", two)]
    book = ledger()
    report(rows, themes, ledger=book)
    again = disclose(themes, frame, 2, ledger=book, printable=printable).to_dict()
    assert all("boss mode" not in t["phrases"] for t in again["themes"])
    assert again["min_group_size"] == K


def test_a_dp_report_tallies_no_withheld_facets():
    # How many facets were withheld is exact, not noised: 47 with one person and 48 without
    # told whether they took part (red team, 4 December 2026).
    data = report(programme(40), dp_epsilon=40.0)
    assert data["privacy"]["suppressed"]["facets"] is None


@pytest.mark.parametrize("question", [None, PROMPTS[0]])
def test_a_theme_and_its_copy_tell_nothing_of_the_one_person_between_them(question):
    # A taxonomy holding a copy of a theme, the copy moved by one person's word or taught
    # answer alone, showed the copy where that person was in the theme and withheld it where
    # they were not, within one report (red team, stop 39): a theme within k people of
    # another shown theme is withheld whole, equal or not. A copy restricted to one question
    # (a stance) is the theme's cell for that question, set against it likewise (stop 40).
    frame = frame_of(programme(40))
    base = themes_of(frame)
    tools = next(t for t in base if t.id == "tools")
    rows = [i for i in tools.members if question in (None, frame[F.PROMPT].iloc[i])]
    writers = set(frame[F.PARTICIPANT].iloc[rows])
    outside = next(i for i, p in enumerate(frame[F.PARTICIPANT]) if p not in writers)

    def copy_with(extra):
        copy = Theme("tools_b", "Tools again", "taxonomy", members=[*rows, *extra])
        safe = disclose([*base, copy], frame, K, printable=printable, ledger=ledger())
        shown = {t["id"]: t for t in safe.to_dict()["themes"]}
        return shown["tools_b"], shown["tools"]

    (with_one, original), (same, again) = copy_with([outside]), copy_with([])
    assert original["participants"] is not None
    assert with_one["participants"] is None and same["participants"] is None
    for cells in ("by_role", "by_prompt"):
        assert printed(with_one[cells]) == printed(same[cells])
        assert printed(original[cells]) == printed(again[cells])


def test_a_copy_beside_a_withheld_theme_is_withheld_too():
    # A 4-person theme withheld beside its copy shown with 5 said the fifth was not in it
    # (code review, stop 39): copies are set against every earlier theme, shown or not.
    frame = frame_of(programme(40))
    people = list(dict.fromkeys(frame[F.PARTICIPANT]))
    rows = {p: [i for i, q in enumerate(frame[F.PARTICIPANT]) if q == p] for p in people}
    four = [r for p in people[:4] for r in rows[p]]
    small = Theme("small", "Small", "taxonomy", members=four)
    copy = Theme("small_b", "Small again", "taxonomy", members=[*four, *rows[people[4]]])
    safe = disclose([*themes_of(frame), small, copy], frame, K, printable=printable,
                    ledger=ledger())  # fmt: skip
    shown = {t["id"]: t["participants"] for t in safe.to_dict()["themes"]}
    assert shown["small"] is None and shown["small_b"] is None


def test_newcomers_do_not_cover_one_person_gone_since_a_release():
    # Five late joiners hid one withdrawn person from the population rule, and the new
    # report then withheld just that person's cells (red team, stop 42)
    rows = programme(40)
    book = ledger()
    report(rows, ledger=book)
    rest = [r for r in rows if r[F.PARTICIPANT] != "P-007"]
    late = [r for i in range(5) for r in person(f"L-{i}", "mentee", "Cohort C", ["hybrid"], ["3"])]
    with pytest.raises(DisclosureRefused, match="no longer in the export"):
        report(rest + late, ledger=book)


def test_a_group_whose_cells_differ_from_a_release_is_withheld_in_every_theme_alike():
    # One person's session-1 answers gone, everyone's session 3 new: which themes' session-1
    # cells were withheld said which themes that person raised there (red team, stop 42)
    rows = programme(40)
    book = ledger()
    first = report(rows, ledger=book)
    later = [r for r in rows if not (r[F.PARTICIPANT] == "P-007" and r[F.SESSION] == "1")]
    later += [dict(r, **{F.SESSION: "3"}) for r in rows if r[F.SESSION] == "2"]
    second = report(later, ledger=book)
    cells = [t["by_session"].get("1") for t in second["themes"] if t["participants"]]
    released = [t["by_session"].get("1") for t in first["themes"] if t["participants"]]
    assert any(released) and (all(c is None for c in cells) or cells == released)


def test_a_view_whose_theme_totals_differ_from_a_release_withholds_them_alike():
    # One person's session-1 answers emptied, everyone's session 3 new: a session-1 view
    # withheld exactly that person's themes (red team, stop 42, 150 of 150)
    rng, rows = random.Random(3), []
    for i in range(60):  # a third did not write after session 1, so a view of it is allowed
        sessions = ("1", "2") if i % 3 else ("2",)
        cohort = "A" if i < 30 else "B"
        rows += person(f"P-{i:03d}", "mentor" if i % 2 else "mentee", cohort,
                       rng.sample(sorted(TOPICS), 2), sessions)  # fmt: skip
    book = ledger()
    first = report(rows, ledger=book)
    later = [
        dict(r, **{F.TEXT: "ok"}) if r[F.PARTICIPANT] == "P-001" and r[F.SESSION] == "1" else r
        for r in rows
    ]
    later += [dict(r, **{F.SESSION: "3"}) for r in rows if r[F.SESSION] == "2"]
    view = report(later, ledger=book, filter=Filter.parse("session=1"))
    released = {t["id"]: t["by_session"]["1"] for t in first["themes"]}
    totals = {t["id"]: t["participants"] for t in view["themes"] if t["id"] in released}
    assert all(v is None for v in totals.values()) or all(totals[t] == released[t] for t in totals)
