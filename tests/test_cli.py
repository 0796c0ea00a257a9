from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from scan import files_under, found_in, numbers_in

from reflect.cli.main import app


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """The real console script, as a user runs it."""
    exe = Path(sys.executable).with_name("reflect")
    return subprocess.run([str(exe), *args], capture_output=True, text=True, cwd=cwd, timeout=600)


def run_inline(capsys, monkeypatch, *args: str) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "argv", ["reflect", *args])
    with pytest.raises(SystemExit) as info:
        app()
    out, err = capsys.readouterr()
    return info.value.code, out, err


@pytest.mark.model
def test_analyse_end_to_end_is_private(tiny_csv, tiny_roster, tmp_path):
    out, ws = tmp_path / "out", tmp_path / "ws"
    done = run(
        "analyse",
        str(tiny_csv),
        "--roster",
        str(tiny_roster),
        "--out",
        str(out),
        "--workspace",
        str(ws),
        "--quiet",
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""  # --quiet: nothing on the terminal
    assert {p.name for p in out.iterdir()} == {
        "report.html",
        "report.md",
        "report.json",
        "themes.csv",
    }
    report = json.loads((out / "report.json").read_text())
    assert report["n_participants"] == 24
    themes = {t["id"]: t for t in report["themes"]}
    assert themes["hybrid_work"]["participants"] >= 5
    assert themes["digital_tools"]["participants"] >= 5
    k = report["min_group_size"]
    for where, number in numbers_in(report["themes"]):
        if where.endswith(("share",)):
            continue
        assert number >= k, where
    planted = ["07700 900123", "jo.bloggs@example.com", "Priya", "Shah", "E10003"]
    for path in files_under(out, ws):
        assert not found_in(path, set(planted)), path.name


def test_unknown_option_is_one_line_and_exit_2(capsys, monkeypatch, tiny_csv):
    code, _, err = run_inline(capsys, monkeypatch, "analyse", str(tiny_csv), "--bogus")
    assert code == 2 and err.count("\n") == 1 and "--bogus" in err


def test_two_filters_are_refused_not_reduced_to_the_last(capsys, monkeypatch, tiny_csv):
    # "--filter role=mentor --filter session=5..6" wrote a session view of everyone that
    # read as the mentors' (red team, 4 December 2026).
    code, _, err = run_inline(
        capsys, monkeypatch, "analyse", str(tiny_csv), "--filter", "role=mentor",
        "--filter", "session=1",
    )  # fmt: skip
    assert code == 2 and err.count("\n") == 1 and "one group per report" in err


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "empty file"),
        (b"Participant ID,Role\nE1,mentor\n", "no text column"),
        (b"Participant ID,What worked?\nE1,caf\xe9 was nice today\n", "not valid utf-8"),
    ],
)
def test_bad_input_leaves_existing_out_untouched(capsys, monkeypatch, tmp_path, content, expected):
    out = tmp_path / "out"
    out.mkdir()
    (out / "report.json").write_text("previous")
    bad = tmp_path / "bad.csv"
    bad.write_bytes(content)
    code, _, err = run_inline(
        capsys,
        monkeypatch,
        "analyse",
        str(bad),
        "--out",
        str(out),
        "--workspace",
        str(tmp_path / "ws"),
    )
    assert code == 1 and err.count("\n") == 1
    assert expected in err.lower() and "bad.csv" in err
    assert [p.name for p in out.iterdir()] == ["report.json"]
    assert (out / "report.json").read_text() == "previous"


def test_missing_input_path(capsys, monkeypatch, tmp_path):
    code, _, err = run_inline(capsys, monkeypatch, "analyse", str(tmp_path / "nope.csv"))
    assert code == 1 and err == "reflect: error: nope.csv: file not found\n"


def test_an_output_folder_that_cannot_be_written_fails_before_any_work(
    reflect_cli, tiny_csv, tmp_path
):
    blocker = tmp_path / "a_file"
    blocker.write_text("")
    code, _, err = reflect_cli("analyse", str(tiny_csv), "--out", str(blocker / "out"))
    assert code == 2 and err.count("\n") == 1
    assert f"--out {blocker / 'out'}: cannot write reports there" in err


def test_every_command_and_option_has_help():
    from typer.main import get_command

    from reflect.cli.main import app_typer

    root = get_command(app_typer)
    for name, command in root.commands.items():
        assert command.help, name
        assert "Example" in command.help, name
        for param in command.params:
            if param.name != "help":
                assert getattr(param, "help", None), f"{name} {param.name}"


@pytest.mark.model
def test_a_roster_changed_after_a_release_is_refused_and_not_kept(
    tiny_csv, tiny_roster, tmp_path, reflect_cli
):
    # A roster row named after a word redacted it where one person wrote it, and rule 3's
    # refusal told so (red team, stop 38): the roster a release was made with is kept.
    ws, out = tmp_path / "ws", tmp_path / "out"
    changed = tmp_path / "changed.csv"
    changed.write_text(tiny_roster.read_text() + "X90001,Rota Qwxz\n", encoding="utf-8")

    def analyse(roster, where):
        return reflect_cli("analyse", str(tiny_csv), "--roster", str(roster), "--workspace",
                           str(ws), "--out", str(where), "--quiet")  # fmt: skip

    assert analyse(tiny_roster, out)[0] == 0
    code, _, err = analyse(changed, tmp_path / "out2")
    assert code == 1 and "roster differs" in err
    assert not (tmp_path / "out2").exists()
    assert analyse(tiny_roster, tmp_path / "out3")[0] == 0  # the refused roster was not kept


@pytest.mark.model
def test_taught_answers_are_fixed_once_a_workspace_has_released(tiny_csv, tmp_path, reflect_cli):
    # Teaching an answer's twin (a space added), then the answer, made rule 3's refusal say
    # whether its writer was in the theme (red team, stop 39): teaching is set before a
    # workspace's first report, or in a new workspace.
    review = tmp_path / "review.toml"
    review.write_text('[teach.hierarchy]\nconfirm = ["Hard to speak up here"]\n', "utf-8")

    def analyse(ws, out, *more):
        return reflect_cli("analyse", str(tiny_csv), "--workspace", str(tmp_path / ws), "--out",
                           str(tmp_path / out), "--quiet", *more)  # fmt: skip

    assert analyse("ws", "out1")[0] == 0
    code, _, err = analyse("ws", "out2", "--review", str(review), "--dp-epsilon", "1")
    assert code == 1 and "taught answers differ" in err
    assert not (tmp_path / "out2").exists()
    assert analyse("ws", "out3")[0] == 0  # the refused teaching was not kept
    assert analyse("ws_new", "out4", "--review", str(review))[0] == 0


@pytest.mark.model
def test_a_dp_report_does_not_pass_on_an_edit_it_never_judged(tiny_csv, tmp_path, reflect_cli):
    # A DP report with a new review, then a plain one with that review and changed answers:
    # the pin had taken the DP report's review as released, so the edit and the answers
    # changed together unjudged (red team, stop 38).
    ws = tmp_path / "ws"
    review = tmp_path / "review.toml"
    review.write_text('hide = ["career"]\n', encoding="utf-8")
    touched = tmp_path / "touched.csv"
    lines = tiny_csv.read_text(encoding="utf-8").splitlines()
    doubled = ["  ".join(line.rsplit(" ", 1)) for line in lines[1:]]  # a space in an answer
    touched.write_text("\n".join([lines[0], *doubled]) + "\n", encoding="utf-8")

    def analyse(export, *more):
        return reflect_cli("analyse", str(export), "--workspace", str(ws), "--out",
                           str(tmp_path / f"out{len(more)}"), "--quiet", *more)  # fmt: skip

    assert analyse(tiny_csv)[0] == 0
    assert analyse(tiny_csv, "--review", str(review), "--dp-epsilon", "1")[0] == 0
    code, _, err = analyse(touched, "--review", str(review))
    assert code == 1 and "both the theme review" in err
