"""The count track's title and legend, drawn with the very brushes and pens of its blocks.

A swatch is painted with the brush (pattern and colour) and pen its kind of block is drawn with,
so "average a year of a longer report" (dotted, in the figure's colours) and "no report for
these years" (grey diagonal hatching) read as different things in the legend exactly as on the
track. Entries wrap onto a second row when the track is narrow. New kinds of block add a
``LegendEntry``; nothing else here changes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QFont, QFontMetricsF, QPainter, QPen

from karabakh_timeline.ui import palette

SWATCH = (16.0, 10.0)  # px: width, height of a swatch
GAP = 5.0  # px between a swatch and its words
SPACING = 14.0  # px between entries
MARGIN = 2.0  # px above and below a row
MIN_WIDTH = 60.0  # px: the least room the legend asks for; below its one-row width it wraps


@dataclass(frozen=True)
class LegendEntry:
    """One kind of mark: its words, and how its swatch is painted.

    ``fills`` are drawn side by side (a stacked block's components); ``line`` draws a line
    across the swatch instead (a reported zero); ``outline`` frames it (an outlined report).
    """

    text: str
    fills: tuple[QBrush, ...] = ()
    outline: QPen | None = None
    line: QPen | None = None
    edges: tuple[QPen, ...] = field(default=())


@dataclass(frozen=True)
class _Placed:
    entry: LegendEntry
    swatch: QRectF
    text_at: QPointF
    box: QRectF  # swatch and words, for hit tests


class CountLegend(pg.GraphicsWidget):
    """A bold title, then the legend entries; as many rows as the width needs."""

    rows_changed = Signal(int)
    """The entries took another number of rows at a new width; carries the number."""

    def __init__(self, title: str, entries: Sequence[LegendEntry], font: QFont) -> None:
        super().__init__()
        self.title = title
        self.entries = tuple(entries)
        self._font = QFont(font)
        self._bold = QFont(font)
        self._bold.setBold(True)
        self._placed: list[_Placed] = []
        self._rows = 1
        self.setSizePolicy(
            pg.QtWidgets.QSizePolicy.Policy.Expanding, pg.QtWidgets.QSizePolicy.Policy.Fixed
        )
        # Ask for little width: a narrow track wraps the entries rather than widen the layout.
        self.setMinimumWidth(MIN_WIDTH)
        self.setPreferredWidth(MIN_WIDTH)
        self._fit_height(1)

    @property
    def row_height(self) -> float:
        return max(QFontMetricsF(self._font).height(), SWATCH[1]) + 2 * MARGIN

    def line_count(self) -> int:
        """How many rows the entries take at the width the legend has now."""
        return self._rows

    def extra_height(self) -> float:
        """How much taller the wrapped legend is than on one row."""
        return (self._rows - 1) * self.row_height

    def texts(self) -> list[str]:
        """The title and every entry's words, in reading order."""
        return [self.title, *(entry.text for entry in self.entries)]

    def placed(self) -> list[tuple[str, QRectF]]:
        """Each entry's words and where its swatch and words are (this item's pixels)."""
        return [(item.entry.text, QRectF(item.box)) for item in self._placed]

    def entry_at(self, pos: QPointF) -> LegendEntry | None:
        return next((item.entry for item in self._placed if item.box.contains(pos)), None)

    def _fit_height(self, rows: int) -> None:
        self._rows = rows
        height = rows * self.row_height
        self.setMinimumHeight(height)
        self.setMaximumHeight(height)

    def _lay_out(self, width: float) -> int:
        plain, bold = QFontMetricsF(self._font), QFontMetricsF(self._bold)
        row = 0
        x = bold.horizontalAdvance(self.title) + SPACING
        self._placed = []
        for entry in self.entries:
            words = plain.horizontalAdvance(entry.text)
            needed = SWATCH[0] + GAP + words
            if x > 0 and x + needed > width:
                row, x = row + 1, 0.0
            top = row * self.row_height + MARGIN
            middle = top + (self.row_height - 2 * MARGIN) / 2
            swatch = QRectF(x, middle - SWATCH[1] / 2, *SWATCH)
            text_at = QPointF(x + SWATCH[0] + GAP, middle + plain.ascent() / 2 - 1)
            box = QRectF(x, top, needed, self.row_height - 2 * MARGIN)
            self._placed.append(_Placed(entry, swatch, text_at, box))
            x += needed + SPACING
        return row + 1

    def wrap_to(self, width: float) -> None:
        """Take the rows the entries need at ``width``, before the layout shares out height."""
        if width < 1:
            return  # not laid out yet
        rows = self._lay_out(width)
        if rows != self._rows:
            self._fit_height(rows)
            self.rows_changed.emit(rows)
        self.update()

    def resizeEvent(self, ev: Any) -> None:
        super().resizeEvent(ev)
        self.wrap_to(self.size().width())

    def paint(self, p: QPainter, *_: Any) -> None:
        if not self._placed and self.entries:
            self._lay_out(self.size().width())
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        p.setPen(QPen(palette.TEXT))
        p.setFont(self._bold)
        bold = QFontMetricsF(self._bold)
        first_middle = MARGIN + (self.row_height - 2 * MARGIN) / 2
        p.drawText(QPointF(0, first_middle + bold.ascent() / 2 - 1), self.title)
        p.setFont(self._font)
        for item in self._placed:
            self._paint_swatch(p, item.entry, item.swatch)
            p.setPen(QPen(palette.TEXT))
            p.drawText(item.text_at, item.entry.text)

    @staticmethod
    def _paint_swatch(p: QPainter, entry: LegendEntry, rect: QRectF) -> None:
        if entry.fills:
            width = rect.width() / len(entry.fills)
            for number, brush in enumerate(entry.fills):
                part = QRectF(rect.left() + number * width, rect.top(), width, rect.height())
                p.fillRect(part, QBrush(palette.BACKGROUND))
                p.fillRect(part, brush)
                if number < len(entry.edges):
                    p.setPen(entry.edges[number])
                    p.setBrush(Qt.BrushStyle.NoBrush)
                    p.drawRect(part)
        if entry.outline is not None:
            p.setPen(entry.outline)
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(rect)
        if entry.line is not None:
            p.setPen(entry.line)
            y = rect.bottom() - 1
            p.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))
