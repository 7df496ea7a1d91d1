"""The events list: search, category boxes, the selected period, and selecting both ways."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from karabakh_timeline.model.dates import DateRange
from karabakh_timeline.ui.docks.events_dock import (
    SEARCH_DELAY_MS,
    EventsList,
    EventsTableModel,
    short_period,
)
from karabakh_timeline.ui.selection import Selection


@pytest.fixture
def dock(qtbot, sample_dataset):  # type: ignore[no-untyped-def]
    selection = Selection()
    widget = EventsList(sample_dataset, selection)
    qtbot.addWidget(widget)
    return widget, selection


def type_search(qtbot, widget, selection, text: str) -> None:  # type: ignore[no-untyped-def]
    widget.search_box.clear()
    with qtbot.waitSignal(selection.filters_changed, timeout=2000):
        if text.isascii():
            qtbot.keyClicks(widget.search_box, text)
        else:  # QTest types ASCII only; an input method inserts the text like this
            widget.search_box.insert(text)


def test_lists_every_event_in_time_order_with_short_dates(dock, sample_dataset):
    widget, _ = dock
    assert widget.shown_event_ids() == [event.id for event in sample_dataset.events]
    model = widget.model
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Date"
    dates = [model.data(model.index(row, EventsTableModel.DATE)) for row in range(model.rowCount())]
    assert dates == [
        "1995 – 1996",
        "Jun 2004",
        "Jul 2011",
        "4 Jun 2021",
        "3 Jul 2021",
        "14 Aug 2021",
    ]
    assert widget.count_label.text() == "6 of 6 events"


def test_typing_zangilan_finds_the_map_handover(qtbot, dock):
    widget, selection = dock
    type_search(qtbot, widget, selection, "Zangilan")
    assert selection.search == "Zangilan"
    assert widget.shown_event_ids() == ["ev-2021-maps"]
    type_search(qtbot, widget, selection, "zəngilan")  # the Azerbaijani spelling, in lower case
    assert widget.shown_event_ids() == ["ev-2021-maps"]
    type_search(qtbot, widget, selection, "Karvachar")  # the Armenian name of Kalbajar
    assert widget.shown_event_ids() == ["ev-2021-kalbajar"]
    assert widget.count_label.text() == "1 of 6 events"


def test_enter_in_the_search_goes_to_the_first_result(qtbot, dock):
    widget, selection = dock
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget, timeout=2000)
    widget.search_box.setFocus()
    qtbot.keyClicks(widget.search_box, "maps")
    qtbot.keyClick(widget.search_box, Qt.Key.Key_Return)
    assert selection.search == "maps"
    assert widget.shown_event_ids() == ["ev-2021-maps", "ev-2021-accuracy"]
    assert selection.event_id == "ev-2021-maps"
    assert widget.table.hasFocus()


def test_a_search_set_elsewhere_replaces_what_was_being_typed(qtbot, dock):
    widget, selection = dock
    qtbot.keyClicks(widget.search_box, "zang")  # typing, not yet applied
    selection.set_search("")  # another dataset was opened, say
    selection.set_search("maps")
    assert widget.search_box.text() == "maps"
    qtbot.wait(3 * SEARCH_DELAY_MS)  # past the pause that would have applied the typing
    assert selection.search == "maps"  # what was typed did not come back later
    assert widget.search_box.text() == "maps"
    assert widget.shown_event_ids() == ["ev-2021-maps", "ev-2021-accuracy"]


def test_category_boxes_filter_the_list_and_the_selection(qtbot, dock):
    widget, selection = dock
    widget.category_boxes["politics"].click()
    assert selection.hidden_categories == {"politics"}
    assert "ev-2021-maps" not in widget.shown_event_ids()
    assert len(widget.shown_event_ids()) == 3
    selection.set_category_visible("politics", True)  # changed elsewhere: the box follows
    assert widget.category_boxes["politics"].isChecked()
    assert len(widget.shown_event_ids()) == 6


def test_the_list_keeps_to_the_selected_period(dock):
    widget, selection = dock
    selection.set_period(DateRange(dt.date(2021, 1, 1), dt.date(2021, 12, 31)))
    assert widget.shown_event_ids() == ["ev-2021-kalbajar", "ev-2021-maps", "ev-2021-accuracy"]
    assert widget.count_label.text() == "3 of 6 events in the selected period"
    selection.set_period(DateRange(dt.date(1996, 6, 1), dt.date(1996, 6, 30)))
    assert widget.shown_event_ids() == ["ev-1995-programme"]  # a span overlapping the month


def test_selecting_a_row_selects_the_event_and_back(qtbot, dock):
    widget, selection = dock
    row = widget.model.row_of("ev-2011-ban")
    with qtbot.waitSignal(selection.event_changed, timeout=1000):
        widget.table.selectRow(row)
    assert selection.event_id == "ev-2011-ban"
    selection.set_event("ev-2021-maps")
    selected = widget.table.selectionModel().selectedRows()
    assert [widget.model.event_id(index.row()) for index in selected] == ["ev-2021-maps"]


def test_short_period_keeps_the_precision():
    from karabakh_timeline.model.dates import PartialDate, Period

    assert short_period(Period.parse("1993-06", "1999-05")) == "Jun 1993 – May 1999"
    assert short_period(Period.point(PartialDate.parse("2004"))) == "2004"
    assert short_period(Period.parse(None, "2019")) == "until 2019"
    assert short_period(Period.parse("2020-11", None)) == "since Nov 2020"
