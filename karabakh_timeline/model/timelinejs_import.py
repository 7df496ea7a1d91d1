"""Open a TimelineJS spreadsheet (its Google-Sheets template saved as CSV) as a dataset.

What TimelineJS knows becomes what the app shows: each row becomes an event (or an era, or the
title slide that names the dataset); its ``Group`` becomes the event's category; its precision is
whichever of Year, Month and Day are filled in. A TimelineJS sheet names no sources per row, so
the file itself is the one source every imported record cites: a reader can always see where an
imported event came from. HTML in ``Headline`` and ``Text`` is turned into plain text.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from karabakh_timeline.model import records as r
from karabakh_timeline.model.dates import DateError, PartialDate, Period
from karabakh_timeline.model.load_progress import RECORDS_BETWEEN_CALLS, ProgressTracker
from karabakh_timeline.model.loading.html_text import plain_text
from karabakh_timeline.model.problems import Problem

FILE_SOURCE_ID = "timelinejs-file"
UNGROUPED = r.Category("ungrouped", "No group", "Rows of the spreadsheet with no Group")
REQUIRED_COLUMNS = ("Year", "Headline")
DATE_COLUMNS = ("Year", "Month", "Day", "End Year", "End Month", "End Day")

_NOT_ID = re.compile(r"[^a-z0-9]+")
_DIGITS = re.compile(r"[0-9]+")  # ASCII only: str.isdigit() also takes '²', '①' and '٤'
_LONGEST = {"Year": 4, "Month": 2, "Day": 2}  # the digits PartialDate can take (years 1 to 9999)
_SHOWN = 20  # a cell quoted in a message is cut to this many characters


@dataclass
class _Imported:
    path: str
    name: str
    description: str = ""
    categories: dict[str, r.Category] = field(default_factory=dict)
    events: list[r.Event] = field(default_factory=list)
    eras: list[r.Era] = field(default_factory=list)
    used_ids: set[str] = field(default_factory=set)
    # For each id made from a year and a headline, the number to try next when it repeats:
    # thousands of rows with the same year and headline then take linear time, not quadratic.
    next_number: dict[str, int] = field(default_factory=dict)
    category_of_group: dict[str, str] = field(default_factory=dict)
    title_line: int | None = None
    problems: list[Problem] = field(default_factory=list)


def import_timelinejs_csv(
    path: Path | str, tracker: ProgressTracker | None = None
) -> tuple[r.Dataset | None, list[Problem]]:
    """Read the file; the dataset is returned only when there is no problem at all.

    ``tracker`` hears how far reading has come (see ``load_progress``) and may stop it.
    """
    file = Path(path)
    try:
        text = file.read_bytes().decode("utf-8-sig")
    except OSError as error:
        return None, [Problem(str(file), None, f"cannot be read: {error.strerror}")]
    except UnicodeDecodeError:
        return None, [
            Problem(str(file), None, "is not UTF-8 text: save the spreadsheet as CSV in UTF-8")
        ]
    into = _Imported(str(file), file.stem)
    if tracker is not None:
        tracker.begin_file(0)
        tracker.file_parsed()
    _read_rows(text, into, tracker)
    if not into.problems and not into.events:
        into.problems.append(Problem(str(file), None, "holds no events (rows with a Year)"))
    if into.problems:
        return None, into.problems
    source = r.Source(
        FILE_SOURCE_ID,
        title=f"TimelineJS spreadsheet {file.name}",
        publisher="imported file",
        url=file.resolve().as_uri(),
        note="Every record of this dataset was read from this file.",
    )
    dataset = r.Dataset(
        info=r.DatasetInfo(into.name, "unversioned", into.description),
        sources={source.id: source},
        places={},
        scopes={},
        categories=into.categories,
        series={},
        eras=tuple(sorted(into.eras, key=lambda e: e.date.sort_key())),
        events=tuple(sorted(into.events, key=lambda e: e.date.sort_key())),
        casualties=(),
        clearance=(),
        conflicts=(),
    )
    return dataset, []


def _read_rows(text: str, into: _Imported, tracker: ProgressTracker | None) -> None:
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader, None)
    except csv.Error as error:
        into.problems.append(Problem(into.path, 1, f"is not a CSV file: {error}"))
        return
    if header is None:
        into.problems.append(Problem(into.path, None, "is empty"))
        return
    columns: dict[str, int] = {}
    for index, name in enumerate(header):
        key = name.strip().casefold()
        if key and key in columns:
            message = (
                f"the column '{_cut(name.strip())}' appears twice (columns {columns[key] + 1} "
                f"and {index + 1}): keep one, so no cell is left out silently"
            )
            into.problems.append(Problem(into.path, 1, message))
            return
        columns[key] = index
    missing = [name for name in REQUIRED_COLUMNS if name.casefold() not in columns]
    if missing:
        into.problems.append(
            Problem(
                into.path,
                1,
                f"is not a TimelineJS spreadsheet: no column {', '.join(missing)} "
                "(expected the template's columns Year, Month, Day, …, Headline, Text, …)",
            )
        )
        return
    line = reader.line_num + 1
    rows = max(text.count("\n"), 1)  # about the number of rows, for the progress bar
    read = 0
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            into.problems.append(Problem(into.path, line, f"cannot be read as CSV: {error}"))
            return
        row = {name: cells[i].strip() for name, i in columns.items() if i < len(cells)}
        if any(row.values()):
            _read_row(row, line, into)
        read += 1
        if tracker is not None and read % RECORDS_BETWEEN_CALLS == 0:
            tracker.records_read(min(read, rows), rows)
        line = reader.line_num + 1


def _read_row(row: dict[str, str], line: int, into: _Imported) -> None:
    def cell(name: str) -> str:
        return row.get(name.casefold(), "")

    kind = cell("Type").casefold()
    headline, text = plain_text(cell("Headline")), plain_text(cell("Text"))
    if kind == "title":
        if into.title_line is not None:
            message = (
                f"a second title row (the first is on line {into.title_line}): "
                "a spreadsheet has one title; make this row an era or an event"
            )
            into.problems.append(Problem(into.path, line, message))
            return
        into.title_line = line
        into.name = headline or into.name
        into.description = text
        return
    if kind not in ("", "era"):
        message = f"unknown Type '{_cut(cell('Type'))}': use title, era or nothing"
        into.problems.append(Problem(into.path, line, message))
        return
    period = _period(cell, line, into)
    if not headline:
        into.problems.append(Problem(into.path, line, "the Headline is empty"))
        return
    if period is None:
        return
    ident = _unique_id(headline, period, into)
    if kind == "era":
        into.eras.append(r.Era(ident, headline, period, text, (FILE_SOURCE_ID,)))
        return
    category = _category(plain_text(cell("Group")), into)
    origin = r.Origin(into.path, line)
    into.events.append(
        r.Event(ident, period, category, headline, text, (FILE_SOURCE_ID,), origin=origin)
    )


def _period(cell: Callable[[str], str], line: int, into: _Imported) -> Period | None:
    start = _partial_date(cell("Year"), cell("Month"), cell("Day"), "", line, into)
    end_cells = (cell("End Year"), cell("End Month"), cell("End Day"))
    end = _partial_date(*end_cells, "End ", line, into) if any(end_cells) else None
    if start is None:
        return None
    if any(end_cells) and end is None:
        return None
    if end is not None and end.last_day() < start.first_day():
        into.problems.append(
            Problem(into.path, line, f"ends ({end.display()}) before it starts ({start.display()})")
        )
        return None
    return Period(start, end or start)


def _partial_date(
    year: str, month: str, day: str, prefix: str, line: int, into: _Imported
) -> PartialDate | None:
    """A date as precise as the filled-in cells: Year; Year and Month; or all three."""
    if not year:
        into.problems.append(
            Problem(into.path, line, f"{prefix}Year is empty: every dated row needs a year")
        )
        return None
    if day and not month:
        into.problems.append(
            Problem(into.path, line, f"{prefix}Day is filled in but {prefix}Month is not")
        )
        return None
    parts = [year, month, day]
    numbers = []
    for name, value in zip(("Year", "Month", "Day"), parts, strict=True):
        if not value:
            break
        if not _DIGITS.fullmatch(value):
            message = f"{prefix}{name} '{_cut(value)}' is not a whole number in digits 0-9"
            into.problems.append(Problem(into.path, line, message))
            return None
        if len(value.lstrip("0")) > _LONGEST[name]:
            message = f"{prefix}{name} '{_cut(value)}' has more than {_LONGEST[name]} digits"
            into.problems.append(Problem(into.path, line, message))
            return None
        numbers.append(int(value))
    text = f"{numbers[0]:04d}" + "".join(f"-{n:02d}" for n in numbers[1:])
    try:
        return PartialDate.parse(text)
    except DateError as error:
        into.problems.append(Problem(into.path, line, str(error)))
        return None


def _category(group: str, into: _Imported) -> str:
    if not group:
        into.categories.setdefault(UNGROUPED.id, UNGROUPED)
        return UNGROUPED.id
    known = into.category_of_group.get(group)
    if known is not None:
        return known
    ident = _slug(group) or "group"
    base, number = ident, 2
    while ident in into.categories:
        ident, number = f"{base}-{number}", number + 1
    into.categories[ident] = r.Category(ident, group, f"The spreadsheet's group '{group}'")
    into.category_of_group[group] = ident
    return ident


def _unique_id(headline: str, period: Period, into: _Imported) -> str:
    year = period.start.year if period.start else 0
    base = f"{year}-{_slug(headline)[:40].strip('-')}".strip("-")
    ident, number = base, into.next_number.get(base, 2)
    if ident in into.used_ids:
        ident = f"{base}-{number}"
        while ident in into.used_ids:
            number += 1
            ident = f"{base}-{number}"
        into.next_number[base] = number + 1
    into.used_ids.add(ident)
    return ident


def _cut(cell: str) -> str:
    """A cell as a message quotes it: a long one cut short."""
    return cell if len(cell) <= _SHOWN else f"{cell[:_SHOWN]}… ({len(cell):,} characters)"


def _slug(text: str) -> str:
    return _NOT_ID.sub("-", text.casefold()).strip("-")
