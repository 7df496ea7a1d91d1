"""What the timeline says in words: hover texts, event labels that never overlap or get clipped,
era names that fit their bands, also when the scene is laid out for an export and never shown."""

from __future__ import annotations

import datetime as dt

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QImage, QPainter
from timeline_support import (
    at,
    hover,
    labels_outside_their_lane,
    marker_point,
    overlapping_labels,
    shown_view,
)

from karabakh_timeline.model.loader import load_dataset
from karabakh_timeline.ui.selection import Selection
from karabakh_timeline.ui.timeline.view import TimelineView


@pytest.fixture(autouse=True)
def every_mouse_move_counts(monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setitem(pg.CONFIG_OPTIONS, "mouseRateLimit", 0)


@pytest.fixture(scope="module")
def bundled_dataset():  # type: ignore[no-untyped-def]
    # The bundled data is real and dense: the harder case for labels. No figures are asserted.
    return load_dataset(None)


def test_hovering_a_marker_tells_its_title_and_date(qtbot, sample_dataset):
    view, _ = shown_view(qtbot, sample_dataset)
    view.set_x_range(dt.date(2021, 1, 1), dt.date(2021, 12, 31))
    hover(view, marker_point(view, "ev-2021-maps") + QPoint(1, 1))
    assert "Mine maps of Zangilan handed over" in view.toolTip()
    assert "3 July 2021" in view.toolTip()
    hover(view, at(view, view.lanes, dt.date(2021, 2, 1), y=0.0))  # nothing there
    assert view.toolTip() == ""


def test_hovering_a_range_bar_gives_its_span_in_its_precision(qtbot, sample_dataset):
    view, _ = shown_view(qtbot, sample_dataset)
    lane = list(sample_dataset.categories).index("clearance")
    hover(view, at(view, view.lanes, dt.date(1995, 6, 1), y=view.lane_line_y(lane)))
    assert "First training programme" in view.toolTip()
    assert "1995 – 1996" in view.toolTip()


def test_hovering_the_era_strip_and_the_count_track(qtbot, sample_dataset):
    view, _ = shown_view(qtbot, sample_dataset)
    hover(view, at(view, view.strip, dt.date(1992, 3, 1)))
    assert "First war" in view.toolTip() and "September 1991 – May 1994" in view.toolTip()
    hover(view, at(view, view.casualties_plot, dt.date(2004, 6, 1), y=1.0))
    tip = view.toolTip()
    # The yearly report and both half-year reports that overlap it, each with its source.
    assert "Monitor A</b>, 2004" in tip and "Killed: 10" in tip and "Annual report A" in tip
    assert "Killed: 11" in tip and "Killed: 8" in tip and "Newspaper item B" in tip
    assert tip.index("Killed: 10") < tip.index("Killed: 11")  # the filled one first
    hover(view, at(view, view.casualties_plot, dt.date(2021, 6, 1), y=1.0))
    assert "No data" in view.toolTip() and "not the same as zero" in view.toolTip()
    # 2012 has no report of its own, but the running total to 2019 bounds it: a range.
    hover(view, at(view, view.casualties_plot, dt.date(2012, 6, 1), y=1.0))
    assert "Range for 2012" in view.toolTip() and "at most 747 (Monitor A" in view.toolTip()
    assert "upper bound rests on cas-asof-2019" in view.toolTip()
    hover(view, at(view, view.casualties_plot, dt.date(1996, 6, 1), y=1.0))
    assert "Ministry C" in view.toolTip() and "a year over 6 year(s)" in view.toolTip()


@pytest.mark.parametrize("size", [(900, 420), (1280, 800), (1920, 1080)])
def test_labels_never_overlap_or_leave_their_lane(qtbot, bundled_dataset, size):
    view, _ = shown_view(qtbot, bundled_dataset, size=size)
    ranges = [
        (dt.date(1991, 1, 1), dt.date(2023, 12, 31)),
        (dt.date(2020, 1, 1), dt.date(2021, 12, 31)),
        (dt.date(2020, 9, 20), dt.date(2020, 11, 20)),
    ]
    for first, last in ranges:
        view.set_x_range(first, last)
        assert view.label_slots(), (size, first)
        assert overlapping_labels(view) == [], (size, first)
        assert labels_outside_their_lane(view) == [], (size, first)


def test_more_room_shows_more_labels(qtbot, bundled_dataset):
    small, _ = shown_view(qtbot, bundled_dataset, size=(900, 500))
    large, _ = shown_view(qtbot, bundled_dataset, size=(1920, 1080))
    assert len(large.label_slots()) > len(small.label_slots())


def test_era_names_fit_their_bands(qtbot, sample_dataset):
    view, _ = shown_view(qtbot, sample_dataset)
    assert view.eras.visible_names() == ["First war", "Ceasefire years"]
    view.set_x_range(dt.date(1995, 1, 1), dt.date(1999, 12, 31))
    assert view.eras.visible_names() == ["Ceasefire years"]  # the first war is out of view


def test_an_export_sized_scene_is_laid_out_without_being_shown(qtbot, bundled_dataset):
    view = TimelineView(bundled_dataset, Selection())
    qtbot.addWidget(view)
    view.layout_for_size(3508, 2480)
    view.set_x_range(dt.date(1991, 1, 1), dt.date(2023, 12, 31))
    assert not view.isVisible()
    assert view.lanes.vb.width() > 3000 and view.lanes.vb.height() > 1500
    assert len(view.label_slots()) > 20
    assert overlapping_labels(view) == [] and labels_outside_their_lane(view) == []
    image = QImage(3508, 2480, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    view.scene().render(painter)
    painter.end()
    # A lane's colour where one of its markers is drawn: the picture is really there.
    event = view.geometry_.events[view.label_slots()[0].event]
    point = view.marker_scene_pos(event.id)
    assert point is not None
    found = {image.pixelColor(int(point.x()) + dx, int(point.y())).name() for dx in range(-2, 3)}
    assert found - {"#ffffff"}, found


@pytest.mark.parametrize("size", [(830, 411), (1200, 640)])
def test_the_selected_event_near_the_right_edge_keeps_its_label(qtbot, bundled_dataset, size):
    # At 830 × 411 (the timeline in a 1280 × 800 window) the lanes are low; the selected
    # event's label must still show, ending at its marker where there is no room after it,
    # and whole (its short label) rather than cut to a few letters.
    view, selection = shown_view(qtbot, bundled_dataset, size=size)
    selection.set_search("zangilan")
    selection.set_event("ev-fizuli-zangilan-maps-2021")
    index = next(
        i for i, e in enumerate(bundled_dataset.events) if e.id == "ev-fizuli-zangilan-maps-2021"
    )
    slots = [slot for slot in view.label_slots() if slot.event == index]
    assert len(slots) == 1
    event = bundled_dataset.events[index]
    assert slots[0].text == event.label  # whole, not a few letters of the title
    marker_x = view.geometry_.xc[index]
    (x0, x1), _ = view.lanes.vb.viewRange()
    marker_px = (marker_x - x0) * view.lanes.vb.width() / (x1 - x0)
    assert slots[0].left < marker_px  # no room after it: the label runs up to its marker
    assert overlapping_labels(view) == []
    assert labels_outside_their_lane(view) == []
