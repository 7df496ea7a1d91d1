"""Comparing the figures of conflicting records, side by side, none preferred."""

from __future__ import annotations

import dataclasses

from karabakh_timeline.model.dates import Period
from karabakh_timeline.model.figures import Area, Count
from karabakh_timeline.model.query import compare_conflict, record_figures
from karabakh_timeline.model.records import Conflict


def test_first_half_2004_conflict_compares_each_figure(sample_dataset):
    conflict = sample_dataset.conflicts[0]
    compared = {f.name: f for f in compare_conflict(sample_dataset, conflict)}
    assert list(compared) == ["killed", "injured", "total"]
    assert compared["killed"].values == (Count(11), Count(8))
    assert compared["killed"].difference == 3
    assert compared["total"].difference == 6
    # The newspaper gives no injured figure: the difference is unknown, not 19.
    assert compared["injured"].values == (Count(19), None)
    assert compared["injured"].difference is None
    assert compared["injured"].given == 1
    assert compared["killed"].given == 2


def test_the_difference_is_taken_among_the_records_that_give_the_figure(sample_dataset):
    conflict = Conflict("c", "casualties in 2004", ("cas-2004", "cas-2004-h1", "cas-2004-h1-press"))
    compared = {f.name: f for f in compare_conflict(sample_dataset, conflict)}
    assert compared["injured"].values == (Count(24), Count(19), None)
    assert compared["injured"].given == 2
    assert compared["injured"].difference == 5
    assert compared["total"].difference == 34 - 24


def test_record_figures_names_splits_other_figures_areas_and_items(sample_dataset):
    cas_2004 = sample_dataset.record("cas-2004")
    assert dict(record_figures(cas_2004)) == {
        "killed": Count(10),
        "injured": Count(24),
        "total": Count(34),
        "children": Count.parse("at least 3"),
        "deminers": Count(1),
        "incidents": Count(25),
    }
    clr = dict(record_figures(sample_dataset.record("clr-2004")))
    assert clr["area:manual_and_mechanical"] == Area(3580289, "m2")
    assert clr["items:uxo"] == Count(2040)
    event = dict(record_figures(sample_dataset.record("ev-2021-maps")))
    assert event == {"mines_on_maps": Count.parse("about 92000")}


def test_area_difference_is_in_square_metres_across_units(sample_dataset):
    one = sample_dataset.record("rem-2015")
    other = dataclasses.replace(
        one, id="rem-2015-b", date=Period.parse("2015-12"), areas=(("mined", Area(500, "ha")),)
    )
    dataset = dataclasses.replace(
        sample_dataset,
        clearance=(*sample_dataset.clearance, other),
        conflicts=(Conflict("c", "remaining area", ("rem-2015", "rem-2015-b")),),
    )
    (compared,) = compare_conflict(dataset, dataset.conflicts[0])
    assert compared.is_area
    assert compared.difference == 5_140_000 - 5_000_000
