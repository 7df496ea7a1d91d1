"""Thin read-only table models for the casualty and clearance panels.

``ReportTableModel`` lists the reports of one ``PanelSummary`` in two groups, each opened by a
header row: the reports lying wholly inside the period, then those only partly overlapping it
(shaded, never added into totals). ``ReportSortProxy`` sorts inside each group, numerically by
value, with unknown figures last whichever way the column is sorted.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

from karabakh_timeline.model.dates import DateRange, Overlap
from karabakh_timeline.model.query import PanelSummary, ReportRow
from karabakh_timeline.model.records import Dataset
from karabakh_timeline.ui.report_cells import (
    CASUALTY_COLUMNS,
    CLEARANCE_COLUMNS,
    Cell,
    Column,
    SortValue,
)

EXPORT_ROLE = Qt.ItemDataRole.UserRole + 1
"""The text a cell is copied and exported as (sources with their addresses, exact areas)."""

LINKS_ROLE = Qt.ItemDataRole.UserRole + 2
"""A list of (title, address) for the sources a cell links to."""

AnyIndex = QModelIndex | QPersistentModelIndex

DISPUTED_BRUSH = QBrush(QColor(255, 183, 0, 48))
PARTIAL_BRUSH = QBrush(QColor(128, 128, 128, 36))


class RowKind(enum.Enum):
    HEADER = "header"
    REPORT = "report"


@dataclass(frozen=True, slots=True)
class TableRow:
    kind: RowKind
    group: int  # 0: wholly within the period, 1: partly overlapping
    title: str = ""
    report: ReportRow | None = None
    cells: tuple[Cell, ...] = ()


class ReportTableModel(QAbstractTableModel):
    """One row per report, grouped by how it overlaps the selected period."""

    def __init__(self, columns: tuple[Column, ...], noun: str, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._columns = columns
        self._noun = noun  # "casualty report", "clearance or survey report"
        self._rows: list[TableRow] = []
        self._header_font = QFont()
        self._header_font.setBold(True)
        self._partial_font = QFont()
        self._partial_font.setItalic(True)
        self._link_font = QFont()
        self._link_font.setUnderline(True)

    @property
    def columns(self) -> tuple[Column, ...]:
        return self._columns

    def column_index(self, key: str) -> int:
        return next(i for i, column in enumerate(self._columns) if column.key == key)

    def set_rows(self, dataset: Dataset, panel: PanelSummary, selected: DateRange) -> None:
        period = selected.display()
        rows: list[TableRow] = []
        if panel.within or panel.partial:
            count = len(panel.within)
            title = (
                f"Wholly within {period}: {_reports(count, self._noun)}"
                if count
                else f"No {self._noun} lies wholly within {period}"
            )
            rows.append(TableRow(RowKind.HEADER, 0, title))
            rows += [self._report_row(dataset, row, 0) for row in panel.within]
        if panel.partial:
            title = (
                f"Partly overlapping {period}: {_reports(len(panel.partial), self._noun)}, "
                "listed but never added into the totals"
            )
            rows.append(TableRow(RowKind.HEADER, 1, title))
            rows += [self._report_row(dataset, row, 1) for row in panel.partial]
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def _report_row(self, dataset: Dataset, row: ReportRow, group: int) -> TableRow:
        cells = tuple(column.cell(dataset, row) for column in self._columns)
        return TableRow(RowKind.REPORT, group, report=row, cells=cells)

    def table_row(self, row: int) -> TableRow:
        return self._rows[row]

    def report_rows(self) -> list[ReportRow]:
        """The reports listed, in the model's order (within first, then partial)."""
        return [row.report for row in self._rows if row.report is not None]

    def is_header(self, row: int) -> bool:
        return self._rows[row].kind is RowKind.HEADER

    def sort_key(self, row: int, column: int) -> tuple[int, int, int, SortValue]:
        """Group first, header before reports, unknown last; then the value."""
        entry = self._rows[row]
        if entry.kind is RowKind.HEADER:
            return (entry.group, 0, 0, None)
        value = entry.cells[column].sort
        return (entry.group, 1, int(value is None), value)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's default)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self._rows[index.row()].kind is RowKind.HEADER:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        column = self._columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.header
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.tooltip
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _alignment(column.numeric)
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        entry = self._rows[index.row()]
        if entry.kind is RowKind.HEADER:
            return self._header_data(entry, index.column(), role)
        cell = entry.cells[index.column()]
        report = entry.report
        assert report is not None
        if role == Qt.ItemDataRole.DisplayRole:
            return cell.text
        if role == Qt.ItemDataRole.ToolTipRole:
            return cell.tooltip or None
        if role == EXPORT_ROLE:
            return cell.export_text
        if role == LINKS_ROLE:
            return list(cell.links)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _alignment(cell.numeric)
        if role == Qt.ItemDataRole.FontRole:
            if cell.links:
                return self._link_font
            return self._partial_font if report.overlap is Overlap.PARTIAL else None
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._foreground(cell)
        if role == Qt.ItemDataRole.BackgroundRole:
            if report.conflicts:
                return DISPUTED_BRUSH
            return PARTIAL_BRUSH if report.overlap is Overlap.PARTIAL else None
        return None

    def _header_data(self, entry: TableRow, column: int, role: int) -> object:
        if column != 0:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return entry.title
        if role == Qt.ItemDataRole.FontRole:
            return self._header_font
        if role == Qt.ItemDataRole.BackgroundRole:
            return QApplication.palette().brush(QPalette.ColorRole.AlternateBase)
        return None

    def _foreground(self, cell: Cell) -> QBrush | None:
        palette = QApplication.palette()
        if cell.links:
            return palette.brush(QPalette.ColorRole.Link)
        if cell.is_unknown:
            return palette.brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        return None


class CasualtyTableModel(ReportTableModel):
    def __init__(self, parent: object = None) -> None:
        super().__init__(CASUALTY_COLUMNS, "casualty report", parent)


class ClearanceTableModel(ReportTableModel):
    def __init__(self, parent: object = None) -> None:
        super().__init__(CLEARANCE_COLUMNS, "clearance or survey report", parent)


class ReportSortProxy(QSortFilterProxyModel):
    """Sorts reports within their group; header rows and unknown figures keep their place."""

    def lessThan(self, left: AnyIndex, right: AnyIndex) -> bool:
        model = self.sourceModel()
        assert isinstance(model, ReportTableModel)
        a = model.sort_key(left.row(), left.column())
        b = model.sort_key(right.row(), right.column())
        if a[:3] != b[:3]:
            # Qt sorts descending by asking lessThan(right, left); answer so that groups,
            # headers and unknowns stay in place either way.
            if self.sortOrder() == Qt.SortOrder.DescendingOrder:
                return b[:3] < a[:3]
            return a[:3] < b[:3]
        if a[3] is None or b[3] is None or type(a[3]) is not type(b[3]):
            return str(a[3]) < str(b[3])
        return a[3] < b[3]  # type: ignore[operator]


def _alignment(numeric: bool) -> Qt.AlignmentFlag:
    horizontal = Qt.AlignmentFlag.AlignRight if numeric else Qt.AlignmentFlag.AlignLeft
    return horizontal | Qt.AlignmentFlag.AlignVCenter


def _reports(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
