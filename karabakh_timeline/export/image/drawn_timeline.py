"""What the image exporter needs of a timeline to draw: a small protocol the window's view meets.

The exporter draws the app's own timeline view, but must not import the window's code: the
layers go the other way (``ui`` uses ``export``). So whoever asks for a picture (the window's
Export image… dialog, the ``export`` command) hands in a ``MakeTimeline``, which builds the
view offscreen for a dataset and its filters, and the exporter sees only this protocol.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Protocol

from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QGraphicsScene

from karabakh_timeline.model.event_filter import EventFilter
from karabakh_timeline.model.records import Dataset


class DrawnTimeline(Protocol):
    """A timeline laid out offscreen, whose scene the exporter renders into the picture."""

    @property
    def dataset(self) -> Dataset: ...
    def layout_for_size(self, width: int, height: int) -> None:
        """Lay the scene out for a picture this many pixels wide and high."""

    def set_x_range(self, first: dt.date, last: dt.date) -> None:
        """Show the days from first to last, both included."""

    def least_height(self) -> float:
        """The height under which the lanes would have no row for their labels."""

    def scene(self) -> QGraphicsScene: ...
    def sceneRect(self) -> QRectF: ...


MakeTimeline = Callable[[Dataset, EventFilter], AbstractContextManager[DrawnTimeline]]
"""Build the timeline of a dataset drawing the events this filter leaves (its categories,
search and places; the period is the picture's own), for as long as the context lasts."""
