"""The events list keeps the selected event in view: after a search narrows the list and after
the search is cleared again."""

from __future__ import annotations

import pytest
from scale_support import write_large_dataset

from karabakh_timeline.model.loader import load_dataset
from karabakh_timeline.ui.docks.events_dock import EventsList
from karabakh_timeline.ui.selection import Selection


@pytest.fixture(scope="module")
def many_events(tmp_path_factory):  # type: ignore[no-untyped-def]
    return load_dataset(write_large_dataset(tmp_path_factory.mktemp("many") / "d.json", 600))


def _row_is_in_view(widget: EventsList, event_id: str) -> bool:
    row = widget.model.row_of(event_id)
    assert row is not None
    table = widget.table
    rect = table.visualRect(widget.model.index(row, 0))
    return rect.isValid() and table.viewport().rect().contains(rect)


def test_the_selected_event_stays_in_view_when_the_search_is_cleared(qtbot, many_events):
    selection = Selection()
    widget = EventsList(many_events, selection)
    qtbot.addWidget(widget)
    widget.resize(360, 420)
    widget.show()
    qtbot.waitExposed(widget)
    events = list(widget.shown_event_ids())
    chosen = events[len(events) * 3 // 4]  # far down the list
    title = many_events.record(chosen).title  # type: ignore[union-attr]
    selection.set_search(title)
    assert chosen in widget.shown_event_ids()
    selection.set_event(chosen)
    assert _row_is_in_view(widget, chosen)
    selection.set_search("")
    qtbot.waitUntil(lambda: _row_is_in_view(widget, chosen), timeout=2000)
    assert widget.table.selectionModel().isRowSelected(widget.model.row_of(chosen))


def test_an_event_selected_elsewhere_is_scrolled_into_view(qtbot, many_events):
    selection = Selection()
    widget = EventsList(many_events, selection)
    qtbot.addWidget(widget)
    widget.resize(360, 420)
    widget.show()
    qtbot.waitExposed(widget)
    last = widget.shown_event_ids()[-5]
    selection.set_event(last)
    assert _row_is_in_view(widget, last)
