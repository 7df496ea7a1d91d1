"""Colours and marker shapes that colour-blind readers can tell apart.

Lane colours are Okabe and Ito's palette ("Color Universal Design", 2008), ordered so the first
lanes get the colours that stay distinct under every common colour-vision deficiency and read
well on white. Each lane also gets its own marker shape, so colour is never the only cue.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPen, QPixmap

# Okabe–Ito, without black (kept for text) and with yellow last: pale on white.
LANE_COLOURS = (
    "#0072B2",  # blue
    "#D55E00",  # vermillion
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#E69F00",  # orange
    "#56B4E9",  # sky blue
    "#F0E442",  # yellow
)
# pyqtgraph symbol names: circle, square, diamond, triangle up, triangle down, star, pentagon...
LANE_SYMBOLS = ("o", "s", "d", "t1", "t", "star", "p", "h")

TEXT = QColor("#222222")
MUTED_TEXT = QColor("#555555")
AXIS = QColor("#444444")
GRID_ALPHA = 0.25
BACKGROUND = QColor("#FFFFFF")
LANE_SEPARATOR = QColor("#D0D0D0")
ERA_FILLS = (QColor(0, 0, 0, 10), QColor(0, 0, 0, 22))  # alternate so neighbours read apart
ERA_STRIP_FILLS = (QColor("#E8E8E8"), QColor("#D6D6D6"))
HIGHLIGHT = QColor("#000000")
SELECTION_FILL = QColor(0, 114, 178, 40)
SELECTION_HOVER = QColor(0, 114, 178, 70)
SELECTION_EDGE = QColor(0, 114, 178, 200)
READOUT_BACKGROUND = "#0B4F7A"  # the live readout of a period being drawn: white on dark blue
READOUT_TEXT = "#FFFFFF"

# The count track: killed and injured in two Okabe–Ito colours, unknown in neutral grey.
KILLED = QColor("#D55E00")
INJURED = QColor("#56B4E9")
UNKNOWN = QColor("#A0A0A0")
CLEARED = QColor("#009E73")
REDUCED = QColor("#F0E442")  # reduced by technical survey (Okabe–Ito yellow)
CANCELLED = QColor("#CC79A7")  # cancelled by non-technical survey (Okabe–Ito purple)
RELEASED = QColor("#0072B2")  # released, the ways not split by the source
NO_DATA = QColor("#B8B8B8")
RANGE = QColor("#5E3C99")  # a year known only by bounds: dark violet, unlike any figure's colour
ZERO_LINE = QColor("#333333")


@dataclass(frozen=True)
class LaneStyle:
    colour: QColor
    symbol: str
    pen: QPen  # marker outline: a darker shade, so pale colours keep an edge
    brush: QBrush

    @property
    def name(self) -> str:
        return self.colour.name()


def lane_style(number: int) -> LaneStyle:
    """The style of the lane at this position; colours and shapes repeat out of step after 7."""
    colour = QColor(LANE_COLOURS[number % len(LANE_COLOURS)])
    symbol = LANE_SYMBOLS[number % len(LANE_SYMBOLS)]
    pen = QPen(colour.darker(150))
    pen.setWidthF(1.2)
    pen.setCosmetic(True)
    return LaneStyle(colour, symbol, pen, QBrush(colour))


def bar_pen(colour: QColor, width: float, alpha: int = 255) -> QPen:
    """A pen for a range bar: width in pixels whatever the zoom, flat ends so spans are exact."""
    shade = QColor(colour)
    shade.setAlpha(alpha)
    pen = QPen(shade)
    pen.setWidthF(width)
    pen.setCosmetic(True)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    return pen


def hatch_brush(colour: QColor) -> QBrush:
    """The pattern for "no data": unmistakably not an empty bar, which would mean zero."""
    return QBrush(colour, Qt.BrushStyle.BDiagPattern)


def lane_icon(style: LaneStyle, size: int) -> QIcon:
    """A lane's marker as an icon, for the events list and the category checkboxes."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.translate(size / 2, size / 2)
    pg.graphicsItems.ScatterPlotItem.drawSymbol(
        painter, style.symbol, size - 3, style.pen, style.brush
    )
    painter.end()
    return QIcon(pixmap)
