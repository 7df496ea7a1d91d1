"""The totals of a panel: one row per series, and the line saying how they were made.

Each series is totalled on its own (``model.query.Totals``); reports left out are listed with
the reason, so a reader can see exactly what the numbers add up.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from karabakh_timeline.model.figures import format_m2
from karabakh_timeline.model.query import SeriesTotal, SummedFigure, Totals
from karabakh_timeline.model.records import Dataset, humanise
from karabakh_timeline.ui.report_cells import UNKNOWN, UNKNOWN_TIP

AnyIndex = QModelIndex | QPersistentModelIndex

SERIES, REPORTS = 0, 1
"""The fixed columns; one column per figure follows."""


def figure_label(name: str) -> str:
    """'killed' -> 'Killed', 'area:manual' -> 'Manual area', 'items:uxo' -> 'UXO items'."""
    kind, _, key = name.partition(":")
    if not key:
        label = humanise(kind)
    else:
        label = f"{humanise(key)} {'area' if kind == 'area' else 'items'}"
    return label[0].upper() + label[1:]


def summed_text(figure: SummedFigure) -> str:
    value = format_m2(figure.value) if figure.is_area else f"{figure.value:,.0f}"
    return f"{figure.qualifier.symbol}{value}"


class TotalsTableModel(QAbstractTableModel):
    """Read-only: a row per series with a report wholly in the period, a column per figure."""

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._totals: tuple[SeriesTotal, ...] = ()
        self._names: list[str] = []
        self._periods: dict[str, str] = {}

    @property
    def figure_names(self) -> list[str]:
        return list(self._names)

    def set_rows(self, dataset: Dataset, totals: Totals) -> None:
        self.beginResetModel()
        self._totals = totals.by_series
        self._names = list(dict.fromkeys(f.name for t in totals.by_series for f in t.figures))
        self._periods = {}
        for total in totals.by_series:
            for report_id in total.reports:
                record = dataset.record(report_id)
                if record is not None:
                    self._periods[report_id] = record.date.display()
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's default)
        return 0 if parent.isValid() else len(self._totals)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2 + len(self._names)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == SERIES:
            return "Series total"
        if section == REPORTS:
            return "Reports added"
        return figure_label(self._names[section - 2])

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        total = self._totals[index.row()]
        column = index.column()
        if column == SERIES:
            return total.label if role == Qt.ItemDataRole.DisplayRole else None
        if column == REPORTS:
            if role == Qt.ItemDataRole.DisplayRole:
                return str(len(total.reports))
            if role == Qt.ItemDataRole.ToolTipRole:
                return "\n".join(self._periods.get(r, r) for r in total.reports)
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            return None
        figure = total.figure(self._names[column - 2])
        if role == Qt.ItemDataRole.DisplayRole:
            if figure is None:
                return UNKNOWN
            text = summed_text(figure)
            if figure.missing:
                text += f" (unknown in {len(figure.missing)} of {len(total.reports)})"
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(figure) if figure is not None else UNKNOWN_TIP
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None

    def _tooltip(self, figure: SummedFigure) -> str:
        added = ", ".join(self._periods.get(r, r) for r in figure.reports)
        tip = f"Sum of {len(figure.reports)} report(s): {added}"
        if figure.missing:
            missing = ", ".join(self._periods.get(r, r) for r in figure.missing)
            tip += f"\nNot given for {missing}: summed over the other reports only"
        return tip


class TotalsView(QWidget):
    """The totals table (hidden when there is no total) above the explanation."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = TotalsTableModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("totalsTable")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.explanation = QLabel(self)
        self.explanation.setObjectName("totalsExplanation")
        self.explanation.setWordWrap(True)
        self.explanation.setTextFormat(Qt.TextFormat.RichText)
        self.explanation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addWidget(self.explanation)

    def show_totals(self, dataset: Dataset, totals: Totals) -> None:
        self.model.set_rows(dataset, totals)
        self.table.setVisible(bool(totals.by_series))
        self._fit_height()
        self.explanation.setText(explanation_html(dataset, totals))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_height()

    def _fit_height(self) -> None:
        # The few series rows are shown whole, never behind a vertical scroll bar; room is made
        # for the horizontal one only when the figures are wider than the panel.
        header = self.table.horizontalHeader()
        height = header.sizeHint().height() + 2 * self.table.frameWidth()
        height += sum(self.table.rowHeight(r) for r in range(self.model.rowCount()))
        if header.length() > self.table.width() - 2 * self.table.frameWidth():
            height += self.table.horizontalScrollBar().sizeHint().height()
        if self.table.height() != height:
            self.table.setFixedHeight(height)


def explanation_html(dataset: Dataset, totals: Totals) -> str:
    text = f"<p>{html.escape(totals.explanation)}</p>"
    if totals.left_out:
        items = []
        for report_id, reason in totals.left_out:
            record = dataset.record(report_id)
            if record is not None and hasattr(record, "organisation"):
                who = f"{record.date.display()}, {record.organisation}"
            else:
                who = report_id
            items.append(f"<li>{html.escape(who)}: {html.escape(reason)}</li>")
        text += (
            "<p>Why each of them is not added:</p><ul style='margin-top:0'>"
            + "".join(items)
            + "</ul>"
        )
    return text
