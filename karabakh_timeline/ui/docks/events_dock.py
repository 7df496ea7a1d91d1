"""The events list: a search box, a checkbox per category and the events in time order.

The search and the checkboxes set the shared selection's filters, so the timeline hides the same
events; the list also keeps to the selected period. Selecting a row selects the event everywhere,
and an event selected elsewhere is selected here.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt
from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from karabakh_timeline.model.dates import MONTH_NAMES, PartialDate, Period
from karabakh_timeline.model.place_names import Naming, place_name
from karabakh_timeline.model.place_text import named_text
from karabakh_timeline.model.records import Dataset, Event
from karabakh_timeline.ui import palette
from karabakh_timeline.ui.selection import Selection
from karabakh_timeline.ui.timeline.event_geometry import EventGeometry

SEARCH_DELAY_MS = 150  # wait for a pause in typing before filtering a large dataset
FOLD_AFTER_MS = 1000  # prepare the search once the window is up…
FOLD_CHUNK = 4000  # …a few milliseconds of it at a time, so the window stays responsive
EVENT_ID_ROLE = Qt.ItemDataRole.UserRole

Index = QModelIndex | QPersistentModelIndex


def _short_date(date: PartialDate) -> str:
    if date.month is None:
        return str(date.year)
    month = MONTH_NAMES[date.month - 1][:3]
    return f"{month} {date.year}" if date.day is None else f"{date.day} {month} {date.year}"


def short_period(period: Period) -> str:
    """'2004', 'Jun 1993 – May 1999', '3 Jul 2021': the list's narrow date column."""
    start = _short_date(period.start) if period.start else None
    end = _short_date(period.end) if period.end else None
    if start and end:
        return start if start == end else f"{start} – {end}"
    if end:
        return f"until {end}"
    return f"since {start}" if start else "undated"


class EventsTableModel(QAbstractTableModel):
    """Read-only rows of events: date (in its precision) and title with its lane's marker."""

    DATE, TITLE = range(2)
    HEADERS = ("Date", "Event")

    def __init__(self, dataset: Dataset, icons: dict[str, QIcon], index_of: dict[str, int]):
        super().__init__()
        self._dataset = dataset
        self._icons = icons
        self._index_of = index_of  # event id -> position in dataset.events
        self._rows: npt.NDArray[np.int64] = np.empty(0, dtype=np.int64)
        self.naming = (
            Naming.ENGLISH
        )  # the place names titles and tooltips give (View → Place names)

    def set_rows(self, rows: npt.ArrayLike) -> None:
        """Show these events (positions in ``dataset.events``, ascending: time order)."""
        self.beginResetModel()
        self._rows = np.asarray(rows, dtype=np.int64)
        self.endResetModel()

    def event_id(self, row: int) -> str:
        return self._dataset.events[int(self._rows[row])].id

    def row_of(self, event_id: str) -> int | None:
        number = self._index_of.get(event_id)
        if number is None:
            return None
        # The rows keep the dataset's order, so a binary search finds an event's row.
        row = int(np.searchsorted(self._rows, number))
        return row if row < self._rows.size and self._rows[row] == number else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own default
        return 0 if parent.isValid() else int(self._rows.size)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own default
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        event = self._dataset.events[int(self._rows[index.row()])]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return short_period(event.date) if column == self.DATE else self._title(event)
        if role == Qt.ItemDataRole.DecorationRole and column == self.TITLE:
            return self._icons.get(event.category)
        if role == Qt.ItemDataRole.ToolTipRole:
            category = self._dataset.categories[event.category].label
            tip = f"{self._title(event)}\n{event.date.display()} · {category}"
            places = [self._dataset.places.get(place_id) for place_id in event.places]
            names = [place_name(place, self.naming) for place in places if place is not None]
            return tip + (f"\nPlaces: {', '.join(names)}" if names else "")
        if role == EVENT_ID_ROLE:
            return event.id
        return None

    def _title(self, event: Event) -> str:
        """The title with its places named in the chosen naming (View → Place names)."""
        if self.naming is Naming.ENGLISH:
            return event.title
        places = [self._dataset.places[p] for p in event.places if p in self._dataset.places]
        return named_text(event.title, places, self.naming)

    def set_naming(self, naming: Naming) -> None:
        """Name places in ``naming``: the titles shown are written anew, the rows stay."""
        if naming is self.naming:
            return
        self.naming = naming
        if self._rows.size:
            last = self.index(int(self._rows.size) - 1, self.TITLE)
            self.dataChanged.emit(self.index(0, self.TITLE), last)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None


class EventsList(QWidget):
    """The events list: the contents of the Events dock."""

    def __init__(
        self,
        dataset: Dataset,
        selection: Selection,
        geometry: EventGeometry | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("eventsList")
        self._dataset = dataset
        self._selection = selection
        self._geometry = geometry or EventGeometry.build(dataset, selection.full_range)
        self.search_box = QLineEdit()
        self.search_box.setObjectName("eventSearch")
        self.search_box.setPlaceholderText("Search titles, text, places and their other names")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setAccessibleName("Search events")
        self.search_box.setText(selection.search)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_search)
        self.search_box.textChanged.connect(lambda _: self._search_timer.start())
        self.search_box.returnPressed.connect(self._search_entered)
        # Folding every event's text for the search takes a while with 100,000 events: do it
        # while the window waits for the reader, so the first search answers at once.
        self._fold_timer = QTimer(self)
        self._fold_timer.timeout.connect(self._fold_some)
        self._fold_timer.start(FOLD_AFTER_MS)

        icons = {}
        self.category_boxes: dict[str, QCheckBox] = {}
        boxes = QGridLayout()
        boxes.setContentsMargins(0, 0, 0, 0)
        for number, category in enumerate(dataset.categories.values()):
            icon = palette.lane_icon(palette.lane_style(number), 14)
            icons[category.id] = icon
            box = QCheckBox(category.label)
            box.setIcon(icon)
            box.setToolTip(category.description or category.label)
            box.setAccessibleName(f"Show {category.label} events")
            box.setChecked(category.id not in selection.hidden_categories)
            box.toggled.connect(
                lambda on, ident=category.id: selection.set_category_visible(ident, on)
            )
            self.category_boxes[category.id] = box
            boxes.addWidget(box, number // 2, number % 2)

        self.model = EventsTableModel(dataset, icons, self._geometry.index_of)
        self.model.set_naming(selection.naming)
        selection.naming_changed.connect(self._naming_changed)
        self.table = QTableView()
        self.table.setObjectName("eventsTable")
        self.table.setAccessibleName("Events")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(EventsTableModel.DATE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(EventsTableModel.TITLE, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        # Measure the dates of the first rows only: a 100,000-row list would measure them all.
        header.setResizeContentsPrecision(200)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 6)
        self.table.selectionModel().currentRowChanged.connect(self._row_chosen)
        self.count_label = QLabel()
        self.count_label.setObjectName("eventsCount")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.search_box)
        layout.addLayout(boxes)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)

        selection.filters_changed.connect(self.refresh)
        selection.period_changed.connect(self.refresh)
        selection.event_changed.connect(self._select_row)
        self.refresh()

    def _fold_some(self) -> None:
        self._fold_timer.setInterval(0)
        if self._geometry.filters.search.fold_some(FOLD_CHUNK):
            self._fold_timer.stop()

    def apply_search(self) -> None:
        self._search_timer.stop()
        self._selection.set_search(self.search_box.text())

    def _show_search(self) -> None:
        """Show the selection's search in the box when it was set elsewhere (a new dataset)."""
        if self.search_box.text() == self._selection.search:
            return
        self._search_timer.stop()  # what was being typed is replaced, not applied later
        self.search_box.blockSignals(True)
        self.search_box.setText(self._selection.search)
        self.search_box.blockSignals(False)

    def _search_entered(self) -> None:
        """Enter: search now and go to the results, so Up, Down, Left and Right browse them."""
        self.apply_search()
        if self.model.rowCount() == 0:
            return
        if self.model.row_of(self._selection.event_id or "") is None:
            self._selection.set_event(self.model.event_id(0))
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _naming_changed(self, naming: Naming) -> None:
        self.model.set_naming(naming)

    def shown_event_ids(self) -> list[str]:
        return [self.model.event_id(row) for row in range(self.model.rowCount())]

    def refresh(self, *_: object) -> None:
        """List the events the filters and the selected period leave, in time order."""
        g = self._geometry
        s = self._selection
        event_filter = s.event_filter
        if not s.is_everything:
            event_filter = event_filter.within(s.period)
        mask = g.visible_mask(event_filter)
        rows = np.flatnonzero(mask)
        self.model.set_rows(rows)
        total = len(self._dataset.events)
        where = "" if self._selection.is_everything else " in the selected period"
        self.count_label.setText(f"{rows.size:,} of {total:,} events{where}")
        for ident, box in self.category_boxes.items():
            box.blockSignals(True)
            box.setChecked(ident not in self._selection.hidden_categories)
            box.blockSignals(False)
        self._show_search()
        self._select_row(self._selection.event_id)

    def _scroll_to(self, index: QModelIndex) -> None:
        """Bring the row into view, also just after the rows changed: until the table has laid
        the new rows out (its scroll bar still has the old range), a scroll would land short."""
        self.table.doItemsLayout()
        self.table.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)

    def _row_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._selection.set_event(self.model.event_id(current.row()))

    def _select_row(self, event_id: str | None) -> None:
        row = self.model.row_of(event_id) if event_id else None
        chooser = self.table.selectionModel()
        chooser.blockSignals(True)
        try:
            if row is None:
                chooser.clearSelection()
                chooser.setCurrentIndex(QModelIndex(), QItemSelectionModel.SelectionFlag.NoUpdate)
            else:
                index = self.model.index(row, EventsTableModel.DATE)
                flags = (
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows
                )
                chooser.setCurrentIndex(index, flags)
                self._scroll_to(index)
        finally:
            chooser.blockSignals(False)
        self.table.viewport().update()
