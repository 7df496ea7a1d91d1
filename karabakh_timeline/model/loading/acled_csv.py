"""Open an ACLED export (its documented CSV columns) as a dataset.

ACLED (the Armed Conflict Location & Event Data project) codes dated, geolocated conflict
events; its sub-event type "Remote explosive/landmine/IED" is the one this app is about. Each
row becomes an event:

- in a lane by its ``event_type``, titled by its ``sub_event_type`` and ``location``;
- dated as precisely as ACLED knows it (``time_precision``): 1 the day; 2 about a week, kept
  as the seven days around the date ACLED gives; 3 about a month, kept as that month. A row
  is never shown as surer of its day than its code says;
- at a place made from ``location``, ``latitude`` and ``longitude``, noting ``geo_precision``;
- with ``fatalities`` as a "killed" figure, "at least" that many: ACLED records its most
  conservative estimate of those killed and records no injuries, which the event's note says;
- citing its ``source`` text and the export file itself.

Columns may come in any order and extra columns are ignored; a missing column, or a cell that
cannot be read, is a ``file:line: message``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path

from karabakh_timeline.model import records as r
from karabakh_timeline.model.dates import MONTH_NAMES, PartialDate, Period, format_day
from karabakh_timeline.model.figures import Count, Qualifier
from karabakh_timeline.model.load_progress import RECORDS_BETWEEN_CALLS, ProgressTracker
from karabakh_timeline.model.problems import Problem

FILE_SOURCE_ID = "acled-file"
REQUIRED_COLUMNS = (
    "event_id_cnty", "event_date", "time_precision", "event_type", "sub_event_type",
    "country", "location", "latitude", "longitude", "geo_precision", "source", "notes",
    "fatalities",
)  # fmt: skip
"""The columns every row is read from; the export's others (actors, admin areas, source
scale, tags…) are used where present."""
SIGNATURE = ("event_id_cnty", "event_date")
"""Header columns that tell an ACLED export apart from a TimelineJS spreadsheet."""
MAX_PROBLEMS = 100
FATALITIES_CAVEAT = (
    "Fatalities are ACLED's figure: its most conservative estimate of the people killed. "
    "ACLED does not record injuries."
)
TIME_PRECISION = {
    "1": "ACLED gives the day",
    "2": "ACLED knows only about the week: the seven days around {day}",
    "3": "ACLED knows only about the month",
}
GEO_PRECISION = {
    "1": "ACLED: the exact place",
    "2": "ACLED: near this place, or a part of the area around it",
    "3": "ACLED: somewhere in a larger area, placed at its centre or capital",
}
_MONTHS = {name.casefold(): n for n, name in enumerate(MONTH_NAMES, 1)}
_MONTHS.update({name[:3].casefold(): n for n, name in enumerate(MONTH_NAMES, 1)})
_ISO = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_WORDS = re.compile(r"([0-9]{1,2})[ -]([A-Za-z]+)[ -]([0-9]{4})")
_NUMBERS = re.compile(r"([0-9]{2})-([0-9]{2})-([0-9]{4})")  # ACLED's documented dd-mm-yyyy
_WHOLE = re.compile(r"[0-9]{1,7}")
_DECIMAL = re.compile(r"-?[0-9]{1,3}(?:\.[0-9]{1,12})?")
_NOT_ID = re.compile(r"[^a-z0-9]+")
_SHOWN = 30
_Dated = tuple[Period, str, str]  # a row's period, the year ACLED gives it, and the note


def looks_like_acled(path: Path) -> bool:
    """Whether the CSV file's header names ACLED's event id and date columns."""
    try:
        with path.open("rb") as file:
            first = file.readline(65_536).decode("utf-8-sig", "replace")
    except OSError:
        return False
    names = {name.strip().strip('"').casefold() for name in first.split(",")}
    return all(column in names for column in SIGNATURE)


@dataclass
class _Imported:
    path: str
    columns: dict[str, int] = field(default_factory=dict)
    categories: dict[str, r.Category] = field(default_factory=dict)
    category_of_type: dict[str, str] = field(default_factory=dict)
    places: dict[str, r.Place] = field(default_factory=dict)
    place_of: dict[tuple[str, ...], str] = field(default_factory=dict)  # by location cells
    sources: dict[str, r.Source] = field(default_factory=dict)
    source_of: dict[str, str] = field(default_factory=dict)
    cells_of: Callable[[list[str]], tuple[str, ...]] = itemgetter(0)
    periods: dict[tuple[str, str], _Dated | str] = field(default_factory=dict)
    counts: dict[str, Count | None] = field(default_factory=dict)
    events: list[r.Event] = field(default_factory=list)
    first_line_of_id: dict[str, int] = field(default_factory=dict)
    countries: dict[str, None] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def problem(self, line: int | None, message: str) -> None:
        self.problems.append(Problem(self.path, line, message))


class _TooManyProblemsError(Exception):
    pass


def import_acled_csv(
    path: Path | str, tracker: ProgressTracker | None = None
) -> tuple[r.Dataset | None, list[Problem]]:
    """Read the export; the dataset is returned only when there is no problem at all."""
    file = Path(path)
    try:
        text = file.read_bytes().decode("utf-8-sig")
    except OSError as error:
        return None, [Problem(str(file), None, f"cannot be read: {error.strerror}")]
    except UnicodeDecodeError as error:
        return None, [Problem(str(file), None, f"is not UTF-8 text ({error.reason})")]
    if tracker is not None:
        tracker.begin_file(0)
        tracker.file_parsed()
    into = _Imported(str(file))
    try:
        _read_rows(text, into, tracker)
    except _TooManyProblemsError:
        into.problem(None, f"stopped after {MAX_PROBLEMS} problems: fix these and open it again")
    if not into.problems and not into.events:
        into.problem(None, "holds no events (no rows under the header)")
    if into.problems:
        return None, into.problems
    into.sources[FILE_SOURCE_ID] = r.Source(
        FILE_SOURCE_ID,
        title=f"ACLED export {file.name}",
        publisher="ACLED (Armed Conflict Location & Event Data), as exported to this file",
        url=file.resolve().as_uri(),
        note="Every record of this dataset was read from this file.",
    )
    countries = " and ".join(sorted(into.countries)) or "no country"
    info = r.DatasetInfo(
        f"ACLED: {countries}",
        "unversioned",
        f"{len(into.events):,} events of an ACLED export ({file.name}). {FATALITIES_CAVEAT}",
    )
    dataset = r.Dataset(
        info=info,
        sources=into.sources,
        places=into.places,
        categories=into.categories,
        series={},
        eras=(),
        events=_in_time_order(into.events),
        casualties=(),
        clearance=(),
        conflicts=(),
    )
    if tracker is not None:
        tracker.finished()
    return dataset, []


def _in_time_order(events: list[r.Event]) -> tuple[r.Event, ...]:
    """Sorted by date; rows of one date share one Period, so each key is worked out once."""
    keys: dict[int, tuple[dt.date, dt.date]] = {}

    def key(event: r.Event) -> tuple[dt.date, dt.date]:
        found = keys.get(id(event.date))
        if found is None:
            found = keys[id(event.date)] = event.date.sort_key()
        return found

    return tuple(sorted(events, key=key))


def _read_rows(text: str, into: _Imported, tracker: ProgressTracker | None) -> None:
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader, None)
    except csv.Error as error:
        into.problem(1, f"is not a CSV file: {error}")
        return
    if header is None:
        into.problem(None, "is empty")
        return
    for index, name in enumerate(header):
        key = name.strip().casefold()
        if key in into.columns:
            into.problem(
                1,
                f"the column '{_cut(key)}' appears twice (columns "
                f"{into.columns[key] + 1} and {index + 1})",
            )
            return
        if key:
            into.columns[key] = index
    missing = [name for name in REQUIRED_COLUMNS if name not in into.columns]
    if missing:
        into.problem(
            1,
            f"is not an ACLED export: no column {', '.join(missing)} "
            "(an ACLED export has event_id_cnty, event_date, time_precision, event_type, …)",
        )
        return
    width = max(into.columns.values()) + 1
    into.cells_of = _cells_of(into.columns)
    rows = max(text.count("\n"), 1)
    line = reader.line_num + 1
    read = 0
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            into.problem(line, f"cannot be read as CSV: {error}")
            return
        if any(cells):
            if len(cells) < width:
                into.problem(line, f"has {len(cells)} cells where the header has {len(header)}")
            else:
                _read_row(cells, line, into)
            if len(into.problems) >= MAX_PROBLEMS:
                raise _TooManyProblemsError
        read += 1
        if tracker is not None and read % RECORDS_BETWEEN_CALLS == 0:
            tracker.records_read(min(read, rows), rows)
        line = reader.line_num + 1


_USED = (
    "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "disorder_type", "country", "admin1",
    "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "source",
    "source_scale", "notes", "fatalities", "tags",
)  # fmt: skip
"""The columns a row is read from, in the order ``_read_row`` unpacks them."""


def _cells_of(columns: dict[str, int]) -> Callable[[list[str]], tuple[str, ...]]:
    """The used cells of a row in ``_USED``'s order; "" for a column the export leaves out.

    A row's cells get one "" appended, which index -1 then reads: one C-level call per row
    instead of a look-up per cell, which matters for 100,000 rows.
    """
    return itemgetter(*(columns.get(name, -1) for name in _USED))


def _read_row(cells: list[str], line: int, into: _Imported) -> None:
    cells.append("")
    (
        ident, date, year, code, event_type, sub_type, actor1, assoc1, actor2, assoc2,
        disorder, country, admin1, admin2, admin3, location, latitude, longitude,
        geo_precision, source, source_scale, notes, fatalities, tags,
    ) = map(str.strip, into.cells_of(cells))  # fmt: skip
    problems = len(into.problems)
    if not ident:
        into.problem(line, "event_id_cnty is empty: every ACLED event has an id")
    elif ident in into.first_line_of_id:
        first = into.first_line_of_id[ident]
        into.problem(line, f"event_id_cnty '{_cut(ident)}' appears twice (first on line {first})")
    else:
        into.first_line_of_id[ident] = line
    dated = _period(date, code, line, into)
    if dated is not None and year and year != dated[1]:
        into.problem(line, f"year '{_cut(year)}' is not the year of event_date '{_cut(date)}'")
    if not event_type:
        into.problem(line, "event_type is empty")
    killed = _fatalities(fatalities, line, into)
    where = (location, latitude, longitude, geo_precision, country, admin1, admin2, admin3)
    place = _place(where, line, into)
    if len(into.problems) > problems or dated is None or not ident:
        return
    period, _, note = dated
    what = sub_type or event_type
    parts = [notes]
    if actor1 or actor2:
        named = [_actor(actor1, assoc1), _actor(actor2, assoc2)]
        parts.append(f"Actors named by ACLED: {'; '.join(a for a in named if a)}.")
    if disorder:
        parts.append(f"Disorder type: {disorder}.")
    if tags:
        parts.append(f"Tags: {tags}.")
    into.events.append(
        r.Event(
            ident,
            period,
            _category(event_type, into),
            f"{what}: {location}",
            "\n".join(part for part in parts if part),
            (_source(source, source_scale, into), FILE_SOURCE_ID),
            (place,) if place else (),
            (("killed", killed),) if killed is not None else (),
            None,
            note,
            r.Origin(into.path, line),
        )
    )


def _actor(name: str, associated: str) -> str:
    return f"{name} (with {associated})" if name and associated else name


def _period(date: str, code: str, line: int, into: _Imported) -> _Dated | None:
    """The row's date as precise as ``time_precision`` says; each (date, code) worked out once."""
    known = into.periods.get((date, code))
    if known is None:
        known = into.periods[(date, code)] = _work_out_period(date, code)
    if isinstance(known, str):
        into.problem(line, known)
        return None
    return known


def _work_out_period(date: str, code: str) -> _Dated | str:
    """The period, ACLED's year for it and the note saying how precise it is; or a message."""
    if code not in TIME_PRECISION:
        return (
            f"time_precision '{_cut(code)}' is not one of ACLED's codes: "
            "1 (the day), 2 (about a week), 3 (about a month)"
        )
    day = _day(date)
    if day is None:
        return (
            f"event_date '{_cut(date)}' is not a date: ACLED writes 2021-03-12, 12 March 2021 "
            "or 12-03-2021"
        )
    if code == "1":
        period = Period.point(PartialDate(day.year, day.month, day.day))
    elif code == "3":
        period = Period.point(PartialDate(day.year, day.month))
    else:
        first, last = day - dt.timedelta(days=3), day + dt.timedelta(days=3)
        period = Period(
            PartialDate(first.year, first.month, first.day),
            PartialDate(last.year, last.month, last.day),
        )
    when = TIME_PRECISION[code].format(day=format_day(day))
    if code == "3":
        when += f": {period.display()}"
    note = f"{when} (time_precision {code}; event_date {date}). {FATALITIES_CAVEAT}"
    return period, str(day.year), note


def _day(text: str) -> dt.date | None:
    for pattern, order in ((_ISO, (1, 2, 3)), (_NUMBERS, (3, 2, 1))):
        match = pattern.fullmatch(text)
        if match:
            year, month, day = (int(match.group(i)) for i in order)
            break
    else:
        match = _WORDS.fullmatch(text)
        if match is None:
            return None
        month_number = _MONTHS.get(match.group(2).casefold())
        if month_number is None:
            return None
        year, month, day = int(match.group(3)), month_number, int(match.group(1))
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _fatalities(text: str, line: int, into: _Imported) -> Count | None:
    known = into.counts.get(text)
    if known is not None or text in into.counts:
        return known
    if not _WHOLE.fullmatch(text):
        into.problem(line, f"fatalities '{_cut(text)}' is not a whole number of people")
        return None
    number = int(text)
    count = into.counts[text] = Count(number, Qualifier.AT_LEAST) if number > 0 else None
    return count


def _place(where: tuple[str, ...], line: int, into: _Imported) -> str | None:
    """The place of a row, made once for each location, coordinates and precision."""
    known = into.place_of.get(where)
    if known is not None:
        return known
    location, lat_text, lon_text, precision, country, *areas = where
    if precision not in GEO_PRECISION:
        into.problem(
            line,
            f"geo_precision '{_cut(precision)}' is not one of ACLED's codes 1, 2 or 3",
        )
        return None
    latitude = _coordinate(lat_text, "latitude", 90, line, into)
    longitude = _coordinate(lon_text, "longitude", 180, line, into)
    if latitude is None or longitude is None:
        return None
    if not location:
        into.problem(line, "location is empty")
        return None
    ident = _slug(f"{country}-{location}") or "place"
    base, number = ident, 2
    while ident in into.places:
        ident, number = f"{base}-{number}", number + 1
    within = ", ".join(
        dict.fromkeys(area for area in [*reversed(areas), country] if area and area != location)
    )
    note = f"{GEO_PRECISION[precision]} (geo_precision {precision})."
    if within:
        note = f"In {within}. {note}"
    into.places[ident] = r.Place(ident, location, (), None, None, latitude, longitude, note)
    into.place_of[where] = ident
    if country:
        into.countries.setdefault(country, None)
    return ident


def _coordinate(text: str, name: str, limit: int, line: int, into: _Imported) -> float | None:
    if not _DECIMAL.fullmatch(text) or abs(float(text)) > limit:
        into.problem(line, f"{name} '{_cut(text)}' is not a number from -{limit} to {limit}")
        return None
    return float(text)


def _source(text: str, scale: str, into: _Imported) -> str:
    known = into.source_of.get(text)
    if known is not None:
        return known
    ident = f"acled-source-{len(into.source_of) + 1}"
    note = "The source ACLED names for its events."
    if scale:
        note += f" ACLED's source scale: {scale}."
    into.sources[ident] = r.Source(
        ident, text or "no source named", "as named by ACLED", None, None, None, note
    )
    into.source_of[text] = ident
    return ident


def _category(event_type: str, into: _Imported) -> str:
    known = into.category_of_type.get(event_type)
    if known is not None:
        return known
    ident = _slug(event_type) or "event"
    into.categories[ident] = r.Category(ident, event_type, f"ACLED's event type '{event_type}'")
    into.category_of_type[event_type] = ident
    return ident


def _cut(cell: str) -> str:
    return cell if len(cell) <= _SHOWN else f"{cell[:_SHOWN]}… ({len(cell):,} characters)"


def _slug(text: str) -> str:
    return _NOT_ID.sub("-", text.casefold()).strip("-")
