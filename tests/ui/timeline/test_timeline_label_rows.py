"""Whole labels stacked in rows: no overlap, each the event's label or whole title, ranked by
what matters, lanes as tall as their rows, and a lanes area that scrolls when they do not fit."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

import pytest
from PySide6.QtGui import QFontMetricsF
from timeline_support import (
    label_boxes,
    labels_outside_their_lane,
    overlapping_labels,
    shown_view,
)

from karabakh_timeline.model.loader import load_dataset
from karabakh_timeline.ui.timeline.lane_layer import MARKER_SIZE


@pytest.fixture(scope="module")
def bundled_dataset():  # type: ignore[no-untyped-def]
    return load_dataset(None)


def _crowded(tmp_path: Path, count: int, figures_at: int | None = None) -> Path:
    """One lane of ``count`` events a day apart, each with a long title and its own label."""
    lines = [
        "sources:\n  - {id: src-a, title: A, publisher: P}\n",
        "categories:\n  - {id: incident, label: Incidents}\n  - {id: politics, label: Politics}\n",
        "events:\n",
        "  - {id: ev-p, date: 2010-01-01, category: politics, title: A quiet lane,"
        " description: D, sources: [src-a]}\n",
    ]
    for n in range(count):
        figures = "    figures: {killed: 2}\n" if n == figures_at else ""
        lines.append(
            f"  - id: ev-{n}\n    date: 2004-06-{n + 1:02d}\n    category: incident\n"
            f"    title: Event number {n} with a title far too long to show beside a marker\n"
            f"    label: Event {n} label\n{figures}"
            "    description: D\n    sources: [src-a]\n"
        )
    path = tmp_path / "crowded.yaml"
    path.write_text("".join(lines), encoding="utf-8")
    return path


@pytest.mark.parametrize("size", [(900, 520), (1280, 800), (1920, 1080)])
def test_every_label_is_whole_and_none_overlap(qtbot, bundled_dataset, size):
    view, _ = shown_view(qtbot, bundled_dataset, size=size)
    for first, last in [
        (dt.date(1991, 1, 1), dt.date(2023, 12, 31)),
        (dt.date(2020, 1, 1), dt.date(2021, 12, 31)),
        (dt.date(2020, 9, 20), dt.date(2020, 11, 20)),
    ]:
        view.set_x_range(first, last)
        slots = view.label_slots()
        assert slots
        for slot in slots:
            event = bundled_dataset.events[slot.event]
            assert slot.text in (event.title, event.label)
            assert "…" not in slot.text
        assert overlapping_labels(view) == []
        assert labels_outside_their_lane(view) == []


def test_no_label_covers_a_marker(qtbot, bundled_dataset):
    view, selection = shown_view(qtbot, bundled_dataset, size=(1280, 800))
    selection.set_event("ev-trilateral-statement-2020")  # bold, in a crowded stretch
    vb = view.lanes.vb
    boxes = [box for _, box in label_boxes(view)]
    for event in bundled_dataset.events:
        point = view.marker_scene_pos(event.id)
        assert point is not None
        local = vb.mapFromScene(point)
        index = view.geometry_.index_of[event.id]
        if not view.geometry_.is_point[index]:
            continue
        half = MARKER_SIZE / 2
        for box in boxes:
            hit = box.adjusted(-half, -half, half, half).contains(local)
            assert not hit, (event.id, box)


def test_colliding_labels_stack_and_the_lane_grows(qtbot, tmp_path):
    dataset = load_dataset(_crowded(tmp_path, 4))
    view, _ = shown_view(qtbot, dataset, size=(1200, 640))
    view.set_x_range(dt.date(2004, 5, 1), dt.date(2004, 7, 31))
    slots = [slot for slot in view.label_slots() if slot.lane == 0]
    assert sorted(slot.text for slot in slots) == [f"Event {n} label" for n in range(4)]
    assert len({slot.row for slot in slots}) == 4  # a staircase: one row each
    assert overlapping_labels(view) == []
    busy, quiet = view.lane_extent(0), view.lane_extent(1)
    row = QFontMetricsF(view.label_font()).height()
    assert (busy[1] - busy[0]) - (quiet[1] - quiet[0]) >= 3 * row - 0.5  # three rows more


def test_events_with_figures_are_labelled_before_the_rest(qtbot, tmp_path):
    dataset = load_dataset(_crowded(tmp_path, 30, figures_at=17))
    view, selection = shown_view(qtbot, dataset, size=(900, 480))
    view.set_x_range(dt.date(2004, 5, 20), dt.date(2004, 7, 10))
    texts = {slot.text for slot in view.label_slots()}
    assert "Event 17 label" in texts
    assert len(texts) < 31  # not all fit
    selection.set_event("ev-3")
    slots = view.label_slots()
    assert "Event 3 label" in {slot.text for slot in slots}
    assert overlapping_labels(view) == []


def test_lanes_scroll_when_they_do_not_fit(qtbot, tmp_path, bundled_dataset):
    view, _ = shown_view(qtbot, bundled_dataset, size=(1000, 330))
    bar = view.lanes_scroll_bar()
    assert bar.isVisible() and bar.maximum() > 0
    last = len(bundled_dataset.categories) - 1
    bottom_before = view.lanes.vb.viewRange()[1][1]
    assert view.lane_extent(last)[1] > bottom_before  # the last lane is below the fold
    bar.setValue(bar.maximum())
    _, (_, bottom) = view.lanes.vb.viewRange()
    assert bottom >= view.lane_extent(last)[1] - 0.5
    assert overlapping_labels(view) == [] and labels_outside_their_lane(view) == []
    tall, _ = shown_view(qtbot, bundled_dataset, size=(1000, 900))
    assert not tall.lanes_scroll_bar().isVisible()


def test_hovering_a_marker_without_a_label_names_it(qtbot, tmp_path):
    from PySide6.QtCore import QPoint
    from timeline_support import hover, marker_point

    dataset = load_dataset(_crowded(tmp_path, 30))
    view, _ = shown_view(qtbot, dataset, size=(900, 480))
    view.set_x_range(dt.date(2004, 5, 20), dt.date(2004, 7, 10))
    labelled = {slot.event for slot in view.label_slots()}
    unlabelled = next(
        e for n, e in enumerate(dataset.events) if n not in labelled and e.id.startswith("ev-")
    )
    hover(view, marker_point(view, unlabelled.id) + QPoint(0, 1))
    assert unlabelled.title in view.toolTip()


def test_panning_keeps_the_lanes_where_they_are(qtbot, bundled_dataset):
    view, _ = shown_view(qtbot, bundled_dataset, size=(1280, 900))
    view.set_x_range(dt.date(2004, 1, 1), dt.date(2009, 12, 31))
    rows = [view.label_rows()]
    texts = set()
    for year in range(2004, 2018):
        view.set_x_range(dt.date(year, 1, 1), dt.date(year + 5, 12, 31))
        texts |= {slot.text for slot in view.label_slots()}
        rows.append(view.label_rows())
        assert overlapping_labels(view) == [] and labels_outside_their_lane(view) == []
    assert len(texts) > 15  # labels came and went
    # While they fit, lanes keep the rows they had: none shrinks as labels leave the view.
    for earlier, later in itertools.pairwise(rows):
        assert all(b >= a for a, b in zip(earlier, later, strict=True)), (earlier, later)
    assert rows[-1] != rows[0]  # and some grew as more labels came into view
