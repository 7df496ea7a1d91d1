"""The count track: casualties and cleared area a year, under the lanes on the same time axis.

Draws what ``count_series`` computed (see its rules): filled stacked blocks, dotted blocks in
the same colours for reports over several years or part of one (an average a year over their
span), dashed outlines for reports that overlap a filled one, grey diagonal hatching where no
report says anything, cross-hatched range bars from the lower to the upper bound for a year known
only by bounds (``count_ranges``), and a dark line on the baseline where a report says zero. The
legend above
(``count_legend``) paints each kind with its own brush. With no figure in view, the track says
so in words instead of drawing empty axes.

Each kind of mark is built by one ``_add_*`` method that also returns its legend entry, so a
further kind is one more method and one more entry.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPen
from PySide6.QtWidgets import QGraphicsSimpleTextItem

from karabakh_timeline.ui import palette
from karabakh_timeline.ui.timeline.count_legend import CountLegend, LegendEntry
from karabakh_timeline.ui.timeline.count_ranges import RangeBars
from karabakh_timeline.ui.timeline.count_series import Blocks, FloatArray, Track

HEADROOM = 1.15  # the tallest visible block reaches 87 % of the track's height
SPAN_PATTERN = Qt.BrushStyle.Dense4Pattern  # dotted: an average, not a year's own figure
COMPONENT_NAMES = {
    "killed": "Killed",
    "injured": "Injured",
    "unknown": "Not split",
    "cleared": "Cleared",
    "reduced": "Reduced by survey",
    "cancelled": "Cancelled by survey",
    "released": "Released (ways not split)",
}
SPAN_TEXT = "Average of a longer report"
OUTLINE_TEXT = "Overlapping (not added)"
RANGE_TEXT = "Range: at least … at most …"
NO_DATA_TEXT = "No data (not zero)"
ZERO_TEXT = "Zero"


class CountTrackRow:
    """One row of the count track: one quantity (casualties or cleared area) a year, drawn in
    its own plot of the timeline's layout, with its title and legend."""

    def __init__(
        self,
        plot: pg.PlotItem,
        track: Track,
        ranges: RangeBars,
        colours: dict[str, QColor],
        title: str,
        unit: str,
        floor: float,
        empty_text: str = "No figures in this period",
        font: QFont | None = None,
        keyed_above: Sequence[LegendEntry] = (),
    ) -> None:
        """``keyed_above``: the legend entries of the track drawn just above this one; a mark
        drawn exactly alike here ("Zero", "No data") is not keyed a second time."""
        self.plot = plot
        self.floor = floor  # the least height shown, so an empty view has a sensible scale
        self.track = track
        self.ranges = ranges
        self.unit = unit
        self.empty_text = empty_text
        self._colours = colours
        self._stacks: list[pg.BarGraphItem] = []
        self.y_max = 0.0  # none yet: the first rescale sets it
        range_entry = self._add_ranges(ranges)
        entries = [
            *self._add_blocks(track.filled, span=False),
            self._add_blocks(track.filled, span=True)[0],
            self._add_outlines(track.outlined),
            # Named only where a range is drawn: the legend keeps its rows for marks in use.
            *([range_entry] if ranges.ranges else []),
            self._add_no_data(),
            self._add_zero(track.zero),
        ]
        entries = [entry for entry in entries if entry not in keyed_above]
        self.legend = CountLegend(title, entries, font or QFont())
        # The legend takes the title's row, so it lines up with the plot below it.
        plot.titleLabel.hide()
        plot.layout.removeItem(plot.titleLabel)
        plot.layout.addItem(self.legend, 0, 1)
        plot.layout.setRowFixedHeight(0, -1)  # the row follows the legend's rows
        plot.layout.setRowMinimumHeight(0, 0)
        plot.layout.setRowMaximumHeight(0, 10_000)
        # In the box's own pixels, not in data coordinates: always centred, never scaled.
        self._empty = QGraphicsSimpleTextItem(empty_text, plot.vb)
        self._empty.setFont(font or QFont())
        self._empty.setBrush(QBrush(palette.MUTED_TEXT))
        self._empty.setZValue(20)
        self._empty.hide()
        plot.vb.sigResized.connect(self._centre_empty)

    @property
    def is_empty(self) -> bool:
        """Whether no figure is in view, so the track shows its ``empty_text`` instead."""
        return self._empty.isVisible()

    def message(self) -> str:
        """The words the track shows in place of figures ("No clearance figures in this
        period"), or "" while it shows figures."""
        return self._empty.text() if self._empty.isVisible() else ""

    def _add_no_data(self) -> LegendEntry:
        brush = palette.hatch_brush(palette.NO_DATA)
        self._no_data = pg.BarGraphItem(
            x0=[],
            x1=[],
            y0=[],
            y1=[],
            pen=pg.mkPen(None),
            brush=brush,
        )
        self._no_data.setZValue(-30)
        self.plot.addItem(self._no_data, ignoreBounds=True)
        return LegendEntry(NO_DATA_TEXT, fills=(brush,), edges=(QPen(palette.NO_DATA),))

    def _add_ranges(self, ranges: RangeBars) -> LegendEntry:
        """Years known only by bounds: a cross-hatched bar from the lower to the upper bound,
        with a firm line at each bound that is known; behind the blocks, over no data."""
        brush = QBrush(palette.RANGE, Qt.BrushStyle.DiagCrossPattern)
        edge = palette.bar_pen(palette.RANGE, 1.0)
        self._ranges = pg.BarGraphItem(
            x0=ranges.x0, x1=ranges.x1, y0=ranges.y0, y1=self._range_tops(), pen=edge, brush=brush
        )
        self._ranges.setZValue(-20)
        self.plot.addItem(self._ranges, ignoreBounds=True)
        cap = palette.bar_pen(palette.RANGE, 2.5)
        self._range_caps = pg.PlotCurveItem(connect="pairs", pen=cap)
        self._range_caps.setZValue(-19)
        self.plot.addItem(self._range_caps, ignoreBounds=True)
        self._draw_range_caps()
        return LegendEntry(RANGE_TEXT, fills=(brush,), edges=(edge,))

    def _range_tops(self) -> FloatArray:
        """The upper bounds, and the track's top where a range is open above."""
        return np.where(self.ranges.is_open, self.y_max, self.ranges.y1)

    def _draw_range_caps(self) -> None:
        """A line across each bar at each known bound (the lower one only where not zero)."""
        r = self.ranges
        lower = r.y0 > 0
        upper = ~r.is_open
        x = np.concatenate([np.column_stack((r.x0, r.x1))[m].ravel() for m in (lower, upper)])
        y = np.concatenate([np.repeat(r.y0[lower], 2), np.repeat(r.y1[upper], 2)])
        self._range_caps.setData(x=x, y=y)

    def _add_outlines(self, outlined: Blocks) -> LegendEntry:
        outline = QPen(QColor("#333333"))
        outline.setCosmetic(True)
        outline.setWidthF(1.3)
        outline.setStyle(Qt.PenStyle.DashLine)
        self._outlines = pg.BarGraphItem(
            x0=outlined.x0,
            x1=outlined.x1,
            y0=np.zeros(len(outlined.report_ids)),
            y1=outlined.total,
            pen=outline,
            brush=pg.mkBrush(None),
        )
        self._outlines.setZValue(5)
        self.plot.addItem(self._outlines, ignoreBounds=True)
        return LegendEntry(OUTLINE_TEXT, outline=outline)

    def _add_zero(self, zero: tuple[tuple[float, float], ...]) -> LegendEntry:
        zero_pen = palette.bar_pen(palette.ZERO_LINE, 3.0)
        zero_x = np.array(zero, dtype=np.float64).ravel()
        self._zero = pg.PlotCurveItem(
            x=zero_x, y=np.zeros(zero_x.size), connect="pairs", pen=zero_pen
        )
        self._zero.setZValue(6)
        self.plot.addItem(self._zero, ignoreBounds=True)
        return LegendEntry(ZERO_TEXT, line=zero_pen)

    def _add_blocks(self, blocks: Blocks, span: bool) -> list[LegendEntry]:
        """The blocks of a year's own figures, or (``span``) the dotted yearly averages of
        longer reports: one legend entry per component, or one for all averages."""
        chosen = blocks.is_span if span else ~blocks.is_span
        fills: list[QBrush] = []
        edges: list[QPen] = []
        entries = []
        for name, colour in self._colours.items():
            bottom, top = blocks.bottoms_and_tops(name)
            brush = QBrush(colour, SPAN_PATTERN if span else Qt.BrushStyle.SolidPattern)
            edge = QPen(colour.darker(140))
            edge.setCosmetic(True)
            edge.setWidthF(1.0)
            fills.append(brush)
            edges.append(edge)
            entries.append(
                LegendEntry(COMPONENT_NAMES.get(name, name), fills=(brush,), edges=(edge,))
            )
            item = pg.BarGraphItem(
                x0=blocks.x0[chosen],
                x1=blocks.x1[chosen],
                y0=bottom[chosen],
                y1=top[chosen],
                pen=edge,
                brush=brush,
            )
            self.plot.addItem(item, ignoreBounds=True)
            self._stacks.append(item)
        if span:
            return [LegendEntry(SPAN_TEXT, fills=tuple(fills), edges=tuple(edges))]
        return entries

    def rescale(self, x0: float, x1: float) -> None:
        """Fit the height to what is visible, and stretch the no-data background to it."""
        lowest, highest = self.ranges.lowest_top_in(x0, x1)
        # An upper bound far above the figures would flatten them: it sets the height only when
        # nothing else in view does, and otherwise runs off the top of the track.
        tallest = max(self.track.max_in(x0, x1), lowest) or highest
        y_max = max(tallest * HEADROOM, self.floor)
        self._show_empty(tallest == 0 and not self._zero_in(x0, x1) and not self._range_in(x0, x1))
        if y_max == self.y_max:
            return  # most pans keep the tallest block: nothing to redraw
        self.y_max = y_max
        self.plot.vb.setYRange(0, self.y_max, padding=0)
        self._ranges.setOpts(y1=self._range_tops())
        gaps = np.array(self.ranges.no_data, dtype=np.float64).reshape(-1, 2)
        self._no_data.setOpts(
            x0=gaps[:, 0],
            x1=gaps[:, 1],
            y0=np.zeros(len(gaps)),
            y1=np.full(len(gaps), self.y_max),
        )

    def _range_in(self, x0: float, x1: float) -> bool:
        return bool(((self.ranges.x1 > x0) & (self.ranges.x0 < x1)).any())

    def _zero_in(self, x0: float, x1: float) -> bool:
        return any(a < x1 and b > x0 for a, b in self.track.zero)

    def _show_empty(self, empty: bool) -> None:
        """No figure in view: say so in words, and draw no scale of nothing."""
        if empty != self._empty.isVisible():
            self._empty.setVisible(empty)
            self.plot.getAxis("left").setStyle(showValues=not empty)
            self._centre_empty()

    def _centre_empty(self, *_: object) -> None:
        box = self.plot.vb.boundingRect()
        text = self._empty.boundingRect()
        self._empty.setPos(
            box.center().x() - text.width() / 2, box.center().y() - text.height() / 2
        )

    def drawn(self) -> dict[str, Any]:
        """The arrays on screen, named, for tests: what a reader of the track is shown."""
        return {
            "stacks": [item.opts for item in self._stacks],
            "outlines": self._outlines.opts,
            "no_data": self._no_data.opts,
            "ranges": self._ranges.opts,
            "range_caps": self._range_caps.getData(),
            "outline_pen": self._outlines.opts["pen"],
            "zero": self._zero.getData(),
        }
