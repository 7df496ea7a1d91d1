"""The count track's values: what is stacked, what is a span, what is an outline, what is a gap.

The first tests read the arrays the track is built from (no Qt); the last ones read the arrays
the drawn items hold, so what a reader sees is what was computed.
"""

from __future__ import annotations

import datetime as dt
import math
import textwrap

import numpy as np
import pytest
from timeline_support import shown_view

from karabakh_timeline.model.dates import FULL_RANGE
from karabakh_timeline.model.loader import load_dataset
from karabakh_timeline.ui.timeline.count_series import (
    casualty_track,
    clearance_track,
    years_covered,
)
from karabakh_timeline.ui.timeline.time_axis import date_to_x, x_to_date


def day_span(x0: float, x1: float) -> tuple[dt.date, dt.date]:
    return x_to_date(x0), x_to_date(x1) - dt.timedelta(days=1)


def test_years_covered_counts_each_years_own_days():
    assert years_covered(dt.date(2004, 1, 1), dt.date(2004, 12, 31)) == 1.0  # a leap year
    assert years_covered(dt.date(1993, 6, 1), dt.date(1999, 5, 31)) == pytest.approx(6.0)
    assert years_covered(dt.date(2004, 1, 1), dt.date(2004, 6, 30)) == pytest.approx(182 / 366)


def test_series_reports_are_stacked_killed_injured_unknown(sample_dataset):
    track = casualty_track(sample_dataset, FULL_RANGE)
    filled = track.filled
    assert filled.report_ids == ("cas-1993-1999", "cas-2003", "cas-2004", "cas-2005")
    row = filled.report_ids.index("cas-2004")
    assert (filled.stack["killed"][row], filled.stack["injured"][row]) == (10, 24)
    assert filled.stack["unknown"][row] == 0
    # 2005 gives only a total: killed and injured are unknown (NaN), not 0; all 7 are unknown.
    row = filled.report_ids.index("cas-2005")
    assert math.isnan(filled.stack["killed"][row]) and math.isnan(filled.stack["injured"][row])
    assert filled.stack["unknown"][row] == 7
    assert filled.bottoms_and_tops("unknown")[1][row] == 7


def test_a_multi_year_report_is_a_span_at_its_yearly_average(sample_dataset):
    track = casualty_track(sample_dataset, FULL_RANGE)
    filled = track.filled
    row = filled.report_ids.index("cas-1993-1999")
    assert day_span(filled.x0[row], filled.x1[row]) == (dt.date(1993, 6, 1), dt.date(1999, 5, 31))
    assert filled.years[row] == pytest.approx(6.0)
    assert filled.stack["killed"][row] == pytest.approx(180 / 6)
    assert filled.stack["injured"][row] == pytest.approx(507 / 6)
    # The block's area is the report's figure: never a spike of 687 in one year.
    width_years = filled.years[row]
    assert filled.total[row] * width_years == pytest.approx(687)
    assert list(filled.is_span) == [True, False, False, False]


def test_overlapping_reports_are_outlines_never_added(sample_dataset):
    track = casualty_track(sample_dataset, FULL_RANGE)
    assert track.outlined.report_ids == ("cas-2004-h1", "cas-2004-h1-press")
    row = track.outlined.report_ids.index("cas-2004-h1")
    assert day_span(track.outlined.x0[row], track.outlined.x1[row]) == (
        dt.date(2004, 1, 1),
        dt.date(2004, 6, 30),
    )
    assert track.outlined.total[row] == pytest.approx(30 / (182 / 366))
    # 2004's filled height is its own report's, with nothing added from the half-year reports.
    filled = track.filled
    assert filled.total[filled.report_ids.index("cas-2004")] == 34


def test_incidents_and_running_totals_are_not_drawn(sample_dataset):
    track = casualty_track(sample_dataset, FULL_RANGE)
    drawn = set(track.filled.report_ids) | set(track.outlined.report_ids)
    assert "cas-2021-kalbajar" not in drawn  # an incident: it is an event in the lanes
    assert "cas-asof-2019" not in drawn  # "as of 2019": no span to spread it over


def test_years_without_reports_are_no_data(sample_dataset):
    track = casualty_track(sample_dataset, FULL_RANGE)
    gaps = [day_span(x0, x1) for x0, x1 in track.no_data]
    assert gaps == [
        (dt.date(1991, 1, 1), dt.date(1993, 5, 31)),
        (dt.date(1999, 6, 1), dt.date(2002, 12, 31)),
        (dt.date(2006, 1, 1), dt.date(2023, 12, 31)),
    ]
    assert track.zero == ()


def test_a_report_of_zero_is_drawn_as_zero_not_as_no_data(tmp_path):
    (tmp_path / "zero.yaml").write_text(
        textwrap.dedent(
            """
            sources: [{id: s, title: T, publisher: P}]
            categories: [{id: c, label: C}]
            scopes: [{id: a, name: A}]
            series: [{id: yearly, label: Yearly, kind: additive}]
            casualties:
              - {id: y2010, date: 2010, span: annual, scope: a, series: yearly, organisation: O,
                 killed: 0, injured: 0, total: 0, sources: [s]}
              - {id: y2011, date: 2011, span: annual, scope: a, series: yearly, organisation: O,
                 killed: 2, sources: [s]}
            """
        ),
        encoding="utf-8",
    )
    track = casualty_track(load_dataset(tmp_path), FULL_RANGE)
    assert [day_span(*span) for span in track.zero] == [
        (dt.date(2010, 1, 1), dt.date(2010, 12, 31))
    ]
    assert all(not (x0 <= date_to_x(dt.date(2010, 6, 1)) < x1) for x0, x1 in track.no_data)
    row = track.filled.report_ids.index("y2011")
    assert track.filled.stack["killed"][row] == 2
    assert math.isnan(track.filled.stack["injured"][row])  # not given: unknown, not 0


def test_clearance_is_cleared_area_in_km2_a_year(sample_dataset):
    track = clearance_track(sample_dataset, FULL_RANGE)
    assert track.filled.report_ids == ("clr-2003", "clr-2004")
    assert list(track.filled.stack["cleared"]) == pytest.approx([2.302761, 3.580289])
    # The 2000–2003 report overlaps 2003's and is an outline over its four years.
    assert track.outlined.report_ids == ("clr-2000-2003",)
    assert track.outlined.total[0] == pytest.approx((2691097 + 45414190) / 1e6 / 4)
    # The army's 2004 report gives items only, and remaining contamination is not clearance.
    drawn = set(track.filled.report_ids) | set(track.outlined.report_ids)
    assert "clr-2004-army" not in drawn and "rem-2015" not in drawn


def test_the_drawn_items_hold_the_computed_arrays(qtbot, sample_dataset):
    view, _ = shown_view(qtbot, sample_dataset)
    drawn = view.casualties.drawn()
    track = view.casualties.track
    calendar_years = ~track.filled.is_span
    killed_item, injured_item, unknown_item = drawn["stacks"][:3]  # calendar-year blocks
    assert list(killed_item["x0"]) == list(track.filled.x0[calendar_years])
    bottom, top = track.filled.bottoms_and_tops("injured")
    assert list(injured_item["y0"]) == list(bottom[calendar_years])
    assert list(injured_item["y1"]) == list(top[calendar_years])
    assert list(unknown_item["y1"] - unknown_item["y0"]) == [0, 0, 7]
    span_killed = drawn["stacks"][3]
    assert list(span_killed["y1"]) == pytest.approx([30.0])
    assert list(drawn["outlines"]["y1"]) == pytest.approx(list(track.outlined.total))
    # Years known only by bounds are ranges (see test_count_ranges.py), not "no data".
    gaps = np.array(view.casualties.ranges.no_data)
    assert list(drawn["no_data"]["x0"]) == list(gaps[:, 0])
    # The no-data pattern fills the track's whole height, whatever the zoom.
    assert set(drawn["no_data"]["y1"]) == {view.casualties.y_max}


def test_the_track_rescales_to_what_is_in_view(qtbot, sample_dataset):
    view, _ = shown_view(qtbot, sample_dataset)
    tallest_overall = view.casualties.plot.vb.viewRange()[1][1]
    view.set_x_range(dt.date(2003, 1, 1), dt.date(2005, 12, 31))
    tallest_2003_2005 = view.casualties.plot.vb.viewRange()[1][1]
    assert tallest_2003_2005 < tallest_overall
    assert tallest_2003_2005 == pytest.approx(30 / (182 / 366) * 1.15)  # H1 2004's rate, + room
