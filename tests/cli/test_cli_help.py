"""Every command explains itself with --help; usage mistakes end in a message, not a traceback."""

from __future__ import annotations

import pytest
from cli_runner import RunCli

from karabakh_timeline import __version__


def test_top_level_help_names_every_command(run_cli: RunCli) -> None:
    result = run_cli("--help")
    assert result.returncode == 0
    assert result.stdout.startswith("usage: karabakh-timeline ")
    for word in ("events", "summary", "validate", "--data", "--from", "--to", "--event"):
        assert word in result.stdout
    assert "Without a command, opens the window." in " ".join(result.stdout.split())


@pytest.mark.parametrize(
    ("command", "options"),
    [
        ("events", ["--data", "--from", "--to", "--category", "--search", "--json"]),
        ("summary", ["--data", "--from", "--to", "--json"]),
        ("validate", ["PATH"]),
    ],
)
def test_each_command_has_help(run_cli: RunCli, command: str, options: list[str]) -> None:
    result = run_cli(command, "--help")
    assert result.returncode == 0
    assert result.stdout.startswith(f"usage: karabakh-timeline {command} ")
    for option in options:
        assert option in result.stdout
    assert result.stderr == ""


def test_version(run_cli: RunCli) -> None:
    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stdout == f"karabakh-timeline {__version__}\n"


def test_an_unknown_command_is_a_usage_error(run_cli: RunCli) -> None:
    result = run_cli("timeline")
    assert result.returncode == 2
    assert "argument COMMAND: invalid choice: 'timeline'" in result.stderr


def test_an_unknown_option_is_a_usage_error(run_cli: RunCli) -> None:
    result = run_cli("events", "--colour", "red")
    assert result.returncode == 2
    assert "unrecognized arguments: --colour red" in result.stderr
