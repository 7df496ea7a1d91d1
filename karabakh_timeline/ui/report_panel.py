"""What the casualty and clearance panels share: the reports of the selected period, as a table
in two groups, the honest totals, the disputed figures side by side, and a small chart.

A panel asks the same model code as ``karabakh-timeline summary`` (``summarize_reports``) every
time the shared selection's period changes, so what it shows always equals ``summary --json``.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPoint, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QCursor, QDesktopServices, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QLabel,
    QMenu,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from karabakh_timeline.model.query import PanelSummary, conflicts_touching, summarize_reports
from karabakh_timeline.model.records import Dataset, Report
from karabakh_timeline.ui.conflicts_view import ConflictsView
from karabakh_timeline.ui.period_header import PeriodHeader, range_texts
from karabakh_timeline.ui.period_index import PeriodIndex
from karabakh_timeline.ui.report_table_model import (
    LINKS_ROLE,
    ReportSortProxy,
    ReportTableModel,
)
from karabakh_timeline.ui.selection import Selection
from karabakh_timeline.ui.table_copy import TableCopier
from karabakh_timeline.ui.totals_view import TotalsView
from karabakh_timeline.ui.yearly_chart import YearlyChart

EMPTY_TEXT = "No reports for this period"
WIDE_RATIO = 2.0  # width over height from which the totals go beside the table
WIDEST_TEXT_COLUMN = 280  # pixels; longer notes and source lists are elided, whole in the tooltip
FIT_ROWS = 12
"""Columns fit the rows in view and this many more: measuring every row of a period with
thousands of reports would keep the panel from following the selection quickly."""


class ReportPanel(QWidget):
    """The reports of one kind for ``selection.period``; subclasses say which kind."""

    contents_changed = Signal()
    """The table, totals, disputed figures and chart now show the current period and dataset."""

    source_opened = Signal(QUrl)
    """A source address was handed to the desktop to open; carries the address."""

    heading = ""  # "Casualty reports"
    file_stem = ""
    chart_preference: tuple[str, ...] = ()

    def __init__(
        self,
        selection: Selection,
        dataset: Dataset,
        table_model: ReportTableModel,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._selection = selection
        self._dataset = dataset
        self._index: PeriodIndex[Report] | None = None  # the reports' days, for the dataset
        self.summary: PanelSummary | None = None

        self.header = PeriodHeader(selection, self)
        self.caption = QLabel(self)
        self.caption.setObjectName("panelCaption")
        self.caption.setWordWrap(True)

        self.table_model = table_model
        table_model.setParent(self)
        self.proxy = ReportSortProxy(self)
        self.proxy.setSourceModel(table_model)
        self.table = self._make_table()
        self.table.setAccessibleName(self.heading)  # what a screen reader calls the table
        self.copier = TableCopier(self.table, self._suggested_file_name)
        self.empty = QLabel(
            f"<b>{EMPTY_TEXT}</b><br>Choose a wider period, or clear the selection."
        )
        self.empty.setObjectName("emptyState")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.table_stack = QStackedWidget(self)
        self.table_stack.addWidget(self.table)
        self.table_stack.addWidget(self.empty)

        self.totals = TotalsView(self)
        self.conflicts_title = _section_title("Disputed figures, side by side")
        self.conflicts = ConflictsView(self)
        self.conflicts.link_opened.connect(self.source_opened)
        self.chart = YearlyChart(self.chart_preference, self)
        self.chart.setFixedHeight(170)

        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(4, 4, 4, 4)
        lower_layout.addWidget(_section_title("Totals"))
        self.totals.add_below_figures(self.chart)  # the series just totalled, report by report
        lower_layout.addWidget(self.totals)
        lower_layout.addWidget(self.conflicts_title)
        lower_layout.addWidget(self.conflicts)
        lower_layout.addStretch(1)
        self.lower_scroll = QScrollArea(self)
        self.lower_scroll.setWidgetResizable(True)
        self.lower_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.lower_scroll.setWidget(lower)

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.table_stack)
        self.splitter.addWidget(self.lower_scroll)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.header.add_beside(self.caption, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.header)
        layout.addWidget(self.splitter, 1)

        selection.period_changed.connect(self._refresh)
        self._refresh()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # Docked under the timeline a panel is wide and low: the totals then go beside the
        # table, so the table keeps its height; in a tall dock they go below it.
        wide = event.size().width() >= WIDE_RATIO * event.size().height()
        orientation = Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical
        if orientation != self.splitter.orientation():
            self.splitter.setOrientation(orientation)
            length = event.size().width() if wide else event.size().height()
            self.splitter.setSizes([length * 3 // 5, length * 2 // 5])

    def reports(self, dataset: Dataset) -> Sequence[Report]:
        raise NotImplementedError

    @property
    def dataset(self) -> Dataset:
        return self._dataset

    def set_dataset(self, dataset: Dataset) -> None:
        """Show another dataset (the window opened one) for the same selection."""
        self._dataset = dataset
        self._refresh()

    def _make_table(self) -> QTableView:
        table = QTableView(self)
        table.setObjectName("reportTable")
        table.setModel(self.proxy)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        table.horizontalHeader().setStretchLastSection(True)
        table.horizontalHeader().setHighlightSections(False)
        table.horizontalHeader().setResizeContentsPrecision(FIT_ROWS)
        table.setSortingEnabled(True)
        table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        table.setMouseTracking(True)  # to show a hand over source links
        table.entered.connect(self._hover)
        table.clicked.connect(self._clicked)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.proxy.layoutChanged.connect(self._apply_spans)
        self.proxy.modelReset.connect(self._apply_spans)
        return table

    def _refresh(self, *_: object) -> None:
        selected = self._selection.period
        if self._index is None or self._index.records is not self.reports(self._dataset):
            self._index = PeriodIndex(self.reports(self._dataset))
        reaching = self._index.overlapping(selected)
        summary = summarize_reports(self._dataset, reaching, selected)
        self.summary = summary
        self.table_model.set_rows(self._dataset, summary, selected)
        self._fit_columns()
        listed = [row.report.id for row in (*summary.within, *summary.partial)]
        has_rows = bool(listed)
        self.table_stack.setCurrentWidget(self.table if has_rows else self.empty)
        self.copier.export_action.setEnabled(has_rows)
        self.totals.show_totals(self._dataset, summary.totals)
        conflicts = conflicts_touching(self._dataset, listed)
        self.conflicts.show_conflicts(self._dataset, conflicts, selected)
        self.conflicts_title.setVisible(bool(conflicts))
        self.conflicts.setVisible(bool(conflicts))
        self.chart.show_totals(self._dataset, summary.totals, selected)
        # An empty period shows only its empty state, and no chart means no series to chart.
        self.lower_scroll.setVisible(has_rows)
        self.chart.setVisible(bool(summary.totals.by_series))
        self.caption.setText(self._caption(summary))
        self.contents_changed.emit()

    def _caption(self, summary: PanelSummary) -> str:
        period = self._selection.period.display()
        if self._selection.is_everything:
            period += " (everything)"
        within, partial = len(summary.within), len(summary.partial)
        noun = "report" if within == 1 else "reports"
        return (
            f"<b>{within:,}</b> {noun} wholly within {period}, "
            f"<b>{partial:,}</b> partly overlapping"
        )

    def _fit_columns(self) -> None:
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        for column in range(self.proxy.columnCount()):
            width = max(header.sectionSize(column), header.sectionSizeHint(column))
            header.resizeSection(column, min(width, WIDEST_TEXT_COLUMN))

    def _apply_spans(self) -> None:
        # Group header rows span the table; sorting may have moved them, so set spans anew.
        self.table.clearSpans()
        columns = self.proxy.columnCount()
        if columns < 2:
            return
        for source in self.table_model.header_rows():
            row = self.proxy.mapFromSource(self.table_model.index(source, 0)).row()
            self.table.setSpan(row, 0, 1, columns)

    def _hover(self, index: QModelIndex) -> None:
        linked = bool(index.data(LINKS_ROLE))
        shape = Qt.CursorShape.PointingHandCursor if linked else Qt.CursorShape.ArrowCursor
        self.table.viewport().setCursor(shape)

    def _clicked(self, index: QModelIndex) -> None:
        links = index.data(LINKS_ROLE) or []
        if len(links) == 1:
            self.open_source(links[0][1])
        elif len(links) > 1:
            self._choose_link(links, QCursor.pos())

    def _choose_link(self, links: list[tuple[str, str]], where: QPoint) -> None:
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # a new menu each click
        for title, url in links:
            menu.addAction(f"Open “{title}”").setData(url)
        menu.triggered.connect(self._open_chosen)
        menu.popup(where)

    def _open_chosen(self, action: QAction) -> None:
        self.open_source(str(action.data()))

    def open_source(self, url: str) -> None:
        address = QUrl(url)
        QDesktopServices.openUrl(address)
        self.source_opened.emit(address)

    def _suggested_file_name(self) -> str:
        start, end = range_texts(self._selection.period)
        period = start if start == end else f"{start}_to_{end}"
        return f"{self.file_stem}_{period}.csv"


def _section_title(text: str) -> QLabel:
    label = QLabel(f"<b>{text}</b>")
    return label
