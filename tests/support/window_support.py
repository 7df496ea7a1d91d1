"""Shared code for the main window tests: a window on its own settings file, never the user's."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from karabakh_timeline.ui.docks.panel_docks import create_panel_docks
from karabakh_timeline.ui.main_window import MainWindow
from karabakh_timeline.ui.selection import Selection


def settings_at(folder: Path) -> QSettings:
    return QSettings(str(folder / "window.ini"), QSettings.Format.IniFormat)


def open_window(qtbot, dataset, folder: Path, show: bool = True):  # type: ignore[no-untyped-def]
    selection = Selection()
    window = MainWindow(dataset, selection, settings_at(folder))
    qtbot.addWidget(window)
    if show:
        window.show()
        qtbot.waitExposed(window)
    return window, selection


def laid_out_window(  # type: ignore[no-untyped-def]
    qtbot, dataset, folder: Path, size: tuple[int, int], ready: Callable[[MainWindow], bool]
) -> MainWindow:
    """A window of that size with its panel docks, as a first start shows it, once `ready`
    says its parts have their sizes and every posted layout request has arrived."""
    selection = Selection()
    window = MainWindow(dataset, selection, settings_at(folder))
    qtbot.addWidget(window)
    window.resize(*size)
    for dock in create_panel_docks(dataset, selection, window):
        window.add_panel_dock(dock)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: ready(window), timeout=2000)
    for _ in range(3):  # the layout requests its first sizes post: let them all arrive
        QApplication.sendPostedEvents()
        QApplication.processEvents()
    return window
