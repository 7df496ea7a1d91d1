"""File → Open on a bad file shows its problem in the problems box, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from window_support import open_window

BAD = Path(__file__).resolve().parents[1] / "fixtures" / "bad"


@pytest.fixture
def window(qtbot, sample_dataset, tmp_path):  # type: ignore[no-untyped-def]
    window, _ = open_window(qtbot, sample_dataset, tmp_path)
    return window


@pytest.mark.parametrize(
    ("name", "line"),
    [
        (
            "huge_integer.json",
            "huge_integer.json:2: a number of 5,000 digits is too long to be read",
        ),
        ("count_1e400.yaml", "count_1e400.yaml:10: 'killed': 1e400 is too large"),
        ("newline_in_value.yaml", "'high\\nother.yaml:1: everything is fine'"),
        ("long_year.csv", "long_year.csv:2: Year '22222222222222222222… (3,000 characters)'"),
        ("duplicate_column.csv", "duplicate_column.csv:1: the column 'Headline' appears twice"),
    ],
)
def test_file_open_on_a_bad_file_shows_its_problem(  # type: ignore[no-untyped-def]
    qtbot, window, monkeypatch: pytest.MonkeyPatch, name: str, line: str
) -> None:
    chosen = str(BAD / name)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (chosen, ""))
    before = window.dataset
    window.open_action.trigger()
    box = window.problems_dialog
    assert isinstance(box, QMessageBox)
    qtbot.waitUntil(box.isVisible, timeout=2000)
    assert f"“{name}” has 1 problem and was not opened" in box.text()
    assert line in box.informativeText()
    assert len(box.informativeText().splitlines()) == 1
    assert window.dataset is before
    box.close()
