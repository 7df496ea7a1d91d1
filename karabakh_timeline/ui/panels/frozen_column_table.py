"""A table whose first column stays in view when the table is scrolled sideways.

Qt's "frozen column" pattern: a second, borderless view of the same model and selection lies over
the left edge of the table and shows only the first column; the two scroll up and down together.
The overlay appears only while the table is scrolled sideways, so rows that span the whole table
(the group headers) read whole when nothing is scrolled; in the overlay their title is elided.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QFrame, QHeaderView, QTableView, QWidget

AnyIndex = QModelIndex | QPersistentModelIndex
_ENSURE = QAbstractItemView.ScrollHint.EnsureVisible


class FrozenColumnTable(QTableView):
    """A ``QTableView`` with column 0 frozen; ``frozen`` is the overlay that shows it."""

    resized = Signal()
    """The table got another size (its columns may want to fit the new width)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.frozen = QTableView(self)
        self.frozen.setObjectName("frozenColumn")
        self.frozen.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.frozen.verticalHeader().hide()
        self.frozen.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.frozen.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.frozen.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.frozen.setFrameShape(QFrame.Shape.NoFrame)
        self.frozen.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.frozen.setMouseTracking(True)
        self.frozen.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.viewport().stackUnder(self.frozen)
        self.frozen.hide()
        # What happens in the overlay is what happens in the table.
        self.frozen.clicked.connect(self.clicked)
        self.frozen.entered.connect(self.entered)
        self.frozen.horizontalHeader().sectionClicked.connect(self._frozen_header_clicked)
        self.frozen.horizontalHeader().setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.frozen.horizontalHeader().customContextMenuRequested.connect(self._header_menu)
        self.horizontalHeader().sectionResized.connect(self._column_resized)
        self.horizontalHeader().sortIndicatorChanged.connect(self._sorted)
        self.verticalHeader().sectionResized.connect(self._row_resized)
        self.frozen.verticalScrollBar().valueChanged.connect(self.verticalScrollBar().setValue)
        self.verticalScrollBar().valueChanged.connect(self.frozen.verticalScrollBar().setValue)
        self.horizontalScrollBar().valueChanged.connect(self._update_frozen)
        self.horizontalScrollBar().rangeChanged.connect(self._update_frozen)

    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        self.frozen.setModel(model)
        self.frozen.setSelectionModel(self.selectionModel())
        if model is not None:
            model.modelReset.connect(self._hide_frozen_columns)
            model.layoutChanged.connect(self._update_frozen)
        self._hide_frozen_columns()

    def setSelectionBehavior(self, behavior: QAbstractItemView.SelectionBehavior) -> None:
        super().setSelectionBehavior(behavior)
        self.frozen.setSelectionBehavior(behavior)

    def setSelectionMode(self, mode: QAbstractItemView.SelectionMode) -> None:
        super().setSelectionMode(mode)
        self.frozen.setSelectionMode(mode)

    def setWordWrap(self, on: bool) -> None:
        super().setWordWrap(on)
        self.frozen.setWordWrap(on)

    def setTextElideMode(self, mode: Qt.TextElideMode) -> None:
        super().setTextElideMode(mode)
        self.frozen.setTextElideMode(mode)

    def setSortingEnabled(self, enable: bool) -> None:
        super().setSortingEnabled(enable)
        header = self.frozen.horizontalHeader()
        header.setSortIndicatorShown(enable)
        header.setSectionsClickable(enable)

    @property
    def frozen_in_view(self) -> bool:
        """Whether the first column is drawn by the overlay (the table is scrolled sideways)."""
        return self.frozen.isVisible()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_frozen()
        self.resized.emit()

    def scrollTo(self, index: AnyIndex, hint: QAbstractItemView.ScrollHint = _ENSURE) -> None:
        if index.column() > 0 or not self.frozen.isVisible():
            super().scrollTo(index, hint)
        else:  # the first column is always in view: only follow the row
            super().scrollTo(self.model().index(index.row(), self._first_scrollable()), hint)

    def _first_scrollable(self) -> int:
        header = self.horizontalHeader()
        for visual in range(1, header.count()):
            logical = header.logicalIndex(visual)
            if not header.isSectionHidden(logical):
                return logical
        return 0

    def _hide_frozen_columns(self) -> None:
        model = self.model()
        if model is None:
            return
        for column in range(model.columnCount()):
            self.frozen.setColumnHidden(column, column != 0)
        self.frozen.setColumnWidth(0, self.columnWidth(0))
        self.frozen.verticalHeader().setDefaultSectionSize(
            self.verticalHeader().defaultSectionSize()
        )

    def _column_resized(self, column: int, _old: int, new: int) -> None:
        if column == 0:
            self.frozen.setColumnWidth(0, new)
            self._place_frozen()

    def _row_resized(self, row: int, _old: int, new: int) -> None:
        self.frozen.setRowHeight(row, new)

    def _update_frozen(self, *_: object) -> None:
        scrolled = self.horizontalScrollBar().value() > 0
        self.frozen.setVisible(scrolled)
        if scrolled:
            self.frozen.verticalScrollBar().setValue(self.verticalScrollBar().value())
            self._place_frozen()

    def _place_frozen(self) -> None:
        frame = self.frameWidth()
        self.frozen.setGeometry(
            self.verticalHeader().width() + frame,
            frame,
            self.columnWidth(0),
            self.viewport().height() + self.horizontalHeader().height(),
        )

    def _sorted(self, section: int, order: Qt.SortOrder) -> None:
        self.frozen.horizontalHeader().setSortIndicator(section, order)

    def _frozen_header_clicked(self, section: int) -> None:
        header = self.horizontalHeader()
        ascending = Qt.SortOrder.AscendingOrder
        if header.sortIndicatorSection() == section and header.sortIndicatorOrder() == ascending:
            order = Qt.SortOrder.DescendingOrder
        else:
            order = ascending
        self.sortByColumn(section, order)

    def _header_menu(self, where: QPoint) -> None:
        header = self.horizontalHeader()
        point = header.mapFrom(self.frozen.horizontalHeader(), where)
        header.customContextMenuRequested.emit(point)
