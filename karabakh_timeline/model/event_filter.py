"""Which events the filters leave: the one rule the timeline, the events list, the command line
and the exports all apply.

An event passes an ``EventFilter`` when

- its category is not hidden;
- every word of the search appears in its title, description, note or any name of one of its
  places (``event_search_texts``), ignoring case and accents (``text_search.fold``);
- with places chosen, it is placed at one of them (``query.at_places``);
- with a period given, it is not wholly outside it (``DateRange.classify``): an open end
  reaches as far as dates go.

``EventIndex`` answers a filter for every event of a dataset at once, as a boolean array, so
the window filters 100,000 events with a few vectorised operations; ``filter_events`` is the
same answer as a list, for the command line and the exports.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, replace
from operator import attrgetter

import numpy as np
import numpy.typing as npt

from karabakh_timeline.model.dates import DateRange, Period
from karabakh_timeline.model.event_search import SearchIndex
from karabakh_timeline.model.records import Dataset, Event
from karabakh_timeline.model.text_search import search_words

BoolArray = npt.NDArray[np.bool_]
IntArray = npt.NDArray[np.int64]

_CATEGORY, _DATE = attrgetter("category"), attrgetter("date")
_EARLIEST, _LATEST = dt.date.min.toordinal(), dt.date.max.toordinal()


@dataclass(frozen=True, slots=True)
class EventFilter:
    """The filters on events: hidden categories, a search text, places and a period.

    The empty filter keeps every event.
    """

    hidden_categories: frozenset[str] = frozenset()
    search: str = ""
    places: frozenset[str] = frozenset()  # place ids; empty: every place
    period: DateRange | None = None  # None: all time

    @classmethod
    def showing(
        cls,
        dataset: Dataset,
        categories: Iterable[str] | None = None,
        search: str = "",
        places: Iterable[str] = (),
        period: DateRange | None = None,
    ) -> EventFilter:
        """A filter named by the categories to keep (None keeps all), as the command line and
        the data export take them."""
        hidden: frozenset[str] = frozenset()
        if categories is not None:
            hidden = frozenset(dataset.categories) - frozenset(categories)
        return cls(hidden, search, frozenset(places), period)

    def shown_categories(self, dataset: Dataset) -> list[str]:
        """The dataset's categories this filter keeps, in the dataset's order."""
        return [c for c in dataset.categories if c not in self.hidden_categories]

    def places_text(self, dataset: Dataset) -> str:
        """The places filtered to, by name in the dataset's order: 'Aghdam, Kalbajar'."""
        named = [place.name for ident, place in dataset.places.items() if ident in self.places]
        unknown = sorted(self.places - set(dataset.places))
        return ", ".join([*named, *unknown])

    def within(self, period: DateRange | None) -> EventFilter:
        """The same filter over another period (None: all time)."""
        return replace(self, period=period)


class EventIndex:
    """A dataset's events made ready for filtering: each event's category, first and last day,
    places and searchable text (folded on first use, or a little at a time: ``search``)."""

    def __init__(self, dataset: Dataset) -> None:
        self.events = dataset.events
        self.categories = tuple(dataset.categories)
        count = len(self.events)
        number_of = {category: number for number, category in enumerate(self.categories)}
        # C-level map over the events: a Python loop per event takes seconds for a million.
        codes = map(lambda c: number_of.get(c, -1), map(_CATEGORY, self.events))
        self._category = np.fromiter(codes, np.int64, count)
        # Events of one date share one period object: each distinct period is read once.
        periods = list(map(_DATE, self.events))
        ids = np.fromiter(map(id, periods), np.int64, count)
        _, first_of, which = np.unique(ids, return_index=True, return_inverse=True)
        days = [_days(periods[number]) for number in first_of.tolist()]
        table = np.array(days, dtype=np.int64).reshape(len(days), 2)[which.reshape(-1)]
        self._first, self._last = table[:, 0].copy(), table[:, 1].copy()
        self._at_place: dict[str, IntArray] | None = None
        self.search = SearchIndex(dataset, self.events)
        self._last_mask: dict[EventFilter, BoolArray] = {}

    def __len__(self) -> int:
        return len(self.events)

    def mask(self, event_filter: EventFilter) -> BoolArray:
        """Per event, in the dataset's order, whether it passes the filter.

        The timeline, the list and the status bar all ask after one change of the filters;
        the last answer is kept, so the search runs once. Callers get their own copy.
        """
        if event_filter not in self._last_mask:
            self._last_mask.clear()
            self._last_mask[event_filter] = self._compute(event_filter)
        return self._last_mask[event_filter].copy()

    def events_passing(self, event_filter: EventFilter) -> list[Event]:
        """The events that pass, in the dataset's (time) order."""
        return [self.events[number] for number in np.flatnonzero(self.mask(event_filter))]

    def _compute(self, event_filter: EventFilter) -> BoolArray:
        hidden = [n for n, c in enumerate(self.categories) if c in event_filter.hidden_categories]
        mask: BoolArray = ~np.isin(self._category, hidden)
        if event_filter.period is not None:
            period = event_filter.period
            mask &= self._last >= period.first.toordinal()
            mask &= self._first <= period.last.toordinal()
        if event_filter.places:
            mask &= self._at_places(event_filter.places)
        words = search_words(event_filter.search)
        if words and mask.any():
            mask &= self.search.matching(words)
        return mask

    def _at_places(self, places: frozenset[str]) -> BoolArray:
        if self._at_place is None:
            found: dict[str, list[int]] = {}
            for number, event in enumerate(self.events):
                for place in event.places:
                    found.setdefault(place, []).append(number)
            self._at_place = {place: np.array(rows, np.int64) for place, rows in found.items()}
        mask = np.zeros(len(self.events), dtype=np.bool_)
        for place in places:
            rows = self._at_place.get(place)
            if rows is not None:
                mask[rows] = True
        return mask


def filter_events(dataset: Dataset, event_filter: EventFilter) -> list[Event]:
    """The dataset's events that pass the filter, in time order."""
    return EventIndex(dataset).events_passing(event_filter)


def _days(period: Period) -> tuple[int, int]:
    first, last = period.first_day, period.last_day
    return (
        first.toordinal() if first is not None else _EARLIEST,
        last.toordinal() if last is not None else _LATEST,
    )
