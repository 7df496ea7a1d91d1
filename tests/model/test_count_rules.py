"""What the count track counts: which reports, unknown casualties, cleared and released land."""

from __future__ import annotations

import datetime as dt
import math

import pytest

from karabakh_timeline.model.count_rules import (
    CLEARANCE_STACK,
    casualty_figures,
    is_drawn,
    released_km2,
    unknown_casualties,
    years_covered,
)
from karabakh_timeline.model.dates import PartialDate, Period
from karabakh_timeline.model.figures import Area, Count
from karabakh_timeline.model.records import Activity, CasualtyReport, ClearanceReport, Span

YEAR_2004 = Period.point(PartialDate(2004))


def casualties(date: Period = YEAR_2004, span: Span = Span.ANNUAL, **counts: int) -> CasualtyReport:
    figures = {name: Count(value) for name, value in counts.items()}
    return CasualtyReport("cas", date, span, "area", "Monitor", ("src",), **figures)  # type: ignore[arg-type]


def clearance(activity: Activity = Activity.CLEARANCE, **given: object) -> ClearanceReport:
    return ClearanceReport(
        "clr", YEAR_2004, Span.ANNUAL, "area", activity, "HALO", ("src",), **given
    )  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("date", "span", "drawn"),
    [
        (YEAR_2004, Span.ANNUAL, True),
        (Period(PartialDate(2004, 1), PartialDate(2004, 6)), Span.PART_YEAR, True),
        (Period(PartialDate(1993, 6), PartialDate(1999, 5)), Span.MULTI_YEAR, True),
        (Period(None, PartialDate(2019)), Span.CUMULATIVE, False),  # a running total
        (Period(None, PartialDate(2019)), Span.MULTI_YEAR, False),  # no start to spread from
        (Period.point(PartialDate(2004, 5, 3)), Span.INCIDENT, False),  # a lane event already
        (YEAR_2004, Span.SNAPSHOT, False),
    ],
)
def test_only_closed_yearly_part_year_and_multi_year_reports_are_drawn(
    date: Period, span: Span, drawn: bool
) -> None:
    assert is_drawn(casualties(date, span, killed=1)) is drawn


def test_years_covered_counts_each_years_own_days() -> None:
    assert years_covered(dt.date(2004, 1, 1), dt.date(2004, 12, 31)) == 1.0  # a leap year
    assert years_covered(dt.date(1993, 6, 1), dt.date(1999, 5, 31)) == pytest.approx(6.0)
    assert years_covered(dt.date(2005, 7, 1), dt.date(2005, 12, 31)) == pytest.approx(184 / 365)


@pytest.mark.parametrize(
    ("killed", "injured", "total", "unknown"),
    [
        (10, 24, 34, 0),
        (10, 20, 34, 4),
        (None, None, 7, 7),
        (3, None, 7, 4),  # injured not given: not taken as a share of the total
        (10, 30, 34, 0),  # sources that add up to more than their total: never below zero
        (10, 24, None, 0),
    ],
)
def test_unknown_is_the_total_less_killed_and_injured(
    killed: int | None, injured: int | None, total: int | None, unknown: int
) -> None:
    assert unknown_casualties(killed, injured, total) == unknown


def test_a_figure_not_given_is_nan_never_zero() -> None:
    figures = casualty_figures(casualties(total=7))
    assert figures is not None
    assert math.isnan(figures["killed"]) and math.isnan(figures["injured"])
    assert figures["unknown"] == 7
    assert casualty_figures(casualties()) is None  # nothing given: nothing drawn


def test_cleared_land_is_clearance_by_a_clearing_technique_only() -> None:
    areas = (
        ("manual", Area(1_000_000, "m2")),
        ("survey", Area(5_000_000, "m2")),
        ("mined", Area(7, "m2")),
    )
    found = released_km2(clearance(areas=areas))
    assert found == {"cleared": 1.0, "reduced": 0.0, "cancelled": 0.0, "released": 0.0}
    assert list(found) == list(CLEARANCE_STACK)
    # A survey report's areas clear nothing; remaining contamination releases nothing.
    assert released_km2(clearance(Activity.SURVEY, areas=areas)) is None
    left = (("mines", (("confirmed", Area(9_000_000, "m2")),)),)
    assert released_km2(clearance(Activity.CONTAMINATION, remaining=left)) is None


def test_land_released_by_each_way_sums_every_hazard() -> None:
    release = (
        ("mines", (("cancelled", Area(2_000_000, "m2")), ("cleared", Area(500_000, "m2")))),
        (
            "other_erw",
            (("cancelled_in_database", Area(1_000_000, "m2")), ("reduced", Area(250_000, "m2"))),
        ),
    )
    found = released_km2(clearance(Activity.SURVEY, release=release))
    assert found == {"cleared": 0.5, "reduced": 0.25, "cancelled": 3.0, "released": 0.0}
