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


def test_a_pipe_closed_early_is_not_success(tmp_path: Path) -> None:
    # `validate BAD | head -1`: the reader goes away after one line; the exit is still 1, and
    # no traceback or "Exception ignored" is printed about the closed pipe.
    import subprocess
    import sys

    bad = tmp_path / "many.yaml"
    bad.write_text(
        "sources:\n"
        + "".join(
            f"  - {{id: s{n}, title: A, publisher: P, colour: red}}\n" for n in range(20_000)
        ),
        encoding="utf-8",
    )
    with subprocess.Popen(
        [sys.executable, "-m", "karabakh_timeline", "validate", str(bad)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=tmp_path,
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        first = process.stdout.readline()
        process.stdout.close()
        errors = process.stderr.read().decode("utf-8")
        code = process.wait(timeout=120)
    assert first.decode("utf-8") == f"{bad}:2: unknown field 'colour' in a source\n"
    assert code == 1
    assert errors == ""


def test_a_usage_mistake_is_one_line_pointing_at_help(run_cli: RunCli) -> None:
    result = run_cli("validate", "a.yaml", "b.yaml")
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "karabakh-timeline: error: unrecognized arguments: b.yaml (see 'karabakh-timeline --help')"
    ]


def test_a_value_in_a_message_cannot_split_it(run_cli: RunCli, tmp_path: Path) -> None:
    bad = tmp_path / "forged.yaml"
    bad.write_text(
        'sources:\n  - {id: "x\\u2028\\u0085\\ry\\u202e", title: A, publisher: P}\n',
        encoding="utf-8",
    )
    result = run_cli("validate", str(bad))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{bad}:2: 'x\\u2028\\u0085\\ry\\u202e' is not a valid id: "
        "use lower-case letters and digits joined by -, _ or ."
    ]
