"""The events that happened when and where a report's figures were counted.

A report's reader asks what else happened then and there: the events whose dates overlap the
report's period and, when the report names places, that share at least one of them.
"""

from __future__ import annotations

import datetime as dt

from karabakh_timeline.model.dates import Period
from karabakh_timeline.model.records import Dataset, Event, Report


def events_beside(dataset: Dataset, report: Report) -> tuple[Event, ...]:
    """Events overlapping ``report``'s period (and its places, if it names any), in time order."""
    first, last = _days(report.date)
    places = set(report.places)
    found = []
    for event in dataset.events:
        start, end = _days(event.date)
        if start > last or end < first:
            continue
        if places and not places.intersection(event.places):
            continue
        found.append(event)
    return tuple(found)


def _days(period: Period) -> tuple[dt.date, dt.date]:
    # An open end reaches as far as dates go: "until 2019" overlaps everything before 2019.
    return period.first_day or dt.date.min, period.last_day or dt.date.max
