"""Shared code for the main window tests: a window on its own settings file, never the user's."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

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
