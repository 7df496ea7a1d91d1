"""Which columns a report table shows: a few by default, the rest one click away in the header's
context menu, and the reader's choice remembered between runs (``QSettings``).

The first column (the period) is always shown. Hiding a column only hides it from view: copies
and CSV files hold every column, so nothing a reader exports depends on what fits on screen.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, QPoint, QSettings, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QTableView

from karabakh_timeline.ui.panels.report_cells import Column

SETTINGS_GROUP = "reportColumns"


class ColumnChooser(QObject):
    """Shows ``shown`` columns of ``table`` first and in that order; the header menu adds others."""

    columns_changed = Signal()
    """A column was shown or hidden (by the menu or by restoring the defaults)."""

    def __init__(
        self,
        table: QTableView,
        columns: Sequence[Column],
        shown: Sequence[str],
        name: str,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__(table)
        self._table = table
        self._columns = tuple(columns)
        self._default = tuple(shown)
        self._settings = settings if settings is not None else QSettings()
        self._key = f"{SETTINGS_GROUP}/{name}"
        self._order_columns()
        header = table.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._show_menu)
        self.menu: QMenu | None = None  # the menu last opened, while it is open
        self.apply(self._stored())

    @property
    def shown_keys(self) -> tuple[str, ...]:
        """The keys of the columns in view, in the order shown."""
        header = self._table.horizontalHeader()
        logical = (header.logicalIndex(visual) for visual in range(header.count()))
        return tuple(self._columns[i].key for i in logical if not header.isSectionHidden(i))

    def actions(self) -> list[QAction]:
        """One checkable action per column (the first cannot be hidden), then 'restore'."""
        shown = set(self.shown_keys)
        actions = []
        for number in self._visual_order():
            column = self._columns[number]
            action = QAction(column.header, self)
            action.setCheckable(True)
            action.setChecked(column.key in shown)
            action.setToolTip(column.tooltip)
            action.setEnabled(number != 0)
            action.setData(column.key)
            action.toggled.connect(self._toggled)
            actions.append(action)
        restore = QAction("Show the default columns", self)
        restore.setObjectName("restoreDefaultColumns")
        restore.setEnabled(self.shown_keys != self._default)
        restore.triggered.connect(self.restore_defaults)
        actions.append(restore)
        return actions

    def set_shown(self, key: str, shown: bool) -> None:
        keys = [k for k in self.shown_keys if k != key]
        if shown:
            keys.append(key)
        self.apply(keys)
        self._save()

    def restore_defaults(self) -> None:
        self.apply(self._default)
        self._settings.remove(self._key)
        self._settings.sync()

    def apply(self, keys: Sequence[str]) -> None:
        wanted = set(keys) | {self._columns[0].key}
        header = self._table.horizontalHeader()
        for number, column in enumerate(self._columns):
            header.setSectionHidden(number, column.key not in wanted)
        self.columns_changed.emit()

    def _order_columns(self) -> None:
        """The default columns first, in their order; the others after them, as the model has."""
        header = self._table.horizontalHeader()
        keys = [column.key for column in self._columns]
        order = [keys.index(k) for k in self._default if k in keys]
        order += [n for n in range(len(keys)) if n not in order]
        for visual, logical in enumerate(order):
            header.moveSection(header.visualIndex(logical), visual)

    def _visual_order(self) -> list[int]:
        header = self._table.horizontalHeader()
        return [header.logicalIndex(visual) for visual in range(header.count())]

    def _stored(self) -> tuple[str, ...]:
        value = self._settings.value(self._key)
        if isinstance(value, str):
            value = [value] if value else []  # QSettings gives a one-item list back as a text
        if not isinstance(value, list):
            return self._default
        known = {column.key for column in self._columns}
        return tuple(str(k) for k in value if str(k) in known)

    def _save(self) -> None:
        self._settings.setValue(self._key, list(self.shown_keys))
        self._settings.sync()

    def _toggled(self, checked: bool) -> None:
        action = self.sender()
        if isinstance(action, QAction):
            self.set_shown(str(action.data()), checked)

    def _show_menu(self, where: QPoint) -> None:
        menu = QMenu(self._table)
        menu.setObjectName("columnChooser")
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.setToolTipsVisible(True)
        actions = self.actions()
        menu.addSection("Columns shown")
        for action in actions[:-1]:
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(actions[-1])
        self.menu = menu
        menu.destroyed.connect(self._menu_closed)
        menu.popup(self._table.horizontalHeader().mapToGlobal(where))

    def _menu_closed(self) -> None:
        self.menu = None
