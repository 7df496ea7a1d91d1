"""View → Place names: English, Azerbaijani or Armenian names, remembered between sessions.

The choice lives in the one selection (``Selection.naming``), so the map, the details panel and
the place chip all follow it; it is kept in QSettings under ``view/placeNames``.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from karabakh_timeline.model.place_names import Naming
from karabakh_timeline.ui.selection import Selection

NAMING_KEY = "view/placeNames"


def saved_naming(settings: QSettings) -> Naming:
    try:
        return Naming(str(settings.value(NAMING_KEY, Naming.ENGLISH.value)))
    except ValueError:  # a value another version wrote: fall back to the default
        return Naming.ENGLISH


class NamingMenu(QMenu):
    def __init__(self, selection: Selection, settings: QSettings, parent: QWidget | None = None):
        super().__init__("Place &names", parent)
        self.setObjectName("namingMenu")
        self._selection = selection
        self._settings = settings
        self.group = QActionGroup(self)
        self.group.setExclusive(True)
        self.actions_by_naming: dict[Naming, QAction] = {}
        for naming in Naming:
            action = QAction(naming.label, self)
            action.setCheckable(True)
            action.setData(naming.value)
            action.setToolTip(
                f"Show places by their {naming.label.lower()} on the map and in the details; "
                "the English name where the data gives no other"
            )
            action.triggered.connect(lambda _=False, n=naming: self.choose(n))
            self.group.addAction(action)
            self.addAction(action)
            self.actions_by_naming[naming] = action
        selection.set_naming(saved_naming(settings))
        self.actions_by_naming[selection.naming].setChecked(True)
        selection.naming_changed.connect(self._show)

    def choose(self, naming: Naming) -> None:
        self._selection.set_naming(naming)
        self._settings.setValue(NAMING_KEY, naming.value)

    def _show(self, naming: Naming) -> None:
        self.actions_by_naming[naming].setChecked(True)
