"""The wheel over the lanes when they are taller than their room: Shift+wheel, or the wheel over
the lane names, scrolls them up and down; the plain wheel and Ctrl+wheel zoom in time."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPoint, QPointF, Qt
from timeline_support import at, hover, shown_view, span_days, wheel

from karabakh_timeline.ui.dialogs.help_dialogs import shortcut_rows

SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def _overflowing(qtbot, dataset):  # type: ignore[no-untyped-def]
    view, _ = shown_view(qtbot, dataset, size=(1000, 300))
    bar = view.lanes_scroll_bar()
    assert bar.maximum() > 0, "the lanes must be taller than their room for this test"
    return view, bar


def _on_lanes(view) -> QPoint:  # type: ignore[no-untyped-def]
    return at(view, view.lanes, dt.date(2008, 1, 1))


def _on_lane_names(view) -> QPoint:  # type: ignore[no-untyped-def]
    names = view.lanes.getAxis("left").sceneBoundingRect()
    return view.mapFromScene(QPointF(names.center().x(), names.center().y()))


def test_shift_wheel_on_the_lanes_scrolls_them_and_keeps_the_time_span(qtbot, sample_dataset):
    view, bar = _overflowing(qtbot, sample_dataset)
    before = view.x_range()
    wheel(view, _on_lanes(view), -1, SHIFT)  # towards the user: down, as in any list
    assert bar.value() > 0
    assert view.x_range() == before
    _, (top, _) = view.lanes.vb.viewRange()
    assert top == bar.value()  # the lanes moved with the bar
    wheel(view, _on_lanes(view), 3, SHIFT)
    assert bar.value() == 0


def test_the_wheel_over_the_lane_names_scrolls_the_lanes(qtbot, sample_dataset):
    view, bar = _overflowing(qtbot, sample_dataset)
    before = view.x_range()
    wheel(view, _on_lane_names(view), -1)
    assert bar.value() > 0
    assert view.x_range() == before


def test_the_wheel_and_ctrl_wheel_on_the_lanes_zoom_and_do_not_scroll(qtbot, sample_dataset):
    view, bar = _overflowing(qtbot, sample_dataset)
    days = span_days(view)
    wheel(view, _on_lanes(view), 2)
    assert span_days(view) < days and bar.value() == 0
    days = span_days(view)
    wheel(view, _on_lanes(view), 2, CTRL)
    assert span_days(view) < days and bar.value() == 0


def test_shift_wheel_with_nothing_to_scroll_leaves_the_view_alone(qtbot, sample_dataset):
    view, _ = shown_view(qtbot, sample_dataset, size=(1000, 700))
    assert view.lanes_scroll_bar().maximum() == 0
    before = view.x_range()
    wheel(view, _on_lanes(view), -2, SHIFT)
    assert view.x_range() == before  # asked to scroll, it does not zoom instead


def test_the_way_to_scroll_is_told_where_it_works_and_in_f1(qtbot, sample_dataset):
    view, bar = _overflowing(qtbot, sample_dataset)
    hover(view, _on_lane_names(view))
    assert "the wheel here, or Shift+wheel on the lanes" in view.toolTip()
    assert "Shift+wheel" in bar.toolTip()
    rows = dict(shortcut_rows([]))
    assert rows["Scroll the lanes up or down, when they are taller than their room"] == (
        "Shift+wheel on the lanes, or the wheel over the lane names"
    )
    assert rows["Zoom in or out around the pointer"] == "Wheel, or Ctrl+wheel"
