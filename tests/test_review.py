"""Theme review: edits are applied by theme identity before disclosure (renames after), are
stored in a readable TOML file, and survive a re-run."""

from __future__ import annotations

import json
import tomllib

import pandas as pd
import pytest
from report_samples import sample_report

from reflect import frames as F
from reflect.privacy import disclose
from reflect.report import write_reports
from reflect.review import (
    Review,
    apply_review,
    emerging_ref,
    load_review,
    match_refs,
    rename_report,
    run_themes,
    save_review,
)
from reflect.themes.model import Phrase, Theme

K = 5


def _frame(texts_by_person: dict[str, str]) -> pd.DataFrame:
    rows = []
    for i, (person, text) in enumerate(texts_by_person.items()):
        rows.append(
            {
                F.ROW: i + 2,
                F.PARTICIPANT: person,
                F.ROLE: "mentor" if i % 2 else "mentee",
                F.SESSION: "1",
                F.COHORT: "A",
                F.DATE: "",
                F.PROMPT: "q",
                F.TEXT: text,
                F.TEXT_HASH: F.text_hash(text),
            }
        )
    return pd.DataFrame(rows)


# 20 people: 0-7 write about parking, 8-13 about the canteen, 10-17 mention chatgpt at work.
TEXTS = {f"P-{i:02d}": "parking permits again" for i in range(8)}
TEXTS |= {f"P-{i:02d}": "canteen food was cold" for i in range(8, 10)}
TEXTS |= {f"P-{i:02d}": "canteen food and ChatGPT drafts" for i in range(10, 14)}
TEXTS |= {f"P-{i:02d}": "tried ChatGPT for an email" for i in range(14, 18)}
TEXTS |= {f"P-{i:02d}": "nothing to add" for i in range(18, 20)}
PEOPLE = list(TEXTS)


def _themes() -> list[Theme]:
    def phrase(text, rows):
        return Phrase(text, frozenset(PEOPLE[i] for i in rows))

    return [
        Theme(
            "digital_tools",
            "Digital tools",
            "taxonomy",
            "Tools.",
            list(range(10, 18)),
            [phrase("chatgpt", range(10, 18)), phrase("email", range(14, 18))],
        ),
        Theme("wellbeing", "Wellbeing", "taxonomy", "Wellbeing.", [8, 9, 10, 11, 12, 13], []),
        Theme(
            "emerging_2",  # positional id: changes between runs
            "parking permits",
            "emerging",
            "",
            list(range(8)),
            [phrase("parking permits", range(8)), phrase("parking", range(8))],
        ),
    ]


def test_when_an_emerging_theme_moves_then_its_ref_still_finds_it():
    review = Review(signatures={emerging_ref(["parking permits"]): ["parking permits"]})
    themes = _themes()
    moved = [replace_id(themes[2], "emerging_7"), themes[0]]
    found = match_refs(moved, review)
    assert found[emerging_ref(["parking permits"])].id == "emerging_7"
    assert found["digital_tools"] is themes[0]


def replace_id(theme: Theme, new_id: str) -> Theme:
    return Theme(new_id, theme.label, theme.kind, theme.description, theme.members, theme.phrases)


def test_when_themes_are_merged_then_people_in_both_count_once_and_pass_disclosure():
    review = Review()
    review.merge(["digital_tools", "wellbeing"], "Tools and wellbeing")
    themes = apply_review(_themes(), review, _frame(TEXTS))
    merged = next(t for t in themes if t.id == "digital_tools")
    assert merged.label == "Tools and wellbeing"
    assert sorted(merged.members) == list(range(8, 18))
    assert all(t.id != "wellbeing" for t in themes)
    report = disclose(themes, _frame(TEXTS), K)
    safe = next(t for t in report.themes if t.id == "digital_tools")
    assert safe.participants == 10  # 8..17, the four people in both counted once


def test_when_a_theme_is_split_by_phrase_then_matching_reflections_move_out():
    review = Review()
    review.split("digital_tools", ["email"], "Email")
    themes = apply_review(_themes(), review, _frame(TEXTS))
    rest = next(t for t in themes if t.id == "digital_tools")
    child = next(t for t in themes if t.id == "digital_tools/email")
    assert child.members == [14, 15, 16, 17] and rest.members == [10, 11, 12, 13]
    assert child.label == "Email" and child.kind == "taxonomy"
    report = disclose(themes, _frame(TEXTS), K)
    shown = {t.id: t.participants for t in report.themes}
    assert shown["digital_tools/email"] is None  # 4 people < k: suppressed like any theme


def test_when_hidden_then_the_theme_is_not_reported():
    review = Review()
    review.hide(emerging_ref(["parking permits"]))
    review.remember(emerging_ref(["parking permits"]), ["parking permits"])
    themes = apply_review(_themes(), review, _frame(TEXTS))
    assert [t.id for t in themes] == ["digital_tools", "wellbeing"]


def test_when_an_emerging_theme_is_renamed_then_the_report_keeps_the_new_label():
    ref = emerging_ref(["parking permits"])
    review = Review()
    review.rename(ref, "Car parking")
    review.remember(ref, ["parking permits"])
    themes = apply_review(_themes(), review, _frame(TEXTS))
    report = rename_report(disclose(themes, _frame(TEXTS), K), review, themes)
    labels = {t.id: t.label for t in report.themes}
    assert labels[ref] == "Car parking"  # the report lists it under its review ref


def test_when_saved_and_loaded_then_the_review_round_trips_as_readable_toml(tmp_path):
    review = Review()
    review.rename("hybrid_work", "Hybrid and remote working")
    review.merge(["wellbeing", "emerging:abc123"], "Wellbeing")
    review.remember("emerging:abc123", ["office snacks", "coffee"])
    review.split("digital_tools", ["chatgpt"], "AI assistants")
    review.hide("generations")
    path = tmp_path / "reflect-review.toml"
    save_review(review, path)
    text = path.read_text()
    assert text.startswith("# Theme review") and 'hybrid_work = "Hybrid and remote working"' in text
    tomllib.loads(text)
    assert load_review(path) == review


@pytest.mark.parametrize(
    ("content", "where"),
    [
        ("[[merge]]\nlabel = 'x'\n", "merge.0.themes: field required"),
        # A string where a list belongs once merged themes "a" and "b".
        ("[[merge]]\nthemes = 'ab'\n", "merge.0.themes: expected a list"),
        ("hide = 'career'\n", "hide: expected a list"),
        ("[[split]]\ntheme = 'x'\nphrases = ['p']\nlabel = 3\n", "split.0.label: expected text"),
        ("[rename]\nhybrid_work = ''\n", "rename.hybrid_work: string should have"),
        ("colour = 'blue'\n", "colour: unknown setting"),
    ],
)
def test_when_the_review_file_is_malformed_then_one_clear_error(tmp_path, content, where):
    from reflect.errors import ConfigError

    path = tmp_path / "r.toml"
    path.write_text(content)
    with pytest.raises(ConfigError) as info:
        load_review(path)
    assert str(info.value).startswith(f"{path}: {where}")
    assert "\n" not in str(info.value)


def test_when_edited_from_the_cli_then_the_review_file_names_themes_by_ref(
    reflect_cli, monkeypatch, tmp_path
):
    write_reports(sample_report(), tmp_path / "out", ["json"])
    review = tmp_path / "reflect-review.toml"
    common = ["--run", str(tmp_path / "out"), "--review", str(review)]
    assert reflect_cli("themes", "rename", "Hybrid working", "Hybrid", *common)[0] == 0
    code, _, err = reflect_cli("themes", "hide", "parking permits", *common)
    assert code == 0 and "hid emerging:" in err
    code, _, err = reflect_cli("themes", "rename", "nonexistent", "X", *common)
    assert code == 2 and "no single theme" in err
    saved = tomllib.loads(review.read_text())
    ref = saved["hide"][0]
    assert saved["rename"] == {"hybrid_work": "Hybrid"}
    assert saved["emerging"][ref]["phrases"] == ["parking permits"]
    code, out, _ = reflect_cli("themes", "list", "--json", *common)
    listed = {row["ref"]: row for row in map(json.loads, out.splitlines())}
    assert listed[ref]["review"] == "hidden"
    assert listed["hybrid_work"]["review"] == "renamed to 'Hybrid'"


@pytest.mark.model
def test_when_reviewed_and_re_run_then_the_edits_still_apply(tiny_csv, tiny_roster, tmp_path):
    from test_cli import run

    out, ws, review = tmp_path / "out", tmp_path / "ws", tmp_path / "reflect-review.toml"
    analyse = ["analyse", str(tiny_csv), "--roster", str(tiny_roster), "--out", str(out)]
    analyse += ["--workspace", str(ws), "--quiet"]
    done = run(*analyse)
    assert done.returncode == 0, done.stderr
    first = {t["id"]: t for t in json.loads((out / "report.json").read_text())["themes"]}
    assert {"hybrid_work", "digital_tools", "hierarchy"} <= set(first)
    edits = ["--run", str(out), "--review", str(review)]
    for args in (
        ["rename", "hybrid_work", "Hybrid and remote working"],
        ["merge", "digital_tools", "hierarchy", "--label", "Tools and hierarchy"],
        ["hide", "wellbeing"],
    ):
        done = run("themes", *args, *edits)
        assert done.returncode == 0, done.stderr
    # A fresh workspace: in the first one the ledger may rightly refuse a merge that adds
    # fewer than k people to a released total (tested in test_privacy_attacks.py).
    again = [*analyse[:-3], "--workspace", str(tmp_path / "ws2"), "--quiet"]
    done = run(*again, "--review", str(review))
    assert done.returncode == 0, done.stderr
    second = {t["id"]: t for t in json.loads((out / "report.json").read_text())["themes"]}
    assert second["hybrid_work"]["label"] == "Hybrid and remote working"
    assert second["digital_tools"]["label"] == "Tools and hierarchy"
    assert "hierarchy" not in second and "wellbeing" not in second
    both = second["digital_tools"]["participants"]
    parts = [first[t]["participants"] or 0 for t in ("digital_tools", "hierarchy")]
    # Withheld when it leaves out fewer than k of the 24 people, or differs from a part (an
    # earlier report's count) by fewer than k: the merge must not single anyone out.
    assert both is None or (both >= max(parts) and both - max(parts) >= 5)
    # A third run picks the review up from the working directory by default.
    done = run(*again, cwd=tmp_path)
    third = json.loads((out / "report.json").read_text())["themes"]
    assert done.returncode == 0 and "wellbeing" not in {t["id"] for t in third}


def test_when_an_emerging_theme_has_no_phrase_then_it_cannot_be_reviewed(tmp_path):
    from reflect.errors import ConfigError
    from reflect.review import resolve, run_themes

    report = sample_report()
    report.themes[7].phrases = []  # the emerging theme: now known only by its position
    report.themes[7].id = "emerging_7"
    write_reports(report, tmp_path / "out", ["json"])
    themes = run_themes(tmp_path / "out")
    with pytest.raises(ConfigError, match="no identity that would survive a re-run"):
        resolve("emerging_7", themes, Review())
    assert resolve("hybrid", themes, Review()) == "hybrid_work"  # a unique prefix


def test_when_an_emerging_theme_is_split_then_the_new_theme_keeps_the_analysts_label():
    ref = emerging_ref(["parking permits"])
    review = Review()
    review.remember(ref, ["parking permits"])
    review.split(ref, ["parking"], "Car parking")
    themes = apply_review(_themes(), review, _frame(TEXTS))
    report = rename_report(disclose(themes, _frame(TEXTS), K), review, themes)
    labels = {t.id: t.label for t in report.themes}
    assert labels[f"{ref}/car_parking"] == "Car parking"


class _Notes:
    def __init__(self) -> None:
        self.notes: list[str] = []

    def note(self, message: str) -> None:
        self.notes.append(message)


def _review_made_for(path, programme: str, fingerprint: str) -> None:
    review = Review()
    review.hide("career")
    review.record_programme({"programme": programme, "programme_fingerprint": fingerprint})
    save_review(review, path)


def test_when_the_working_folders_review_belongs_to_another_programme_then_it_is_skipped(
    tmp_path, monkeypatch, caplog
):
    from reflect.config import Config
    from reflect.pipeline import _review_for

    monkeypatch.chdir(tmp_path)
    _review_made_for(tmp_path / "reflect-review.toml", "Coaching circles", "aaaa")
    notes = _Notes()
    review = _review_for(Config(), "bbbb", notes)
    assert review.is_empty() and notes.notes == []
    assert "made for programme 'Coaching circles': not applied" in caplog.text
    assert "--review" in caplog.text
    # The same file for the same programme is applied, and says so.
    review = _review_for(Config(), "aaaa", notes)
    assert review.hidden == ["career"]
    assert notes.notes == ["applying the theme review in reflect-review.toml"]


def test_when_a_review_is_named_then_it_is_applied_even_if_made_elsewhere(tmp_path):
    from reflect.config import Config
    from reflect.pipeline import _review_for

    path = tmp_path / "other.toml"
    _review_made_for(path, "Coaching circles", "aaaa")
    notes = _Notes()
    review = _review_for(Config(review=path), "bbbb", notes)
    assert review.hidden == ["career"]
    assert notes.notes == [
        f"applying the theme review in {path} (made for programme 'Coaching circles')"
    ]


def test_when_saved_then_the_review_records_its_programme(tmp_path):
    path = tmp_path / "r.toml"
    _review_made_for(path, "Leadership course", "cafe0123")
    saved = tomllib.loads(path.read_text())
    assert saved["made_for"] == {"fingerprint": "cafe0123", "programme": "Leadership course"}
    assert load_review(path).made_for == saved["made_for"]


def test_when_analyse_fails_then_no_review_message_precedes_the_error(
    reflect_cli, monkeypatch, tmp_path
):
    monkeypatch.chdir(tmp_path)
    _review_made_for(tmp_path / "reflect-review.toml", "x", "aaaa")
    code, _, err = reflect_cli("analyse", "missing.csv")
    assert code == 1 and err == "reflect: error: missing.csv: file not found\n"
    code, _, err = reflect_cli("analyse", "x.csv", "--review", "nope.toml")
    assert code == 2 and err == "reflect: error: nope.toml: review file not found\n"


def test_when_an_emerging_theme_is_reported_then_its_id_is_its_review_ref(tmp_path):
    report = disclose(_themes(), _frame(TEXTS), K)
    (tmp_path / "report.json").write_text(json.dumps(report.to_dict()), encoding="utf-8")
    listed = [t for t in run_themes(tmp_path) if t.kind == "emerging"]
    assert listed and all(t.id == t.ref and t.ref.startswith("emerging:") for t in listed)


@pytest.mark.model
def test_a_smaller_k_on_the_command_line_does_not_loosen_the_reviews_rules(tiny_csv, tmp_path):
    # At -k 2, after reports at 5, a split on a phrase two people wrote got through, and the
    # views showed where those two were (red team, 4 December 2026).
    from test_cli import run

    rows = tiny_csv.read_text(encoding="utf-8").splitlines()
    for n in (1, 2):  # two people mention their allotment
        head, _, tail = rows[n].rpartition(",")
        rows[n] = f"{head},we talked about my allotment and {tail}"
    export = tmp_path / "allotments.csv"
    export.write_text("\n".join(rows) + "\n", encoding="utf-8")
    out, ws, review = tmp_path / "out", tmp_path / "ws", tmp_path / "reflect-review.toml"
    analyse = ["analyse", str(export), "--out", str(out), "--workspace", str(ws), "--quiet"]
    assert run(*analyse).returncode == 0
    split = ["themes", "split", "hybrid_work", "--phrase", "allotment", "--label", "Allotments"]
    assert run(*split, "--run", str(out), "--review", str(review)).returncode == 0
    done = run(*analyse, "-k", "2", "--review", str(review))
    assert done.returncode != 0 and "fewer than 5 participants wrote" in done.stderr


def test_under_dp_a_merge_naming_an_emerging_theme_finds_none_whether_or_not_it_exists():
    # A DP report shows no emerging theme; a merge headed by one took "Wellbeing" out of the
    # report exactly when the run found it: an exact bit (red team, stop 41).
    from reflect.review.apply import review_with_moves

    ref = emerging_ref(["parking permits"])
    review = Review()
    review.remember(ref, ["parking permits"])
    review.merge([ref, "wellbeing"])
    found, _ = review_with_moves(_themes(), review, _frame(TEXTS), dp=True)
    missing, _ = review_with_moves(
        [t for t in _themes() if t.kind != "emerging"], review, _frame(TEXTS), dp=True
    )
    assert [(t.id, t.kind, t.members) for t in found] == [
        (t.id, t.kind, t.members) for t in missing
    ]
    assert "wellbeing" in {t.id for t in found}
    merged, _ = review_with_moves(_themes(), review, _frame(TEXTS))  # without DP it merges
    assert "wellbeing" not in {t.id for t in merged}
