"""The timeline with 100,000 events: crowded lanes draw their density, zoomed-in lanes their
markers, and clicking, hovering, labels and search still find the right events."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QPoint
from scale_support import write_large_dataset
from timeline_support import at, click, hover, marker_point, overlapping_labels, shown_view

from karabakh_timeline.model.event_search import event_search_texts
from karabakh_timeline.model.loader import load_dataset
from karabakh_timeline.model.text_search import matches
from karabakh_timeline.ui.timeline.lane_layer import MARKER_SIZE
from karabakh_timeline.ui.timeline.time_axis import date_to_x

EVENTS = 100_000
WEEK = (dt.date(2010, 3, 1), dt.date(2010, 3, 7))


@pytest.fixture(scope="module")
def large_dataset(tmp_path_factory):  # type: ignore[no-untyped-def]
    path = tmp_path_factory.mktemp("large") / "events.json"
    return load_dataset(write_large_dataset(path, EVENTS))


@pytest.fixture(autouse=True)
def every_mouse_move_counts(monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setitem(pg.CONFIG_OPTIONS, "mouseRateLimit", 0)


def test_at_fit_all_every_lane_draws_its_density_not_its_markers(qtbot, large_dataset):
    view, _ = shown_view(qtbot, large_dataset)
    layer = view.lane_layer
    lanes = len(large_dataset.categories)
    assert layer.dense_lanes() == [True] * lanes
    assert layer.marker_counts() == [0] * lanes  # no marker handed to any scatter plot
    for lane in range(lanes):
        strip = layer.strip(lane)
        assert strip.isVisible()
        # Each event of the lane is counted once: the bars add up to the lane's events.
        assert strip.counts.sum() == pytest.approx(np.sum(view.geometry_.lane == lane))
        # Bins are a whole number of days, at least 2 px wide, and cover the view.
        widths = np.diff(strip.edges)
        assert widths.min() % 86_400 == 0
        assert widths.min() / view.lanes.vb.viewPixelSize()[0] >= 2
        assert np.count_nonzero(strip.counts) > 0.9 * strip.counts.size
    assert view.label_slots() == []  # no label points at a marker that is not drawn
    notes = view.lane_notes()
    for lane, note in enumerate(notes):
        in_lane = int(np.sum(view.geometry_.lane == lane))
        assert note == f"{in_lane:,} in view"


def test_zoomed_to_a_week_lanes_draw_markers_near_the_view_and_labels(qtbot, large_dataset):
    view, _ = shown_view(qtbot, large_dataset)
    view.set_x_range(*WEEK)
    layer = view.lane_layer
    g = view.geometry_
    (x0, x1), _ = view.lanes.vb.viewRange()
    assert not any(layer.dense_lanes())
    assert view.lane_notes() == [""] * len(large_dataset.categories)
    for lane in range(len(large_dataset.categories)):
        assert not layer.strip(lane).isVisible()
        drawn = np.sort(layer.drawn_marker_x(lane))
        in_view = np.sort(g.xc[(g.lane == lane) & g.is_point & (g.xc >= x0) & (g.xc <= x1)])
        assert in_view.size > 0
        assert np.isin(in_view, drawn).all()  # every marker in view is drawn…
        width = x1 - x0
        assert drawn.min() >= x0 - width and drawn.max() <= x1 + width  # …and no far ones
    assert 0 < sum(layer.marker_counts()) < 2_000
    assert view.label_slots()
    assert overlapping_labels(view) == []


def _lonely_point_in_view(view):  # type: ignore[no-untyped-def]
    """An event known to the day, in view, with no other marker of its lane within 12 px."""
    g = view.geometry_
    (x0, x1), _ = view.lanes.vb.viewRange()
    px = view.lanes.vb.viewPixelSize()[0]
    points = np.flatnonzero(g.is_point & (g.xc > x0 + 20 * px) & (g.xc < x1 - 20 * px))
    for number in points:
        if not g.is_precise[number]:
            continue
        same_lane = points[g.lane[points] == g.lane[number]]
        near = np.abs(g.xc[same_lane] - g.xc[number]) < 12 * px
        if near.sum() == 1:
            return g.events[int(number)]
    raise AssertionError("no lonely marker in view")


def test_clicking_and_hovering_a_marker_find_that_event_among_100000(qtbot, large_dataset):
    view, selection = shown_view(qtbot, large_dataset)
    view.set_x_range(*WEEK)
    event = _lonely_point_in_view(view)
    point = marker_point(view, event.id)
    hover(view, point + QPoint(1, 1))
    assert event.title in view.toolTip()
    with qtbot.waitSignal(selection.event_changed, timeout=2000) as changed:
        click(qtbot, view, point + QPoint(2, 1))
    assert changed.args == [event.id]
    ring = view.lane_layer.ring_x()
    assert ring == [pytest.approx(view.geometry_.xc[view.geometry_.index_of[event.id]])]


def test_a_click_on_a_crowded_lane_selects_an_event_there_and_shows_it(qtbot, large_dataset):
    view, selection = shown_view(qtbot, large_dataset)
    lane = list(large_dataset.categories).index("politics")
    day = dt.date(2005, 6, 15)
    with qtbot.waitSignal(selection.event_changed, timeout=2000):
        click(qtbot, view, at(view, view.lanes, day, y=view.lane_line_y(lane) - 10))  # on the strip
    g = view.geometry_
    index = g.index_of[selection.event_id]
    assert g.lane[index] == lane
    px = view.lanes.vb.viewPixelSize()[0]
    start, end = (g.xc[index], g.xc[index]) if g.is_point[index] else (g.x0[index], g.x1[index])
    assert start - 8 * px <= date_to_x(day) <= end + 8 * px
    assert selection.is_everything  # an event, not an era's period
    if g.is_point[index]:
        # Its own marker and ring stand out of the strip, with its title in bold beside it…
        assert view.lane_layer.draws_selected_marker()
        assert view.lane_layer.ring_x()
        # …and the pointer on that marker names it, not a hidden neighbour a day away.
        hover(view, marker_point(view, selection.event_id) + QPoint(3, 1))
        assert f"<b>{g.events[index].title}</b>" in view.toolTip()
    assert [slot.event for slot in view.label_slots()] == [index]


def test_hovering_a_crowded_lane_off_its_strip_finds_nothing(qtbot, large_dataset):
    view, _ = shown_view(qtbot, large_dataset)
    lane = list(large_dataset.categories).index("politics")
    below = view.lane_line_y(lane) + (MARKER_SIZE / 2 + 8) * view.lanes.vb.viewPixelSize()[1]
    hover(view, at(view, view.lanes, dt.date(2005, 6, 15), y=below))
    assert view.toolTip() == ""


@pytest.mark.parametrize("search", ["agdam 12", "KƏLBƏCƏR", "village 7 number 77", "füzuli"])
def test_search_at_scale_finds_what_the_models_matching_finds(qtbot, large_dataset, search):
    view, selection = shown_view(qtbot, large_dataset)
    selection.set_search(search)
    found = view.visible_event_ids()
    # Checked against the model's own rule on a sample of events, found and not found.
    found_set = set(found)
    rng = np.random.default_rng(3)
    sample = [large_dataset.events[int(n)] for n in rng.choice(EVENTS, 3_000, replace=False)]
    sample += [e for e in large_dataset.events if e.id in found_set][:300]
    for event in sample:
        expected = matches(search, event_search_texts(large_dataset, event))
        assert (event.id in found_set) == expected, (search, event.id)
    assert found


def test_hovering_a_density_strip_says_how_many_events_its_bar_stands_for(qtbot, large_dataset):
    view, _ = shown_view(qtbot, large_dataset)
    lane = list(large_dataset.categories).index("politics")
    day = dt.date(2005, 6, 15)
    point = at(view, view.lanes, day, y=view.lane_line_y(lane) - 10)  # on the strip
    density = view.density_at(view.lanes.vb.mapFromScene(view.mapToScene(point)))
    assert density is not None
    found_lane, count, first, last = density
    assert found_lane == lane
    assert first <= day <= last
    strip = view.lane_layer.strip(lane)
    bin_number = int(np.searchsorted(strip.edges, date_to_x(day), side="right")) - 1
    assert count == pytest.approx(strip.counts[bin_number])
    hover(view, point)
    tip = view.toolTip()
    assert "Politics" in tip and "zoom in to tell them apart" in tip
    assert f"{round(count):,} events" in tip
