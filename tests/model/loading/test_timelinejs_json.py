"""TimelineJS timelines in their JSON format open as datasets, recognised by their content."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from karabakh_timeline.export.data.timelinejs import timeline_json
from karabakh_timeline.model.dates import PartialDate, Period
from karabakh_timeline.model.loader import check_dataset, load_dataset
from karabakh_timeline.model.loading.timelinejs_json import FILE_SOURCE_ID, UNGROUPED

REPO = Path(__file__).resolve().parents[3]
FIXTURE = REPO / "tests" / "fixtures" / "imports" / "timelinejs_documented.json"
SAMPLES = REPO.parent / "shared" / "samples" / "timelinejs"


def _problems(path: Path, document: object) -> list[str]:
    path.write_text(json.dumps(document), encoding="utf-8")
    dataset, problems = check_dataset(path)
    assert (dataset is None) == bool(problems)
    return [str(problem) for problem in problems]


def test_the_title_slide_names_the_dataset() -> None:
    dataset = load_dataset(FIXTURE)
    assert dataset.info.name == "Mine action in brief"
    assert (
        dataset.info.description
        == "A test timeline written from the TimelineJS JSON documentation."
    )


def test_eras_keep_their_names_and_dates() -> None:
    eras = load_dataset(FIXTURE).eras
    assert [(era.name, era.date.display()) for era in eras] == [
        ("Ceasefire years", "May 1994 – 26 September 2020"),
        ("After the 2020 war", "10 November 2020 – 2023"),
    ]
    assert eras[0].description == "Between the ceasefire and the war."


def test_dates_keep_their_precision() -> None:
    events = {event.id: event for event in load_dataset(FIXTURE).events}
    assert events["survey-start"].date == Period.point(PartialDate(2000))
    assert events["clearance-day"].date == Period(PartialDate(2021, 6, 4), PartialDate(2021, 6, 5))
    assert events["2005-a-month-only"].date.display() == "March 2005"


def test_html_is_reduced_to_text_and_scripts_are_dropped() -> None:
    event = load_dataset(FIXTURE).record("survey-start")
    assert event is not None
    assert event.title == "A survey starts"
    assert event.description == "First paragraph & more.\nSecond\nline."


def test_groups_become_categories_and_slides_without_one_share_a_lane() -> None:
    dataset = load_dataset(FIXTURE)
    lanes = sorted(dataset.categories[event.category].label for event in dataset.events)
    assert lanes == ["Clearance", UNGROUPED.label, "Surveys", "Surveys"]


def test_unique_ids_are_kept_and_missing_ones_are_made_unique() -> None:
    ids = sorted(event.id for event in load_dataset(FIXTURE).events)
    assert ids == ["2005-a-month-only", "2005-a-month-only-2", "clearance-day", "survey-start"]


def test_media_credit_and_address_become_a_source_beside_the_file() -> None:
    dataset = load_dataset(FIXTURE)
    event = dataset.record("survey-start")
    assert event is not None and event.sources[0] == FILE_SOURCE_ID
    media = dataset.sources[event.sources[1]]
    assert (media.publisher, media.url) == ("Example Agency", "https://example.org/report.pdf")


def test_display_date_and_time_of_day_are_kept_in_the_note() -> None:
    dataset = load_dataset(FIXTURE)
    assert dataset.record("survey-start").note == "Dated in the timeline as 'Sometime in 2000'."  # type: ignore[union-attr]
    assert dataset.record("clearance-day").note == "The timeline starts at 09:30."  # type: ignore[union-attr]


def test_our_own_timelinejs_export_opens_back_with_the_same_events(
    sample_dataset,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    path = tmp_path / "published.json"
    path.write_text(json.dumps(timeline_json(sample_dataset)), encoding="utf-8")
    back = load_dataset(path)
    assert back.info.name == sample_dataset.info.name
    expected = {
        event.id: (event.date, event.title, sample_dataset.categories[event.category].label)
        for event in sample_dataset.events
    }
    found = {
        event.id: (event.date, event.title, back.categories[event.category].label)
        for event in back.events
    }
    assert found == expected
    for event in sample_dataset.events:
        assert back.record(event.id).description.startswith(event.description)  # type: ignore[union-attr]
    assert [era.name for era in back.eras] == [era.name for era in sample_dataset.eras]


@pytest.mark.parametrize(
    ("name", "events", "groups"),
    [("women_in_computing.json", 10, 1), ("all-media-types.json", 41, 6)],
)
def test_timelinejs_own_samples_open_with_every_slide(name: str, events: int, groups: int) -> None:
    dataset = load_dataset(SAMPLES / name)
    original = json.loads((SAMPLES / name).read_text(encoding="utf-8"))
    assert len(dataset.events) == len(original["events"]) == events
    assert len(dataset.categories) == groups
    assert dataset.info.name == original["title"]["text"]["headline"]


def test_a_cosmological_sample_is_refused_with_the_line_of_each_date_out_of_range() -> None:
    path = SAMPLES / "cosmo.json"
    dataset, problems = check_dataset(path)
    assert dataset is None
    assert str(problems[0]) == (
        f"{path}:20: 'start_date' year -13800000000 is outside the calendar this app places "
        "(years 1 to 9999)"
    )


def test_bad_slides_are_messages_with_their_lines(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    document = {
        "events": [
            {"start_date": {"year": "20x4"}, "text": {"headline": "A"}},
            {"start_date": {"year": 2004, "day": 3}, "text": {"headline": "B"}},
            {"start_date": {"year": 2004}, "text": {}},
            {"start_date": {"year": 2004}, "end_date": {"year": 2003}, "text": {"headline": "C"}},
            {"unique_id": "x", "start_date": {"year": 2004}, "text": {"headline": "D"}},
            {"unique_id": "x", "start_date": {"year": 2005}, "text": {"headline": "E"}},
        ]
    }
    path.write_text(json.dumps(document, indent=1), encoding="utf-8")
    assert [str(problem) for problem in check_dataset(path)[1]] == [
        f"{path}:4: 'start_date' year '20x4' is not a whole number in digits 0-9",
        f"{path}:12: 'start_date' has a day but no month",
        f"{path}:20: the slide has no headline and no text to name it by",
        f"{path}:26: ends (2003) before it starts (2004)",
        f"{path}:46: the unique_id 'x' is used twice (first used on line 37)",
    ]


def test_our_own_json_format_is_not_taken_for_timelinejs(tmp_path: Path) -> None:
    path = tmp_path / "ours.json"
    assert _problems(path, {"events": [{"id": "a", "start_date": "2004"}]})[0].startswith(
        f"{path}:"
    )
    assert "TimelineJS" not in " ".join(_problems(path, {"events": [{"id": "a"}]}))
