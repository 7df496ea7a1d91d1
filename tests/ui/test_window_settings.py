"""The window remembers its size, its docks and the view's range between runs."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import QDockWidget, QLabel

from karabakh_timeline.ui.main_window import MainWindow
from karabakh_timeline.ui.selection import Selection
from karabakh_timeline.ui.window_settings import WindowSettings


def panel(name: str) -> QDockWidget:
    dock = QDockWidget(name.title())
    dock.setObjectName(f"{name}Dock")
    dock.setWidget(QLabel(name))
    return dock


def run_once(qtbot, dataset, settings: QSettings) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(dataset, Selection(), settings)
    qtbot.addWidget(window)
    window.add_panel_dock(panel("casualties"))
    window.show()
    qtbot.waitExposed(window)
    return window


def test_size_docks_and_view_range_come_back(qtbot, sample_dataset, isolated_settings):
    path = str(isolated_settings / "window.ini")
    first = run_once(qtbot, sample_dataset, QSettings(path, QSettings.Format.IniFormat))
    first.resize(780, 580)  # the offscreen screen is 800 × 600
    first.details_dock.hide()
    first.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, first.panel_docks[0])
    first.timeline.set_x_range(dt.date(2020, 1, 1), dt.date(2021, 12, 31))
    qtbot.waitUntil(lambda: first.size().width() == 780, timeout=2000)
    first.close()

    second = run_once(qtbot, sample_dataset, QSettings(path, QSettings.Format.IniFormat))
    assert (second.width(), second.height()) == (780, 580)
    assert not second.details_dock.isVisible()
    assert second.events_dock.isVisible()
    assert second.dockWidgetArea(second.panel_docks[0]) == Qt.DockWidgetArea.LeftDockWidgetArea
    assert second.timeline.x_range() == (dt.date(2020, 1, 1), dt.date(2021, 12, 31))


def test_the_default_settings_live_under_the_apps_name(qtbot, sample_dataset, isolated_settings):
    # What app.py does: settings named after the app, found without passing them around.
    old = QCoreApplication.organizationName(), QCoreApplication.applicationName()
    QCoreApplication.setOrganizationName("karabakh-timeline")
    QCoreApplication.setApplicationName("karabakh-timeline")
    try:
        window = run_once(qtbot, sample_dataset, QSettings())
        window.timeline.set_x_range(dt.date(2004, 1, 1), dt.date(2004, 12, 31))
        window.close()
        files = [p for p in isolated_settings.rglob("*") if p.is_file()]
        assert any("karabakh-timeline" in str(p) for p in files), files
        again = WindowSettings(QSettings()).view_range()
        assert again is not None and (again.first, again.last) == (
            dt.date(2004, 1, 1),
            dt.date(2004, 12, 31),
        )
    finally:
        QCoreApplication.setOrganizationName(old[0])
        QCoreApplication.setApplicationName(old[1])


def test_unreadable_saved_values_are_ignored(isolated_settings):
    settings = QSettings(str(isolated_settings / "w.ini"), QSettings.Format.IniFormat)
    settings.setValue("view/first", "yesterday")
    settings.setValue("view/last", "2004-13-01")
    assert WindowSettings(settings).view_range() is None
    settings.setValue("view/first", "2005-01-01")
    settings.setValue("view/last", "2004-01-01")  # ends before it starts
    assert WindowSettings(settings).view_range() is None
