from __future__ import annotations

import pandas as pd
import pytest

from reflect import frames as F
from reflect.errors import DisclosureRefused
from reflect.privacy import disclose, suppress
from reflect.themes.model import Phrase, Theme


@pytest.mark.parametrize(
    ("cells", "partition", "expected"),
    [
        ({"a": 9, "b": 7}, True, {"a": 9, "b": 7}),
        ({"a": 9, "b": 3}, False, {"a": 9, "b": None}),
        # one small cell in a partition: its twin goes too, or b = total - a
        ({"a": 9, "b": 3}, True, {"a": None, "b": None}),
        # two small cells whose sum is below k: a third goes too
        ({"a": 9, "b": 1, "c": 2, "d": 20}, True, {"a": None, "b": None, "c": None, "d": 20}),
        ({"a": 0, "b": 12, "c": 6}, True, {"a": None, "b": 12, "c": None}),
    ],
)
def test_suppression_table(cells, partition, expected):
    assert suppress(cells, 5, partition) == expected


def _frame(n_people: int) -> pd.DataFrame:
    rows = []
    for p in range(n_people):
        for session in ("1", "2"):
            rows.append(
                {
                    F.ROW: len(rows) + 2,
                    F.PARTICIPANT: f"P-{p}",
                    F.ROLE: "mentor" if p % 3 else "mentee",
                    F.SESSION: session,
                    F.COHORT: "A",
                    F.DATE: "",
                    F.PROMPT: "q",
                    F.TEXT: "we talked about office days and hybrid work",
                }
            )
    frame = pd.DataFrame(rows)
    frame[F.TEXT_HASH] = frame[F.TEXT].map(F.text_hash)
    return frame


def test_when_theme_below_k_then_every_number_is_null():
    frame = _frame(12)
    theme = Theme("hybrid_work", "Hybrid working", "taxonomy", members=[0, 2, 4])
    report = disclose([theme], frame, 5)
    safe = report.themes[0]
    assert safe.participants is None and safe.share is None and safe.phrases == []
    assert set(safe.by_role.values()) == {None} and set(safe.by_session.values()) == {None}


def test_when_emerging_theme_below_k_then_not_listed_at_all():
    frame = _frame(12)
    theme = Theme("emerging_1", "office day", "emerging", members=[0, 2])
    assert disclose([theme], frame, 5).themes == []


def test_when_phrase_has_too_few_people_or_a_placeholder_then_dropped():
    frame = _frame(24)
    people = frozenset(frame[F.PARTICIPANT][:24])
    theme = Theme(
        "hybrid_work",
        "Hybrid working",
        "taxonomy",
        members=list(range(24)),  # 12 of the 24 people: not near the total
        phrases=[
            Phrase("office day", people),
            Phrase("hybrid work", frozenset()),
            Phrase("[PERSON] day", people),
        ],
    )
    safe = disclose([theme], frame, 5).themes[0]
    assert safe.participants == 12 and safe.phrases == ["office day"]
    assert all(v is None or v >= 5 for v in safe.by_role.values())


def test_when_fewer_than_k_people_overall_then_the_report_is_refused():
    with pytest.raises(DisclosureRefused, match="fewer than 5 participants"):
        disclose([], _frame(3), 5)


def test_shown_phrases_read_as_their_writers_wrote_them_and_taxonomy_labels_as_given():
    frame = _frame(24)
    # (each in their own words: identical answers throughout would be one person's copies)
    frame[F.TEXT] = [
        f"we moved our notes to GitHub and argued about office days with team {p}"
        for p in frame[F.PARTICIPANT]
    ]
    frame[F.TEXT_HASH] = frame[F.TEXT].map(F.text_hash)
    people = frozenset(frame[F.PARTICIPANT][:24])
    phrases = [Phrase("github", people), Phrase("office days", people)]
    themes = [
        Theme("hybrid_work", "hybrid working", "taxonomy", members=list(range(24)),
              phrases=phrases),
        Theme("emerging_1", "github", "emerging", members=list(range(24)), phrases=phrases),
    ]  # fmt: skip
    shown = {t.id: t for t in disclose(themes, frame, 5).themes}
    assert shown["hybrid_work"].label == "hybrid working"
    assert shown["hybrid_work"].phrases == ["GitHub", "office days"]
    emerging = next(t for t in shown.values() if t.kind == "emerging")
    assert emerging.label == "GitHub" and emerging.phrases[0] == "GitHub"
