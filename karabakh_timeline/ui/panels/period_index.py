"""Which of a list of records reach into a selected period, found with numpy.

A panel hands the model's period summary only these: the summary leaves out every record
outside the period anyway, and looking at each of thousands of records in Python on every
change of the period is what made a large dataset's panels slow to follow. No Qt here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Generic, Protocol, TypeVar

import numpy as np

from karabakh_timeline.model.dates import DateRange, Period


class Dated(Protocol):
    @property
    def date(self) -> Period: ...


R = TypeVar("R", bound=Dated)


class PeriodIndex(Generic[R]):
    """The first and last day of each record, as day numbers; an open end reaches as far as
    dates go, as ``DateRange.classify`` has it."""

    def __init__(self, records: Sequence[R]) -> None:
        self.records = records
        earliest, latest = dt.date.min.toordinal(), dt.date.max.toordinal()
        firsts, lasts = [], []
        for record in records:
            first, last = record.date.first_day, record.date.last_day
            firsts.append(first.toordinal() if first is not None else earliest)
            lasts.append(last.toordinal() if last is not None else latest)
        self._first = np.array(firsts, dtype=np.int64)
        self._last = np.array(lasts, dtype=np.int64)

    def overlapping(self, selected: DateRange) -> list[R]:
        """The records not wholly outside ``selected``, in their own order."""
        reach = (self._last >= selected.first.toordinal()) & (
            self._first <= selected.last.toordinal()
        )
        return [self.records[int(number)] for number in np.flatnonzero(reach)]
