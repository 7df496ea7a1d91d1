"""Figure names as a reader sees them: one formatter, no field names on screen."""

from __future__ import annotations

import re

import pytest

from karabakh_timeline.model.figure_names import (
    area_method_label,
    figure_label,
    figure_text,
    figures_text,
    labelled,
)
from karabakh_timeline.model.figures import Area, Count
from karabakh_timeline.model.loader import load_dataset
from karabakh_timeline.model.query import record_figures
from karabakh_timeline.model.records import AREA_METHODS, ITEM_TYPES


@pytest.mark.parametrize(
    ("key", "raw", "expected"),
    [
        ("map_accuracy_pct", 25, "Map accuracy: 25 %"),
        ("civilian_pct", 59, "Civilians: 59 %"),
        ("map_accuracy_pct_min", 20, "Map accuracy (lowest): 20 %"),
        ("population_share_pct", "more than 80", "Population share: > 80 %"),
        ("pledge_usd", "at most 4000000", "Pledge: ≤ US$ 4,000,000"),
        ("programme_months", 18, "Programme length: 18 months"),
        ("killed_low_estimate", 12, "Killed (low estimate): 12"),
        ("years_to_finish_max", 30, "Years to finish (highest): 30"),
        ("incidents_per_year_recent_min", 3, "Incidents a year, recent years (lowest): 3"),
        ("casualties_from_anti_vehicle_mines", 7, "Casualties from anti-vehicle mines: 7"),
        ("uxo_incidents", 4, "UXO incidents: 4"),
        ("russian_peacekeepers_injured", 2, "Russian peacekeepers injured: 2"),
        ("items_destroyed_over_20_years", 5, "Items destroyed over 20 years: 5"),
        ("killed", "at least 77", "Killed: ≥ 77"),
        ("civilian", 3, "Civilians: 3"),
        ("items:uxo", 2040, "UXO: 2,040"),
        ("items:anti_personnel", 675, "Anti-personnel mines: 675"),
    ],
)
def test_a_count_reads_as_words_a_colon_and_its_unit(key, raw, expected):
    assert figure_text(key, Count.parse(raw)) == expected


def test_an_area_keeps_its_published_unit():
    assert figure_text("area:manual", Area.parse("3.6 km2")) == "Manual clearance area: 3.6 km²"
    assert figure_text("agricultural", Area.parse(1500)) == "Agricultural: 1,500 m²"


def test_every_area_method_and_item_type_has_a_plain_name():
    for method in AREA_METHODS:
        assert "_" not in figure_label(f"area:{method}")
        assert "_" not in area_method_label(method)
    assert area_method_label("non_technical_survey") == "Non-technical survey"
    for item in ITEM_TYPES:
        label = figure_label(f"items:{item}")
        assert "_" not in label and label[0].isupper()


def test_several_figures_and_an_already_written_value():
    pairs = (("incidents", Count(7)), ("people_involved", Count(9)))
    assert figures_text(pairs) == "Incidents: 7; People involved: 9"
    assert figures_text(pairs, ", ") == "Incidents: 7, People involved: 9"
    assert labelled("Killed", "—") == "Killed: —"


def test_no_bundled_figure_reaches_the_screen_as_a_field_name():
    dataset = load_dataset()  # the bundled dataset
    records = [*dataset.events, *dataset.casualties, *dataset.clearance]
    seen = 0
    for record in records:
        for key, value in record_figures(record):
            text = figure_text(key, value)
            label = figure_label(key)
            seen += 1
            assert "_" not in text and ":" not in label, (record.id, text)
            assert label[0].isupper(), (record.id, label)
            assert not re.search(r"\b(pct|usd|min|max)\b", text), (record.id, text)
    assert seen > 100
