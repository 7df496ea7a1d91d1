"""TimelineJS3: the spreadsheet's exact columns and its JSON, and reading a spreadsheet back."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from karabakh_timeline.export.data.timelinejs import COLUMNS, timeline_csv, timeline_json
from karabakh_timeline.model.dates import PartialDate, Period
from karabakh_timeline.model.loader import check_dataset, load_dataset
from karabakh_timeline.model.loading.html_text import plain_text
from karabakh_timeline.model.timelinejs_import import FILE_SOURCE_ID, import_timelinejs_csv

DOCUMENTED_COLUMNS = [
    "Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time",
    "Display Date", "Headline", "Text", "Media", "Media Credit", "Media Caption",
    "Media Thumbnail", "Type", "Group", "Background",
]  # fmt: skip


def sheet_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_the_spreadsheet_has_exactly_the_documented_columns(sample_dataset) -> None:  # type: ignore[no-untyped-def]
    text = timeline_csv(sample_dataset)
    header = next(csv.reader(io.StringIO(text)))
    assert header == DOCUMENTED_COLUMNS
    assert list(COLUMNS) == DOCUMENTED_COLUMNS


def test_title_eras_and_events_fill_the_template(sample_dataset) -> None:  # type: ignore[no-untyped-def]
    found = sheet_rows(timeline_csv(sample_dataset))
    title, war, ceasefire, *events = found
    assert (title["Type"], title["Headline"]) == ("title", "Test sample")
    assert "Version t1" in title["Text"]
    assert (war["Type"], war["Headline"], war["Year"], war["Month"]) == (
        "era",
        "First war",
        "1991",
        "9",
    )
    assert (war["End Year"], war["End Month"], war["End Day"]) == ("1994", "5", "")
    assert ceasefire["Headline"] == "Ceasefire years"
    assert len(events) == len(sample_dataset.events)
    aghdam = next(e for e in events if e["Headline"] == "Tractor hits a mine near Aghdam")
    # Only the cells the date's precision has are filled; a point has no end.
    assert (aghdam["Year"], aghdam["Month"], aghdam["Day"], aghdam["End Year"]) == (
        "2004",
        "6",
        "",
        "",
    )
    assert (aghdam["Type"], aghdam["Group"], aghdam["Display Date"]) == (
        "",
        "Incidents",
        "June 2004",
    )
    assert '<a href="https://example.org/b">Newspaper item B</a> (Paper B)' in aghdam["Text"]
    programme = next(e for e in events if e["Headline"] == "First training programme")
    assert (programme["Year"], programme["End Year"], programme["Group"]) == (
        "1995",
        "1996",
        "Clearance",
    )


def test_the_json_is_timelinejs3_shaped(sample_dataset) -> None:  # type: ignore[no-untyped-def]
    document = json.loads(json.dumps(timeline_json(sample_dataset)))
    assert document["title"]["text"]["headline"] == "Test sample"
    assert [era["text"]["headline"] for era in document["eras"]] == ["First war", "Ceasefire years"]
    kalbajar = next(e for e in document["events"] if e["unique_id"] == "ev-2021-kalbajar")
    assert kalbajar["start_date"] == {"year": 2021, "month": 6, "day": 4}
    assert "end_date" not in kalbajar
    assert kalbajar["group"] == "Incidents"
    assert kalbajar["text"]["headline"] == "Three killed in Kalbajar"
    assert "Ministry statement C (Ministry C)" in kalbajar["text"]["text"]
    programme = next(e for e in document["events"] if e["unique_id"] == "ev-1995-programme")
    assert (programme["start_date"], programme["end_date"]) == ({"year": 1995}, {"year": 1996})


def test_export_then_import_gives_back_the_events(sample_dataset, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "published.csv"
    path.write_text(timeline_csv(sample_dataset), encoding="utf-8")
    imported = load_dataset(path)  # through the loader, as --data and File → Open do

    def summary(dataset):  # type: ignore[no-untyped-def]
        return sorted(
            (event.title, event.date, dataset.categories[event.category].label)
            for event in dataset.events
        )

    assert summary(imported) == summary(sample_dataset)
    assert [e.date for e in imported.eras] == [e.date for e in sample_dataset.eras]
    assert imported.info.name == "Test sample"
    assert set(imported.sources) == {FILE_SOURCE_ID}
    assert all(event.sources == (FILE_SOURCE_ID,) for event in imported.events)
    assert imported.sources[FILE_SOURCE_ID].title == "TimelineJS spreadsheet published.csv"
    aghdam = next(e for e in imported.events if e.title.startswith("Tractor"))
    assert aghdam.date.start is not None and aghdam.date.start.day is None  # month precision kept
    assert aghdam.description.startswith("A made-up incident on farmland.")
    assert aghdam.origin is not None and aghdam.origin.line > 1


def test_a_hand_made_sheet_opens_with_its_groups(tmp_path: Path) -> None:
    path = tmp_path / "sheet.csv"
    path.write_text(
        "\ufeffYear,Month,Day,Headline,Text,Group,Type\r\n"
        ",,,My timeline,<p>About &amp; more</p>,,title\r\n"
        "2020,9,27,War resumes,<b>Fighting</b> starts,Military,\r\n"
        '2021,,,A year of demining,"Line one<br>line two",,\r\n'
        "2020,11,,Ceasefire month,,Military,\r\n",
        encoding="utf-8",
    )
    dataset, problems = check_dataset(path)
    assert problems == []
    assert dataset is not None
    assert dataset.info.name == "My timeline"
    assert dataset.info.description == "About & more"
    assert [(e.title, e.date.start) for e in dataset.events] == [
        ("War resumes", PartialDate(2020, 9, 27)),
        ("Ceasefire month", PartialDate(2020, 11)),
        ("A year of demining", PartialDate(2021)),
    ]
    assert {c.label for c in dataset.categories.values()} == {"Military", "No group"}
    assert dataset.events[0].description == "Fighting starts"
    assert dataset.events[2].description == "Line one\nline two"


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("2004,13,,Bad month,,", "'2004-13' has no month 13"),
        ("2004,,5,Day without month,,", "Day is filled in but Month is not"),
        (",,,No year,,", "Year is empty: every dated row needs a year"),
        ("2004,2,30,No such day,,", "'2004-02-30' is not a real day: February 2004 has 29 days"),
        ("2004,x,,Word for month,,", "Month 'x' is not a whole number in digits 0-9"),
        ("2004,,,,,", "the Headline is empty"),
        ("2004,,,Odd type,slide,", "unknown Type 'slide': use title, era or nothing"),
        ("2005,,,Backwards,,,2004", "ends (2004) before it starts (2005)"),
    ],
)
def test_bad_rows_are_reported_with_file_and_line(tmp_path: Path, row: str, message: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(
        f"Year,Month,Day,Headline,Type,Group,End Year\n2001,,,A fine row,,,\n{row}\n",
        encoding="utf-8",
    )
    dataset, problems = import_timelinejs_csv(path)
    assert dataset is None
    assert [str(p) for p in problems] == [f"{path}:3: {message}"]


def test_a_csv_that_is_not_a_timelinejs_sheet_is_named(tmp_path: Path) -> None:
    path = tmp_path / "other.csv"
    path.write_text("id,title\nx,y\n", encoding="utf-8")
    dataset, problems = check_dataset(path)
    assert dataset is None
    assert str(problems[0]).startswith(f"{path}:1: is not a TimelineJS spreadsheet: no column Year")


def test_a_file_that_is_not_text_is_named(tmp_path: Path) -> None:
    path = tmp_path / "binary.csv"
    path.write_bytes(b"Year,Headline\n\xff\xfe\x00\x00")
    dataset, problems = import_timelinejs_csv(path)
    assert dataset is None
    assert str(problems[0]) == f"{path}: is not UTF-8 text: save the spreadsheet as CSV in UTF-8"


def test_an_empty_sheet_is_named(tmp_path: Path) -> None:
    path = tmp_path / "empty.csv"
    path.write_text("Year,Headline\n", encoding="utf-8")
    assert [str(p) for p in import_timelinejs_csv(path)[1]] == [
        f"{path}: holds no events (rows with a Year)"
    ]


def test_html_becomes_plain_text() -> None:
    assert plain_text("<p>One &amp; two</p><p>Three<br/>four</p>") == "One & two\nThree\nfour"
    assert plain_text("  spaced   out  ") == "spaced out"


def test_an_open_start_exports_at_its_end(tmp_path: Path) -> None:
    from karabakh_timeline.export.data.timelinejs import _ends

    assert _ends(Period(None, PartialDate(2019))) == (PartialDate(2019), None)
    assert _ends(Period(PartialDate(2020, 11), None)) == (PartialDate(2020, 11), None)
