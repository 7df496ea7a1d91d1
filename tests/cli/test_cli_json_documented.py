"""Every key the JSON output can hold is documented in docs/command-line.md, and vice versa for
the top level: scripts written from the documentation must meet what the commands print."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from cli_runner import RunCli

DOCS = Path(__file__).resolve().parents[2] / "docs" / "command-line.md"

# Mappings whose keys are data (figure names, methods, item types), not part of the shape.
OPEN_MAPPINGS = {"area", "items", "land_use", "other"}


def keys_of(value: Any, parent: str = "", found: set[str] | None = None) -> set[str]:
    found = set() if found is None else found
    if isinstance(value, dict):
        # An event's figures and a series total's figures are named by the data, but a casualty
        # report's figures always hold the same seven documented keys.
        open_mapping = parent in OPEN_MAPPINGS or parent in ("event.figures", "series.figures")
        for key, item in value.items():
            if not open_mapping:
                found.add(key)
            context = key
            if key == "figures":
                context = {"events": "event.figures", "by_series": "series.figures"}.get(
                    parent, "figures"
                )
            keys_of(item, context, found)
    elif isinstance(value, list):
        for item in value:
            keys_of(item, parent, found)
    return found


def documented(key: str, text: str) -> bool:
    return f"`{key}`" in text or f'"{key}"' in text


@pytest.mark.parametrize("command", ["events", "summary"])
def test_every_key_is_documented(run_cli: RunCli, sample: str, command: str) -> None:
    result = run_cli(command, "--data", sample, "--json")
    assert result.returncode == 0
    keys = keys_of(json.loads(result.stdout_bytes))
    assert {"format", "dataset", "range"} <= keys
    assert len(keys) > 20
    text = DOCS.read_text(encoding="utf-8")
    assert [key for key in sorted(keys) if not documented(key, text)] == []


def test_the_docs_say_unknown_is_null_and_the_shape_is_versioned() -> None:
    text = " ".join(DOCS.read_text(encoding="utf-8").split())
    assert "**Unknown is `null`**, never 0" in text
    assert 'versioned** by the top-level `"format"` key, now `2`' in text


@pytest.mark.parametrize("command", ["events", "summary"])
def test_the_documented_format_is_the_one_printed(
    run_cli: RunCli, sample: str, command: str
) -> None:
    result = run_cli(command, "--data", sample, "--json")
    assert json.loads(result.stdout_bytes)["format"] == 2
