"""Cached redactions survive new participants joining, and their ids are still redacted."""

from __future__ import annotations

import pandas as pd

import reflect.anonymise.stage as anonymise_module
from reflect import frames as F
from reflect.anonymise import anonymise
from reflect.workspace import Workspace

KEY = b"k" * 32
P999 = frozenset({"a999"})  # the shape of the ids below


def _frame(rows: list[tuple[str, str]]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            F.ROW: range(2, 2 + len(rows)),
            F.PARTICIPANT: [p for p, _ in rows],
            F.ROLE: "mentor",
            F.SESSION: "1",
            F.COHORT: "A",
            F.DATE: "",
            F.PROMPT: "What worked?",
            F.TEXT: [t for _, t in rows],
        }
    )


def test_when_a_participant_joins_then_cached_redactions_are_reused_and_their_id_redacted(
    tmp_path, monkeypatch
):
    text = "We compared notes with P777 about hybrid weeks"
    with Workspace(tmp_path) as ws:
        anonymise(
            _frame([("P100", text)]), None, KEY, ws, recognizer_names=["email"], id_shapes=P999
        )

        def no_new_analysis(*_, **__):
            raise AssertionError("redacted again")

        monkeypatch.setattr(anonymise_module, "Analyzer", no_new_analysis)
        frame = _frame([("P100", text), ("P777", text)])
        out, stats = anonymise(frame, None, KEY, ws, recognizer_names=["email"], id_shapes=P999)
    assert set(out[F.TEXT]) == {"We compared notes with [EMPLOYEE_ID] about hybrid weeks"}
    assert stats.by_label == {"EMPLOYEE_ID": 2}


def test_only_ids_in_the_shape_most_ids_share_are_looked_for_in_answers():
    # One id renamed to a word one person wrote ("1998", "p45") redacted it there, and the
    # ledger's refusal of a few changed answers told who had written it (red team, stop 39).
    rows = [(f"E{20000 + i}", f"Joined in 1998, E{20000 + i} here, p45 in hand") for i in range(9)]
    out, _ = anonymise(_frame([*rows, ("1998", "fine"), ("p45", "fine")]), None, KEY,
                       recognizer_names=["email"])  # fmt: skip
    assert out[F.TEXT].iloc[0] == "Joined in 1998, [EMPLOYEE_ID] here, p45 in hand"


def test_when_the_patterns_are_edited_then_cached_redactions_are_redone(tmp_path, monkeypatch):
    text = "Our room booking code is RB 55012 for the rest of term"
    with Workspace(tmp_path) as ws:
        first, _ = anonymise(_frame([("P100", text)]), None, KEY, ws)
        assert "[EMPLOYEE_ID]" in first[F.TEXT].iloc[0]  # capitals, a space, five digits
        edited = anonymise_module.settings_text().replace("(?-i:[A-Z]{1,3})[ /]", "(?!)")
        monkeypatch.setattr(anonymise_module, "settings_text", lambda: edited)
        monkeypatch.setattr(
            "reflect.anonymise.analyzer.settings_text", lambda: edited, raising=True
        )
        again, _ = anonymise(_frame([("P100", text)]), None, KEY, ws)
    assert again[F.TEXT].iloc[0] == text


def test_a_participant_id_shaped_like_a_word_is_not_looked_for_in_answers():
    # An id renamed "adhd" redacted that word in everyone's answers, and the ledger's rule 3
    # told whether a few had written it (code review and red team, stop 38).
    rows = [
        ("adhd", "my manager knows about my ADHD now"),
        ("m.e", "my M.E. is back"),
        *((f"E2093{i}", f"my staff number is E2093{i}") for i in range(5)),
    ]
    out, _ = anonymise(_frame(rows), None, KEY, None, recognizer_names=["email"])
    assert out[F.TEXT].tolist()[:3] == [
        "my manager knows about my ADHD now",
        "my M.E. is back",
        "my staff number is [EMPLOYEE_ID]",
    ]
