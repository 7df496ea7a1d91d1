"""Who held each place at a day, from the places' dated control: before and after November 2020."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from karabakh_timeline.model.control import ControlIndex, holder_on
from karabakh_timeline.model.loader import load_dataset

CONTROL_SAMPLE = Path(__file__).parents[1] / "fixtures" / "map" / "map_control.yaml"
ARMENIAN = "Karabakh Armenian authorities"


@pytest.fixture(scope="module")
def dataset():  # type: ignore[no-untyped-def]
    return load_dataset(CONTROL_SAMPLE)


def test_the_november_2020_handovers_change_the_holder(dataset):
    index = ControlIndex(dataset)
    assert index.holders == ("Azerbaijan", ARMENIAN)
    before = index.holders_on(dt.date(2020, 11, 1))
    assert before == {"aghdam": ARMENIAN, "kalbajar": ARMENIAN, "lachin": ARMENIAN}
    after = index.holders_on(dt.date(2020, 12, 31))
    assert after == {"aghdam": "Azerbaijan", "kalbajar": "Azerbaijan", "lachin": "Azerbaijan"}
    # Between the handovers: Aghdam (20 November) and Kalbajar (25th) before Lachin (1 December).
    between = index.holders_on(dt.date(2020, 11, 26))
    assert between == {"aghdam": "Azerbaijan", "kalbajar": "Azerbaijan", "lachin": ARMENIAN}


def test_on_the_day_of_a_handover_the_new_holder_counts(dataset):
    assert holder_on(dataset.places["aghdam"], dt.date(2020, 11, 20)) == "Azerbaijan"
    assert holder_on(dataset.places["aghdam"], dt.date(2020, 11, 19)) == ARMENIAN


def test_a_place_without_dated_control_has_no_holder(dataset):
    assert holder_on(dataset.places["fuzuli"], dt.date(2021, 1, 1)) is None
