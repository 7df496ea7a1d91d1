"""Where the timeline looks: the span of time in view, zooming and panning to what matters.

Every plot of the timeline shares the lanes' x range (``setXLink``), so moving the lanes' view
box moves them all. Times are the x of ``time_axis`` (seconds since 1970, UTC); the methods
here take dates or those x values and never change the y range.
"""

from __future__ import annotations

import datetime as dt

import pyqtgraph as pg

from karabakh_timeline.model.dates import DateRange
from karabakh_timeline.ui.timeline.event_geometry import EventGeometry
from karabakh_timeline.ui.timeline.time_axis import DAY, date_to_x, range_to_x, x_to_date

ZOOM_STEP = 2.0
FIT_PAD = 0.01  # of the span, either side of everything at Fit all
EVENT_PAD_DAYS = 45  # at least this much time either side of an event zoomed to
VISIBLE_MARGIN = 0.08  # of the width: an event nearer the edge than this is panned into view


class TimeNavigation:
    def __init__(self, vb: pg.ViewBox, bounds: DateRange, geometry: EventGeometry) -> None:
        self._vb = vb
        self._bounds = bounds
        self._geometry = geometry

    def set_x_range(self, first: dt.date, last: dt.date) -> None:
        """Show the days from first to last, both included."""
        self._vb.setXRange(date_to_x(first), date_to_x(last) + DAY, padding=0)

    def x_range(self) -> tuple[dt.date, dt.date]:
        """The first and last day in view (the days more than half shown)."""
        (x0, x1), _ = self._vb.viewRange()
        return x_to_date(x0 + DAY / 2), x_to_date(x1 - DAY / 2)

    def fit_all(self) -> None:
        x0, x1 = range_to_x(self._bounds)
        self.show_x(x0, x1, FIT_PAD)

    def zoom(self, factor: float, centre_x: float | None = None) -> None:
        """Zoom in (factor > 1) or out around centre_x (default: the middle of the view)."""
        (x0, x1), _ = self._vb.viewRange()
        centre = (x0 + x1) / 2 if centre_x is None else centre_x
        left, right = centre - (centre - x0) / factor, centre + (x1 - centre) / factor
        self._vb.setXRange(left, right, padding=0)

    def show_x(self, x0: float, x1: float, pad: float, least_pad: float = 0.0) -> None:
        """Show x0..x1 with ``pad`` of their span (at least ``least_pad``) either side."""
        room = max((x1 - x0) * pad, least_pad)
        self._vb.setXRange(x0 - room, x1 + room, padding=0)

    def show_event(self, index: int) -> None:
        """Zoom to an event with some time around it."""
        g = self._geometry
        self.show_x(g.x0[index], g.x1[index], 0.5, EVENT_PAD_DAYS * DAY)

    def show_period(self, period: DateRange) -> None:
        self.show_x(*range_to_x(period), 0.05)

    def ensure_visible(self, index: int) -> None:
        """Pan (keeping the zoom) so the event is in view, if it is not already."""
        g = self._geometry
        (x0, x1), _ = self._vb.viewRange()
        width = x1 - x0
        margin = width * VISIBLE_MARGIN
        start, end = g.x0[index], g.x1[index]
        anchor = g.xc[index] if g.is_point[index] else start
        if x0 + margin <= anchor <= x1 - margin:
            return
        # A bar shorter than the view is shown whole; else its start (or the point) is centred.
        whole = not g.is_point[index] and end - start < width
        centre = (start + end) / 2 if whole else anchor
        self._vb.setXRange(centre - width / 2, centre + width / 2, padding=0)
