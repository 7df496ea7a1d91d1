"""Copy a table's selected rows (Ctrl+C) and export the whole table as CSV.

Both take the rows in the order the view shows them, with the column headers first, and use each
cell's export text (``EXPORT_ROLE``: sources with their addresses, areas as published). Group
header rows are left out; the "In period" column says which group a report belongs to.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, QEvent, QObject, QStandardPaths, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QTableView, QWidget

from karabakh_timeline.export.safe_write import ExportError, write_bytes_atomically
from karabakh_timeline.ui.panels.report_table_model import EXPORT_ROLE

Rows = list[list[str]]


def header_row(model: QAbstractItemModel) -> list[str]:
    return [
        str(model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole))
        for c in range(model.columnCount())
    ]


def table_rows(view: QTableView, selected_only: bool) -> Rows:
    """The rows the view shows (or only its selected ones), headers first, in on-screen order."""
    model = view.model()
    if selected_only:
        numbers = sorted({index.row() for index in view.selectionModel().selectedIndexes()})
    else:
        numbers = list(range(model.rowCount()))
    rows = [header_row(model)]
    for row in numbers:
        first = model.index(row, 0)
        if not model.flags(first) & Qt.ItemFlag.ItemIsSelectable:
            continue  # a group header, not a report
        rows.append([_cell_text(model, row, column) for column in range(model.columnCount())])
    return rows


def _cell_text(model: QAbstractItemModel, row: int, column: int) -> str:
    index = model.index(row, column)
    value = model.data(index, EXPORT_ROLE)
    if value is None:
        value = model.data(index, Qt.ItemDataRole.DisplayRole)
    return "" if value is None else str(value)


def tab_separated(rows: Rows) -> str:
    # A tab or line break inside a cell would split it when pasted into a spreadsheet.
    def clean(text: str) -> str:
        return " ".join(text.replace("\t", " ").splitlines())

    return "".join("\t".join(clean(cell) for cell in row) + "\n" for row in rows)


def csv_bytes(rows: Rows) -> bytes:
    # The data exporter's encoding, so both kinds of CSV open alike; imported when first used.
    from karabakh_timeline.export.data.data_export import CSV_ENCODING

    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue().encode(CSV_ENCODING)


def write_csv(path: Path, rows: Rows) -> None:
    """Write completely or not at all; raises ``ExportError`` saying why in one sentence."""
    write_bytes_atomically(path, csv_bytes(rows))


class TableCopier(QObject):
    """Gives a table view Ctrl+C, "Copy table" and "Export table as CSV…" actions."""

    copied = Signal(int)
    """Rows were put on the clipboard; carries how many reports (not counting the header)."""

    exported = Signal(Path)
    """A CSV file was written; carries its path."""

    export_failed = Signal(str)
    """A CSV file could not be written; carries the message shown to the user."""

    def __init__(self, view: QTableView, suggested_name: Callable[[], str]) -> None:
        super().__init__(view)
        self._view = view
        self._suggested_name = suggested_name
        self.copy_action = self._action("Copy", self.copy_selection, QKeySequence.StandardKey.Copy)
        self.copy_all_action = self._action("Copy table", self.copy_all)
        self.export_action = self._action("Export table as CSV…", self.export_csv)
        # The view copies only its current cell on Ctrl+C; take the key before it does, also
        # where the shortcut would not fire (a floating dock, a window not yet active).
        view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        copy = QKeySequence.StandardKey.Copy
        if watched is self._view and isinstance(event, QKeyEvent) and event.matches(copy):
            if event.type() == QEvent.Type.ShortcutOverride:
                event.accept()  # deliver it as a key press to the view, not as a shortcut
                return True
            if event.type() == QEvent.Type.KeyPress:
                self.copy_selection()
                return True
        return super().eventFilter(watched, event)

    def _action(
        self, text: str, slot: Callable[[], object], keys: QKeySequence.StandardKey | None = None
    ) -> QAction:
        action = QAction(text, self._view)
        if keys is not None:
            action.setShortcut(QKeySequence(keys))
            # Only while the table has focus, so Ctrl+C in a text field still copies its text.
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self._view.addAction(action)
        return action

    def copy_selection(self) -> int:
        return self._copy(table_rows(self._view, selected_only=True))

    def copy_all(self) -> int:
        return self._copy(table_rows(self._view, selected_only=False))

    def _copy(self, rows: Rows) -> int:
        count = len(rows) - 1
        if count > 0:
            QApplication.clipboard().setText(tab_separated(rows))
            self.copied.emit(count)
        return count

    def export_csv(self) -> Path | None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        suggested = str(Path(folder or Path.home()) / self._suggested_name())
        name, _ = QFileDialog.getSaveFileName(
            self._view, "Export table as CSV", suggested, "CSV files (*.csv)"
        )
        if not name:
            return None
        path = Path(name)
        if path.suffix.lower() != ".csv":
            path = path.with_name(path.name + ".csv")
        return self.write_to(path)

    def write_to(self, path: Path) -> Path | None:
        try:
            write_csv(path, table_rows(self._view, selected_only=False))
        except ExportError as error:
            message = str(error)
            message = message[0].upper() + message[1:]
            self.export_failed.emit(message)
            QMessageBox.warning(self._parent_widget(), "Export table as CSV", message)
            return None
        self.exported.emit(path)
        return path

    def _parent_widget(self) -> QWidget:
        return self._view.window()
