"""What the window remembers between runs: its geometry, where the docks are, the view's range.

Stored with ``QSettings`` under the application's organisation and name (set in ``app.py``), so
each user's settings live where their desktop keeps them; tests pass their own ``QSettings``.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow

from karabakh_timeline.model.dates import DateError, DateRange

STATE_VERSION = 1  # raise when the docks change so much that an old layout no longer fits
GEOMETRY_KEY = "window/geometry"
STATE_KEY = "window/state"
VIEW_FIRST_KEY = "view/first"
VIEW_LAST_KEY = "view/last"


class WindowSettings:
    def __init__(self, settings: QSettings) -> None:
        self.settings = settings

    def save(self, window: QMainWindow, view_range: tuple[dt.date, dt.date]) -> None:
        self.settings.setValue(GEOMETRY_KEY, window.saveGeometry())
        self.settings.setValue(STATE_KEY, window.saveState(STATE_VERSION))
        self.settings.setValue(VIEW_FIRST_KEY, view_range[0].isoformat())
        self.settings.setValue(VIEW_LAST_KEY, view_range[1].isoformat())
        self.settings.sync()

    def restore_window(self, window: QMainWindow) -> bool:
        """Put the window and its docks back where they were; False when nothing was saved."""
        geometry = self.settings.value(GEOMETRY_KEY)
        state = self.settings.value(STATE_KEY)
        restored = False
        if isinstance(geometry, QByteArray | bytes) and geometry:
            restored = window.restoreGeometry(QByteArray(geometry))
        if isinstance(state, QByteArray | bytes) and state:
            restored = window.restoreState(QByteArray(state), STATE_VERSION) or restored
        return restored

    def view_range(self) -> DateRange | None:
        """The range last shown, or None when none was saved or what was saved is unreadable."""
        first = self.settings.value(VIEW_FIRST_KEY)
        last = self.settings.value(VIEW_LAST_KEY)
        if not isinstance(first, str) or not isinstance(last, str):
            return None
        try:
            return DateRange(dt.date.fromisoformat(first), dt.date.fromisoformat(last))
        except (ValueError, DateError):
            return None
