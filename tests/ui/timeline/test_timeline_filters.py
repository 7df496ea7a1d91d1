"""Filters, search and stepping from event to event on the timeline."""

from __future__ import annotations

import datetime as dt

from timeline_support import shown_view

MAPS = "ev-2021-maps"


def drawn_points(view, category: str) -> list[float]:  # type: ignore[no-untyped-def]
    lane = list(view.dataset.categories).index(category)
    return list(view.lane_layer.drawn_marker_x(lane))


def test_hiding_a_category_empties_its_lane(qtbot, sample_dataset):
    view, selection = shown_view(qtbot, sample_dataset)
    assert len(drawn_points(view, "politics")) == 3
    selection.set_category_visible("politics", False)
    assert drawn_points(view, "politics") == []
    assert len(drawn_points(view, "incident")) == 2
    assert "ev-2011-ban" not in view.visible_event_ids()
    selection.set_category_visible("politics", True)
    assert len(drawn_points(view, "politics")) == 3


def test_search_matches_place_aliases_ignoring_case_and_accents(qtbot, sample_dataset):
    view, selection = shown_view(qtbot, sample_dataset)
    for text in ("Zangilan", "zangilan", "Zəngilan", "ZENGILAN", "kovsakan", "maps zangilan"):
        selection.set_search(text)
        assert view.visible_event_ids() == [MAPS], text
    selection.set_search("agdam")  # Ağdam, an alias of Aghdam
    assert view.visible_event_ids() == ["ev-2004-aghdam"]
    selection.set_search("no such words")
    assert view.visible_event_ids() == []
    assert all(drawn_points(view, c) == [] for c in sample_dataset.categories)
    selection.set_search("")
    assert len(view.visible_event_ids()) == len(sample_dataset.events)


def test_right_and_left_step_through_events_in_time(qtbot, sample_dataset):
    view, selection = shown_view(qtbot, sample_dataset)
    order = [event.id for event in sample_dataset.events]
    stepped = [view.step_event(forward=True) for _ in order]
    assert stepped == order
    assert view.step_event(forward=True) is None  # the last stays selected
    assert selection.event_id == order[-1]
    back = [view.step_event(forward=False) for _ in order[:-1]]
    assert back == list(reversed(order[:-1]))


def test_stepping_skips_filtered_events(qtbot, sample_dataset):
    view, selection = shown_view(qtbot, sample_dataset)
    selection.set_category_visible("politics", False)
    selection.set_event("ev-2004-aghdam")
    assert view.step_event(forward=True) == "ev-2021-kalbajar"  # not the 2011 ban
    assert view.step_event(forward=True) is None


def test_without_a_selected_event_right_starts_where_the_reader_looks(qtbot, sample_dataset):
    view, selection = shown_view(qtbot, sample_dataset)
    view.set_x_range(dt.date(2010, 1, 1), dt.date(2015, 12, 31))
    assert view.step_event(forward=True) == "ev-2011-ban"
    selection.set_event(None)
    assert view.step_event(forward=False) == "ev-2004-aghdam"


def test_stepping_keeps_the_event_in_view_without_changing_the_zoom(qtbot, sample_dataset):
    view, selection = shown_view(qtbot, sample_dataset)
    view.set_x_range(dt.date(2004, 1, 1), dt.date(2004, 12, 31))
    selection.set_event("ev-2004-aghdam")
    width = (view.x_range()[1] - view.x_range()[0]).days
    view.step_event(forward=True)
    first, last = view.x_range()
    assert first < dt.date(2011, 7, 16) < last
    assert abs((last - first).days - width) <= 1


def test_the_selected_event_is_labelled_in_bold_first(qtbot, sample_dataset):
    view, selection = shown_view(qtbot, sample_dataset)
    view.set_x_range(dt.date(2021, 5, 1), dt.date(2021, 9, 30))
    selection.set_event(MAPS)
    assert MAPS in view.labelled_event_ids()
    slot = next(s for s in view.label_slots() if s.text.startswith("Mine maps"))
    assert slot.event == view.geometry_.index_of[MAPS]
