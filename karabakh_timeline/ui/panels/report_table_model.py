"""Thin read-only table models for the casualty and clearance panels.

``ReportTableModel`` lists the reports of one ``PanelSummary`` in two groups, each opened by a
header row: the reports lying wholly inside the period, then those only partly overlapping it
(shaded, never added into totals). It sorts inside each group, numerically by value, with
unknown figures last whichever way the column is sorted; ``ReportSortProxy`` hands it the
sorting the table view asks for.

A period of a large dataset lists thousands of reports, and the selected period changes often:
a row's cells are worked out when first shown or sorted by, and kept for the dataset shown.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

from karabakh_timeline.model.dates import DateRange, Overlap
from karabakh_timeline.model.overlay import layer_key
from karabakh_timeline.model.query import PanelSummary, ReportRow
from karabakh_timeline.model.records import Dataset
from karabakh_timeline.ui.panels.report_cells import (
    CASUALTY_COLUMNS,
    CLEARANCE_COLUMNS,
    Cell,
    Column,
    disputed_tip,
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


CACHED_ROWS = 20_000  # the rows whose cells are kept; past that they are worked out anew


@dataclass(frozen=True, slots=True)
class TableRow:
    kind: RowKind
    group: int  # 0: wholly within the period, 1: partly overlapping
    title: str = ""
    report: ReportRow | None = None
    cells: list[Cell | None] = field(default_factory=list)  # per column, once worked out


class ReportTableModel(QAbstractTableModel):
    """One row per report, grouped by how it overlaps the selected period."""

    def __init__(
        self, columns: tuple[Column, ...], noun: str, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._columns = columns
        self._noun = noun  # "casualty report", "clearance or survey report"
        self._rows: list[TableRow] = []
        self._dataset: Dataset | None = None
        self._cached: dict[tuple[str, Overlap, tuple[int, ...]], list[Cell | None]] = {}
        self._sort: tuple[int, Qt.SortOrder] | None = None
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
        if dataset is not self._dataset:
            self._dataset = dataset
            self._cached.clear()
        if len(self._cached) > CACHED_ROWS:
            self._cached.clear()
        rows: list[TableRow] = []
        # A dataset laid over another has its reports under their own headings (model.overlay).
        for number, (name, within, partial) in enumerate(_by_layer(dataset, panel)):
            rows += self._group_rows(selected.display(), within, partial, 2 * number, name)
        self.beginResetModel()
        self._rows = self._sorted(rows)
        self.endResetModel()

    def _group_rows(
        self,
        period: str,
        within: Sequence[ReportRow],
        partial: Sequence[ReportRow],
        group: int,
        name: str,
    ) -> list[TableRow]:
        """One dataset's rows: wholly within (group ``group``), then partly (``group + 1``)."""
        rows: list[TableRow] = []
        of = f"{name} — " if name else ""
        if within or partial:
            count = len(within)
            title = (
                f"{of}Wholly within {period}: {_reports(count, self._noun)}"
                if count
                else f"{of}No {self._noun} lies wholly within {period}"
            )
            rows.append(TableRow(RowKind.HEADER, group, title))
            rows += [self._report_row(row, group) for row in within]
        if partial:
            title = (
                f"{of}Partly overlapping {period}: {_reports(len(partial), self._noun)}, "
                "listed but never added into the totals"
            )
            rows.append(TableRow(RowKind.HEADER, group + 1, title))
            rows += [self._report_row(row, group + 1) for row in partial]
        return rows

    def _report_row(self, row: ReportRow, group: int) -> TableRow:
        # What a row shows depends on its report, how it overlaps and its disputes only.
        key = (row.report.id, row.overlap, tuple(id(conflict) for conflict in row.conflicts))
        cells = self._cached.get(key)
        if cells is None:
            cells = self._cached[key] = [None] * len(self._columns)
        return TableRow(RowKind.REPORT, group, report=row, cells=cells)

    def _cell_of(self, entry: TableRow, column: int) -> Cell:
        """What a report row shows in a column, worked out once."""
        cell = entry.cells[column]
        if cell is None:
            assert entry.report is not None and self._dataset is not None
            cell = entry.cells[column] = self._columns[column].cell(self._dataset, entry.report)
        return cell

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the reports inside each group by a column; the rows shown keep their place in
        any selection. Python sorts by precomputed keys, where a proxy would call back into
        Python for each of the n log n comparisons of a period with thousands of reports."""
        self._sort = (column, order)
        if not self._rows:
            return
        self.layoutAboutToBeChanged.emit()
        before = self._rows
        self._rows = self._sorted(before)
        moved_to = {id(entry): number for number, entry in enumerate(self._rows)}
        old = self.persistentIndexList()
        new = [self.index(moved_to[id(before[i.row()])], i.column()) for i in old]
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    def _sorted(self, rows: list[TableRow]) -> list[TableRow]:
        """Each group's header, then its reports with a figure, by value (as text where the
        values are of different kinds), then those without one, in the order they came."""
        if self._sort is None:
            return rows
        column, order = self._sort
        result: list[TableRow] = []
        for group in dict.fromkeys(entry.group for entry in rows):  # in the order shown
            members = [entry for entry in rows if entry.group == group]
            result += [entry for entry in members if entry.kind is RowKind.HEADER]
            reports = [entry for entry in members if entry.kind is RowKind.REPORT]
            values = [self._cell_of(entry, column).sort for entry in reports]
            pairs = list(zip(values, reports, strict=True))
            known = [(value, entry) for value, entry in pairs if value is not None]
            if len({type(value) for value, _ in known}) > 1:
                known = [(str(value), entry) for value, entry in known]
            known.sort(key=_first, reverse=order == Qt.SortOrder.DescendingOrder)
            result += [entry for _, entry in known]
            result += [entry for value, entry in pairs if value is None]
        return result

    def table_row(self, row: int) -> TableRow:
        return self._rows[row]

    def is_header(self, row: int) -> bool:
        return self._rows[row].kind is RowKind.HEADER

    def header_rows(self) -> list[int]:
        """Where the group headers are (at most two rows, whatever the number of reports)."""
        return [n for n, entry in enumerate(self._rows) if entry.kind is RowKind.HEADER]

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
        cell = self._cell_of(entry, index.column())
        report = entry.report
        assert report is not None
        if role == Qt.ItemDataRole.DisplayRole:
            return cell.text
        if role == Qt.ItemDataRole.ToolTipRole:
            if report.conflicts and self._dataset is not None:
                disputed = disputed_tip(self._dataset, report)
                return f"{cell.tooltip}\n\n{disputed}" if cell.tooltip else disputed
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
        if role == Qt.ItemDataRole.SizeHintRole:
            # The title spans the table: it must not widen the first column when columns fit.
            return QSize(0, 0)
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
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(CASUALTY_COLUMNS, "casualty report", parent)


class ClearanceTableModel(ReportTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(CLEARANCE_COLUMNS, "clearance or survey report", parent)


class ReportSortProxy(QSortFilterProxyModel):
    """Passes the table view's sorting on to the report model, which keeps groups, headers and
    unknown figures in place (see ``ReportTableModel.sort``); rows reach the view as they are."""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        model = self.sourceModel()
        assert isinstance(model, ReportTableModel)
        model.sort(column, order)


def _by_layer(
    dataset: Dataset, panel: PanelSummary
) -> list[tuple[str, list[ReportRow], list[ReportRow]]]:
    """The panel's rows split by the dataset they come from: the base first, unnamed when alone."""
    if not dataset.layers:
        return [("", list(panel.within), list(panel.partial))]
    names: dict[str | None, str] = {None: dataset.info.name}
    names.update((prefix, f"{info.name} (added)") for prefix, info in dataset.layers.items())
    groups: dict[str | None, tuple[list[ReportRow], list[ReportRow]]] = {
        key: ([], []) for key in names
    }
    for rows, side in ((panel.within, 0), (panel.partial, 1)):
        for row in rows:
            groups[layer_key(dataset, row.report.id)][side].append(row)
    return [(names[key], within, partial) for key, (within, partial) in groups.items()]


def _alignment(numeric: bool) -> Qt.AlignmentFlag:
    horizontal = Qt.AlignmentFlag.AlignRight if numeric else Qt.AlignmentFlag.AlignLeft
    return horizontal | Qt.AlignmentFlag.AlignVCenter


def _first(pair: tuple[Any, TableRow]) -> Any:
    return pair[0]


def _reports(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
