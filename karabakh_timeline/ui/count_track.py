"""The count track: casualties and cleared area a year, under the lanes on the same time axis.

Draws what ``count_series`` computed (see its rules): filled stacked blocks, hatched blocks for
reports over several years or part of one (an average a year over their span), dashed outlines
for reports that overlap a filled one, a hatched grey background where no report says anything,
and a dark line on the baseline where a report says zero.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QPen

from karabakh_timeline.ui import palette
from karabakh_timeline.ui.count_series import Blocks, Track
from karabakh_timeline.ui.wrapping_label import set_wrapping_title

HEADROOM = 1.15  # the tallest visible block reaches 87 % of the track's height


def _legend_swatch(colour: QColor, text: str, pattern: str = "■") -> str:
    # Non-breaking inside a key, so a narrow track wraps its legend between keys only.
    words = text.replace(" ", "&nbsp;")
    return f'<span style="color:{colour.name()}">{pattern}</span>&nbsp;{words}'


class CountPlot:
    """One quantity of the count track drawn in a plot of the timeline's layout."""

    def __init__(
        self,
        plot: pg.PlotItem,
        track: Track,
        colours: dict[str, QColor],
        title: str,
        unit: str,
        floor: float,
    ) -> None:
        self.plot = plot
        self.floor = floor  # the least height shown, so an empty view has a sensible scale
        self.track = track
        self.unit = unit
        self._colours = colours
        keys = [_legend_swatch(colour, name) for name, colour in colours.items()]
        keys.append(_legend_swatch(palette.MUTED_TEXT, "average over a longer span", "▨"))
        keys.append(_legend_swatch(palette.MUTED_TEXT, "other report", "┆"))
        keys.append(_legend_swatch(palette.NO_DATA, "no data", "▨"))
        heading = title.replace(" ", "&nbsp;")
        self.legend = set_wrapping_title(
            plot,
            f'<span style="color:{palette.TEXT.name()}"><b>{heading}</b>&nbsp;&nbsp; '
            + "&nbsp;&nbsp; ".join(keys)
            + "</span>",
        )
        self._no_data = pg.BarGraphItem(
            x0=[],
            x1=[],
            y0=[],
            y1=[],
            pen=pg.mkPen(None),
            brush=palette.hatch_brush(palette.NO_DATA),
        )
        self._no_data.setZValue(-30)
        plot.addItem(self._no_data, ignoreBounds=True)
        self._stacks: list[pg.BarGraphItem] = []
        self._add_blocks(track.filled, span=False)
        self._add_blocks(track.filled, span=True)
        outline = QPen(QColor("#333333"))
        outline.setCosmetic(True)
        outline.setWidthF(1.3)
        outline.setStyle(Qt.PenStyle.DashLine)
        self._outlines = pg.BarGraphItem(
            x0=track.outlined.x0,
            x1=track.outlined.x1,
            y0=np.zeros(len(track.outlined.report_ids)),
            y1=track.outlined.total,
            pen=outline,
            brush=pg.mkBrush(None),
        )
        self._outlines.setZValue(5)
        plot.addItem(self._outlines, ignoreBounds=True)
        zero_pen = palette.bar_pen(palette.ZERO_LINE, 3.0)
        zero_x = np.array(track.zero, dtype=np.float64).ravel()
        self._zero = pg.PlotCurveItem(
            x=zero_x, y=np.zeros(zero_x.size), connect="pairs", pen=zero_pen
        )
        self._zero.setZValue(6)
        plot.addItem(self._zero, ignoreBounds=True)
        self.y_max = 0.0  # none yet: the first rescale sets it

    def _add_blocks(self, blocks: Blocks, span: bool) -> None:
        chosen = blocks.is_span if span else ~blocks.is_span
        for name, colour in self._colours.items():
            bottom, top = blocks.bottoms_and_tops(name)
            fill = QColor(colour)
            if span:
                fill.setAlpha(120)
            brush = QBrush(
                fill, Qt.BrushStyle.Dense3Pattern if span else Qt.BrushStyle.SolidPattern
            )
            edge = QPen(colour.darker(140))
            edge.setCosmetic(True)
            edge.setWidthF(1.0)
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

    def rescale(self, x0: float, x1: float) -> None:
        """Fit the height to what is visible, and stretch the no-data background to it."""
        tallest = self.track.max_in(x0, x1)
        y_max = max(tallest * HEADROOM, self.floor)
        if y_max == self.y_max:
            return  # most pans keep the tallest block: nothing to redraw
        self.y_max = y_max
        self.plot.vb.setYRange(0, self.y_max, padding=0)
        gaps = np.array(self.track.no_data, dtype=np.float64).reshape(-1, 2)
        self._no_data.setOpts(
            x0=gaps[:, 0],
            x1=gaps[:, 1],
            y0=np.zeros(len(gaps)),
            y1=np.full(len(gaps), self.y_max),
        )

    def drawn(self) -> dict[str, Any]:
        """The arrays on screen, named, for tests: what a reader of the track is shown."""
        return {
            "stacks": [item.opts for item in self._stacks],
            "outlines": self._outlines.opts,
            "no_data": self._no_data.opts,
            "zero": self._zero.getData(),
        }
