"""What the casualty and clearance panels share: the reports of the selected period, as a table
in two groups, the honest totals, the disputed figures side by side, and a small chart.

A panel asks the same model code as ``karabakh-timeline summary`` (``summarize_reports``) every
time the shared selection's period changes, so what it shows always equals ``summary --json``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPoint, QSettings, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QColor, QCursor, QDesktopServices, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QLabel,
    QMenu,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from karabakh_timeline.model.dates import DateRange
from karabakh_timeline.model.query import (
    PanelSummary,
    conflicts_touching,
    reports_at_places,
    summarize_reports,
)
from karabakh_timeline.model.records import Dataset, Report
from karabakh_timeline.ui.panels.column_chooser import ColumnChooser
from karabakh_timeline.ui.panels.conflicts_view import ConflictsView
from karabakh_timeline.ui.panels.frozen_column_table import FrozenColumnTable
from karabakh_timeline.ui.panels.one_line_label import OneLineLabel
from karabakh_timeline.ui.panels.period_header import PeriodHeader, range_texts
from karabakh_timeline.ui.panels.period_index import PeriodIndex
from karabakh_timeline.ui.panels.report_table_model import (
    DISPUTED_BRUSH,
    LINKS_ROLE,
    PARTIAL_BRUSH,
    ReportSortProxy,
    ReportTableModel,
)
from karabakh_timeline.ui.panels.table_copy import TableCopier
from karabakh_timeline.ui.panels.totals_view import TotalsView
from karabakh_timeline.ui.panels.wheel_guard import WheelScrollsPane
from karabakh_timeline.ui.panels.yearly_chart import YearlyChart
from karabakh_timeline.ui.selection import Selection

EMPTY_TEXT = "No reports for this period"
WIDE_RATIO = 2.0  # width over height from which the totals go beside the table
WIDEST_TEXT_COLUMN = 280  # pixels; longer notes and source lists are elided, whole in the tooltip
HEADER_PADDING = 14  # pixels around a column title
SORT_ARROW_ROOM = 16  # pixels for the sort arrow beside the sorted column's title
NARROWEST_TEXT_COLUMN = 56  # pixels a text column keeps when the columns shown are squeezed in
SQUEEZED_KEYS = (
    "organisation", "source", "note", "other", "area", "items", "scope",
    "land", "release", "remaining", "victims",
)  # fmt: skip
"""Text columns that give up width, eliding, so the columns shown fit the table's width."""
ROW_PADDING = 6  # px above and below a row's text
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
        shown_columns: Sequence[str],
        parent: QWidget | None = None,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self._selection = selection
        self._dataset = dataset
        self._index: PeriodIndex[Report] | None = None  # the reports' days, for the dataset
        self.summary: PanelSummary | None = None

        self.header = PeriodHeader(selection, self)
        # One line beside the From/To fields: a wrapped caption took rows from the table.
        self.caption = OneLineLabel(self)
        self.caption.setObjectName("panelCaption")

        self.table_model = table_model
        table_model.setParent(self)
        self.proxy = ReportSortProxy(self)
        self.proxy.setSourceModel(table_model)
        self.table = self._make_table()
        self.table.setAccessibleName(self.heading)  # what a screen reader calls the table
        self.columns = ColumnChooser(
            self.table, table_model.columns, shown_columns, self.file_stem, settings
        )
        self.columns.columns_changed.connect(self._fit_columns)
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
        # A one-line key under the table; what the tints mean in full is in its tooltip.
        self.legend = OneLineLabel(self)
        self.legend.setObjectName("rowLegend")
        listing = QWidget(self)
        listing_layout = QVBoxLayout(listing)
        listing_layout.setContentsMargins(0, 0, 0, 0)
        listing_layout.setSpacing(2)
        listing_layout.addWidget(self.table_stack, 1)
        listing_layout.addWidget(self.legend)

        self.totals = TotalsView(self)
        # A report named in the figures for this period opens in the report inspector.
        self.totals.report_activated.connect(self._selection.set_report)
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
        self.coverage = QLabel(self)
        self.coverage.setObjectName("coverageNote")
        self.coverage.setWordWrap(True)
        self.coverage.setTextFormat(Qt.TextFormat.PlainText)
        lower_layout.addWidget(self.coverage)
        lower_layout.addWidget(self.conflicts_title)
        lower_layout.addWidget(self.conflicts)
        lower_layout.addStretch(1)
        self.lower_scroll = QScrollArea(self)
        self.lower_scroll.setWidgetResizable(True)
        self.lower_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.lower_scroll.setWidget(lower)
        self.wheel_guard = WheelScrollsPane(self.lower_scroll)

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(listing)
        self.splitter.addWidget(self.lower_scroll)
        # The table first: its default columns must fit beside the totals without scrolling.
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 1)
        self.header.add_beside(self.caption, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.header)
        layout.addWidget(self.splitter, 1)

        selection.period_changed.connect(self._refresh)
        selection.places_changed.connect(self._refresh)
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
            self.splitter.setSizes([length * 2 // 3, length // 3])

    def reports(self, dataset: Dataset) -> Sequence[Report]:
        raise NotImplementedError

    def coverage_note(self, dataset: Dataset, selected: DateRange) -> str:
        """A note under the totals on how far other records cover them; none by default."""
        return ""

    @property
    def dataset(self) -> Dataset:
        return self._dataset

    def set_dataset(self, dataset: Dataset) -> None:
        """Show another dataset (the window opened one) for the same selection."""
        self._dataset = dataset
        self._refresh()

    def _make_table(self) -> FrozenColumnTable:
        table = FrozenColumnTable(self)
        table.setObjectName("reportTable")
        table.setModel(self.proxy)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.verticalHeader().hide()
        # Dense rows, as in a spreadsheet: five of them still fit under a 1280 × 800 timeline.
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + ROW_PADDING)
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
        table.resized.connect(self._fit_columns)
        table.selectionModel().currentRowChanged.connect(self._inspect)
        self.proxy.layoutChanged.connect(self._apply_spans)
        self.proxy.modelReset.connect(self._apply_spans)
        return table

    def _refresh(self, *_: object) -> None:
        selected = self._selection.period
        if self._index is None or self._index.records is not self.reports(self._dataset):
            self._index = PeriodIndex(self.reports(self._dataset))
        reaching = reports_at_places(self._index.overlapping(selected), self._selection.places)
        summary = summarize_reports(self._dataset, reaching, selected)
        self.summary = summary
        self.table_model.set_rows(self._dataset, summary, selected)
        self._fit_columns()
        self.table.scrollToTop()  # each period's list starts at its first group
        self.table.horizontalScrollBar().setValue(0)
        listed = [row.report.id for row in (*summary.within, *summary.partial)]
        has_rows = bool(listed)
        self.table_stack.setCurrentWidget(self.table if has_rows else self.empty)
        disputed = any(row.conflicts for row in (*summary.within, *summary.partial))
        self.legend.set_wordings(
            legend_wordings(disputed, bool(summary.partial)),
            legend_tooltip(disputed, bool(summary.partial)),
        )
        self.legend.setVisible(has_rows and (disputed or bool(summary.partial)))
        self.copier.export_action.setEnabled(has_rows)
        self.totals.show_estimates(self._dataset, summary.estimates)
        self.totals.show_totals(self._dataset, summary.totals)
        note = self.coverage_note(self._dataset, selected)
        self.coverage.setText(note)
        self.coverage.setVisible(bool(note))
        conflicts = conflicts_touching(self._dataset, listed)
        self.conflicts.show_conflicts(self._dataset, conflicts, selected)
        self.conflicts_title.setVisible(bool(conflicts))
        self.conflicts.setVisible(bool(conflicts))
        self.chart.show_totals(self._dataset, summary.totals, selected)
        # An empty period shows only its empty state, and no chart means no series to chart.
        self.lower_scroll.setVisible(has_rows)
        self.chart.setVisible(bool(summary.totals.by_series))
        self.caption.set_wordings(*self._caption(summary))
        self.wheel_guard.guard(self.lower_scroll.widget())  # also what the period added
        self.contents_changed.emit()

    def _caption(self, summary: PanelSummary) -> tuple[list[str], str]:
        """The caption's wordings, longest first, and the whole of it for the tooltip."""
        period = self._selection.period.display()
        if self._selection.is_everything:
            period += " (everything)"
        within, partial = f"{len(summary.within):,}", f"{len(summary.partial):,}"
        noun = "report" if len(summary.within) == 1 else "reports"
        whole = f"{within} {noun} wholly within {period}, {partial} partly overlapping"
        wordings = [
            f"<b>{within}</b> {noun} wholly within {period}, <b>{partial}</b> partly overlapping",
            f"<b>{within}</b> {noun} wholly within the period, <b>{partial}</b> partly overlapping",
            f"<b>{within}</b> within, <b>{partial}</b> partly",
        ]
        return wordings, whole

    def _fit_columns(self) -> None:
        header = self.table.horizontalHeader()
        floors: dict[int, int] = {}
        for column in range(self.proxy.columnCount()):
            if header.isSectionHidden(column):
                continue
            # The header's own hint keeps room for a sort arrow in every column; only the
            # sorted column shows one.
            title = str(self.proxy.headerData(column, Qt.Orientation.Horizontal))
            room = header.fontMetrics().horizontalAdvance(title) + HEADER_PADDING
            if column == header.sortIndicatorSection():
                room += SORT_ARROW_ROOM
            width = min(max(self.table.sizeHintForColumn(column), room), WIDEST_TEXT_COLUMN)
            header.resizeSection(column, width)
            floors[column] = max(room, NARROWEST_TEXT_COLUMN)
        self._squeeze_columns(floors)

    def _squeeze_columns(self, floors: dict[int, int]) -> None:
        """Narrow the text columns, never below their title, until the columns shown fit."""
        header = self.table.horizontalHeader()
        excess = sum(header.sectionSize(c) for c in floors) - self.table.viewport().width()
        keys = [column.key for column in self.table_model.columns]
        give = {
            c: max(0, header.sectionSize(c) - floor)
            for c, floor in floors.items()
            if keys[c] in SQUEEZED_KEYS
        }
        spare = sum(give.values())
        if excess <= 0 or spare <= 0:
            return
        share = min(1.0, excess / spare)
        for column, amount in give.items():
            header.resizeSection(column, header.sectionSize(column) - math.ceil(amount * share))

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

    def _inspect(self, index: QModelIndex, *_: object) -> None:
        """Show the report of the row moved to (by click or arrow key) in the details panel."""
        if not index.isValid():
            return
        entry = self.table_model.table_row(self.proxy.mapToSource(index).row())
        if entry.report is not None:
            self._selection.set_report(entry.report.report.id)

    def _clicked(self, index: QModelIndex) -> None:
        self._inspect(index)  # also a row that was already current, after another item
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


DISPUTED_WORDS = (
    "Disputed: another report gives other figures (point at the row to see which)",
    "Disputed: other figures elsewhere (point at the row)",
    "Disputed",
)
PARTIAL_WORDS = (
    "<i>Partly in the period</i>: listed, never added",
    "<i>Partly in the period</i>: not added",
    "<i>Partly in the period</i>",
)


def legend_wordings(disputed: bool, partial: bool) -> list[str]:
    """What the tints of the rows mean, for the kinds of row the table lists: the same key
    worded from in full down to a word or two, each on one line."""
    wordings = []
    for dispute_words, partial_words in zip(DISPUTED_WORDS, PARTIAL_WORDS, strict=True):
        parts = []
        if disputed:
            parts.append(f"{_swatch(DISPUTED_BRUSH.color())} {dispute_words}")
        if partial:
            parts.append(f"{_swatch(PARTIAL_BRUSH.color())} {partial_words}")
        wordings.append("<small>" + " &nbsp; ".join(parts) + "</small>")
    return wordings


def legend_tooltip(disputed: bool, partial: bool) -> str:
    """The key in full, whichever wording fits under the table."""
    lines = []
    if disputed:
        lines.append(
            "Disputed (amber rows): another report gives other figures for the same thing; point "
            "at the row to see which, or read them side by side under Disputed figures."
        )
    if partial:
        lines.append(
            "Partly in the period (grey rows, in italics): the report's span reaches outside the "
            "selected period, so it is listed but never added into the totals."
        )
    return "\n".join(lines)


def _swatch(colour: QColor) -> str:
    # Drawn opaque and twice as strong as the see-through tint, so the small square shows.
    solid = QColor(colour)
    alpha = min(1.0, 2 * colour.alphaF())
    red, green, blue = (
        1 - alpha + alpha * c for c in (colour.redF(), colour.greenF(), colour.blueF())
    )
    solid.setRgbF(red, green, blue, 1.0)
    return f"<span style='background-color:{solid.name()}'>&nbsp;&nbsp;&nbsp;&nbsp;</span>"


def _section_title(text: str) -> QLabel:
    label = QLabel(f"<b>{text}</b>")
    return label
