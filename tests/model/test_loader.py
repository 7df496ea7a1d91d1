"""The loader builds immutable, cross-referenced records and remembers where each was written."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from karabakh_timeline.model.dates import Period
from karabakh_timeline.model.figures import Area, Count, Qualifier
from karabakh_timeline.model.loader import (
    check_dataset,
    default_dataset_path,
    load_dataset,
)
from karabakh_timeline.model.problems import DatasetError, Problem
from karabakh_timeline.model.records import (
    Activity,
    CasualtyReport,
    ClearanceReport,
    Confidence,
    Counts,
    Dataset,
    Event,
    Span,
)

REPO = Path(__file__).resolve().parents[2]


def test_the_sample_loads_completely(sample_dataset: Dataset) -> None:
    assert (sample_dataset.info.name, sample_dataset.info.version) == ("Test sample", "t1")
    assert sample_dataset.counts_line() == (
        "6 events, 8 casualty reports, 5 clearance reports, 2 eras, 3 places, 3 sources"
    )
    assert list(sample_dataset.categories) == ["incident", "clearance", "politics"]
    assert list(sample_dataset.series) == ["monitor-annual", "halo-annual"]


def test_a_single_file_loads_like_its_folder(sample_path: Path) -> None:
    from_file = load_dataset(sample_path / "sample.yaml")
    from_folder = load_dataset(sample_path)
    assert from_file.events == from_folder.events
    assert from_file.casualties == from_folder.casualties


def test_a_casualty_report_keeps_every_figure_and_leaves_the_rest_unknown(
    sample_dataset: Dataset,
) -> None:
    report = sample_dataset.record("cas-2004")
    assert isinstance(report, CasualtyReport)
    assert report.date == Period.parse("2004", "2004")
    assert report.span is Span.ANNUAL
    assert report.scope == "area-a"
    assert report.counts is Counts.MINE_ERW
    assert report.series == "monitor-annual"
    assert (report.killed, report.injured, report.total) == (Count(10), Count(24), Count(34))
    assert report.split("children") == Count(3, Qualifier.AT_LEAST)
    assert report.split("deminers") == Count(1)
    assert report.split("civilian") is None
    assert report.other == (("incidents", Count(25)),)
    assert report.sources == ("src-a",)

    press = sample_dataset.record("cas-2004-h1-press")
    assert isinstance(press, CasualtyReport)
    assert press.injured is None  # not given: unknown, never 0
    assert press.series is None


def test_a_clearance_report_keeps_units_items_and_land_use(sample_dataset: Dataset) -> None:
    report = sample_dataset.record("clr-2004")
    assert isinstance(report, ClearanceReport)
    assert report.activity is Activity.CLEARANCE
    assert report.areas == (("manual_and_mechanical", Area(3580289, "m2")),)
    assert report.items == (
        ("anti_personnel", Count(675)),
        ("anti_vehicle", Count(340)),
        ("uxo", Count(2040)),
    )
    assert report.land_use == (("agricultural", Area(1519953, "m2")),)
    remaining = sample_dataset.record("rem-2015")
    assert isinstance(remaining, ClearanceReport)
    assert remaining.areas == (("mined", Area(5.14, "km2")),)


def test_an_event_keeps_places_figures_and_open_ends(sample_dataset: Dataset) -> None:
    event = sample_dataset.record("ev-2021-maps")
    assert isinstance(event, Event)
    assert event.places == ("zangilan",)
    assert event.figures == (("mines_on_maps", Count(92000, Qualifier.ABOUT)),)
    cumulative = sample_dataset.record("cas-asof-2019")
    assert isinstance(cumulative, CasualtyReport)
    assert cumulative.date.start is None
    assert cumulative.date.display() == "until 2019"


def test_places_answer_to_every_name(sample_dataset: Dataset) -> None:
    aghdam = sample_dataset.places["aghdam"]
    assert aghdam.all_names == ("Aghdam", "Agdam", "Akna", "Ağdam")
    assert (aghdam.latitude, aghdam.longitude) == (39.99, 46.93)


def test_sources_keep_date_and_confidence(sample_dataset: Dataset) -> None:
    source = sample_dataset.sources["src-b"]
    assert source.date is not None
    assert source.date.display() == "July 2004"
    assert source.confidence is Confidence.MEDIUM
    assert sample_dataset.sources["src-c"].url is None


def test_records_remember_the_line_they_were_written_on(
    sample_dataset: Dataset, sample_path: Path
) -> None:
    text = (sample_path / "sample.yaml").read_text(encoding="utf-8").splitlines()
    for record in (*sample_dataset.events, *sample_dataset.casualties):
        assert record.origin is not None
        assert record.origin.path == str(sample_path / "sample.yaml")
        assert f"id: {record.id}" in text[record.origin.line - 1]


def test_records_are_sorted_by_date_and_immutable(sample_dataset: Dataset) -> None:
    starts = [c.date.sort_key() for c in sample_dataset.casualties]
    assert starts == sorted(starts)
    with pytest.raises(dataclasses.FrozenInstanceError):
        sample_dataset.events[0].title = "changed"  # type: ignore[misc]


def test_conflicts_are_found_from_either_record(sample_dataset: Dataset) -> None:
    (conflict,) = sample_dataset.conflicts_of("cas-2004-h1-press")
    assert conflict.records == ("cas-2004-h1", "cas-2004-h1-press")
    assert sample_dataset.conflicts_of("cas-2004") == ()
    assert sample_dataset.record("no-such-id") is None


def test_load_raises_with_every_problem(tmp_path: Path) -> None:
    path = tmp_path / "two.yaml"
    path.write_text("sources:\n  - {id: a, title: T}\n  - {id: b, publisher: P}\n")
    with pytest.raises(DatasetError) as caught:
        load_dataset(path)
    assert caught.value.problems == [
        Problem(str(path), 2, "a source is missing the field 'publisher'"),
        Problem(str(path), 3, "a source is missing the field 'title'"),
    ]
    assert str(caught.value) == (
        f"{path}:2: a source is missing the field 'publisher'\n"
        f"{path}:3: a source is missing the field 'title'"
    )


def test_check_returns_the_dataset_only_without_problems(tmp_path: Path) -> None:
    path = tmp_path / "ok.yaml"
    path.write_text("sources:\n  - {id: a, title: T, publisher: P}\n")
    dataset, problems = check_dataset(path)
    assert problems == []
    assert dataset is not None
    assert dataset.info.name == "ok"  # no dataset section: named after the file
    assert dataset.info.version == "unversioned"


def test_the_bundled_dataset_is_found_beside_the_package_in_a_checkout() -> None:
    assert default_dataset_path() == REPO / "data"


def test_an_empty_section_is_an_empty_list(tmp_path: Path) -> None:
    path = tmp_path / "empty-sections.yaml"
    path.write_text("sources:\nevents:\n# everything commented out for now\n")
    dataset, problems = check_dataset(path)
    assert problems == []
    assert dataset is not None
    assert (dataset.sources, dataset.events) == ({}, ())


def test_problems_name_the_section_line_and_come_in_reading_order(tmp_path: Path) -> None:
    path = tmp_path / "odd.yaml"
    path.write_text(
        "# odd\n"
        "dataset: hello\n"
        "places: nope\n"
        "categories:\n"
        "  - {id: incident, label: Incidents, colour: red}\n"
        "  - just a string\n"
        "events:\n"
        "  - id: ev-1\n"
        "    date: {start: 2004, until: 2005}\n"
        "    category: incident\n"
        "    title: T\n"
        "    description: D\n"
        "    sources: [src-z]\n"
        "  - {id: Ev 2, date: 2004, category: incident, title: T, description: D, sources: []}\n"
    )
    _, problems = check_dataset(path)
    assert [str(p).removeprefix(f"{path}:") for p in problems] == [
        "2: 'dataset' must be a mapping with a name and a version",
        "3: 'places' must be a list of entries",
        "5: unknown field 'colour' in a category",
        "6: an entry of 'categories' must be a mapping",
        "9: a date span takes only 'start' and 'end', not 'until'",
        "13: unknown source 'src-z': no entry of 'sources' has this id",
        "14: 'Ev 2' is not a valid id: use lower-case letters and digits joined by -, _ or .",
        "14: 'sources' must name at least one",
    ]
