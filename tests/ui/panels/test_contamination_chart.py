"""The clearance panel draws remaining contamination over the period, in a chart of its own."""

from __future__ import annotations

import math

import pytest
from panels_support import make_panels, period
from PySide6.QtCore import QPointF

from karabakh_timeline.model.contamination import contamination_series
from karabakh_timeline.model.loader import load_dataset
from karabakh_timeline.ui.panels.yearly_chart import decimal_year


@pytest.fixture(scope="module")
def bundled():  # type: ignore[no-untyped-def]
    return load_dataset(None)


def listed(panel):  # type: ignore[no-untyped-def]
    return [row.report for row in (*panel.summary.within, *panel.summary.partial)]


def test_the_chart_draws_every_reported_remaining_area_of_the_period(qtbot, bundled):  # type: ignore[no-untyped-def]
    _, _, clearance = make_panels(qtbot, bundled, "2008", "2017")
    chart = clearance.contamination
    assert chart.isVisibleTo(clearance) and chart.message() == ""
    expected = [
        (one.label, p.report_id, p.km2)
        for one in contamination_series(bundled, listed(clearance), period("2008", "2017"))
        for p in one.points
    ]
    assert chart.points() == expected
    assert (
        "Cluster munitions — Karabakh Armenian-held areas",
        "clr-battle-area-2008-2010",
        94.0,
    ) in expected
    legend = chart.legend.text()
    assert "Karabakh Armenian-held areas: " in legend and "cluster munitions" in legend
    assert "Armenia, mainly its border regions: " in legend


def test_the_chart_follows_the_period_and_says_when_it_has_nothing(qtbot, bundled):  # type: ignore[no-untyped-def]
    selection, _, clearance = make_panels(qtbot, bundled, "2008", "2017")
    chart = clearance.contamination
    with qtbot.waitSignal(chart.chart_changed, timeout=2000):
        selection.set_period(period("2021", "2022"))  # land cleared, no remaining area reported
    assert chart.points() == []
    assert chart.message() == "No remaining area in km² is reported for this period"
    assert chart.isVisibleTo(clearance)


def test_pointing_at_a_point_names_its_report_and_source(qtbot, bundled):  # type: ignore[no-untyped-def]
    _, _, clearance = make_panels(qtbot, bundled, "2010", "2010")
    clearance.resize(700, 900)
    clearance.show()
    qtbot.waitExposed(clearance)
    chart = clearance.contamination
    view = chart.plot.getViewBox()
    one = next(s for s in chart.series if s.hazard == "mines")
    point = one.points[0]
    at = view.mapViewToScene(QPointF(decimal_year(point.day), math.log10(point.km2)))
    tip = chart.tooltip_at(at)
    assert "Mines — Karabakh Armenian-held areas" in tip
    assert "10 km² suspected" in tip and "7 km² before re-survey" in tip
    assert "Source:" in tip and "Disputed" in tip
    assert chart.tooltip_at(QPointF(at.x(), at.y() - 60)) == ""
