"""A dataset laid over another keeps its own lanes, series and figures, never adding into them."""

from __future__ import annotations

from pathlib import Path

import pytest

from karabakh_timeline.model.dates import FULL_RANGE
from karabakh_timeline.model.loader import load_dataset
from karabakh_timeline.model.overlay import lay_over, layer_of, layer_prefix
from karabakh_timeline.model.query import summarize

ACLED = (
    Path(__file__).resolve().parents[1]
    / "fixtures"
    / "imports"
    / ("acled_armenia_azerbaijan_synthetic.csv")
)


def test_totals_add_each_datasets_series_apart(sample_dataset, sample_path: Path) -> None:  # type: ignore[no-untyped-def]
    other = load_dataset(sample_path)
    both = lay_over(sample_dataset, [("copy", other)])
    alone = summarize(sample_dataset, FULL_RANGE).casualties.totals.by_series
    together = summarize(both, FULL_RANGE).casualties.totals.by_series
    assert [total.label for total in together] == [
        *(total.label for total in alone),
        *(f"{total.label} — Test sample" for total in alone),
    ]
    # Each dataset's killed total is its own: the base's is not doubled by the copy laid over it.
    killed = [total.figure("killed") for total in together]
    assert [figure.value for figure in killed if figure] == [
        figure.value for figure in [total.figure("killed") for total in alone] * 2 if figure
    ]
    assert all(
        report_id.startswith("copy/") for report_id in together[len(alone)].reports
    ) and not any(report_id.startswith("copy/") for report_id in together[0].reports)


def test_added_lanes_are_named_after_their_dataset_and_ids_are_kept_apart(sample_dataset) -> None:  # type: ignore[no-untyped-def]
    acled = load_dataset(ACLED)
    both = lay_over(sample_dataset, [("acled", acled)])
    assert len(both.events) == len(sample_dataset.events) + len(acled.events)
    added = [c.label for ident, c in both.categories.items() if ident.startswith("acled/")]
    assert sorted(added) == [
        "Battles — ACLED",
        "Explosions/Remote violence — ACLED",
        "Strategic developments — ACLED",
    ]
    event = both.record("acled/AZE90006")
    assert event is not None and event.category == "acled/battles"
    assert all(source in both.sources for source in event.sources)
    assert all(place in both.places for place in event.places)
    assert layer_of(both, event.id) == acled.info
    assert layer_of(both, sample_dataset.events[0].id) is None
    keys = [e.date.sort_key() for e in both.events]
    assert keys == sorted(keys)


def test_conflicts_of_an_added_dataset_name_its_own_records(sample_dataset, sample_path) -> None:  # type: ignore[no-untyped-def]
    both = lay_over(sample_dataset, [("copy", load_dataset(sample_path))])
    added = [conflict for conflict in both.conflicts if conflict.id.startswith("copy/")]
    assert added and all(
        record.startswith("copy/") and both.record(record) for c in added for record in c.records
    )


def test_nothing_added_is_the_base_dataset_itself(sample_dataset) -> None:  # type: ignore[no-untyped-def]
    assert lay_over(sample_dataset, []) is sample_dataset
    with pytest.raises(ValueError, match="cannot name"):
        lay_over(sample_dataset, [("a/b", sample_dataset)])


def test_prefixes_come_from_names_and_never_repeat() -> None:
    assert layer_prefix("ACLED Export (2023)") == "acled-export-2023"
    assert layer_prefix("acled", ["acled", "acled-2"]) == "acled-3"
    assert layer_prefix("***") == "added"


def test_lane_labels_carry_a_short_form_of_a_long_name() -> None:
    from karabakh_timeline.model.overlay import short_name

    assert short_name("ACLED: Armenia and Azerbaijan") == "ACLED"
    assert short_name("Women in Computing") == "Women in Computing"
    assert short_name("A very long dataset name without a colon") == "A very long dataset nam…"
