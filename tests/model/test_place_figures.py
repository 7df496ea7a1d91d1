"""Each place's figures for a period, and marker sizes whose area follows the casualties."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import pytest

from karabakh_timeline.model.dates import DateRange
from karabakh_timeline.model.event_filter import EventFilter, filter_events
from karabakh_timeline.model.loader import load_dataset
from karabakh_timeline.model.place_figures import (
    MAX_MARKER,
    MIN_MARKER,
    marker_diameters,
    place_figures,
)
from karabakh_timeline.model.place_names import Naming, place_name

MAP_SAMPLE = Path(__file__).parents[1] / "fixtures" / "map" / "map.yaml"
YEAR_2021 = DateRange(dt.date(2021, 1, 1), dt.date(2021, 12, 31))


@pytest.fixture(scope="module")
def dataset():  # type: ignore[no-untyped-def]
    return load_dataset(MAP_SAMPLE)


def test_2021_adds_the_incidents_at_each_place_and_only_counts_the_years_report(dataset):
    found = place_figures(dataset, YEAR_2021)
    aghdam, fuzuli, kalbajar = found["aghdam"], found["fuzuli"], found["kalbajar"]
    assert (aghdam.killed, aghdam.injured, aghdam.incidents) == (2, 7, 2)  # not 2019's
    assert (fuzuli.killed, fuzuli.injured, fuzuli.casualties) == (0, 1, 1)
    # An event and a casualty report of one incident are added; the year's report is not.
    assert (kalbajar.killed, kalbajar.injured, kalbajar.casualties) == (4, 3, 7)
    assert kalbajar.casualty_reports == 1 and kalbajar.records == 3
    # Fuzuli's incident is told as an event and as its casualty report: added once.
    assert fuzuli.records == 3 and fuzuli.incidents == 1
    assert found["lachin"].casualties is None  # records but no incident figures: unknown
    assert found["lachin"].clearance_reports == 1


def test_marker_area_is_in_proportion_to_the_casualties(dataset):
    sizes = marker_diameters(place_figures(dataset, YEAR_2021))
    assert sizes["aghdam"] == MAX_MARKER  # 9 casualties, the most in 2021
    assert sizes["kalbajar"] == pytest.approx(MAX_MARKER * math.sqrt(7 / 9))
    assert (sizes["aghdam"] / sizes["kalbajar"]) ** 2 == pytest.approx(9 / 7)
    assert sizes["fuzuli"] == pytest.approx(max(MIN_MARKER, MAX_MARKER * math.sqrt(1 / 9)))
    assert sizes["lachin"] == MIN_MARKER


def test_a_place_with_nothing_in_the_period_has_no_marker(dataset):
    year_2019 = DateRange(dt.date(2019, 1, 1), dt.date(2019, 12, 31))
    found = place_figures(dataset, year_2019)
    assert found["aghdam"].casualties == 1
    assert set(marker_diameters(found)) == {"aghdam"}


def test_the_event_filter_takes_places(dataset):
    at_two = EventFilter(places=frozenset({"kalbajar", "fuzuli"}), period=YEAR_2021)
    events = filter_events(dataset, at_two)
    assert [e.id for e in events] == ["ev-2021-kalbajar", "ev-2021-fuzuli"]
    assert len(filter_events(dataset, EventFilter(period=YEAR_2021))) == 4


def test_names_follow_the_naming_and_fall_back_to_english(dataset):
    aghdam = dataset.places["aghdam"]
    assert place_name(aghdam, Naming.ENGLISH) == "Aghdam"
    assert place_name(aghdam, Naming.AZERBAIJANI) == "Ağdam"
    assert place_name(aghdam, Naming.ARMENIAN) == "Ակնա (Akna)"
