"""Selections land where the user points: axis labels, drawn periods and region edges snap to
the unit the axis shows, and a readout says what letting go will select."""

from __future__ import annotations

import datetime as dt

import pyqtgraph as pg
import pytest
from panels_support import make_panels
from PySide6.QtCore import QPoint, QPointF
from timeline_support import at, click, drag, press_and_move, release, shown_view

from karabakh_timeline.model.dates import DateRange, Precision
from karabakh_timeline.ui.timeline.time_axis import date_to_x
from karabakh_timeline.ui.timeline.view import TimelineView

YEAR_2004 = DateRange(dt.date(2004, 1, 1), dt.date(2004, 12, 31))


@pytest.fixture(autouse=True)
def every_mouse_move_counts(monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setitem(pg.CONFIG_OPTIONS, "mouseRateLimit", 0)


def _axis_point(view: TimelineView, x: float) -> QPoint:
    """A point on the date axis, halfway down its labels, at x of the axis's own pixels."""
    axis = view.time_axis
    y = axis.labels()[0].rect.center().y()
    return view.mapFromScene(axis.mapToScene(QPointF(x, y)))


def _label(view: TimelineView, text: str):  # type: ignore[no-untyped-def]
    found = [label for label in view.time_axis.labels() if label.text == text]
    assert len(found) == 1, [label.text for label in view.time_axis.labels()]
    return found[0]


@pytest.mark.parametrize("span", [None, (dt.date(2000, 1, 1), dt.date(2009, 12, 31))])
def test_double_clicking_anywhere_on_the_label_2004_selects_2004(qtbot, sample_dataset, span):
    view, selection = shown_view(qtbot, sample_dataset)
    if span is not None:
        view.set_x_range(*span)
    label = _label(view, "2004")
    assert label.rect.width() > 10
    left, right = int(label.rect.left()) + 1, int(label.rect.right()) - 1
    for x in range(left, right + 1, 2):  # every other pixel across the label, both halves
        selection.clear_period()
        click(qtbot, view, _axis_point(view, x), double=True)
        assert selection.period == YEAR_2004, x


def test_double_clicking_between_a_years_ticks_off_its_label_selects_that_year(
    qtbot, sample_dataset
):
    view, selection = shown_view(qtbot, sample_dataset)
    view.set_x_range(dt.date(2000, 1, 1), dt.date(2009, 12, 31))
    label = _label(view, "2004")
    x = view.time_axis.mapFromScene(
        view.clearance_plot.vb.mapViewToScene(QPointF(date_to_x(dt.date(2004, 8, 1)), 0))
    ).x()
    assert x > label.rect.right() + 3  # off the label, still in 2004
    click(qtbot, view, _axis_point(view, x), double=True)
    assert selection.period == YEAR_2004


def test_double_clicking_a_month_label_selects_that_month(qtbot, sample_dataset):
    view, selection = shown_view(qtbot, sample_dataset)
    view.set_x_range(dt.date(2004, 2, 1), dt.date(2004, 5, 31))
    labels = [label for label in view.time_axis.labels() if label.unit is Precision.MONTH]
    march = next(label for label in labels if label.text.startswith("Mar"))
    click(qtbot, view, _axis_point(view, march.rect.left() + 1), double=True)
    assert selection.period == DateRange(dt.date(2004, 3, 1), dt.date(2004, 3, 31))


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (dt.date(2000, 7, 1), dt.date(2004, 6, 1)),  # from inside 2000 to inside 2004
        (dt.date(2000, 2, 7), dt.date(2004, 2, 7)),  # the drag of the bug report
        (dt.date(2000, 1, 1), dt.date(2005, 1, 1)),  # tick to tick
    ],
)
def test_a_drag_across_2000_to_2004_selects_those_whole_years(qtbot, sample_dataset, start, end):
    view, selection = shown_view(qtbot, sample_dataset)  # fit all: the axis shows years
    assert view.time_axis.unit() is Precision.YEAR
    drag(qtbot, view, at(view, view.casualties_plot, start), at(view, view.casualties_plot, end))
    assert selection.period == DateRange(dt.date(2000, 1, 1), dt.date(2004, 12, 31))


def test_the_totals_of_a_dragged_period_include_both_end_years(qtbot, sample_dataset):
    selection, casualties, _ = make_panels(qtbot, sample_dataset)
    view, _ = shown_view(qtbot, sample_dataset, selection=selection)
    plot = view.casualties_plot
    with qtbot.waitSignal(casualties.contents_changed, timeout=3000):
        drag(qtbot, view, at(view, plot, dt.date(2003, 3, 1)), at(view, plot, dt.date(2005, 9, 1)))
    assert selection.period == DateRange(dt.date(2003, 1, 1), dt.date(2005, 12, 31))
    (total,) = casualties.summary.totals.by_series
    assert total.reports == ("cas-2003", "cas-2004", "cas-2005")


def test_a_drag_snaps_to_months_when_the_axis_shows_months(qtbot, sample_dataset):
    view, selection = shown_view(qtbot, sample_dataset)
    view.set_x_range(dt.date(2004, 1, 1), dt.date(2004, 12, 31))
    assert view.time_axis.unit() is Precision.MONTH
    plot = view.casualties_plot
    drag(qtbot, view, at(view, plot, dt.date(2004, 3, 10)), at(view, plot, dt.date(2004, 6, 20)))
    assert selection.period == DateRange(dt.date(2004, 3, 1), dt.date(2004, 6, 30))


def test_a_shift_drag_on_the_lanes_snaps_to_days_when_the_axis_shows_days(qtbot, sample_dataset):
    view, selection = shown_view(qtbot, sample_dataset)
    view.set_x_range(dt.date(2004, 3, 1), dt.date(2004, 3, 20))
    assert view.time_axis.unit() is Precision.DAY
    lanes = view.lanes
    start = at(view, lanes, dt.date(2004, 3, 4), y=0.5) + QPoint(5, 0)  # into the 4th
    end = at(view, lanes, dt.date(2004, 3, 9), y=0.5) + QPoint(20, 0)  # well into the 9th
    drag(qtbot, view, start, end, shift=True)
    assert selection.period == DateRange(dt.date(2004, 3, 4), dt.date(2004, 3, 9))


def test_a_readout_says_what_a_drag_under_way_will_select(qtbot, sample_dataset):
    view, selection = shown_view(qtbot, sample_dataset)
    plot = view.casualties_plot
    start, end = at(view, plot, dt.date(2000, 7, 1)), at(view, plot, dt.date(2004, 6, 1))
    press_and_move(view, start, end)
    assert view.readout.isVisible()
    assert view.readout.text() == "2000 – 2004 (5 years)"
    region = view.regions.regions[1]
    assert region.getRegion() == pytest.approx(
        (date_to_x(dt.date(2000, 1, 1)), date_to_x(dt.date(2005, 1, 1)))
    )  # the region already shows the whole years
    assert selection.is_everything  # nothing is selected before letting go
    release(view, end)
    assert not view.readout.isVisible()
    assert selection.period == DateRange(dt.date(2000, 1, 1), dt.date(2004, 12, 31))


def test_a_region_edge_snaps_to_whole_years_while_it_moves(qtbot, sample_dataset):
    view, selection = shown_view(qtbot, sample_dataset)
    selection.set_period(YEAR_2004)
    plot = view.casualties_plot
    edge = at(view, plot, dt.date(2005, 1, 1))
    target = at(view, plot, dt.date(2007, 4, 1))  # nearer the start of 2007 than of 2008
    press_and_move(view, edge, target)
    assert view.readout.text() == "2004 – 2006 (3 years)"
    assert view.regions.regions[0].getRegion()[1] == pytest.approx(date_to_x(dt.date(2007, 1, 1)))
    release(view, target)
    assert selection.period == DateRange(dt.date(2004, 1, 1), dt.date(2006, 12, 31))
