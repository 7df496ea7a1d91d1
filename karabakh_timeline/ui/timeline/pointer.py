"""What the pointer does on the timeline: clicks, drawn periods, double-clicked years, hovering.

A click on an event selects it; a click on empty lane space clears the selected event and leaves
the period alone; a click on the era strip selects the era's period; a drawn period (Shift+drag
on the lanes, drag on the count track) and a double-clicked year (or month, or day) on the axis
select that period. Hovering sets the view's tooltip and the pointing-hand cursor over events.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Protocol

from PySide6.QtCore import QObject, QPointF, Qt, SignalInstance
from PySide6.QtWidgets import QWidget

from karabakh_timeline.model.dates import DateRange
from karabakh_timeline.model.records import Dataset
from karabakh_timeline.ui.selection import Selection
from karabakh_timeline.ui.timeline.count_track import CountTrackRow
from karabakh_timeline.ui.timeline.era_layer import EraLayer
from karabakh_timeline.ui.timeline.event_geometry import EventGeometry
from karabakh_timeline.ui.timeline.hover_text import (
    density_tooltip,
    era_tooltip,
    event_tooltip,
    track_tooltip,
)
from karabakh_timeline.ui.timeline.lane_scroll import NAMES_TIP
from karabakh_timeline.ui.timeline.period_regions import PeriodRegions


class PointedTimeline(Protocol):
    """What the pointer needs of the timeline view: its plots, what they draw, and the view's
    tooltip, cursor and hover signal. The view satisfies it; the pointer never imports it."""

    @property
    def dataset(self) -> Dataset: ...
    @property
    def selection(self) -> Selection: ...
    @property
    def bounds(self) -> DateRange: ...
    @property
    def geometry_(self) -> EventGeometry: ...
    @property
    def eras(self) -> EraLayer: ...
    @property
    def regions(self) -> PeriodRegions: ...
    @property
    def casualties(self) -> CountTrackRow: ...
    @property
    def clearance(self) -> CountTrackRow: ...
    # pyqtgraph's PlotItems, untyped: see the pyqtgraph override in pyproject.toml.
    @property
    def lanes(self) -> Any: ...
    @property
    def strip(self) -> Any: ...
    @property
    def casualties_plot(self) -> Any: ...
    @property
    def clearance_plot(self) -> Any: ...
    @property
    def hovered_event_changed(self) -> SignalInstance: ...
    def event_index_at(self, pos: QPointF) -> int | None: ...
    def density_at(self, pos: QPointF) -> tuple[int, float, dt.date, dt.date] | None: ...
    def lanes_overflow(self) -> bool: ...
    def scene(self) -> Any: ...  # pyqtgraph's GraphicsScene, with its sigMouseMoved
    def viewport(self) -> QWidget: ...
    def toolTip(self) -> str: ...
    def setToolTip(self, text: str) -> None: ...


class TimelinePointer(QObject):
    def __init__(self, parent: QObject, view: PointedTimeline) -> None:
        super().__init__(parent)
        self._view = view
        self._hovered: int | None = None
        view.lanes.vb.clicked.connect(self._lanes_clicked)
        view.strip.vb.clicked.connect(self._strip_clicked)
        for plot in (view.lanes, view.casualties_plot, view.clearance_plot):
            plot.vb.period_drawn.connect(self._period_drawn)
            plot.getAxis("bottom").period_double_clicked.connect(self._period_double_clicked)
        view.scene().sigMouseMoved.connect(self._mouse_moved)

    def _hover(self, scene_pos: QPointF) -> tuple[str, int | None]:
        """The tooltip here (an event, an era, or the count track's reports or its gap), and the
        event under the pointer, if any."""
        view = self._view
        if view.lanes.vb.sceneBoundingRect().contains(scene_pos):
            pos = view.lanes.vb.mapFromScene(scene_pos)
            index = view.event_index_at(pos)
            density = view.density_at(pos)
            selected = view.selection.event_id
            on_selected = index is not None and view.geometry_.events[index].id == selected
            if density is not None and not on_selected:
                lane, count, first, last = density
                label = list(view.dataset.categories.values())[lane].label
                return density_tooltip(label, count, first, last), index
            if index is not None:
                return event_tooltip(view.dataset, view.geometry_.events[index]), index
            return "", None
        if view.strip.vb.sceneBoundingRect().contains(scene_pos):
            era = view.eras.era_at_point(view.strip.vb.mapFromScene(scene_pos))
            return (era_tooltip(view.dataset, era) if era is not None else ""), None
        for track in (view.casualties, view.clearance):
            vb = track.plot.vb
            if vb.sceneBoundingRect().contains(scene_pos):
                return track_tooltip(view.dataset, track, vb.mapSceneToView(scene_pos).x()), None
        names = view.lanes.getAxis("left").sceneBoundingRect()
        if view.lanes_overflow() and names.contains(scene_pos):
            return NAMES_TIP, None  # the wheel scrolls here: say so where it does
        return "", None

    def _lanes_clicked(self, pos: QPointF, double: bool) -> None:
        view = self._view
        index = view.event_index_at(pos)
        view.selection.set_event(None if index is None else view.geometry_.events[index].id)

    def _strip_clicked(self, pos: QPointF, double: bool) -> None:
        era = self._view.eras.era_at_point(pos)  # a name beside its band names its era
        if era is not None:
            self._select(era.date.first_day, era.date.last_day)

    def _select_era_at(self, x: float) -> None:
        era = self._view.eras.era_at(x)
        if era is not None:
            self._select(era.date.first_day, era.date.last_day)

    def _period_double_clicked(self, chosen: DateRange) -> None:
        self._select(chosen.first, chosen.last)

    def _select(self, first: dt.date | None, last: dt.date | None) -> None:
        """Select first..last, kept within the app's years (an open end reaches their edge)."""
        bounds = self._view.bounds
        start = max(first or bounds.first, bounds.first)
        end = min(last or bounds.last, bounds.last)
        if start <= end:
            self._view.selection.set_period(DateRange(start, end))

    def _period_drawn(self, start: float, here: float, finished: bool) -> None:
        if finished:
            self._view.regions.commit(start, here)
        else:
            self._view.regions.preview(start, here)

    def _mouse_moved(self, scene_pos: QPointF) -> None:
        view = self._view
        text, hovered = self._hover(scene_pos)
        if text != view.toolTip():
            view.setToolTip(text)
        if hovered != self._hovered:
            self._hovered = hovered
            pointing = hovered is not None
            shape = Qt.CursorShape.PointingHandCursor if pointing else Qt.CursorShape.ArrowCursor
            view.viewport().setCursor(shape)
            view.hovered_event_changed.emit(
                None if hovered is None else view.geometry_.events[hovered].id
            )
