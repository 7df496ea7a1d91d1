"""The timeline's x coordinate (seconds since 1970 UTC, as pyqtgraph's date axis expects), its axis.

Every view of the timeline converts dates through these functions, so a day drawn in the lanes,
the count track and the selected region is the same stretch of screen.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pyqtgraph as pg
from pyqtgraph.graphicsItems.DateAxisItem import (
    DAY_SPACING,
    MAX_REGULAR_TIMESTAMP,
    MIN_REGULAR_TIMESTAMP,
    MONTH_SPACING,
    YEAR_SPACING,
    TickSpec,
    ZoomLevel,
    makeSStepper,
    makeYStepper,
)
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPicture

from karabakh_timeline.model.date_units import add_units, clamp, span_units, unit_range, unit_start
from karabakh_timeline.model.dates import DateRange, Period, Precision

DAY = 86_400.0
LABEL_GAP = 6.0  # px: the least room between two date labels
_EPOCH = dt.date(1970, 1, 1).toordinal()


def date_to_x(day: dt.date) -> float:
    """The x of the start (midnight UTC) of a day."""
    return (day.toordinal() - _EPOCH) * DAY


def x_to_date(x: float) -> dt.date:
    """The day that contains x."""
    ordinal = _EPOCH + math.floor(x / DAY)
    return dt.date.fromordinal(min(max(ordinal, 1), dt.date.max.toordinal()))


def range_to_x(selected: DateRange) -> tuple[float, float]:
    """From the start of the first day to the end of the last: both days are included."""
    return date_to_x(selected.first), date_to_x(selected.last) + DAY


def x_to_range(x0: float, x1: float, bounds: DateRange) -> DateRange | None:
    """Whole days nearest to a dragged span, kept inside ``bounds``; None if less than a day."""
    first = x_to_date(x0 + DAY / 2)
    last = x_to_date(x1 + DAY / 2) - dt.timedelta(days=1)
    first, last = max(first, bounds.first), min(last, bounds.last)
    if last < first:
        return None
    return DateRange(first, last)


def period_to_x(period: Period, bounds: DateRange) -> tuple[float, float]:
    """A record's extent; an open end reaches the edge of ``bounds`` (``since 2020`` runs on)."""
    first = period.first_day or bounds.first
    last = period.last_day or bounds.last
    return date_to_x(first), date_to_x(last) + DAY


def year_range(year: int) -> DateRange:
    return DateRange(dt.date(year, 1, 1), dt.date(year, 12, 31))


def snap_x(x: float, unit: Precision) -> float:
    """The start of the unit (year, month or day) nearest to x: where a dragged edge settles."""
    start = unit_start(x_to_date(x), unit)
    before, after = date_to_x(start), date_to_x(add_units(start, unit, 1))
    return before if x - before <= after - x else after


def drawn_range(
    x0: float, x1: float, unit: Precision, slack: float, bounds: DateRange
) -> DateRange | None:
    """The whole units a drag from x0 to x1 passes over, kept inside ``bounds``.

    A drag across 2000–2004 is 1 January 2000 – 31 December 2004, wherever in those years it
    starts and ends; an end within ``slack`` past a unit's edge (a pixel or two) does not take
    in the next unit.
    """
    low, high = min(x0, x1), max(x0, x1)
    first = x_to_date(min(low + slack, (low + high) / 2))
    last = x_to_date(max(high - slack, (low + high) / 2))
    return clamp(span_units(first, last, unit), bounds)


_YEAR_LABEL = re.compile(r"[0-9]{4}")
_MONTH_LABEL = re.compile(r"[A-Z][a-z]{2}( [0-9]{4})?")


@dataclass(frozen=True, slots=True)
class AxisLabel:
    """One date label drawn on the axis: where (the axis's own pixels), what, and its unit."""

    rect: QRectF
    text: str
    unit: Precision
    period: DateRange


def _label_unit(text: str) -> Precision:
    if _YEAR_LABEL.fullmatch(text):
        return Precision.YEAR
    if _MONTH_LABEL.fullmatch(text):
        return Precision.MONTH
    return Precision.DAY


def _month_stepper(step: int) -> Callable[[float, int, bool], float]:
    """Month ticks on multiples of ``n * step`` months from January (Jan, Apr, Jul, Oct...).

    pyqtgraph's own stepper counts from the first month in view, so with every third month a
    "Dec" tick can sit a month before the year's tick and their labels collide; aligned ticks
    fall on the year's tick instead, and pyqtgraph drops such duplicates.
    """

    def stepper(val: float, n: int, first: bool) -> float:
        if not MIN_REGULAR_TIMESTAMP <= val <= MAX_REGULAR_TIMESTAMP:
            return math.inf
        day = x_to_date(val)
        months = n * step
        index = day.year * 12 + day.month - 1
        following = (index // months + 1) * months if first else index + months
        return date_to_x(dt.date(following // 12, following % 12 + 1, 1))

    return stepper


def _any_within(values: list[float], low: float, high: float) -> bool:
    return any(low <= value <= high for value in values)


def _apart(texts: list[Any]) -> list[Any]:
    """The text specs (rect, flags, text) without any that would touch one kept before it.

    pyqtgraph spaces a level's ticks by an example text, not by the labels' own widths, and
    never checks a finer level's labels ("05") against a coarser one's ("Oct 2020"), so labels
    can run into each other. Its specs come coarsest first: the coarser label wins.
    """
    kept: list[Any] = []
    taken: list[QRectF] = []
    half = LABEL_GAP / 2
    for spec in texts:
        room = spec[0].adjusted(-half, 0, half, 0)
        if not any(room.intersects(other) for other in taken):
            kept.append(spec)
            taken.append(room)
    return kept


class _UtcZoomLevel(ZoomLevel):
    """A zoom level for an axis in UTC.

    WORKAROUND for pyqtgraph 0.14 ``ZoomLevel.moveTicksToLocalTimeCoords``: with a fixed UTC
    offset it converts every tick through three ``QDateTime`` calls to add an offset of 0,
    several milliseconds a frame for the month ticks of a wide view on each of our axes.
    """

    def moveTicksToLocalTimeCoords(
        self, ticks: np.ndarray, spacing: int, skip_factor: int
    ) -> np.ndarray:
        if self.utcOffset == 0:
            return ticks
        return super().moveTicksToLocalTimeCoords(ticks, spacing, skip_factor)


# Tick formats from coarse to fine. pyqtgraph's defaults go down to milliseconds and name months
# without their year; a timeline of dated records stops at days and always says which year.
_YEARS = _UtcZoomLevel(
    [
        TickSpec(YEAR_SPACING, makeYStepper(1), "%Y", autoSkip=[1, 2, 5, 10]),
        TickSpec(MONTH_SPACING, _month_stepper(1), "%b", autoSkip=[1, 3, 6]),
    ],
    "9999",
)
_MONTHS = _UtcZoomLevel(
    [
        # Every month while "Sep 2020" fits between two ticks; else every 2nd, 3rd or 6th.
        TickSpec(MONTH_SPACING, _month_stepper(1), "%b %Y", autoSkip=[1, 2, 3, 6]),
        TickSpec(DAY_SPACING, makeSStepper(DAY_SPACING), "%d", autoSkip=[1, 2, 5, 10]),
    ],
    "Mmm 9999",
)
_DAYS = _UtcZoomLevel(
    [TickSpec(DAY_SPACING, makeSStepper(DAY_SPACING), "%d %b %Y", autoSkip=[1, 2, 3, 5])],
    "99 Mmm 9999",
)


_TICKS: dict[tuple[float, float, float, int, int, int], Any] = {}
"""The latest axes' ticks by range, width and font: (zoom level, least spacing, ticks)."""


class TimeAxis(pg.DateAxisItem):
    """A date axis in UTC whose labels go from years to months to days as the view zooms in.

    A double click on the axis names the period under the pointer, so a view can select it: the
    year (month, day) whose label is under the pointer, or else the one between whose ticks it
    is. A label is centred on its tick, so half of "2004" lies over the end of 2003; the label
    wins there.
    """

    period_double_clicked = Signal(object)
    """A left double click on the axis; carries the ``DateRange`` under the pointer."""

    # pyqtgraph's AxisItem and DateAxisItem set these; declared so that mypy knows their types.
    zoomLevel: Any  # noqa: N815 (pyqtgraph names them)
    minSpacing: Any  # noqa: N815 (pyqtgraph names them)
    picture: QPicture | None

    def __init__(self, orientation: str = "bottom", **kwargs: object) -> None:
        super().__init__(orientation, utcOffset=0, **kwargs)
        self._specs: Any = None
        # The axes carry no unit label, so there is no SI prefix to work out on every pan.
        self.enableAutoSIPrefix(False)
        # pyqtgraph sets this while painting; set it now so ticks can be asked for before that.
        self.fontMetrics = QFontMetrics(self.font())
        self.zoomLevels = OrderedDict([(math.inf, _YEARS), (40 * DAY, _MONTHS), (2 * DAY, _DAYS)])

    def boundingRect(self) -> QRectF:
        # With a grid, pyqtgraph ignores the overhang set by hideOverlappingLabels and hides a
        # year's label that starts a few pixels left of the axis; honour it here.
        rect = super().boundingRect()
        overhang = self.style["hideOverlappingLabels"]
        if type(overhang) is int and self.orientation in ("bottom", "top"):
            rect = rect.adjusted(-overhang, 0, overhang, 0)
        return rect

    def tickValues(self, minVal: float, maxVal: float, size: float) -> Any:  # noqa: N803
        # The timeline's axes share one range and width: work the ticks out once for all.
        metrics = self.fontMetrics
        key = (
            minVal,
            maxVal,
            size,
            metrics.height(),
            metrics.averageCharWidth(),
            metrics.maxWidth(),
        )
        cached = _TICKS.get(key)
        if cached is None:
            ticks = super().tickValues(minVal, maxVal, size)
            ticks = self._named_ticks(minVal, maxVal, size, ticks)
            cached = _TICKS[key] = (self.zoomLevel, self.minSpacing, ticks)
            while len(_TICKS) > 16:
                del _TICKS[next(iter(_TICKS))]
        self.zoomLevel, self.minSpacing, ticks = cached
        return ticks

    def _named_ticks(self, low: float, high: float, size: float, ticks: Any) -> Any:
        """Ticks whose labels say which year (and month) is in view.

        Where no year starts in view with room for its label, months alone ("Jun", "Aug") would
        not say which year: the months are named with it ("Jun 2020"), every second or third
        month if need be. Where no month starts in view, days alone ("05", "10") would not say
        which month: they are named in full ("05 Oct 2020").
        """
        levels = list(self.zoomLevels.values())  # coarsest first
        per_px = (high - low) / size
        while self.zoomLevel is not levels[-1]:
            half = self.fontMetrics.boundingRect(self.zoomLevel.exampleText).width() / 2 * per_px
            if _any_within(ticks[0][1] if ticks else [], low + half, high - half):
                break
            self.zoomLevel = levels[levels.index(self.zoomLevel) + 1]
            self.zoomLevel.utcOffset = self.utcOffset
            example = self.fontMetrics.boundingRect(self.zoomLevel.exampleText).width()
            self.minSpacing = per_px * (example + 10)  # as pyqtgraph works it out, padded
            ticks = self.zoomLevel.tickValues(low, high, self.minSpacing)
        return ticks

    def paint(self, p: QPainter, *_: Any) -> None:
        # WORKAROUND for pyqtgraph 0.14 ``AxisItem.paint``: it records the axis into a QPicture
        # and replays that; Qt replays each grid line through its general polygon rasteriser,
        # about 2 ms a frame for the lanes' tall grid against 0.1 ms for the same lines drawn
        # directly. Keep pyqtgraph's drawing specs, made the same way, and draw them directly.
        self._draw_specs()
        if self._specs is not None:
            p.save()
            self.drawPicture(p, *self._specs)
            p.restore()

    def _draw_specs(self) -> Any:
        """pyqtgraph's drawing specs for the current range and size, worked out once."""
        if self.picture is None:
            picture = QPicture()
            painter = QPainter(picture)
            try:
                if self.style["tickFont"]:
                    painter.setFont(self.style["tickFont"])
                self._specs = self.generateDrawSpecs(painter)
            finally:
                painter.end()
            self.picture = picture  # pyqtgraph clears it when the axis must be drawn anew
        return self._specs

    def generateDrawSpecs(self, p: QPainter) -> Any:
        specs = super().generateDrawSpecs(p)
        if specs is None:
            return None
        axis, ticks, texts = specs
        return axis, ticks, _apart(texts)

    def labels(self) -> list[AxisLabel]:
        """The date labels drawn now, left to right, each with the period it names."""
        view = self.linkedView()
        specs = self._draw_specs() if view is not None else None
        if specs is None or not self.style["showValues"]:
            return []
        found = []
        for rect, _, text in specs[2]:
            centre = self.mapToScene(QPointF(rect.center().x(), rect.center().y()))
            unit = _label_unit(text)
            # The label is centred on its tick, the start of its unit: the nearest such start.
            tick = snap_x(view.mapSceneToView(centre).x(), unit)
            found.append(AxisLabel(QRectF(rect), text, unit, unit_range(x_to_date(tick), unit)))
        return sorted(found, key=lambda label: label.rect.left())

    def unit(self) -> Precision:
        """The finest unit the axis labels now: what drawn periods and region edges snap to."""
        units = {label.unit for label in self.labels()}
        for unit in (Precision.DAY, Precision.MONTH):
            if unit in units:
                return unit
        return Precision.YEAR

    def coarse_unit(self) -> Precision:
        """The coarsest unit the axis labels now: what a double click between ticks, or Enter
        on the keyboard cursor, selects."""
        units = {label.unit for label in self.labels()}
        if not units or Precision.YEAR in units:
            return Precision.YEAR
        return Precision.MONTH if Precision.MONTH in units else Precision.DAY

    def period_at(self, x: float) -> DateRange | None:
        """The period named at x (the axis's own pixels): the label there, or else the unit
        of the axis's coarsest labels between whose ticks x lies."""
        view = self.linkedView()
        if view is None:
            return None
        for label in self.labels():
            if label.rect.left() - 1 <= x <= label.rect.right() + 1:
                return label.period
        coarsest = self.coarse_unit()
        view_x = view.mapSceneToView(self.mapToScene(QPointF(x, 0))).x()
        return unit_range(x_to_date(view_x), coarsest)

    def drawPicture(self, p: QPainter, axis_spec: Any, tick_specs: Any, text_specs: Any) -> None:
        # pyqtgraph's own, but the labels' clip is added to the painter's (a replayed picture's
        # clip is too); replacing it would draw outside the part of the window being painted.
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        pen, p1, p2 = axis_spec
        p.setPen(pen)
        p.drawLine(p1, p2)
        for pen, p1, p2 in tick_specs:
            p.setPen(pen)
            p.drawLine(p1, p2)
        if self.style["tickFont"] is not None:
            p.setFont(self.style["tickFont"])
        p.setPen(self.textPen())
        p.setClipRect(self.boundingRect().toAlignedRect(), Qt.ClipOperation.IntersectClip)
        for rect, flags, text in text_specs:
            p.drawText(rect, int(flags), text)

    def setTickFont(self, font: QFont | None) -> None:
        super().setTickFont(font)
        self.fontMetrics = QFontMetrics(font if font is not None else self.font())

    def mouseClickEvent(self, ev: Any) -> None:
        if ev.double() and ev.button() == Qt.MouseButton.LeftButton:
            period = self.period_at(ev.pos().x())
            if period is not None:
                ev.accept()
                self.period_double_clicked.emit(period)
                return
        super().mouseClickEvent(ev)
