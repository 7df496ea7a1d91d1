"""Which data file to write for a name and a format, and its bytes: shared by window and CLI.

A file's shape follows its extension and the chosen format:

- ``.zip``: the four CSV tables (events, casualties, clearance, sources) and a README;
- ``.csv`` with a table kind: that one table;
- ``.csv`` in the TimelineJS format: TimelineJS3's spreadsheet;
- ``.json``: TimelineJS3's JSON.
"""

from __future__ import annotations

import datetime as dt
import json

from karabakh_timeline.export.data.data_export import (
    KINDS,
    DataFilter,
    data_zip,
    selected_events,
    table,
)
from karabakh_timeline.export.data.timelinejs import timeline_csv, timeline_json
from karabakh_timeline.export.safe_write import ExportError
from karabakh_timeline.model.records import Dataset

DATA_SUFFIXES = (".zip", ".csv", ".json")
ZIP = "zip"
TIMELINEJS_JSON = "timelinejs-json"
TIMELINEJS_CSV = "timelinejs-csv"


def data_shape(path_suffix: str, data_format: str | None, kind: str | None) -> str:
    """``ZIP``, ``TIMELINEJS_JSON``, ``TIMELINEJS_CSV`` or a table kind (``"events"``…)."""
    suffix = path_suffix.lower()
    if suffix not in DATA_SUFFIXES:
        raise ExportError(f"a data export ends in {', '.join(DATA_SUFFIXES)}, not '{suffix}'")
    if data_format not in (None, "csv", "timelinejs"):
        raise ExportError(f"unknown format '{data_format}': use csv or timelinejs")
    if suffix == ".json":
        if data_format == "csv":
            raise ExportError("a .json file is TimelineJS JSON; for CSV tables write .zip or .csv")
        return _no_kind(kind, TIMELINEJS_JSON)
    if data_format == "timelinejs":
        if suffix == ".zip":
            raise ExportError("TimelineJS is written as .csv (its spreadsheet) or .json")
        return _no_kind(kind, TIMELINEJS_CSV)
    if suffix == ".zip":
        return _no_kind(kind, ZIP)
    if kind is None:
        raise ExportError(
            "a .csv file holds one table: add --kind events, casualties, clearance or sources, "
            "or write a .zip to get all four"
        )
    if kind not in KINDS:
        raise ExportError(f"unknown table '{kind}'; known: {', '.join(KINDS)}")
    return kind


def _no_kind(kind: str | None, shape: str) -> str:
    if kind is not None:
        raise ExportError("--kind chooses the one table of a .csv file in the csv format")
    return shape


def data_bytes(
    dataset: Dataset, data_filter: DataFilter, shape: str, exported_on: dt.date | None = None
) -> bytes:
    """The file's content for a shape from ``data_shape``."""
    if shape == ZIP:
        return data_zip(dataset, data_filter, exported_on or dt.date.today())
    if shape in KINDS:
        return table(dataset, data_filter, shape).csv_bytes()
    events = selected_events(dataset, data_filter)
    if shape == TIMELINEJS_JSON:
        document = timeline_json(dataset, events, data_filter.selected)
        return json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8") + b"\n"
    if shape == TIMELINEJS_CSV:
        return timeline_csv(dataset, events, data_filter.selected).encode("utf-8")
    raise ValueError(f"unknown data shape '{shape}'")
