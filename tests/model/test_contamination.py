"""Remaining contamination over time: a point per report and hazard, by scope, never added."""

from __future__ import annotations

import datetime as dt

import pytest

from karabakh_timeline.model.contamination import contamination_series
from karabakh_timeline.model.dates import DateRange
from karabakh_timeline.model.loader import load_dataset


@pytest.fixture(scope="module")
def bundled():  # type: ignore[no-untyped-def]
    return load_dataset(None)


def years(first: int, last: int) -> DateRange:
    return DateRange(dt.date(first, 1, 1), dt.date(last, 12, 31))


def by_label(series):  # type: ignore[no-untyped-def]
    return {one.label: one for one in series}


def test_cluster_strike_land_is_one_line_of_its_reports(bundled):  # type: ignore[no-untyped-def]
    found = by_label(contamination_series(bundled, bundled.clearance, years(2008, 2017)))
    cluster = found["Cluster munitions — Karabakh Armenian-held areas"]
    drawn = [(p.report_id, round(p.km2, 2)) for p in cluster.points]
    expected = [
        ("clr-contamination-2008", 85.0),
        ("clr-battle-area-2008-2010", 94.0),
        ("clr-contamination-2015-12", 67.0),
        ("clr-contamination-2016-12", 72.0),
        ("clr-contamination-2017-12", 71.62),
    ]
    # In time order, each report's own figure (a later edition may add points between them).
    assert [point for point in drawn if point in expected] == expected
    # The re-survey baseline stays with its point, and an approximate figure keeps its "~".
    points = {p.report_id: p for p in cluster.points}
    assert points["clr-battle-area-2008-2010"].before_resurvey is not None
    assert "85 km² before re-survey" in points["clr-battle-area-2008-2010"].text()
    assert points["clr-contamination-2016-12"].text().startswith("~72 km²")


def test_disputed_figures_of_one_day_stand_side_by_side(bundled):  # type: ignore[no-untyped-def]
    found = by_label(contamination_series(bundled, bundled.clearance, years(2010, 2010)))
    mines = found["Mines — Karabakh Armenian-held areas"]
    january = [p for p in mines.points if p.day.month == 1]
    assert [(p.report_id, p.km2, p.side, p.disputed) for p in january] == [
        ("clr-mined-area-2010-01", 10.0, 0, True),
        ("clr-mined-area-2010-01-revised", 9.9, 1, True),
    ]
    assert january[0].status == "suspected"


def test_scopes_are_never_joined_and_unknown_is_no_point(bundled):  # type: ignore[no-untyped-def]
    found = by_label(contamination_series(bundled, bundled.clearance, years(2015, 2017)))
    armenia = [one for one in found.values() if one.scope == "armenia"]
    assert [one.label for one in armenia] == ["Mines — Armenia, mainly its border regions"]
    ids = [p.report_id for one in armenia for p in one.points]
    assert {"clr-armenia-contamination-2015", "clr-armenia-contamination-2017"} <= set(ids)
    # 2017 gives confirmed mined land only: drawn as such, never as 0 suspected.
    mines = next(
        one
        for one in found.values()
        if one.scope == "karabakh-armenian-held" and one.hazard == "mines"
    )
    last = mines.points[-1]
    assert (last.report_id, last.status, last.km2) == (
        "clr-contamination-2017-12",
        "confirmed",
        3.6,
    )
    assert all(p.km2 > 0 for one in found.values() for p in one.points)


def test_a_period_without_a_contamination_report_has_no_series(bundled):  # type: ignore[no-untyped-def]
    assert contamination_series(bundled, bundled.clearance, years(2019, 2020)) == ()
