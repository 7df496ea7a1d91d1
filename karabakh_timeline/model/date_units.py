"""Whole calendar units (years, months, days): what a selection snaps to and moves by.

A period drawn on the timeline snaps to the unit its axis shows, so a drag across 2000–2004 is
1 January 2000 – 31 December 2004 and the reports of both end years count; the keyboard moves a
period by its own length in the coarsest unit that states it exactly.
"""

from __future__ import annotations

import calendar
import datetime as dt

from karabakh_timeline.model.dates import DateRange, Precision

_NOUNS = {Precision.YEAR: "year", Precision.MONTH: "month", Precision.DAY: "day"}


def unit_start(day: dt.date, unit: Precision) -> dt.date:
    """The first day of the unit that holds ``day``: 2004-06-15 -> 2004-01-01 for a year."""
    if unit is Precision.YEAR:
        return dt.date(day.year, 1, 1)
    if unit is Precision.MONTH:
        return dt.date(day.year, day.month, 1)
    return day


def add_units(day: dt.date, unit: Precision, count: int) -> dt.date:
    """``day`` moved by whole units; the day of the month is kept where it exists (31 -> 30)."""
    if unit is Precision.DAY:
        return day + dt.timedelta(days=count)
    months = count * (12 if unit is Precision.YEAR else 1)
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def unit_range(day: dt.date, unit: Precision) -> DateRange:
    """The whole unit that holds ``day``: the year 2004, June 2004, or the day itself."""
    first = unit_start(day, unit)
    return DateRange(first, add_units(first, unit, 1) - dt.timedelta(days=1))


def span_units(first: dt.date, last: dt.date, unit: Precision) -> DateRange:
    """The whole units from the one holding ``first`` to the one holding ``last``."""
    low, high = min(first, last), max(first, last)
    return DateRange(unit_start(low, unit), unit_range(high, unit).last)


def exact_unit(selected: DateRange) -> tuple[Precision, int]:
    """The coarsest unit the range is made of whole, and how many: 2000–2004 is 5 years."""
    first, after = selected.first, selected.last + dt.timedelta(days=1)
    if first.day == 1 and after.day == 1:
        months = (after.year - first.year) * 12 + after.month - first.month
        if first.month == 1 and after.month == 1:
            return Precision.YEAR, months // 12
        return Precision.MONTH, months
    return Precision.DAY, (after - first).days


def length_text(selected: DateRange) -> str:
    """'5 years', '1 month', '12 days'."""
    unit, count = exact_unit(selected)
    noun = _NOUNS[unit]
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


def readout(selected: DateRange) -> str:
    """What a period being drawn reads: '2000 – 2004 (5 years)'."""
    return f"{selected.display()} ({length_text(selected)})"


def shift(selected: DateRange, forward: bool) -> DateRange:
    """The period moved by its own length: 2000–2004 -> 2005–2009, March 2004 -> April 2004."""
    unit, count = exact_unit(selected)
    step = count if forward else -count
    first = add_units(selected.first, unit, step)
    after = add_units(selected.last + dt.timedelta(days=1), unit, step)
    return DateRange(first, after - dt.timedelta(days=1))


def resize(selected: DateRange, unit: Precision, edge_end: bool, grow: bool) -> DateRange | None:
    """One edge moved by one unit (outwards when ``grow``); None when it would leave nothing."""
    if edge_end:
        after = unit_start(selected.last + dt.timedelta(days=1), unit)
        if after <= selected.last:  # the end was inside a unit: grow to its end first
            after = add_units(after, unit, 1) if grow else after
        else:
            after = add_units(after, unit, 1 if grow else -1)
        last = after - dt.timedelta(days=1)
        return DateRange(selected.first, last) if last >= selected.first else None
    start = unit_start(selected.first, unit)
    if start == selected.first or not grow:
        start = add_units(start, unit, -1 if grow else 1)
    return DateRange(start, selected.last) if start <= selected.last else None


def clamp(selected: DateRange, bounds: DateRange) -> DateRange | None:
    """The part of ``selected`` inside ``bounds``; None when they do not meet."""
    first, last = max(selected.first, bounds.first), min(selected.last, bounds.last)
    return DateRange(first, last) if first <= last else None
