"""Starting the window: clear messages instead of tracebacks, and the command line's choices."""

from __future__ import annotations

import argparse
import datetime as dt

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from karabakh_timeline.model.dates import DateRange
from karabakh_timeline.ui.app import run_app
from karabakh_timeline.ui.main_window import MainWindow
from karabakh_timeline.ui.x11_libraries import XCB_LIBRARIES, platform_to_be_used, x11_problem


def args(**given) -> argparse.Namespace:  # type: ignore[no-untyped-def]
    values = {"data": None, "start": None, "end": None, "event": None, **given}
    return argparse.Namespace(**values)


def test_a_dataset_with_problems_is_listed_and_exits_1(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text("events: [{id: e, date: 2004-02-30}]\n", encoding="utf-8")
    assert run_app(args(data=bad)) == 1
    err = capsys.readouterr().err
    assert f"{bad}:1:" in err and "not a real day" in err
    assert "fix them, or open another with --data PATH" in err
    assert "Traceback" not in err


def test_an_unknown_event_exits_2_with_a_hint(sample_path, capsys):
    assert run_app(args(data=sample_path, event="no-such-event")) == 2
    err = capsys.readouterr().err
    assert "no event 'no-such-event'" in err and "karabakh-timeline events" in err


def test_a_range_that_ends_before_it_starts_exits_2(sample_path, capsys):
    assert run_app(args(data=sample_path, start="2005", end="2004")) == 2
    assert "before it starts" in capsys.readouterr().err


def test_missing_x11_libraries_name_the_packages_to_install():
    missing = {"libxcb-cursor.so.0", "libxkbcommon-x11.so.0"}
    message = x11_problem({"DISPLAY": ":0"}, "linux", loads=lambda lib: lib not in missing)
    assert message is not None
    assert "sudo apt-get install libxcb-cursor0 libxkbcommon-x11-0" in message
    assert x11_problem({"DISPLAY": ":0"}, "linux", loads=lambda lib: True) is None


def test_no_display_is_said_plainly():
    message = x11_problem({}, "linux", loads=lambda lib: True)
    assert message is not None and "DISPLAY is not set" in message


def test_other_platforms_are_not_checked():
    never = {"loads": lambda lib: False}
    assert x11_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux", **never) is None
    assert x11_problem({"DISPLAY": ":0"}, "darwin", **never) is None
    wayland = {"WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "wayland"}
    assert platform_to_be_used(wayland) == "wayland"
    assert platform_to_be_used({"QT_QPA_PLATFORM": "xcb;wayland"}) == "xcb"


def test_every_library_the_xcb_plugin_needs_is_installed_here():
    # This machine runs the end-to-end tests in a real X window, so none may be missing.
    assert x11_problem({"DISPLAY": ":0"}, "linux") is None
    assert len(XCB_LIBRARIES) > 15


def test_the_window_opens_with_the_command_lines_period_and_event(
    qtbot, qapp, sample_path, isolated_settings
):
    seen: dict[str, object] = {}

    def look_and_quit() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        window = windows[-1]
        seen["title"] = window.windowTitle()
        seen["period"] = window.selection.period
        seen["event"] = window.selection.event_id
        seen["details"] = window.details_panel.shown_event_id
        seen["docks"] = [dock.objectName() for dock in window.panel_docks]
        seen["range"] = window.timeline.x_range()
        seen["icon"] = not QApplication.windowIcon().isNull()
        window.close()
        window.deleteLater()
        qapp.quit()

    QTimer.singleShot(0, look_and_quit)
    code = run_app(args(data=sample_path, start="2004", end="2005", event="ev-2004-aghdam"))
    assert code == 0
    assert seen["title"] == "Karabakh Timeline — Test sample"
    assert seen["period"] == DateRange(dt.date(2004, 1, 1), dt.date(2005, 12, 31))
    assert seen["event"] == seen["details"] == "ev-2004-aghdam"
    assert seen["docks"] == ["casualtiesDock", "clearanceDock"]
    first, last = seen["range"]  # type: ignore[misc]
    assert first <= dt.date(2004, 1, 1) and last >= dt.date(2005, 12, 31)
    assert seen["icon"]


@pytest.fixture(autouse=True)
def _restore_application_names(qapp):  # type: ignore[no-untyped-def]
    names = qapp.organizationName(), qapp.applicationName()
    yield
    qapp.setOrganizationName(names[0])
    qapp.setApplicationName(names[1])
