"""The one selection object every view listens to: the selected period, event and filters.

Views never talk to each other; they set and observe this object, so a change made anywhere
(the timeline's region, the From/To fields, the events list, the command line) reaches every
panel exactly once.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from karabakh_timeline.model.dates import FULL_RANGE, DateRange
from karabakh_timeline.model.event_filter import EventFilter
from karabakh_timeline.model.place_names import Naming


class Selection(QObject):
    period_changed = Signal(object)
    """The selected period changed; carries the new ``DateRange``."""

    event_changed = Signal(object)
    """The selected event changed; carries its id, or ``None`` when nothing is selected."""

    report_changed = Signal(object)
    """The report shown in the details changed; carries its id, or ``None``.

    An event and a report are never chosen at once: choosing one lets go of the other, so the
    details panel shows the one chosen last."""

    filters_changed = Signal()
    """The visible categories, the search text or the places filter changed; read them from the
    properties."""

    places_changed = Signal(object)
    """The places filter changed; carries the new ``frozenset`` of place ids (empty: every place).
    ``filters_changed`` follows it, so views that only filter events need not listen to both."""

    naming_changed = Signal(object)
    """The names places are shown by changed; carries the new ``Naming``."""

    def __init__(self, full_range: DateRange = FULL_RANGE, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._full_range = full_range
        self._period = full_range
        self._event_id: str | None = None
        self._report_id: str | None = None
        self._hidden_categories: frozenset[str] = frozenset()
        self._search = ""
        self._places: frozenset[str] = frozenset()
        self._naming = Naming.ENGLISH

    @property
    def full_range(self) -> DateRange:
        return self._full_range

    def set_full_range(self, full_range: DateRange) -> None:
        """Another dataset spans other years: "everything" is now ``full_range``.

        With everything selected, everything stays selected; views made afterwards use the new
        range (the window makes its timeline anew for another dataset).
        """
        if full_range == self._full_range:
            return
        everything = self.is_everything
        self._full_range = full_range
        if everything:
            self.set_period(full_range)

    @property
    def period(self) -> DateRange:
        return self._period

    @property
    def is_everything(self) -> bool:
        return self._period == self._full_range

    def set_period(self, period: DateRange) -> None:
        if period != self._period:
            self._period = period
            self.period_changed.emit(period)

    def clear_period(self) -> None:
        """'Clear selection' selects everything."""
        self.set_period(self._full_range)

    @property
    def event_id(self) -> str | None:
        return self._event_id

    def set_event(self, event_id: str | None) -> None:
        if event_id is not None:
            self._let_go_of_report()
        if event_id != self._event_id:
            self._event_id = event_id
            self.event_changed.emit(event_id)

    @property
    def report_id(self) -> str | None:
        return self._report_id

    def set_report(self, report_id: str | None) -> None:
        if report_id is not None and self._event_id is not None:
            self._event_id = None
            self.event_changed.emit(None)
        if report_id != self._report_id:
            self._report_id = report_id
            self.report_changed.emit(report_id)

    def _let_go_of_report(self) -> None:
        if self._report_id is not None:
            self._report_id = None
            self.report_changed.emit(None)

    @property
    def hidden_categories(self) -> frozenset[str]:
        return self._hidden_categories

    def set_category_visible(self, category: str, visible: bool) -> None:
        hidden = (
            self._hidden_categories - {category}
            if visible
            else self._hidden_categories | {category}
        )
        if hidden != self._hidden_categories:
            self._hidden_categories = hidden
            self.filters_changed.emit()

    @property
    def search(self) -> str:
        return self._search

    def set_search(self, text: str) -> None:
        if text != self._search:
            self._search = text
            self.filters_changed.emit()

    @property
    def places(self) -> frozenset[str]:
        """The places the events and reports shown are filtered to; empty means every place."""
        return self._places

    @property
    def event_filter(self) -> EventFilter:
        """The filters on events as the model's one filter: hidden categories, search and
        places, over all time (the events list narrows it to the period)."""
        return EventFilter(self._hidden_categories, self._search, self._places)

    def set_places(self, place_ids: frozenset[str] | set[str] | tuple[str, ...]) -> None:
        places = frozenset(place_ids)
        if places != self._places:
            self._places = places
            self.places_changed.emit(places)
            self.filters_changed.emit()

    def clear_places(self) -> None:
        self.set_places(frozenset())

    @property
    def naming(self) -> Naming:
        return self._naming

    def set_naming(self, naming: Naming) -> None:
        if naming is not self._naming:
            self._naming = naming
            self.naming_changed.emit(naming)
