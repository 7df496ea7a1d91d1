"""Helpers for the panel tests: build panels on a selection, read what their tables show."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt

from karabakh_timeline.model.dates import FULL_RANGE, DateRange
from karabakh_timeline.ui.panels.casualty_panel import CasualtyPanel
from karabakh_timeline.ui.panels.clearance_panel import ClearancePanel
from karabakh_timeline.ui.panels.report_table_model import ReportTableModel
from karabakh_timeline.ui.selection import Selection

TOOLTIP = Qt.ItemDataRole.ToolTipRole


def period(start: str | None, end: str | None) -> DateRange:
    return DateRange.from_texts(start, end, FULL_RANGE)


def make_panels(qtbot, dataset, start=None, end=None):  # type: ignore[no-untyped-def]
    selection = Selection()
    selection.set_period(period(start, end))
    casualties = CasualtyPanel(selection, dataset)
    clearance = ClearancePanel(selection, dataset)
    qtbot.addWidget(casualties)
    qtbot.addWidget(clearance)
    return selection, casualties, clearance


def table_rows(model: ReportTableModel) -> dict[str, dict[str, str]]:
    """Report id -> column key -> the text shown, for every report row of the table."""
    result = {}
    for row in range(model.rowCount()):
        entry = model.table_row(row)
        if entry.report is None:
            continue
        result[entry.report.report.id] = {
            column.key: model.data(model.index(row, c)) for c, column in enumerate(model.columns)
        }
    return result


def cell(model: ReportTableModel, report_id: str, key: str, role=Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
    column = model.column_index(key)
    for row in range(model.rowCount()):
        entry = model.table_row(row)
        if entry.report is not None and entry.report.report.id == report_id:
            return model.data(model.index(row, column), role)
    raise AssertionError(f"{report_id} is not listed")


def header_titles(model: ReportTableModel) -> list[str]:
    return [
        model.data(model.index(row, 0)) for row in range(model.rowCount()) if model.is_header(row)
    ]


def grouped_ids(model: ReportTableModel) -> tuple[list[str], list[str]]:
    """(ids under the 'wholly within' header, ids under the 'partly overlapping' header)."""
    groups: tuple[list[str], list[str]] = ([], [])
    for row in range(model.rowCount()):
        entry = model.table_row(row)
        if entry.report is not None:
            groups[entry.group].append(entry.report.report.id)
    return groups


def totals_by_series(model: QAbstractItemModel) -> dict[str, dict[str, str]]:
    """Series label -> column header -> the text shown, from a panel's totals table."""
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    result = {}
    for row in range(model.rowCount()):
        texts = [model.data(model.index(row, c)) for c in range(model.columnCount())]
        result[texts[0]] = dict(zip(headers[1:], texts[1:], strict=True))
    return result
