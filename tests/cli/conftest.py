"""Fixtures for the command-line tests: a runner working in a scratch folder, the sample's path."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import SAMPLE, RunCli, cli_runner


@pytest.fixture
def run_cli(tmp_path: Path) -> RunCli:
    return cli_runner(tmp_path)


@pytest.fixture
def sample() -> str:
    return str(SAMPLE)
