"""The window's timeline, built offscreen for an exported picture and never shown on screen.

This is the ``MakeTimeline`` the image exporter is handed (``export.image.drawn_timeline``):
the picture is the app's own view, with the export's filters, so equal settings draw the same.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from karabakh_timeline.model.event_filter import EventFilter
from karabakh_timeline.model.records import Dataset
from karabakh_timeline.ui.selection import Selection
from karabakh_timeline.ui.timeline.view import TimelineView


@contextmanager
def offscreen_timeline(dataset: Dataset, event_filter: EventFilter) -> Iterator[TimelineView]:
    selection = Selection()
    for category in event_filter.hidden_categories:
        selection.set_category_visible(category, False)
    selection.set_search(event_filter.search)
    selection.set_places(event_filter.places)
    view = TimelineView(dataset, selection)
    try:
        yield view
    finally:
        view.close()
        view.deleteLater()
        selection.deleteLater()
