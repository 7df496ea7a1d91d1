"""The selected period drawn as a shaded region on every plot of the timeline, kept in sync.

The regions show ``Selection.period`` and set it when a user finishes moving or resizing one
(``sigRegionChangeFinished``). Every edge snaps, while it moves, to the unit the axis shows
(whole years, months or days), and so does a period being drawn: what is shown while dragging
is what will be selected, and ``previewed`` says it in words. On the lanes only the edges move,
so a drag inside a selected era still pans; on the count track the whole region can be dragged
too. When the selection is everything, the regions are hidden.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QObject, Signal

from karabakh_timeline.model.date_units import add_units
from karabakh_timeline.model.dates import DateRange, Precision
from karabakh_timeline.ui import palette
from karabakh_timeline.ui.selection import Selection
from karabakh_timeline.ui.timeline.time_axis import (
    DAY,
    date_to_x,
    drawn_range,
    range_to_x,
    snap_x,
    x_to_date,
)

REGION_Z = -10


class _EdgesOnlyRegion(pg.LinearRegionItem):
    """A region whose body lets drags and clicks through to the view below; its edges still move."""

    def mouseDragEvent(self, ev: Any) -> None:
        ev.ignore()

    def mouseClickEvent(self, ev: Any) -> None:
        ev.ignore()

    def hoverEvent(self, ev: Any) -> None:
        self.setMouseHover(False)


class PeriodRegions(QObject):
    previewed = Signal(object)
    """A period is being drawn or a region moved: carries the ``DateRange`` it would select
    now, or ``None`` when the drag has ended."""

    def __init__(
        self,
        selection: Selection,
        unit: Callable[[], Precision] = lambda: Precision.DAY,
        slack: Callable[[], float] = lambda: 0.0,
        parent: QObject | None = None,
    ) -> None:
        """``unit`` names what edges snap to now; ``slack`` is how far (in x) a drawn period's
        end may reach past a unit's edge without taking in the next unit."""
        super().__init__(parent)
        self._selection = selection
        self._unit = unit
        self._slack = slack
        self._regions: list[pg.LinearRegionItem] = []
        self._syncing = False
        self._shown: tuple[float, float] | None = None
        self._bounds = range_to_x(selection.full_range)
        selection.period_changed.connect(self._show_period)

    @property
    def regions(self) -> list[pg.LinearRegionItem]:
        return self._regions

    def attach(self, plot: pg.PlotItem, body_movable: bool) -> pg.LinearRegionItem:
        kind = pg.LinearRegionItem if body_movable else _EdgesOnlyRegion
        region = kind(
            values=self._bounds,
            orientation="vertical",
            brush=pg.mkBrush(palette.SELECTION_FILL),
            hoverBrush=pg.mkBrush(palette.SELECTION_HOVER),
            pen=pg.mkPen(palette.SELECTION_EDGE, width=2),
            hoverPen=pg.mkPen(palette.SELECTION_EDGE, width=4),
            bounds=self._bounds,
        )
        if body_movable:
            for line in region.lines:
                line.addMarker("<|>", position=0.5, size=10)
        region.setZValue(REGION_Z)
        plot.addItem(region, ignoreBounds=True)
        region.sigRegionChanged.connect(self._mirror)
        region.sigRegionChangeFinished.connect(self._finished)
        self._regions.append(region)
        self._show_period()
        return region

    def drawn(self, x0: float, x1: float) -> DateRange | None:
        """The period a drag from x0 to x1 selects: the whole units it passes over."""
        return drawn_range(x0, x1, self._unit(), self._slack(), self._selection.full_range)

    def preview(self, x0: float, x1: float) -> None:
        """Show the period being drawn (Shift+drag on the lanes, drag on the count track)."""
        chosen = self.drawn(x0, x1)
        if chosen is not None:
            self._set_all(*range_to_x(chosen), visible=True)
        self.previewed.emit(chosen)

    def commit(self, x0: float, x1: float) -> None:
        """Select the drawn period (outside the app's years, the selection stays as it was)."""
        chosen = self.drawn(x0, x1)
        if chosen is not None:
            self._selection.set_period(chosen)
        self._show_period()
        self.previewed.emit(None)

    def _mirror(self, source: pg.LinearRegionItem) -> None:
        if self._syncing:
            return
        x0, x1 = source.getRegion()
        unit = self._unit()
        before = self._shown
        # Only a moved edge snaps: an edge typed to the day stays put while the other is dragged.
        if before is None or abs(x0 - before[0]) > 1e-6:
            x0 = snap_x(x0, unit)
        if before is None or abs(x1 - before[1]) > 1e-6:
            x1 = snap_x(x1, unit)
        low, high = self._bounds
        x0, x1 = max(min(x0, x1), low), min(max(x0, x1), high)
        if x1 - x0 < DAY / 2:  # the edges met: keep one unit between them
            x1 = date_to_x(add_units(x_to_date(x0 + DAY / 2), unit, 1))
        self._set_all(x0, x1, visible=True)
        self.previewed.emit(self._range_of(x0, x1))

    def _finished(self, source: pg.LinearRegionItem) -> None:
        if self._syncing:
            return
        chosen = self._range_of(*source.getRegion())
        if chosen is not None:
            self._selection.set_period(chosen)
        self._show_period()
        self.previewed.emit(None)

    def _range_of(self, x0: float, x1: float) -> DateRange | None:
        """The whole days between two region edges, inside the app's years."""
        bounds = self._selection.full_range
        first = max(x_to_date(min(x0, x1) + DAY / 2), bounds.first)
        last = min(x_to_date(max(x0, x1) - DAY / 2), bounds.last)
        return DateRange(first, last) if first <= last else None

    def _show_period(self, *_: object) -> None:
        x0, x1 = range_to_x(self._selection.period)
        self._set_all(x0, x1, visible=not self._selection.is_everything)

    def _set_all(self, x0: float, x1: float, visible: bool) -> None:
        self._syncing = True
        self._shown = (x0, x1)
        try:
            for region in self._regions:
                if tuple(region.getRegion()) != (x0, x1):
                    region.setRegion((x0, x1))
                region.setVisible(visible)
        finally:
            self._syncing = False
