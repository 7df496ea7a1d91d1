"""Run the command line as a person does: a fresh interpreter, from a folder of its own.

Imported by name as ``cli_runner`` (pyproject.toml puts ``tests/support`` on the path).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

SAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "sample"


@dataclass(frozen=True)
class Run:
    returncode: int
    stdout_bytes: bytes
    stderr: str

    @property
    def stdout(self) -> str:
        return self.stdout_bytes.decode("utf-8")

    def assert_clean(self) -> None:
        """No traceback, whatever happened."""
        assert "Traceback" not in self.stderr, self.stderr


RunCli = Callable[..., Run]


def cli_runner(cwd: Path) -> RunCli:
    """``run("events", "--json")`` runs ``python -m karabakh_timeline events --json`` in cwd."""

    def run(*args: str, env: dict[str, str] | None = None) -> Run:
        result = subprocess.run(
            [sys.executable, "-m", "karabakh_timeline", *args],
            capture_output=True,
            cwd=cwd,
            env={**os.environ, **(env or {})},
            timeout=120,
        )
        outcome = Run(result.returncode, result.stdout, result.stderr.decode("utf-8", "replace"))
        outcome.assert_clean()
        return outcome

    return run
