"""Who held the bundled dataset's places: the captures of 1992-1993, the 2020 war and handovers,
and September 2023, each period with a source that has an address."""

from __future__ import annotations

import datetime as dt

import pytest

from karabakh_timeline.model.control import ControlIndex, holder_on
from karabakh_timeline.model.loader import load_dataset
from karabakh_timeline.model.records import Dataset

ARMENIAN = "Karabakh Armenian authorities"
TAKEN_IN_2020_WAR = {
    "madagiz": dt.date(2020, 10, 3),
    "jabrayil": dt.date(2020, 10, 4),
    "hadrut": dt.date(2020, 10, 9),
    "fuzuli": dt.date(2020, 10, 17),
    "zangilan": dt.date(2020, 10, 20),
    "qubadli": dt.date(2020, 10, 25),
    "shusha": dt.date(2020, 11, 8),
}
HANDED_OVER_2020 = {
    "aghdam": dt.date(2020, 11, 20),
    "kalbajar": dt.date(2020, 11, 25),
    "lachin": dt.date(2020, 12, 1),
}


@pytest.fixture(scope="module")
def bundled() -> Dataset:
    return load_dataset()


@pytest.mark.parametrize("place_id, day", sorted({**TAKEN_IN_2020_WAR, **HANDED_OVER_2020}.items()))
def test_the_2020_changes_of_control(bundled: Dataset, place_id: str, day: dt.date) -> None:
    place = bundled.places[place_id]
    assert holder_on(place, day - dt.timedelta(days=1)) == ARMENIAN
    assert holder_on(place, day) == "Azerbaijan"


def test_the_districts_taken_in_1992_and_1993_are_dated_from_then(bundled: Dataset) -> None:
    before_and_after = {
        "shusha": dt.date(1992, 5, 8),
        "lachin": dt.date(1992, 5, 18),
        "kalbajar": dt.date(1993, 4, 2),
        "aghdam": dt.date(1993, 7, 23),
        "fuzuli": dt.date(1993, 8, 23),
        "jabrayil": dt.date(1993, 8, 23),
        "qubadli": dt.date(1993, 8, 31),
        "zangilan": dt.date(1993, 10, 29),
    }
    for place_id, day in before_and_after.items():
        place = bundled.places[place_id]
        assert holder_on(place, day - dt.timedelta(days=1)) is None, place_id
        assert holder_on(place, day) == ARMENIAN, place_id


def test_september_2023(bundled: Dataset) -> None:
    index = ControlIndex(bundled)
    before = index.holders_on(dt.date(2023, 9, 19))
    after = index.holders_on(dt.date(2023, 9, 21))
    for place_id in ("stepanakert", "martakert", "martuni"):
        assert (before[place_id], after[place_id]) == (ARMENIAN, "Azerbaijan")
    assert set(after.values()) == {"Azerbaijan"}


def test_every_control_period_cites_a_page_with_an_address(bundled: Dataset) -> None:
    dated = [place for place in bundled.places.values() if place.control]
    assert len(dated) >= 15
    for place in dated:
        for period in place.control:
            assert any(bundled.sources[s].url for s in period.sources), (place.id, period)


def test_a_split_district_says_so_instead_of_one_holder(bundled: Dataset) -> None:
    for place_id in ("khojavend", "khojaly", "kashatagh", "nagorno-karabakh"):
        place = bundled.places[place_id]
        assert not place.control
        assert "no single dated holder" in place.note
