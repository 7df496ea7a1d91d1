"""`karabakh-timeline validate`: one count line and exit 0, or one line per problem and exit 1."""

from __future__ import annotations

from pathlib import Path

from cli_runner import SAMPLE, RunCli

OK_LINE = (
    "OK: Test sample t1: 6 events, 8 casualty reports, 5 clearance reports, 2 eras, "
    "3 places, 3 sources"
)


def test_the_sample_is_valid(run_cli: RunCli, sample: str) -> None:
    result = run_cli("validate", sample)
    assert result.returncode == 0
    assert result.stdout.splitlines() == [OK_LINE]
    assert result.stderr == ""


def test_a_single_file_is_valid_too(run_cli: RunCli) -> None:
    result = run_cli("validate", str(SAMPLE / "sample.yaml"))
    assert result.returncode == 0
    assert result.stdout.splitlines() == [OK_LINE]


def test_data_given_before_the_command_is_validated(run_cli: RunCli, sample: str) -> None:
    result = run_cli("--data", sample, "validate")
    assert result.returncode == 0
    assert result.stdout.splitlines() == [OK_LINE]


def test_problems_are_printed_one_a_line_with_exit_1(run_cli: RunCli, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "sources:\n  - {id: src-a, title: A, publisher: P, year: 2004}\n  - {id: src-b}\n",
        encoding="utf-8",
    )
    result = run_cli("validate", str(bad))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{bad}:2: unknown field 'year' in a source",
        f"{bad}:3: a source is missing the field 'title'",
        f"{bad}:3: a source is missing the field 'publisher'",
    ]
    assert result.stderr == "3 problem(s) found\n"


def test_a_missing_path(run_cli: RunCli, tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"
    result = run_cli("validate", str(missing))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [f"{missing}: no such file or folder"]


def test_other_commands_report_dataset_problems_the_same_way(
    run_cli: RunCli, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("sources:\n  - {id: src-a, title: A}\n", encoding="utf-8")
    for command in ("events", "summary"):
        result = run_cli(command, "--data", str(bad))
        assert result.returncode == 1
        assert result.stderr.splitlines() == [f"{bad}:2: a source is missing the field 'publisher'"]
        assert result.stdout == ""
