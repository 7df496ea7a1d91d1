"""What a crowded lane counts, and what a lane finds in view, worked out without Qt."""

from __future__ import annotations

import numpy as np
import pytest

from karabakh_timeline.model.dates import FULL_RANGE
from karabakh_timeline.ui.timeline.density_strip import bin_edges, bin_width, is_dense
from karabakh_timeline.ui.timeline.event_geometry import EventGeometry
from karabakh_timeline.ui.timeline.lane_slices import LaneSlices, Spread
from karabakh_timeline.ui.timeline.time_axis import DAY, date_to_x, range_to_x


def test_an_event_known_to_a_period_is_spread_evenly_over_it() -> None:
    spread = Spread(np.array([0.0, 10.0, 5.0]), np.array([10.0, 30.0, 6.0]))
    before = spread.share_before(np.array([-1.0, 0.0, 5.0, 5.5, 6.0, 10.0, 20.0, 30.0, 40.0]))
    assert before == pytest.approx([0.0, 0.0, 0.5, 1.05, 1.6, 2.0, 2.5, 3.0, 3.0])


def test_each_event_of_a_lane_is_counted_once_and_where_it_happened(sample_dataset) -> None:  # type: ignore[no-untyped-def]
    g = EventGeometry.build(sample_dataset, FULL_RANGE)
    slices = LaneSlices(g, np.ones(len(g), dtype=np.bool_))
    edges = bin_edges(*range_to_x(FULL_RANGE), DAY)
    for lane in range(len(g.lane_ids)):
        counts = slices[lane].histogram(edges)
        assert counts.sum() == pytest.approx(np.sum(g.lane == lane))
    maps = g.index_of["ev-2021-maps"]  # 3 July 2021, known to the day
    counts = slices[int(g.lane[maps])].histogram(edges)
    day = int((date_to_x(sample_dataset.events[maps].date.first_day) - edges[0]) // DAY)
    assert counts[day] >= 1


def test_hidden_events_are_neither_counted_nor_drawn(sample_dataset) -> None:  # type: ignore[no-untyped-def]
    g = EventGeometry.build(sample_dataset, FULL_RANGE)
    politics = g.lane_ids.index("politics")
    visible = g.lane != politics
    slices = LaneSlices(g, visible)
    x0, x1 = range_to_x(FULL_RANGE)
    assert slices[politics].count(x0, x1) == 0
    assert all(part.size == 0 for part in slices.window(politics, x0, x1))
    shown = int(np.sum(g.lane == g.lane_ids.index("incident")))
    assert slices[g.lane_ids.index("incident")].count(x0, x1) == shown


def test_bins_are_whole_days_doubling_until_two_pixels_wide() -> None:
    assert bin_width(DAY / 10) == DAY  # a day is 10 px: no bin is narrower than a day
    assert bin_width(DAY) == 2 * DAY  # a day a pixel: two days make 2 px
    assert bin_width(3 * DAY) == 8 * DAY  # 6 days would do; powers of two keep bins still
    edges = bin_edges(5.5 * DAY, 9.2 * DAY, 2 * DAY)
    assert edges[0] <= 5.5 * DAY and edges[-1] >= 9.2 * DAY
    assert set(np.diff(edges)) == {2 * DAY}
    assert edges[0] % (2 * DAY) == 0  # fixed in time, so panning keeps the bars' shape


def test_a_lane_is_crowded_when_its_events_are_closer_than_six_pixels() -> None:
    assert not is_dense(200, 1200)
    assert is_dense(201, 1200)
