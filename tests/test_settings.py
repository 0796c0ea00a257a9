"""Settings and the command line: reflect.toml is decoded against a typed schema (one line,
exit 2 on any wrong type), help is complete at 80 columns, --version and --quiet work."""

from __future__ import annotations

import re
import sys

import pytest

from reflect.config import ColumnMap, Config, load_config
from reflect.errors import ConfigError


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('min_group_size = "five"', "min_group_size: expected a whole number"),
        ('formats = "html"', "formats: expected a list"),
        # before any work: a typo found after the analysis released a report nobody has
        ('formats = ["html", "mdx"]', "unknown report format 'mdx'"),
        ("quotes = 1", "quotes: expected true or false"),
        ('dp_epsilon = "1.0"', "dp_epsilon: expected a number"),
        ("min_group_size = 1", "min_group_size: input should be greater than or equal to 2"),
        ("[columns]\ntext = 3", "columns.text: expected a list"),
        ('[columns]\ncolour = "x"', "columns.colour: unknown setting"),
        ("colour = 1", "colour: unknown setting"),
        ('session_name = "3rd session!"', "session_name: "),
        ('filter = "colour=blue"', "cannot filter on 'colour'"),
        ("min_group_size = ", "not valid TOML"),
        ('dp_epsilon = 1.0\nfilter = "role=mentor"', "--dp-epsilon and --filter cannot"),
    ],
)
def test_when_a_setting_has_the_wrong_type_then_one_line_and_exit_2(
    reflect_cli, tmp_path, content, message
):
    path = tmp_path / "reflect.toml"
    path.write_text(content + "\n")
    with pytest.raises(ConfigError, match=re.escape(message)):
        load_config(path)
    code, _, err = reflect_cli("analyse", "x.csv", "--config", str(path))
    assert code == 2 and err.count("\n") == 1
    assert err.startswith(f"reflect: error: {path}: ")


def test_when_a_single_text_column_is_a_string_then_it_is_one_column(tmp_path):
    path = tmp_path / "reflect.toml"
    path.write_text('programme = "Data skills"\n[columns]\ntext = "What worked?"\n')
    config = load_config(path)
    assert config.columns.text == ("What worked?",) and config.programme == "Data skills"


def test_when_built_in_python_then_wrong_types_are_config_errors_too():
    assert Config(columns=ColumnMap(text=["a", "b"])).columns.text == ("a", "b")
    with pytest.raises(ConfigError, match="min_group_size"):
        Config(min_group_size="5")
    with pytest.raises(ConfigError, match="columns.participant"):
        Config(columns={"participant": 7})


def test_when_cli_options_are_wrong_then_one_line_and_exit_2(reflect_cli):
    code, _, err = reflect_cli("analyse", "x.csv", "-k", "1")
    assert code == 2 and err.count("\n") == 1 and "min_group_size" in err
    code, _, err = reflect_cli("analyse", "x.csv", "-k", "five")
    assert code == 2 and err.count("\n") == 1 and "--min-group-size" in err


def test_when_asked_for_the_version_then_it_is_printed(reflect_cli):
    from reflect import __version__

    assert reflect_cli("--version") == (0, f"reflect {__version__}\n", "")


def test_when_run_bare_then_the_help_is_shown(reflect_cli):
    code, out, _ = reflect_cli()
    assert code == 2 and out.startswith("Usage: ") and "COMMAND" in out
    code, out, _ = reflect_cli("themes")
    assert code == 2 and "rename" in out


COMMANDS = [
    [],
    ["analyse"],
    ["compare"],
    ["forget"],
    ["redact"],
    ["themes"],
    ["themes", "list"],
    ["themes", "show"],
    ["themes", "rename"],
    ["themes", "merge"],
    ["themes", "split"],
    ["themes", "hide"],
    ["themes", "teach"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "reflect")
def test_when_help_is_shown_at_80_columns_then_it_is_complete(reflect_cli, command):
    code, out, err = reflect_cli(*command, "--help")
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert max(len(line) for line in lines) <= 80
    assert not any(line.rstrip().endswith("...") for line in lines if "Usage:" not in line)
    assert "<list[" not in out  # an argument's type reads as its items' type
    assert "...}..." not in out
    for option in re.findall(r"\[default: [^\]]+\]", out):
        assert out.count(option) == 1 or option == "[default: out]", option


def test_when_the_format_help_is_read_then_every_format_is_named(reflect_cli):
    from reflect.report import report_formats

    _, out, _ = reflect_cli("analyse", "--help")
    flat = " ".join(out.split())
    for name in report_formats.names():
        assert name in flat


def test_when_quiet_then_library_bars_and_logs_are_silenced():
    # In a fresh process, as a CLI run: --quiet is applied before any model library loads
    # (tqdm reads its settings when it is first imported).
    import subprocess

    script = """
import logging, sys, warnings
from reflect.cli.progress import progress_for
progress_for(quiet=True)
from tqdm import tqdm
for _ in tqdm(range(3), file=sys.stderr, desc="Loading weights"):
    pass
logging.getLogger("sentence_transformers").warning("a library warning")
logging.getLogger("reflect").warning("a reflect warning")
warnings.warn("a deprecation")
print("done")
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout == "done\n"
    assert done.stderr == ""


@pytest.mark.parametrize(
    ("args", "allowed"),
    [
        (["--help"], set()),
        # typer itself converts a command's options with pydantic
        (["analyse", "--help"], {"pydantic"}),
        (["analyse", "missing.csv"], {"pydantic"}),
        (["themes", "list", "--run", "nowhere"], {"pydantic"}),
    ],
)
def test_when_help_or_an_early_error_then_no_heavy_library_is_imported(tmp_path, args, allowed):
    # Start-up cost is what a user waits for on every typo: help and errors found before
    # the data is read must not load the models' libraries, nor pandas.
    import subprocess

    script = f"""
import sys
from reflect.cli.main import app
sys.argv = ["reflect", *{args!r}]
try:
    app()
except SystemExit:
    pass
heavy = ("torch", "spacy", "sklearn", "transformers", "onnxruntime", "pandas", "pydantic")
print("LOADED:" + ",".join(m for m in heavy if m in sys.modules))
"""
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=tmp_path
    )
    line = done.stdout.rsplit("LOADED:", 1)[1].strip()
    loaded = set(filter(None, line.split(",")))
    assert loaded <= allowed, done.stdout


def test_when_fewer_than_2k_people_take_part_then_a_warning_line_says_so(caplog):
    import pandas as pd

    from reflect import frames as F
    from reflect.pipeline import _warn_if_small

    frame = pd.DataFrame({F.PARTICIPANT: [f"P{i}" for i in range(7)]})
    _warn_if_small(frame, 5)
    # The message, not the log record's format (whose line number may hold any digit).
    said = " ".join(caplog.messages)
    assert "fewer than 10 participants" in said and "7" not in said
    caplog.clear()
    _warn_if_small(pd.DataFrame({F.PARTICIPANT: [f"P{i}" for i in range(10)]}), 5)
    assert caplog.text == ""


def test_formats_may_be_separated_by_commas():
    assert Config(formats=["html,md", "json"]).formats == ("html", "md", "json")
