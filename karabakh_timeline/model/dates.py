"""Dates that keep their precision, periods built from them, and selected date ranges.

A published figure is dated as precisely as its source dates it: a day, a month or a year.
We keep that precision all the way to the screen, so "2004" is never shown as "1 January 2004",
and a report for "June 1993 – May 1999" is never squeezed into one year.
"""

from __future__ import annotations

import calendar
import datetime as dt
import enum
import functools
import re
from dataclasses import dataclass

MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip

MONTH_ABBREVIATIONS = tuple(name[:3] for name in MONTH_NAMES)

# ASCII digits only: \d would also take Arabic-Indic, full-width and other digits.
_DATE_PATTERN = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")


class DateError(ValueError):
    """A date text that is not YYYY, YYYY-MM or YYYY-MM-DD, or names a day that does not exist."""


class Precision(enum.Enum):
    YEAR = "year"
    MONTH = "month"
    DAY = "day"


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A calendar date known to a year, a month or a day.

    Dates order by the span they cover, first day first: 2003-12-31 < 2004 < 2004-06 < 2005.
    (Comparing the fields would put ``None`` against a month and fail.)
    """

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        match = _DATE_PATTERN.fullmatch(text.strip())
        if match is None:
            raise DateError(f"'{text}' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")
        year = int(match.group(1))
        month = int(match.group(2)) if match.group(2) else None
        day = int(match.group(3)) if match.group(3) else None
        if year < 1:
            raise DateError(f"'{text}' has no year 0")
        if month is not None and not 1 <= month <= 12:
            raise DateError(f"'{text}' has no month {month}")
        if month is not None and day is not None:
            last = calendar.monthrange(year, month)[1]
            if not 1 <= day <= last:
                raise DateError(
                    f"'{text}' is not a real day: {MONTH_NAMES[month - 1]} {year} has {last} days"
                )
        return cls(year, month, day)

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return Precision.DAY
        if self.month is not None:
            return Precision.MONTH
        return Precision.YEAR

    def first_day(self) -> dt.date:
        return _days(self.year, self.month, self.day)[0]

    def last_day(self) -> dt.date:
        return _days(self.year, self.month, self.day)[1]

    def _order(self) -> tuple[dt.date, dt.date]:
        return (self.first_day(), self.last_day())

    def __lt__(self, other: PartialDate) -> bool:
        return self._order() < other._order()

    def __le__(self, other: PartialDate) -> bool:
        return self._order() <= other._order()

    def __gt__(self, other: PartialDate) -> bool:
        return self._order() > other._order()

    def __ge__(self, other: PartialDate) -> bool:
        return self._order() >= other._order()

    def iso(self) -> str:
        """The text this date was written as: '2004', '2004-06' or '2004-06-03'."""
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text

    def display(self) -> str:
        """'2004', 'June 2004' or '3 June 2004'."""
        if self.month is None:
            return str(self.year)
        month = MONTH_NAMES[self.month - 1]
        if self.day is None:
            return f"{month} {self.year}"
        return f"{self.day} {month} {self.year}"


def _short(date: PartialDate) -> str:
    """'2004', 'Jun 2004' or '3 Jun 2004'."""
    if date.month is None:
        return str(date.year)
    month = MONTH_ABBREVIATIONS[date.month - 1]
    return f"{month} {date.year}" if date.day is None else f"{date.day} {month} {date.year}"


@functools.lru_cache(maxsize=1 << 16)
def _days(year: int, month: int | None, day: int | None) -> tuple[dt.date, dt.date]:
    """The first and last day a partial date covers.

    Sorting, period queries and every table ask for these again and again, for the same few
    thousand dates of a dataset; working each out once makes a large dataset's panels quicker.
    """
    first = dt.date(year, month or 1, day or 1)
    if day is not None and month is not None:
        return first, first
    last_month = month or 12
    return first, dt.date(year, last_month, calendar.monthrange(year, last_month)[1])


@dataclass(frozen=True, slots=True)
class Period:
    """When a record happened: a single partial date, or a span whose ends have their own precision.

    ``start`` or ``end`` is ``None`` for an open end: a count "as of 2019" has no known start,
    a situation "since November 2020" no known end.
    """

    start: PartialDate | None
    end: PartialDate | None

    @classmethod
    def point(cls, date: PartialDate) -> Period:
        return cls(date, date)

    @classmethod
    def parse(cls, start: str | None, end: str | None = None) -> Period:
        """Parse one date (a point) or two (a span); a missing end of a span stays open."""
        first = PartialDate.parse(start) if start is not None else None
        last = PartialDate.parse(end) if end is not None else None
        return cls(first, last)

    @property
    def is_point(self) -> bool:
        return self.start is not None and self.start == self.end

    @property
    def first_day(self) -> dt.date | None:
        return self.start.first_day() if self.start is not None else None

    @property
    def last_day(self) -> dt.date | None:
        return self.end.last_day() if self.end is not None else None

    def display(self) -> str:
        """'2004', 'June 1993 – May 1999', 'until 2019', 'since November 2020'."""
        if self.start is not None and self.end is not None:
            if self.start == self.end:
                return self.start.display()
            start, end = self.start, self.end
            same_month = (start.year, start.month) == (end.year, end.month)
            if same_month and start.day is not None and end.day is not None:
                return f"{start.day}–{end.display()}"  # '19–20 September 2023', not twice over
            return f"{start.display()} – {end.display()}"
        if self.end is not None:
            return f"until {self.end.display()}"
        if self.start is not None:
            return f"since {self.start.display()}"
        return "undated"

    def compact(self) -> str:
        """``display()`` for a narrow column: 'Jan – Jun 2004', '1995 – Dec 2008', '2004'."""
        start, end = self.start, self.end
        if start is not None and end is not None:
            if start == end:
                return _short(start)
            if start.year == end.year and start.month is not None and end.month is not None:
                if start.month == end.month and start.day is not None and end.day is not None:
                    return f"{start.day}–{_short(end)}"
                head = _short(start)[: -len(str(start.year)) - 1]  # the year is said once
                return f"{head} – {_short(end)}"
            return f"{_short(start)} – {_short(end)}"
        if end is not None:
            return f"until {_short(end)}"
        if start is not None:
            return f"since {_short(start)}"
        return "undated"

    def to_json(self) -> dict[str, str | None]:
        return {
            "start": self.start.iso() if self.start else None,
            "end": self.end.iso() if self.end else None,
            "display": self.display(),
        }

    def sort_key(self) -> tuple[dt.date, dt.date]:
        return (self.first_day or dt.date.min, self.last_day or dt.date.max)


class Overlap(enum.Enum):
    """How a record's period relates to a selected date range."""

    WITHIN = "within"
    PARTIAL = "partial"
    OUTSIDE = "outside"


@dataclass(frozen=True, slots=True)
class DateRange:
    """A selected span of whole days, both ends included."""

    first: dt.date
    last: dt.date

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise DateError(f"the range ends ({self.last}) before it starts ({self.first})")

    @classmethod
    def from_texts(cls, start: str | None, end: str | None, default: DateRange) -> DateRange:
        """The range a user means by ``--from 2004 --to 2004``: all of 2004."""
        first = PartialDate.parse(start).first_day() if start else default.first
        last = PartialDate.parse(end).last_day() if end else default.last
        return cls(first, last)

    def classify(self, period: Period) -> Overlap:
        first = period.first_day or dt.date.min
        last = period.last_day or dt.date.max
        if last < self.first or first > self.last:
            return Overlap.OUTSIDE
        closed = period.start is not None and period.end is not None
        if closed and first >= self.first and last <= self.last:
            return Overlap.WITHIN
        return Overlap.PARTIAL

    def contains(self, period: Period) -> bool:
        """Whether ``period`` takes in the whole range; an open start counts from the beginning,
        while an open end does not reach anywhere known."""
        first, last = period.first_day, period.last_day
        return (first is None or first <= self.first) and last is not None and last >= self.last

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    def display(self) -> str:
        """In the coarsest precision that states it exactly: '2004', 'June 1993 – May 1999'."""
        first, last = self.first, self.last
        if (first.month, first.day, last.month, last.day) == (1, 1, 12, 31):
            start, end = str(first.year), str(last.year)
        elif first.day == 1 and last.day == calendar.monthrange(last.year, last.month)[1]:
            start = PartialDate(first.year, first.month).display()
            end = PartialDate(last.year, last.month).display()
        else:
            start, end = format_day(first), format_day(last)
        return start if start == end else f"{start} – {end}"

    def to_json(self) -> dict[str, str]:
        return {"from": self.first.isoformat(), "to": self.last.isoformat()}


def format_day(day: dt.date) -> str:
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


FULL_RANGE = DateRange(dt.date(1991, 1, 1), dt.date(2023, 12, 31))
"""The span the app is about: the first war to the end of 2023."""
