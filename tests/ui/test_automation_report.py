"""The JSON report the end-to-end test reads: what the details panel shows, where markers are."""

from __future__ import annotations

import datetime as dt
import json

from PySide6.QtCore import QPoint
from window_support import open_window

from karabakh_timeline.ui.testing import (
    FIRST_PAINT_VARIABLE,
    REPORT_VARIABLE,
    hooks_from_environment,
)
from karabakh_timeline.ui.testing.automation_report import AutomationReport
from karabakh_timeline.ui.testing.first_paint import FirstPaintHook

ENV_VAR = REPORT_VARIABLE


def test_off_unless_asked(qtbot, sample_dataset, tmp_path, monkeypatch):
    monkeypatch.delenv(REPORT_VARIABLE, raising=False)
    monkeypatch.setenv(FIRST_PAINT_VARIABLE, "0")
    window, _ = open_window(qtbot, sample_dataset, tmp_path)
    assert hooks_from_environment(window) == []


def test_the_first_paint_hook_only_when_asked(qtbot, sample_dataset, tmp_path, monkeypatch):
    monkeypatch.delenv(REPORT_VARIABLE, raising=False)
    monkeypatch.setenv(FIRST_PAINT_VARIABLE, "1")
    window, _ = open_window(qtbot, sample_dataset, tmp_path)
    hooks = hooks_from_environment(window)
    viewport = window.timeline.viewport()
    viewport.removeEventFilter(hooks[0])  # before any paint: it would quit the application
    assert [type(hook) for hook in hooks] == [FirstPaintHook]
    assert hooks[0].parent() is viewport


def test_reports_the_shown_event_and_marker_positions(qtbot, sample_dataset, tmp_path, monkeypatch):
    target = tmp_path / "report.json"
    monkeypatch.setenv(ENV_VAR, str(target))
    window, selection = open_window(qtbot, sample_dataset, tmp_path)
    monkeypatch.delenv(FIRST_PAINT_VARIABLE, raising=False)
    hooks = hooks_from_environment(window)
    assert [type(hook) for hook in hooks] == [AutomationReport]
    window.timeline.set_x_range(dt.date(2021, 1, 1), dt.date(2021, 12, 31))
    selection.set_event("ev-2021-maps")
    qtbot.waitUntil(
        lambda: target.exists() and '"ev-2021-maps"' in target.read_text(), timeout=3000
    )
    contents = json.loads(target.read_text(encoding="utf-8"))
    assert contents["shown_event"] == contents["selected_event"] == "ev-2021-maps"
    assert contents["view"] == ["2021-01-01", "2021-12-31"]
    assert contents["period"] == ["1991-01-01", "2023-12-31"]
    assert set(contents["markers"]) == {"ev-2021-kalbajar", "ev-2021-maps", "ev-2021-accuracy"}
    # Each screen position maps back onto its own event.
    view = window.timeline
    for event_id, (x, y) in contents["markers"].items():
        local = view.viewport().mapFromGlobal(QPoint(x, y))
        assert view.event_at_scene_pos(view.mapToScene(local)) == event_id
    assert not (tmp_path / "report.json.tmp").exists()
