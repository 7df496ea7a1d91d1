"""Zooming and panning the timeline: by API, by wheel and by dragging, within sensible limits."""

from __future__ import annotations

import datetime as dt

import pyqtgraph as pg
import pytest
from timeline_support import at, drag, shown_view, span_days, wheel

from karabakh_timeline.model.dates import FULL_RANGE
from karabakh_timeline.ui.timeline.plots import MARGIN_DAYS, MIN_SPAN_DAYS
from karabakh_timeline.ui.timeline.time_axis import x_to_date


@pytest.fixture(autouse=True)
def every_mouse_move_counts(monkeypatch):  # type: ignore[no-untyped-def]
    # pyqtgraph drops mouse moves less than 10 ms apart (``mouseRateLimit``); test events come
    # back to back.
    monkeypatch.setitem(pg.CONFIG_OPTIONS, "mouseRateLimit", 0)


def test_opens_on_all_of_1991_to_2023(qtbot, sample_dataset):
    view, _ = shown_view(qtbot, sample_dataset)
    first, last = view.x_range()
    assert first <= FULL_RANGE.first and last >= FULL_RANGE.last
    assert (FULL_RANGE.first - first).days < 150 and (last - FULL_RANGE.last).days < 150


def test_set_x_range_round_trips_whole_days(qtbot, sample_dataset):
    view, _ = shown_view(qtbot, sample_dataset)
    view.set_x_range(dt.date(2020, 1, 1), dt.date(2021, 12, 31))
    assert view.x_range() == (dt.date(2020, 1, 1), dt.date(2021, 12, 31))
    view.set_x_range(dt.date(2004, 6, 3), dt.date(2004, 6, 30))
    assert view.x_range() == (dt.date(2004, 6, 3), dt.date(2004, 6, 30))


def test_zoom_in_and_out_keep_the_middle(qtbot, sample_dataset):
    view, _ = shown_view(qtbot, sample_dataset)
    view.set_x_range(dt.date(2000, 1, 1), dt.date(2007, 12, 31))
    middle = view.x_range()[0] + (view.x_range()[1] - view.x_range()[0]) / 2
    before = span_days(view)
    view.zoom_in()
    assert abs(span_days(view) - before / 2) <= 1
    first, last = view.x_range()
    assert abs(((first + (last - first) / 2) - middle).days) <= 1
    view.zoom_out()
    assert abs(span_days(view) - before) <= 1


def test_zooming_in_stops_at_days_and_out_at_the_apps_years(qtbot, sample_dataset):
    view, _ = shown_view(qtbot, sample_dataset)
    for _ in range(30):
        view.zoom_in()
    assert MIN_SPAN_DAYS - 1 <= span_days(view) <= MIN_SPAN_DAYS + 1
    for _ in range(30):
        view.zoom_out()
    first, last = view.x_range()
    assert first >= FULL_RANGE.first - dt.timedelta(days=MARGIN_DAYS + 1)
    assert last <= FULL_RANGE.last + dt.timedelta(days=MARGIN_DAYS + 1)


def test_the_wheel_zooms_around_the_pointer_and_only_in_time(qtbot, sample_dataset):
    view, _ = shown_view(qtbot, sample_dataset)
    view.set_x_range(dt.date(2000, 1, 1), dt.date(2009, 12, 31))
    lanes_y = view.lanes.vb.viewRange()[1]
    pointer = at(view, view.lanes, dt.date(2004, 1, 1))
    before = span_days(view)
    wheel(view, pointer, 3)
    assert span_days(view) < before * 0.8
    # The day under the pointer stays under it.
    under = view.lanes.vb.mapSceneToView(view.mapToScene(pointer)).x()
    assert abs(x_to_date(under) - dt.date(2004, 1, 1)) <= dt.timedelta(days=3)
    assert view.lanes.vb.viewRange()[1] == lanes_y
    wheel(view, pointer, -6)
    assert span_days(view) > before


def test_dragging_the_lanes_pans_in_time_and_selects_nothing(qtbot, sample_dataset):
    view, selection = shown_view(qtbot, sample_dataset)
    view.set_x_range(dt.date(2000, 1, 1), dt.date(2009, 12, 31))
    lanes_y = view.lanes.vb.viewRange()[1]
    start = at(view, view.lanes, dt.date(2006, 1, 1), y=0.3)
    end = at(view, view.lanes, dt.date(2004, 1, 1), y=1.2)  # two years to the left, and down
    drag(qtbot, view, start, end)
    first, last = view.x_range()
    assert abs((first - dt.date(2002, 1, 1)).days) <= 10
    assert abs((last - dt.date(2011, 12, 31)).days) <= 10
    assert view.lanes.vb.viewRange()[1] == lanes_y  # lanes stay in place
    assert selection.is_everything


def test_the_count_track_follows_the_lanes(qtbot, sample_dataset):
    view, _ = shown_view(qtbot, sample_dataset)
    view.set_x_range(dt.date(2003, 1, 1), dt.date(2005, 12, 31))
    for plot in (view.strip, view.casualties_plot, view.clearance_plot):
        assert plot.vb.viewRange()[0] == pytest.approx(view.lanes.vb.viewRange()[0])


def test_zoom_to_selection_shows_the_event_or_the_period(qtbot, sample_dataset):
    view, selection = shown_view(qtbot, sample_dataset)
    selection.set_event("ev-2021-maps")
    view.zoom_to_selection()
    first, last = view.x_range()
    assert first < dt.date(2021, 7, 3) < last and span_days(view) < 200
    selection.set_period(FULL_RANGE.from_texts("2004", "2005", FULL_RANGE))
    view.zoom_to_selection()  # the period was selected last
    first, last = view.x_range()
    assert first <= dt.date(2004, 1, 1) and last >= dt.date(2005, 12, 31)
    assert span_days(view) < 2 * 366 * 1.2
    selection.set_event("ev-2011-ban")
    view.zoom_to_selection()  # now the event was
    first, last = view.x_range()
    assert first < dt.date(2011, 7, 16) < last and span_days(view) < 200


def test_the_axis_says_years_then_months_then_days(qtbot, sample_dataset):
    view, _ = shown_view(qtbot, sample_dataset)
    axis = view.clearance_plot.getAxis("bottom")

    def labels() -> list[str]:
        (x0, x1), _ = view.lanes.vb.viewRange()
        values = axis.tickValues(x0, x1, axis.width())
        texts = []
        for spacing, ticks in values:
            texts += axis.tickStrings(ticks, 1, spacing)
        return texts

    assert "2004" in labels()
    view.set_x_range(dt.date(2021, 1, 1), dt.date(2021, 6, 30))
    assert any(text.startswith("Mar") for text in labels())
    view.set_x_range(dt.date(2021, 7, 1), dt.date(2021, 7, 14))
    assert any("Jul 2021" in text for text in labels())
    assert all(":" not in text for text in labels())  # never hours
