"""Selecting on the timeline with the mouse: events, eras, years and drawn periods."""

from __future__ import annotations

import datetime as dt

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QPoint
from timeline_support import at, click, drag, marker_point, shown_view

from karabakh_timeline.model.dates import FULL_RANGE, DateRange
from karabakh_timeline.ui.timeline.time_axis import range_to_x


@pytest.fixture(autouse=True)
def every_mouse_move_counts(monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setitem(pg.CONFIG_OPTIONS, "mouseRateLimit", 0)


def test_clicking_a_marker_selects_its_event_and_highlights_it(qtbot, sample_dataset):
    view, selection = shown_view(qtbot, sample_dataset)
    view.set_x_range(dt.date(2021, 1, 1), dt.date(2021, 12, 31))
    with qtbot.waitSignal(selection.event_changed, timeout=2000) as changed:
        click(qtbot, view, marker_point(view, "ev-2021-maps") + QPoint(2, 1))
    assert changed.args == ["ev-2021-maps"]
    assert view.lane_layer.ring_x() == [
        pytest.approx(view.geometry_.xc[view.geometry_.index_of["ev-2021-maps"]])
    ]
    assert selection.is_everything  # a click on an event does not change the period


def test_clicking_a_bar_selects_the_range_event(qtbot, sample_dataset):
    view, selection = shown_view(qtbot, sample_dataset)
    view.set_x_range(dt.date(1994, 1, 1), dt.date(1998, 12, 31))
    lane = list(sample_dataset.categories).index("clearance")
    click(qtbot, view, at(view, view.lanes, dt.date(1995, 8, 1), y=view.lane_line_y(lane)))
    assert selection.event_id == "ev-1995-programme"


def test_clicking_empty_lane_space_clears_the_event_and_keeps_the_period(qtbot, sample_dataset):
    view, selection = shown_view(qtbot, sample_dataset)
    view.set_x_range(dt.date(1991, 1, 1), dt.date(2000, 12, 31))
    chosen = DateRange(dt.date(1996, 1, 1), dt.date(1997, 12, 31))
    selection.set_period(chosen)
    selection.set_event("ev-1995-programme")
    with qtbot.waitSignal(selection.event_changed, timeout=2000) as changed:
        click(qtbot, view, at(view, view.lanes, dt.date(1992, 6, 1), y=0.5))  # between two lanes
    assert changed.args == [None]
    assert selection.period == chosen  # not the era the click fell in


def test_clicking_the_era_strip_selects_the_era(qtbot, sample_dataset):
    view, selection = shown_view(qtbot, sample_dataset)
    click(qtbot, view, at(view, view.strip, dt.date(2000, 1, 1)))
    assert selection.period == DateRange(dt.date(1994, 5, 1), dt.date(2020, 9, 30))


def test_double_clicking_a_year_on_the_axis_selects_that_year(qtbot, sample_dataset):
    view, selection = shown_view(qtbot, sample_dataset)
    axis = view.clearance_plot.getAxis("bottom")
    x = at(view, view.clearance_plot, dt.date(2004, 7, 1)).x()
    y = view.mapFromScene(axis.mapToScene(axis.rect().center())).y()
    click(qtbot, view, QPoint(x, y), double=True)
    assert selection.period == DateRange(dt.date(2004, 1, 1), dt.date(2004, 12, 31))


def test_shift_dragging_on_the_lanes_draws_a_period(qtbot, sample_dataset):
    view, selection = shown_view(qtbot, sample_dataset)
    view.set_x_range(dt.date(2000, 1, 1), dt.date(2009, 12, 31))
    start = at(view, view.lanes, dt.date(2003, 1, 1), y=0.5)
    end = at(view, view.lanes, dt.date(2005, 1, 1), y=0.5)
    before = view.x_range()
    with qtbot.waitSignal(selection.period_changed, timeout=2000):
        drag(qtbot, view, start, end, shift=True)
    assert selection.period == DateRange(dt.date(2003, 1, 1), dt.date(2004, 12, 31))
    assert view.x_range() == before  # drawing a period does not pan


def test_dragging_on_the_count_track_draws_a_period(qtbot, sample_dataset):
    view, selection = shown_view(qtbot, sample_dataset)
    view.set_x_range(dt.date(2000, 1, 1), dt.date(2009, 12, 31))
    start = at(view, view.casualties_plot, dt.date(2006, 1, 1))
    end = at(view, view.casualties_plot, dt.date(2003, 1, 1))  # right to left works too
    drag(qtbot, view, start, end)
    assert selection.period == DateRange(dt.date(2003, 1, 1), dt.date(2005, 12, 31))


def test_the_regions_show_the_selected_period_on_every_plot(qtbot, sample_dataset):
    view, selection = shown_view(qtbot, sample_dataset)
    regions = view.regions.regions
    assert len(regions) == 3
    assert not any(region.isVisible() for region in regions)  # everything: nothing to show
    chosen = DateRange(dt.date(2004, 1, 1), dt.date(2004, 12, 31))
    selection.set_period(chosen)
    for region in regions:
        assert region.isVisible()
        assert region.getRegion() == pytest.approx(range_to_x(chosen))
    selection.clear_period()
    assert not any(region.isVisible() for region in regions)


def test_moving_one_region_moves_the_others_and_sets_whole_days(qtbot, sample_dataset):
    view, selection = shown_view(qtbot, sample_dataset)
    view.set_x_range(dt.date(2010, 3, 1), dt.date(2010, 3, 20))  # the axis shows days
    selection.set_period(DateRange(dt.date(2010, 3, 5), dt.date(2010, 3, 9)))
    lanes_region, casualty_region, _ = view.regions.regions
    x0, x1 = range_to_x(DateRange(dt.date(2010, 3, 3), dt.date(2010, 3, 12)))
    with qtbot.waitSignal(selection.period_changed, timeout=2000):
        casualty_region.setRegion((x0 + 3600, x1 - 3600))  # a little off whole days
        casualty_region.sigRegionChangeFinished.emit(casualty_region)
    assert selection.period == DateRange(dt.date(2010, 3, 3), dt.date(2010, 3, 12))
    assert lanes_region.getRegion() == pytest.approx((x0, x1))


def test_a_period_drawn_outside_the_apps_years_is_clipped_to_them(qtbot, sample_dataset):
    view, selection = shown_view(qtbot, sample_dataset)
    x0, _ = range_to_x(DateRange(dt.date(1990, 6, 1), dt.date(1990, 6, 1)))
    _, x1 = range_to_x(DateRange(dt.date(1992, 12, 31), dt.date(1992, 12, 31)))
    view.regions.commit(x0, x1)
    assert selection.period == DateRange(FULL_RANGE.first, dt.date(1992, 12, 31))
