"""Figure names read as typed keys, and every key written back as the same name."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from karabakh_timeline.bundled import bundled_data_dir
from karabakh_timeline.model.figure_key import FigureKey, FigureKind
from karabakh_timeline.model.loader import load_dataset
from karabakh_timeline.model.query import RELEASE_FIGURES, REMAINING_FIGURES, record_figures


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("killed", FigureKey(FigureKind.CASUALTIES, "killed")),
        ("children", FigureKey(FigureKind.CASUALTIES, "children")),
        ("area:manual", FigureKey(FigureKind.AREA, "manual")),
        ("items:uxo", FigureKey(FigureKind.ITEMS, "uxo")),
        ("release:mines:cleared", FigureKey(FigureKind.RELEASE, "cleared", "mines")),
        (
            "remaining:other_erw:confirmed",
            FigureKey(FigureKind.REMAINING, "confirmed", "other_erw"),
        ),
        ("land_use:agriculture", FigureKey(FigureKind.LAND_USE, "agriculture")),
        ("area", FigureKey(FigureKind.AREA)),
        ("incidents", FigureKey(FigureKind.OTHER, "incidents")),
        ("pledge_usd", FigureKey(FigureKind.OTHER, "pledge_usd")),
        ("area:", FigureKey(FigureKind.OTHER, "area:")),  # names no method: kept as written
    ],
)
def test_a_name_reads_as_its_kind_and_detail(text: str, key: FigureKey) -> None:
    assert FigureKey.parse(text) == key
    assert key.text == str(key) == text


def test_the_named_constructors_write_the_names_the_data_uses() -> None:
    assert FigureKey.area("battle_area").text == "area:battle_area"
    assert FigureKey.items("anti_personnel").text == "items:anti_personnel"
    assert FigureKey.release("mines", "reduced").text == "release:mines:reduced"
    assert FigureKey.remaining("mines", "total").text == "remaining:mines:total"
    assert FigureKey.land_use("housing").text == "land_use:housing"
    assert FigureKey.casualties("injured").text == "injured"


def test_areas_are_the_land_cleared_released_and_left() -> None:
    assert FigureKey.parse("area:manual").is_area
    assert FigureKey.parse("release:mines:cleared").is_area
    assert FigureKey.parse("remaining:mines:suspected").is_area
    assert not FigureKey.parse("items:uxo").is_area
    assert not FigureKey.parse("killed").is_area
    assert not FigureKey.parse("land_use:housing").is_area
    assert FigureKey.parse("land_use:housing").is_land
    assert not FigureKey.parse("incidents").is_land


def test_every_figure_the_bundled_data_states_reads_back_as_itself() -> None:
    dataset = load_dataset(bundled_data_dir())
    records = [*dataset.events, *dataset.casualties, *dataset.clearance]
    names = {name for record in records for name, _ in record_figures(record)}
    names |= {*RELEASE_FIGURES, *REMAINING_FIGURES}
    assert len(names) > 20  # the walk reached the figures
    kinds = set()
    for name in names:
        key = FigureKey.parse(name)
        kinds.add(key.kind)
        assert key.text == name
    assert {FigureKind.AREA, FigureKind.RELEASE, FigureKind.CASUALTIES} <= kinds


@settings(max_examples=200, deadline=None, derandomize=True, database=None)
@given(
    st.lists(
        st.sampled_from(["area", "items", "release", "remaining", "land_use", "mines", "_", ":"]),
        max_size=6,
    ).map("".join)
)
def test_any_name_reads_back_as_itself(text: str) -> None:
    assert FigureKey.parse(text).text == text
