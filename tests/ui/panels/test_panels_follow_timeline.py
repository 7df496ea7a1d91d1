"""The panels follow the timeline: dragging the selected region's edge with the mouse changes
the period the panels list, through the one shared selection."""

from __future__ import annotations

import datetime as dt

import pyqtgraph as pg
import pytest
from panels_support import grouped_ids, make_panels, table_rows
from PySide6.QtCore import QPoint, QPointF, Qt

from karabakh_timeline.model.dates import DateRange
from karabakh_timeline.ui.timeline.time_axis import date_to_x
from karabakh_timeline.ui.timeline.view import TimelineView

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture(autouse=True)
def every_mouse_move_counts(monkeypatch):  # type: ignore[no-untyped-def]
    # pyqtgraph drops mouse moves that come less than 10 ms apart (``mouseRateLimit``); test
    # events come back to back, so without this the hover onto the edge would be dropped.
    monkeypatch.setitem(pg.CONFIG_OPTIONS, "mouseRateLimit", 0)


def viewport_pos(view: TimelineView, plot, day: dt.date) -> QPoint:  # type: ignore[no-untyped-def]
    """Where the start of ``day`` is drawn, halfway up ``plot``, in the view's viewport."""
    (_, _), (y0, y1) = plot.vb.viewRange()
    scene = plot.vb.mapViewToScene(QPointF(date_to_x(day), (y0 + y1) / 2))
    return view.mapFromScene(scene)


def drag(qtbot, view: TimelineView, start: QPoint, end: QPoint) -> None:  # type: ignore[no-untyped-def]
    """Hover onto ``start``, press, move to ``end`` in steps, release: as a hand would."""
    viewport = view.viewport()
    qtbot.mouseMove(viewport, start - QPoint(3, 0))
    qtbot.mouseMove(viewport, start)
    qtbot.mousePress(viewport, LEFT, pos=start)
    steps = 8
    for step in range(1, steps + 1):
        x = start.x() + (end.x() - start.x()) * step // steps
        y = start.y() + (end.y() - start.y()) * step // steps
        qtbot.mouseMove(viewport, QPoint(x, y))
    qtbot.mouseRelease(viewport, LEFT, pos=end)


# pyqtgraph's scene takes a press for its own drag handling without accepting the Qt event,
# so QTest reports the press and release as not accepted; the drag itself works.
IGNORE_UNACCEPTED = pytest.mark.qt_log_ignore("Mouse event .* not accepted by receiving widget")


@IGNORE_UNACCEPTED
def test_dragging_the_regions_right_edge_widens_the_panels_period(qtbot, sample_dataset):
    selection, casualties, clearance = make_panels(qtbot, sample_dataset, "2004", "2004")
    view = TimelineView(sample_dataset, selection)
    qtbot.addWidget(view)
    view.resize(1200, 600)
    view.show()
    qtbot.waitExposed(view)
    view.set_x_range(dt.date(2001, 1, 1), dt.date(2008, 12, 31))
    assert "cas-2005" not in table_rows(casualties.table_model)
    assert set(table_rows(clearance.table_model)) == {"clr-2004", "clr-2004-army"}

    plot = view.casualties_plot
    edge = viewport_pos(view, plot, dt.date(2005, 1, 1))  # the end of 2004
    target = viewport_pos(view, plot, dt.date(2006, 1, 20))  # a little into 2006
    with qtbot.waitSignal(casualties.contents_changed, timeout=3000):
        drag(qtbot, view, edge, target)

    chosen = selection.period
    # The axis shows years: the edge settles on the year's end nearest to where it was let go.
    assert chosen == DateRange(dt.date(2004, 1, 1), dt.date(2005, 12, 31))
    within, partial = grouped_ids(casualties.table_model)
    assert set(within) == {"cas-2004", "cas-2004-h1", "cas-2004-h1-press", "cas-2005"}
    assert partial == ["cas-asof-2019"]
    assert casualties.header.from_field.text() == "2004"
    assert casualties.header.to_field.text() == "2005"
    assert "Monitor A yearly count" in casualties.totals.model.data(
        casualties.totals.model.index(0, 0)
    )
    assert casualties.totals.model.data(casualties.totals.model.index(0, 1)) == "2"


@IGNORE_UNACCEPTED
def test_dragging_the_left_edge_into_a_year_turns_its_reports_partial(qtbot, sample_dataset):
    selection, casualties, clearance = make_panels(qtbot, sample_dataset, "2003", "2004")
    view = TimelineView(sample_dataset, selection)
    qtbot.addWidget(view)
    view.resize(1200, 600)
    view.show()
    qtbot.waitExposed(view)
    view.set_x_range(dt.date(2002, 12, 1), dt.date(2003, 12, 31))  # the axis shows months
    assert "cas-2003" in table_rows(casualties.table_model)
    assert "clr-2003" in table_rows(clearance.table_model)

    plot = view.clearance_plot
    edge = viewport_pos(view, plot, dt.date(2003, 1, 1))
    target = viewport_pos(view, plot, dt.date(2003, 11, 3))  # just into November
    with qtbot.waitSignal(clearance.contents_changed, timeout=3000):
        drag(qtbot, view, edge, target)

    assert selection.period.first == dt.date(2003, 11, 1)
    assert selection.period.last == dt.date(2004, 12, 31)
    _, partial = grouped_ids(casualties.table_model)
    assert "cas-2003" in partial  # only its last days are still selected
    assert "cas-2003" not in casualties.summary.totals.by_series[0].reports
    rows = table_rows(clearance.table_model)
    assert set(rows) == {"clr-2003", "clr-2000-2003", "clr-2004", "clr-2004-army"}
    assert rows["clr-2003"]["overlap"] == "partly"
    assert rows["clr-2004"]["overlap"] == "wholly"
