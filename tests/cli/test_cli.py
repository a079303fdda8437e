"""The command line: exit codes, one-line errors, help for every command."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from coach import __version__
from coach.cli import main
from tests.conftest import ROOT, run_coach

COMMANDS = ["rapid", "kata", "list", "validate", "check", "stats", "export", "import"]


def test_version():
    result = run_coach("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"coach {__version__}"


def test_help_lists_every_command():
    result = run_coach("--help")
    assert result.returncode == 0
    for command in COMMANDS:
        assert command in result.stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--help"])
    assert exit_info.value.code == 0
    assert f"usage: coach {command}" in capsys.readouterr().out


def one_line_error(result: subprocess.CompletedProcess) -> str:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


def test_unknown_kata_suggests_the_nearest():
    result = run_coach("kata", "two_sm")
    assert result.returncode == 2
    assert one_line_error(result) == "coach: unknown kata 'two_sm'; did you mean 'two_sum'?"


def test_unknown_kata_far_from_everything_still_suggests():
    result = run_coach("kata", "nope")
    assert result.returncode == 2
    assert one_line_error(result).startswith("coach: unknown kata 'nope'; did you mean one of ")


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["frobnicate"], "invalid choice: 'frobnicate'"),
        (["rapid", "--count", "many"], "argument --count: expected a whole number, got 'many'"),
        (["rapid", "--timer", "0"], "argument --timer: expected a number above 0"),
        (["rapid", "--level", "guru"], "argument --level: invalid choice: 'guru'"),
        (["rapid", "--new", "-1"], "argument --new: expected a number from 0 to 9999, got -1"),
        (["rapid", "--new", "lots"], "argument --new: expected a whole number, got 'lots'"),
        (["rapid", "--unsuspend", "nope"], "'nope' is not a card coach knows"),
        (["list", "everything"], "invalid choice: 'everything'"),
        (["check", "two_sum"], "the following arguments are required: SOLUTION"),
        (["stats", "--bogus"], "coach stats: unrecognized arguments: --bogus (see 'coach stats --help')"),
        (["--bogus"], "coach: unrecognized arguments: --bogus (see 'coach --help')"),
    ],
)
def test_usage_errors_are_one_line_and_exit_2(args, expected):
    result = run_coach(*args)
    assert result.returncode == 2
    line = one_line_error(result)
    assert line.startswith("coach")
    assert expected in line


def test_check_missing_solution_file(tmp_path):
    result = run_coach("check", "two_sum", str(tmp_path / "nope.py"))
    assert result.returncode == 2
    assert one_line_error(result) == f"coach: no such file: {tmp_path / 'nope.py'}"


def test_check_unknown_kata(tmp_path):
    solution = tmp_path / "s.py"
    solution.write_text("")
    result = run_coach("check", "two_summ", str(solution))
    assert result.returncode == 2
    assert one_line_error(result) == "coach: unknown kata 'two_summ'; did you mean 'two_sum'?"


def test_tui_without_a_terminal_says_so():
    result = run_coach(input="")
    assert result.returncode == 2
    assert "needs a terminal" in one_line_error(result)


def test_list_katas_table_and_json():
    table = run_coach("list", "katas")
    assert table.returncode == 0
    assert "two_sum" in table.stdout and "Two Sum" in table.stdout
    data = json.loads(run_coach("list", "katas", "--json").stdout)
    by_id = {item["id"]: item for item in data}
    assert {"two_sum", "rate_limiter", "throttle"} <= set(by_id)
    assert by_id["two_sum"]["title"] == "Two Sum"
    assert by_id["two_sum"]["difficulty"] == "easy"
    assert isinstance(by_id["two_sum"]["topics"], list)


def test_list_questions_json_fields():
    result = run_coach("list", "questions", "--json")
    assert result.returncode == 0
    data = json.loads(result.stdout)
    assert data, "the bundled decks hold questions"
    for item in data:
        assert {"id", "question", "topic", "level"} <= set(item)


def test_internal_errors_are_one_line_unless_debugging(monkeypatch, capsys):
    import coach.commands.listing as listing

    def boom(args):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(listing, "run_list", boom)
    assert main(["list", "katas"]) == 1
    err = capsys.readouterr().err
    assert err.strip() == ("coach: internal error: RuntimeError: disk on fire "
                           "(run with COACH_DEBUG=1 to see the traceback)")
    monkeypatch.setenv("COACH_DEBUG", "1")
    with pytest.raises(RuntimeError):
        main(["list", "katas"])


def test_python_dash_m_coach_works():
    result = subprocess.run([sys.executable, "-m", "coach", "--version"], capture_output=True, text=True,
                            cwd=ROOT)
    assert result.returncode == 0 and result.stdout.startswith("coach ")


@pytest.mark.parametrize("command", ["kata", "list"])
def test_the_patterns_the_help_suggests_have_katas(command, capsys):
    """``coach kata --help`` once suggested 'two pointers', which no bundled kata trains."""
    import re

    from coach.commands.listing import pattern_filter
    from coach.content.library import load_library

    with pytest.raises(SystemExit):
        main([command, "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    examples = re.findall(r"'([^']+)'", help_text.split("such as", 1)[1].split("(", 1)[0])
    assert examples
    bundled = load_library(questions=False, user=False)
    for example in examples:
        assert pattern_filter(example.upper(), bundled, need_katas=True) == example
