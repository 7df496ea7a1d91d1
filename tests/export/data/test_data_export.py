"""CSV tables of a period: sources on every row, unknown figures empty (never 0), no Qt needed."""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile

import pytest

from karabakh_timeline.export.data.data_export import (
    CASUALTY_HEADER,
    CLEARANCE_HEADER,
    EVENT_HEADER,
    DataFilter,
    data_zip,
    table,
)
from karabakh_timeline.export.data.data_files import (
    TIMELINEJS_CSV,
    TIMELINEJS_JSON,
    ZIP,
    data_bytes,
    data_shape,
)
from karabakh_timeline.export.safe_write import ExportError
from karabakh_timeline.model.dates import FULL_RANGE, DateRange


def rows(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf"), "spreadsheets need the byte-order mark for UTF-8"
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def year(y: int) -> DateRange:
    return DateRange(dt.date(y, 1, 1), dt.date(y, 12, 31))


def test_events_carry_their_sources_and_keep_date_precision(sample_dataset) -> None:  # type: ignore[no-untyped-def]
    found = rows(table(sample_dataset, DataFilter(FULL_RANGE), "events").csv_bytes())
    assert [r["id"] for r in found] == [
        "ev-1995-programme",
        "ev-2004-aghdam",
        "ev-2011-ban",
        "ev-2021-kalbajar",
        "ev-2021-maps",
        "ev-2021-accuracy",
    ]
    aghdam = found[1]
    assert list(aghdam) == list(EVENT_HEADER)
    assert (aghdam["start"], aghdam["end"], aghdam["date"]) == ("2004-06", "2004-06", "June 2004")
    assert aghdam["category_label"] == "Incidents"
    assert aghdam["places"] == "Aghdam"
    assert aghdam["source_ids"] == "src-b"
    assert aghdam["source_titles"] == "Newspaper item B"
    assert aghdam["source_publishers"] == "Paper B"
    assert aghdam["source_urls"] == "https://example.org/b"
    maps = found[4]
    assert maps["figures"] == "mines_on_maps: about 92000"
    assert maps["qualified"] == "mines_on_maps: about 92000"


def test_unknown_casualty_figures_are_empty_never_zero(sample_dataset) -> None:  # type: ignore[no-untyped-def]
    found = {
        r["id"]: r
        for r in rows(table(sample_dataset, DataFilter(FULL_RANGE), "casualties").csv_bytes())
    }
    assert list(found["cas-2005"]) == list(CASUALTY_HEADER)
    only_total = found["cas-2005"]
    assert (only_total["killed"], only_total["injured"], only_total["total"]) == ("", "", "7")
    press = found["cas-2004-h1-press"]
    assert (press["killed"], press["injured"], press["total"]) == ("8", "", "24")
    assert press["conflicts"] == "conflict-2004-h1"
    full = found["cas-2004"]
    assert (full["children"], full["deminers"], full["civilian"]) == ("3", "1", "")
    assert full["qualified"] == "children: at least 3"
    assert full["other"] == "incidents: 25"
    assert found["cas-asof-2019"]["start"] == ""  # an open start stays open
    assert "0" not in {r["injured"] for r in found.values()}


def test_clearance_areas_are_square_metres_and_as_published(sample_dataset) -> None:  # type: ignore[no-untyped-def]
    found = {
        r["id"]: r
        for r in rows(table(sample_dataset, DataFilter(FULL_RANGE), "clearance").csv_bytes())
    }
    assert list(found["rem-2015"]) == list(CLEARANCE_HEADER)
    remaining = found["rem-2015"]
    assert remaining["area_mined_m2"] == "5140000"
    assert remaining["areas_as_published"] == "mined: 5.14 km2"
    assert remaining["activity"] == "contamination"
    army = found["clr-2004-army"]
    assert (army["items_anti_personnel"], army["items_anti_vehicle"], army["items_uxo"]) == (
        "48",
        "37",
        "",
    )
    assert army["area_manual_m2"] == ""


def test_the_period_selects_records_as_the_panels_do(sample_dataset) -> None:  # type: ignore[no-untyped-def]
    selected = DataFilter(year(2004))
    casualties = {
        r["id"]: r["overlap"]
        for r in rows(table(sample_dataset, selected, "casualties").csv_bytes())
    }
    assert casualties == {
        "cas-asof-2019": "partial",
        "cas-2004-h1": "within",
        "cas-2004-h1-press": "within",
        "cas-2004": "within",
    }
    events = [r["id"] for r in rows(table(sample_dataset, selected, "events").csv_bytes())]
    assert events == ["ev-2004-aghdam"]


def test_event_filters_apply_to_events_only(sample_dataset) -> None:  # type: ignore[no-untyped-def]
    politics = DataFilter(FULL_RANGE, categories=frozenset({"politics"}), search="maps")
    events = [r["id"] for r in rows(table(sample_dataset, politics, "events").csv_bytes())]
    assert events == ["ev-2021-maps", "ev-2021-accuracy"]
    casualties = rows(table(sample_dataset, politics, "casualties").csv_bytes())
    assert len(casualties) == len(sample_dataset.casualties)


def test_sources_table_lists_what_cites_each_source(sample_dataset) -> None:  # type: ignore[no-untyped-def]
    found = {
        r["id"]: r
        for r in rows(table(sample_dataset, DataFilter(year(2004)), "sources").csv_bytes())
    }
    assert set(found) == {"src-a", "src-b"}
    assert found["src-b"]["cited_by"] == "ev-2004-aghdam | cas-2004-h1-press"
    assert found["src-a"]["url"] == "https://example.org/a"


def test_the_zip_holds_four_tables_and_a_readme(sample_dataset) -> None:  # type: ignore[no-untyped-def]
    data = data_zip(sample_dataset, DataFilter(year(2004)), dt.date(2024, 5, 1))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert sorted(archive.namelist()) == [
            "README.txt",
            "casualties.csv",
            "clearance.csv",
            "events.csv",
            "sources.csv",
        ]
        readme = archive.read("README.txt").decode("utf-8")
        events = rows(archive.read("events.csv"))
    assert "Test sample, version t1" in readme
    assert "Period: 2004 (2004-01-01 to 2004-12-31)" in readme
    assert "Exported on 2024-05-01" in readme
    assert "unknown, not zero" in readme
    assert [r["id"] for r in events] == ["ev-2004-aghdam"]


@pytest.mark.parametrize(
    ("suffix", "data_format", "kind", "shape"),
    [
        (".zip", None, None, ZIP),
        (".zip", "csv", None, ZIP),
        (".csv", None, "events", "events"),
        (".CSV", "csv", "sources", "sources"),
        (".csv", "timelinejs", None, TIMELINEJS_CSV),
        (".json", None, None, TIMELINEJS_JSON),
        (".json", "timelinejs", None, TIMELINEJS_JSON),
    ],
)
def test_the_file_shape_follows_extension_and_format(
    suffix: str, data_format: str | None, kind: str | None, shape: str
) -> None:
    assert data_shape(suffix, data_format, kind) == shape


@pytest.mark.parametrize(
    ("suffix", "data_format", "kind", "message"),
    [
        (".csv", None, None, "a .csv file holds one table: add --kind events, casualties"),
        (".json", "csv", None, "a .json file is TimelineJS JSON"),
        (".zip", "timelinejs", None, "TimelineJS is written as .csv"),
        (".zip", None, "events", "--kind chooses the one table of a .csv file"),
        (".xlsx", None, None, "a data export ends in .zip, .csv, .json"),
    ],
)
def test_impossible_shapes_are_explained(
    suffix: str, data_format: str | None, kind: str | None, message: str
) -> None:
    with pytest.raises(ExportError, match=message):
        data_shape(suffix, data_format, kind)


def test_timelinejs_json_bytes_are_utf8_json(sample_dataset) -> None:  # type: ignore[no-untyped-def]
    import json

    data = data_bytes(sample_dataset, DataFilter(year(2021)), TIMELINEJS_JSON)
    document = json.loads(data.decode("utf-8"))
    assert [e["unique_id"] for e in document["events"]] == [
        "ev-2021-kalbajar",
        "ev-2021-maps",
        "ev-2021-accuracy",
    ]
    assert [e["text"]["headline"] for e in document["eras"]] == []  # no era overlaps 2021
