"""A long load shows its progress and can be cancelled, from File → Open and at start-up."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton
from window_support import open_window

import karabakh_timeline.ui.dialogs.load_progress_dialog as dialog_module
from karabakh_timeline.model.load_progress import STEPS
from karabakh_timeline.ui.app import run_app
from karabakh_timeline.ui.main_window import MainWindow


def big_dataset(path: Path, events: int = 20_000) -> Path:
    def event(n: int) -> dict[str, Any]:
        date = f"{1991 + n % 33}-05"
        return {"id": f"e{n}", "date": date, "category": "c", "title": f"T{n}",
                "description": "D", "sources": ["s"]}  # fmt: skip

    document: dict[str, Any] = {
        "dataset": {"name": "Many events", "version": "1"},
        "sources": [{"id": "s", "title": "A source", "publisher": "P"}],
        "categories": [{"id": "c", "label": "Lane"}],
        "events": [event(n) for n in range(events)],
    }
    path.write_text(json.dumps(document), "utf-8")
    return path


def progress_dialogs_shown() -> list[QProgressDialog]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QProgressDialog) and w.isVisible()
    ]


def main_windows() -> set[int]:
    return {id(w) for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)}


class CancelWhenHalfway:
    """Clicks the dialog's Cancel button, as a person would, once the bar has moved."""

    def __init__(self, qtbot) -> None:  # type: ignore[no-untyped-def]
        self.qtbot = qtbot
        self.seen: list[int] = []
        self.clicked = False
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self.look)
        self.timer.start()

    def look(self) -> None:
        shown = progress_dialogs_shown()
        if not shown or self.clicked:
            return
        dialog = shown[0]
        self.seen.append(dialog.value())
        if dialog.value() > 0:
            button = dialog.findChild(QPushButton)
            assert button is not None and button.text() == "Cancel"
            self.clicked = True
            self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


@pytest.fixture
def shown_at_once(monkeypatch):  # type: ignore[no-untyped-def]
    """Treat every dataset as slow to load, so the dialog shows from the start."""
    monkeypatch.setattr(dialog_module, "slow_to_load", lambda path: True)


@pytest.fixture
def progress_seen(monkeypatch):  # type: ignore[no-untyped-def]
    """Every (done, total) the loader told the dialog, and what the dialog answered."""
    seen: list[tuple[int, bool]] = []
    original = dialog_module.LoadProgressDialog.__call__

    def spy(self, done: int, total: int) -> bool:  # type: ignore[no-untyped-def]
        answer = original(self, done, total)
        seen.append((done, answer))
        return answer

    monkeypatch.setattr(dialog_module.LoadProgressDialog, "__call__", spy)
    return seen


def test_cancelling_stops_the_load_and_keeps_the_current_dataset(
    qtbot, sample_dataset, tmp_path, shown_at_once, progress_seen
):
    window, _ = open_window(qtbot, sample_dataset, tmp_path)
    timeline = window.timeline
    canceller = CancelWhenHalfway(qtbot)

    assert window.open_dataset(big_dataset(tmp_path / "many.json")) is False

    canceller.timer.stop()
    assert canceller.clicked
    assert progress_seen[-1][1] is False  # the loader heard "stop" and asked nothing more
    assert progress_seen[-1][0] < STEPS  # before the end
    assert window.dataset is sample_dataset and window.timeline is timeline
    assert window.windowTitle() == "Karabakh Timeline — Test sample"
    assert window.statusBar().currentMessage() == (
        "Stopped opening many.json: the dataset shown is unchanged"
    )
    assert not progress_dialogs_shown()
    assert QApplication.overrideCursor() is None


def test_a_load_left_to_finish_opens_the_dataset(
    qtbot, sample_dataset, tmp_path, shown_at_once, progress_seen
):
    window, _ = open_window(qtbot, sample_dataset, tmp_path)

    with qtbot.waitSignal(window.dataset_changed, timeout=20_000):
        assert window.open_dataset(big_dataset(tmp_path / "many.json", 3000)) is True

    assert window.windowTitle() == "Karabakh Timeline — Many events"
    assert progress_seen[0] == (0, True) and progress_seen[-1] == (STEPS, True)
    assert not progress_dialogs_shown()


def test_cancelling_a_long_load_at_start_up_opens_no_window(
    qtbot, qapp, tmp_path, isolated_settings, monkeypatch, capsys, progress_seen
):
    import karabakh_timeline.ui.app as app_module

    monkeypatch.setattr(app_module, "slow_to_load", lambda path: True)
    monkeypatch.setattr(dialog_module, "slow_to_load", lambda path: True)
    names = qapp.organizationName(), qapp.applicationName()
    canceller = CancelWhenHalfway(qtbot)
    data = big_dataset(tmp_path / "many.json")
    args = argparse.Namespace(data=data, start=None, end=None, event=None)
    windows_before = main_windows()

    try:
        code = run_app(args)
    finally:
        qapp.setOrganizationName(names[0])
        qapp.setApplicationName(names[1])

    canceller.timer.stop()
    assert code == 1 and canceller.clicked
    assert f"karabakh-timeline: stopped opening {data}" in capsys.readouterr().err
    assert main_windows() == windows_before  # none was made
    assert progress_seen[-1][1] is False
