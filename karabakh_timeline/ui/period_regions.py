"""The selected period drawn as a shaded region on every plot of the timeline, kept in sync.

The regions show ``Selection.period`` and set it when a user finishes moving or resizing one
(``sigRegionChangeFinished``), snapped to whole days. On the lanes only the edges move, so a drag
inside a selected era still pans; on the count track the whole region can be dragged too.
When the selection is everything, the regions are hidden.
"""

from __future__ import annotations

from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QObject

from karabakh_timeline.ui import palette
from karabakh_timeline.ui.selection import Selection
from karabakh_timeline.ui.time_axis import range_to_x, x_to_range

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
    def __init__(self, selection: Selection, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._selection = selection
        self._regions: list[pg.LinearRegionItem] = []
        self._syncing = False
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

    def preview(self, x0: float, x1: float) -> None:
        """Show a period being drawn (Shift+drag on the lanes, drag on the count track)."""
        self._set_all(min(x0, x1), max(x0, x1), visible=True)

    def commit(self, x0: float, x1: float) -> None:
        """Select the drawn period; a drag shorter than a day leaves the selection as it was."""
        chosen = x_to_range(min(x0, x1), max(x0, x1), self._selection.full_range)
        if chosen is None:
            self._show_period()
        else:
            self._selection.set_period(chosen)
            self._show_period()

    def _mirror(self, source: pg.LinearRegionItem) -> None:
        if self._syncing:
            return
        x0, x1 = source.getRegion()
        self._set_all(x0, x1, visible=True)

    def _finished(self, source: pg.LinearRegionItem) -> None:
        if self._syncing:
            return
        self.commit(*source.getRegion())

    def _show_period(self, *_: object) -> None:
        x0, x1 = range_to_x(self._selection.period)
        self._set_all(x0, x1, visible=not self._selection.is_everything)

    def _set_all(self, x0: float, x1: float, visible: bool) -> None:
        self._syncing = True
        try:
            for region in self._regions:
                if tuple(region.getRegion()) != (x0, x1):
                    region.setRegion((x0, x1))
                region.setVisible(visible)
        finally:
            self._syncing = False
