"""ACLED exports open as datasets: lanes by event type, dates as precise as ACLED codes them."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from karabakh_timeline.model.dates import PartialDate, Period
from karabakh_timeline.model.figures import Count, Qualifier
from karabakh_timeline.model.loader import check_dataset, load_dataset
from karabakh_timeline.model.loading.acled_csv import FATALITIES_CAVEAT, FILE_SOURCE_ID

REPO = Path(__file__).resolve().parents[3]
FIXTURE = REPO / "tests" / "fixtures" / "imports" / "acled_armenia_azerbaijan_synthetic.csv"


def _rows() -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(FIXTURE.read_text(encoding="utf-8"))))


def _write(path: Path, rows: list[dict[str, str]], columns: list[str]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as file:
        writer = csv.DictWriter(file, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    return path


def _problems(path: Path, **changes: str) -> list[str]:
    rows = _rows()
    rows[1].update(changes)
    _write(path, rows, list(rows[0]))
    dataset, problems = check_dataset(path)
    assert (dataset is None) == bool(problems)
    return [str(problem) for problem in problems]


def test_the_export_opens_named_by_its_countries_with_lanes_by_event_type() -> None:
    dataset = load_dataset(FIXTURE)
    assert dataset.info.name == "ACLED: Armenia and Azerbaijan"
    assert len(dataset.events) == 9
    assert sorted(c.label for c in dataset.categories.values()) == [
        "Battles", "Explosions/Remote violence", "Strategic developments"
    ]  # fmt: skip
    event = dataset.record("AZE90001")
    assert event is not None and event.title == "Remote explosive/landmine/IED: Fuzuli"
    assert dataset.categories[event.category].label == "Explosions/Remote violence"


def test_each_time_precision_code_is_kept_as_a_precision_not_a_day() -> None:
    dataset = load_dataset(FIXTURE)
    day, week, month = (dataset.record(i) for i in ("AZE90001", "AZE90002", "AZE90003"))
    assert day is not None and week is not None and month is not None
    assert day.date == Period.point(PartialDate(2021, 1, 14))
    assert week.date == Period(PartialDate(2021, 3, 9), PartialDate(2021, 3, 15))
    assert week.date.display() == "9–15 March 2021"
    assert week.note.startswith("ACLED knows only about the week: the seven days around 12 March")
    assert month.date == Period.point(PartialDate(2021, 6))
    assert month.date.display() == "June 2021"


def test_fatalities_are_an_at_least_killed_figure_with_acleds_caveat() -> None:
    dataset = load_dataset(FIXTURE)
    event = dataset.record("AZE90006")
    assert event is not None
    assert event.figures == (("killed", Count(25, Qualifier.AT_LEAST)),)
    assert FATALITIES_CAVEAT in event.note and "does not record injuries" in FATALITIES_CAVEAT
    none_reported = dataset.record("ARM90002")
    assert none_reported is not None and none_reported.figures == ()


def test_places_come_from_location_and_coordinates_with_geo_precision() -> None:
    dataset = load_dataset(FIXTURE)
    event = dataset.record("ARM90001")
    assert event is not None
    place = dataset.places[event.places[0]]
    assert (place.name, place.latitude, place.longitude) == ("Verin Shorzha", 40.0725, 45.6583)
    assert place.note == "In Gegharkunik, Armenia. ACLED: the exact place (geo_precision 1)."


def test_the_source_column_is_the_events_source_beside_the_file() -> None:
    dataset = load_dataset(FIXTURE)
    event = dataset.record("AZE90002")
    assert event is not None and event.sources[1] == FILE_SOURCE_ID
    assert dataset.sources[event.sources[0]].title == "Synthetic Agency A; Synthetic Paper B"


def test_reordered_and_extra_columns_give_the_same_events(tmp_path: Path) -> None:
    rows = _rows()
    columns = ["an_extra_column", *reversed(list(rows[0]))]
    for row in rows:
        row["an_extra_column"] = "ignored"
    shuffled = load_dataset(_write(tmp_path / "shuffled.csv", rows, columns))
    original = load_dataset(FIXTURE)
    assert [(e.id, e.date, e.title, e.figures) for e in shuffled.events] == [
        (e.id, e.date, e.title, e.figures) for e in original.events
    ]


def test_a_missing_column_is_named_on_the_header_line(tmp_path: Path) -> None:
    rows = _rows()
    path = _write(tmp_path / "cut.csv", rows, [c for c in rows[0] if c != "time_precision"])
    assert [str(p) for p in check_dataset(path)[1]] == [
        f"{path}:1: is not an ACLED export: no column time_precision (an ACLED export has "
        "event_id_cnty, event_date, time_precision, event_type, …)"
    ]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"time_precision": "4"},
            "time_precision '4' is not one of ACLED's codes: 1 (the day), 2 (about a week), "
            "3 (about a month)",
        ),
        (
            {"event_date": "31 February 2021"},
            "event_date '31 February 2021' is not a date: ACLED writes 2021-03-12, "
            "12 March 2021 or 12-03-2021",
        ),
        ({"fatalities": "a few"}, "fatalities 'a few' is not a whole number of people"),
        ({"latitude": "200.5"}, "latitude '200.5' is not a number from -90 to 90"),
        ({"geo_precision": "0"}, "geo_precision '0' is not one of ACLED's codes 1, 2 or 3"),
        ({"year": "2020"}, "year '2020' is not the year of event_date '2021-03-12'"),
        ({"event_id_cnty": "AZE90001"}, "event_id_cnty 'AZE90001' appears twice (first on line 2)"),
    ],
)
def test_a_malformed_cell_is_a_message_with_its_line(
    tmp_path: Path, changes: dict[str, str], message: str
) -> None:
    path = tmp_path / "broken.csv"
    assert _problems(path, **changes) == [f"{path}:3: {message}"]


def test_dates_in_acleds_other_written_forms_are_read_alike(tmp_path: Path) -> None:
    rows = _rows()
    rows[0]["event_date"], rows[1]["event_date"] = "14 January 2021", "12-03-2021"
    dataset = load_dataset(_write(tmp_path / "words.csv", rows, list(rows[0])))
    assert dataset.record("AZE90001").date == Period.point(PartialDate(2021, 1, 14))  # type: ignore[union-attr]
    assert dataset.record("AZE90002").date.display() == "9–15 March 2021"  # type: ignore[union-attr]


def test_progress_is_reported_to_the_end(tmp_path: Path) -> None:
    rows = [dict(row) for row in _rows() * 500]
    for number, row in enumerate(rows):
        row["event_id_cnty"] = f"AZE{number}"
    path = _write(tmp_path / "many.csv", rows, list(rows[0]))
    seen: list[tuple[int, int]] = []
    dataset, _ = check_dataset(path, lambda done, total: seen.append((done, total)) or True)
    assert dataset is not None and len(dataset.events) == 4500
    assert len(seen) > 3 and seen[-1] == (1000, 1000)
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)
