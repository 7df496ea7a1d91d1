"""The one event filter, on the invented sample dataset (tests/fixtures/sample/sample.yaml).

The examples are worked out by hand from that file; the property at the end checks the
vectorised filter against the rule written out event by event, for generated filters.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from karabakh_timeline.model.dates import DateRange, Overlap
from karabakh_timeline.model.event_filter import EventFilter, EventIndex, filter_events
from karabakh_timeline.model.event_search import event_search_texts
from karabakh_timeline.model.records import Dataset, Event
from karabakh_timeline.model.text_search import matches

D = dt.date


def years(first: int, last: int | None = None) -> DateRange:
    return DateRange(D(first, 1, 1), D(last or first, 12, 31))


def found(
    dataset: Dataset,
    categories: list[str] | None = None,
    search: str = "",
    places: tuple[str, ...] | list[str] = (),
    period: DateRange | None = None,
) -> list[str]:
    rule = EventFilter.showing(dataset, categories, search, places, period)
    return [event.id for event in filter_events(dataset, rule)]


class TestEachFilter:
    def test_no_filter_keeps_every_event_in_time_order(self, sample_dataset: Dataset) -> None:
        assert [e.id for e in filter_events(sample_dataset, EventFilter())] == [
            "ev-1995-programme",
            "ev-2004-aghdam",
            "ev-2011-ban",
            "ev-2021-kalbajar",
            "ev-2021-maps",
            "ev-2021-accuracy",
        ]

    @pytest.mark.parametrize(
        ("selected", "expected"),
        [
            (years(2004), ["ev-2004-aghdam"]),
            (years(1996), ["ev-1995-programme"]),  # the 1995–1996 programme overlaps 1996
            (years(2021), ["ev-2021-kalbajar", "ev-2021-maps", "ev-2021-accuracy"]),
            (DateRange(D(2021, 7, 3), D(2021, 7, 3)), ["ev-2021-maps"]),
            (years(2012, 2020), []),
        ],
    )
    def test_events_overlapping_the_period(
        self, sample_dataset: Dataset, selected: DateRange, expected: list[str]
    ) -> None:
        assert found(sample_dataset, period=selected) == expected

    def test_categories_to_keep(self, sample_dataset: Dataset) -> None:
        assert found(sample_dataset, categories=["politics"]) == [
            "ev-2011-ban",
            "ev-2021-maps",
            "ev-2021-accuracy",
        ]
        assert found(sample_dataset, categories=["incident", "clearance"]) == [
            "ev-1995-programme",
            "ev-2004-aghdam",
            "ev-2021-kalbajar",
        ]
        assert found(sample_dataset, categories=[]) == []

    def test_hidden_categories_are_the_others(self, sample_dataset: Dataset) -> None:
        hidden = EventFilter(hidden_categories=frozenset({"politics"}))
        assert [e.id for e in filter_events(sample_dataset, hidden)] == found(
            sample_dataset, categories=["incident", "clearance"]
        )
        assert hidden.shown_categories(sample_dataset) == [
            c for c in sample_dataset.categories if c != "politics"
        ]

    @pytest.mark.parametrize(
        ("search", "expected"),
        [
            ("agdam", ["ev-2004-aghdam"]),  # alias Agdam / Azerbaijani Ağdam
            ("AĞDAM", ["ev-2004-aghdam"]),
            ("kelbecer", ["ev-2021-kalbajar"]),  # Azerbaijani Kəlbəcər
            ("karvachar", ["ev-2021-kalbajar"]),  # Armenian name
            ("kovsakan", ["ev-2021-maps"]),
            ("tractor", ["ev-2004-aghdam"]),  # title
            ("farmland", ["ev-2004-aghdam"]),  # description
            ("maps quarter", ["ev-2021-accuracy"]),  # every word, anywhere in the event
            ("shusha", []),
        ],
    )
    def test_search_matches_titles_descriptions_and_every_place_name(
        self, sample_dataset: Dataset, search: str, expected: list[str]
    ) -> None:
        assert found(sample_dataset, search=search) == expected

    def test_a_search_of_only_spaces_is_no_search(self, sample_dataset: Dataset) -> None:
        assert found(sample_dataset, search="   ") == found(sample_dataset)

    def test_places_keep_the_events_placed_at_one_of_them(self, sample_dataset: Dataset) -> None:
        assert found(sample_dataset, places=["kalbajar"]) == ["ev-2021-kalbajar"]
        assert found(sample_dataset, places=["kalbajar", "aghdam"]) == [
            "ev-2004-aghdam",
            "ev-2021-kalbajar",
        ]
        assert found(sample_dataset, places=["nowhere"]) == []

    def test_filters_combine(self, sample_dataset: Dataset) -> None:
        assert found(
            sample_dataset, period=years(2021), categories=["politics"], search="zangilan"
        ) == ["ev-2021-maps"]
        assert (
            found(sample_dataset, period=years(2004), categories=["politics"], search="agdam") == []
        )
        assert found(sample_dataset, places=["zangilan"], categories=["incident"]) == []


class TestTheIndex:
    def test_callers_get_their_own_copy_of_the_kept_answer(self, sample_dataset: Dataset) -> None:
        index = EventIndex(sample_dataset)
        first = index.mask(EventFilter(search="agdam"))
        first[:] = True
        assert index.mask(EventFilter(search="agdam")).sum() == 1

    def test_a_new_filter_is_answered_anew(self, sample_dataset: Dataset) -> None:
        index = EventIndex(sample_dataset)
        assert index.mask(EventFilter(search="agdam")).sum() == 1
        assert index.mask(EventFilter(search="kelbecer")).tolist() == [
            event.id == "ev-2021-kalbajar" for event in sample_dataset.events
        ]

    def test_filters_over_another_period(self, sample_dataset: Dataset) -> None:
        everywhere = EventFilter(search="agdam")
        assert everywhere.within(years(2004)) == EventFilter(search="agdam", period=years(2004))
        assert everywhere.within(years(2005)).period == years(2005)


def passes_event_by_event(dataset: Dataset, rule: EventFilter, event: Event) -> bool:
    """The rule as the module's docstring states it, one event at a time."""
    if event.category in rule.hidden_categories:
        return False
    if rule.search and not matches(rule.search, event_search_texts(dataset, event)):
        return False
    if rule.places and rule.places.isdisjoint(event.places):
        return False
    return rule.period is None or rule.period.classify(event.date) is not Overlap.OUTSIDE


WORDS = ["agdam", "AĞDAM", "Kəlbəcər", "karvachar", "maps", "quarter", "tractor", "2021", "", "a"]
PLACES = ["aghdam", "kalbajar", "zangilan", "nowhere"]
CATEGORIES = ["politics", "incident", "clearance"]


@st.composite
def filters(draw: st.DrawFn) -> EventFilter:
    period = None
    if draw(st.booleans()):
        first = draw(st.dates(D(1990, 1, 1), D(2024, 12, 31)))
        period = DateRange(first, first + dt.timedelta(days=draw(st.integers(0, 4000))))
    return EventFilter(
        frozenset(draw(st.lists(st.sampled_from(CATEGORIES), max_size=2))),
        " ".join(draw(st.lists(st.sampled_from(WORDS), max_size=2))),
        frozenset(draw(st.lists(st.sampled_from(PLACES), max_size=2))),
        period,
    )


@settings(
    max_examples=60,
    deadline=2000,  # milliseconds; each example filters six events
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(rule=filters())
def test_the_index_answers_as_the_rule_reads_event_by_event(
    sample_dataset: Dataset, rule: EventFilter
) -> None:
    events = sample_dataset.events
    expected = [e.id for e in events if passes_event_by_event(sample_dataset, rule, e)]
    assert [e.id for e in filter_events(sample_dataset, rule)] == expected
