"""Who held each place at a given day, from the places' dated control in the data.

A place's control periods run oldest first and may share the day of a handover; on that day the
later period (the new holder) counts. A day no period covers has no holder (unknown, not 'nobody').
Holders are named as the data names them; ``holders`` lists them in a fixed order, so a holder
keeps its colour whatever period is selected.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from karabakh_timeline.model.records import Dataset, Place

Holder = str


@dataclass(frozen=True, slots=True)
class _Span:
    first: dt.date
    last: dt.date
    holder: Holder


def _spans(place: Place) -> tuple[_Span, ...]:
    return tuple(
        _Span(
            period.date.first_day or dt.date.min, period.date.last_day or dt.date.max, period.holder
        )
        for period in place.control
    )


def holder_on(place: Place, day: dt.date) -> Holder | None:
    """Who held ``place`` on ``day``, or ``None`` when the data does not say."""
    return _holder(_spans(place), day)


def _holder(spans: tuple[_Span, ...], day: dt.date) -> Holder | None:
    found = None
    for span in spans:  # oldest first: a later period starting on a handover day wins
        if span.first <= day <= span.last:
            found = span.holder
    return found


class ControlIndex:
    """Every place's control periods, read once per dataset."""

    def __init__(self, dataset: Dataset) -> None:
        self._spans = {pid: s for pid, place in dataset.places.items() if (s := _spans(place))}
        names = {span.holder for spans in self._spans.values() for span in spans}
        self.holders: tuple[Holder, ...] = tuple(sorted(names))

    def holders_on(self, day: dt.date) -> dict[str, Holder]:
        """Place id -> who held it on ``day``, for the places whose holder that day is known."""
        found = {}
        for place_id, spans in self._spans.items():
            holder = _holder(spans, day)
            if holder is not None:
                found[place_id] = holder
        return found
