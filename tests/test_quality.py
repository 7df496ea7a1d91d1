"""Quality gates as tests: ruff (lint and format) on everything, mypy --strict on the package
and the benchmarks.

The tools are the ones installed beside this interpreter (the test extra), run on the checkout
with the settings in pyproject.toml; a failure shows the tools' own report.
"""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def tool(name: str) -> str:
    path = BIN / name
    assert path.exists(), f"{name} is not installed beside {sys.executable} (the test extra)"
    return str(path)


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command, cwd=REPO, capture_output=True, text=True, encoding="utf-8", timeout=600
    )


def report(result: subprocess.CompletedProcess[str]) -> str:
    return f"\n{result.stdout}\n{result.stderr}"


def test_ruff_check_is_clean() -> None:
    result = run(tool("ruff"), "check", ".")
    assert result.returncode == 0, report(result)


def test_ruff_format_is_clean() -> None:
    result = run(tool("ruff"), "format", "--check", ".")
    assert result.returncode == 0, report(result)


def mypy_targets() -> list[str]:
    """The files pyproject.toml names for mypy: the whole package and the benchmarks."""
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    files: list[str] = config["tool"]["mypy"]["files"]
    return [name for name in files if (REPO / name).exists()]


def test_mypy_strict_is_clean() -> None:
    targets = mypy_targets()
    assert targets == ["karabakh_timeline", "benchmarks"], targets
    result = run(tool("mypy"), "--strict", *targets)
    assert result.returncode == 0, report(result)
    assert result.stdout.startswith("Success: no issues found in ")
