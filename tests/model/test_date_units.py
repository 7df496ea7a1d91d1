"""Whole years, months and days: snapping, lengths, moving and resizing a period."""

from __future__ import annotations

import datetime as dt

import pytest

from karabakh_timeline.model.date_units import (
    add_units,
    exact_unit,
    readout,
    resize,
    shift,
    span_units,
    unit_range,
)
from karabakh_timeline.model.dates import DateRange, Precision

Y, M, D = Precision.YEAR, Precision.MONTH, Precision.DAY


def r(a: str, b: str) -> DateRange:
    return DateRange(dt.date.fromisoformat(a), dt.date.fromisoformat(b))


def test_the_unit_holding_a_day():
    day = dt.date(2004, 2, 29)
    assert unit_range(day, Y) == r("2004-01-01", "2004-12-31")
    assert unit_range(day, M) == r("2004-02-01", "2004-02-29")
    assert unit_range(day, D) == r("2004-02-29", "2004-02-29")


def test_a_span_covers_every_unit_it_touches_in_either_order():
    assert span_units(dt.date(2004, 6, 1), dt.date(2000, 2, 7), Y) == r("2000-01-01", "2004-12-31")
    assert span_units(dt.date(2004, 3, 10), dt.date(2004, 6, 20), M) == r(
        "2004-03-01", "2004-06-30"
    )


def test_adding_months_keeps_the_day_where_it_exists():
    assert add_units(dt.date(2004, 1, 31), M, 1) == dt.date(2004, 2, 29)
    assert add_units(dt.date(2004, 2, 29), Y, 1) == dt.date(2005, 2, 28)
    assert add_units(dt.date(2004, 1, 1), M, -13) == dt.date(2002, 12, 1)


@pytest.mark.parametrize(
    ("period", "unit", "text"),
    [
        (r("2000-01-01", "2004-12-31"), (Y, 5), "2000 – 2004 (5 years)"),
        (r("2004-03-01", "2004-03-31"), (M, 1), "March 2004 (1 month)"),
        (r("2004-03-04", "2004-03-09"), (D, 6), "4 March 2004 – 9 March 2004 (6 days)"),
    ],
)
def test_the_length_of_a_period_in_its_own_unit(period, unit, text):
    assert exact_unit(period) == unit
    assert readout(period) == text


def test_a_period_moves_by_its_own_length():
    assert shift(r("2000-01-01", "2004-12-31"), forward=True) == r("2005-01-01", "2009-12-31")
    assert shift(r("2004-01-01", "2004-02-29"), forward=False) == r("2003-11-01", "2003-12-31")
    assert shift(r("2004-03-04", "2004-03-09"), forward=True) == r("2004-03-10", "2004-03-15")


def test_an_edge_grows_or_shrinks_by_one_unit():
    years = r("2000-01-01", "2004-12-31")
    assert resize(years, Y, edge_end=True, grow=True) == r("2000-01-01", "2005-12-31")
    assert resize(years, Y, edge_end=False, grow=True) == r("1999-01-01", "2004-12-31")
    assert resize(years, Y, edge_end=True, grow=False) == r("2000-01-01", "2003-12-31")
    assert resize(years, Y, edge_end=False, grow=False) == r("2001-01-01", "2004-12-31")
    ragged = r("2000-06-15", "2004-06-15")  # typed to the day: first to the unit's edge
    assert resize(ragged, Y, edge_end=True, grow=True) == r("2000-06-15", "2004-12-31")
    assert resize(ragged, Y, edge_end=False, grow=True) == r("2000-01-01", "2004-06-15")
    assert resize(r("2004-01-01", "2004-12-31"), Y, edge_end=True, grow=False) is None
