"""A plot title that wraps onto more lines when the plot is narrow, instead of being cut off.

pyqtgraph's ``LabelItem`` asks the layout for its whole one-line width as a minimum, so a long
legend made the timeline wider than the window: the layout then ran past the widget's right
edge and Fit all fitted 1991–2023 to a width partly out of sight. This title asks for little
width and grows in height as its text wraps to the width it gets.
"""

from __future__ import annotations

from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QSizeF, Qt

MIN_WIDTH = 60.0  # px: the least room a title asks for; it wraps below its natural width


class WrappingLabel(pg.LabelItem):
    """A left-aligned rich-text title whose height follows the lines its text wraps to."""

    def __init__(self, text: str = " ", **options: Any) -> None:
        self._wrap_width = -1.0
        self._one_line = 0.0
        super().__init__(text, justify="left", **options)

    def setText(self, text: str, **options: Any) -> None:
        super().setText(text, **options)
        self.wrap_to(self._wrap_width)

    def resizeEvent(self, ev: Any) -> None:
        self.item.setPos(0, 0)

    def wrap_to(self, width: float) -> None:
        """Wrap the text to ``width`` px (-1: one line) and ask for the height that takes.

        The owner calls this before its layout runs, with the width the label will get: a
        label that rewrapped itself when resized would change its height in the middle of a
        layout pass, and the plot below it would be squeezed until the next one.
        """
        if width == self._wrap_width and self._sizeHint:
            return
        self._wrap_width = width
        self.item.setTextWidth(-1)
        self._one_line = self.item.boundingRect().height()
        self.item.setTextWidth(width if width > 0 else -1)
        self.updateMin()

    def extra_height(self) -> float:
        """How much taller the wrapped text is than the same text on one line."""
        return max(self.item.boundingRect().height() - self._one_line, 0.0)

    def updateMin(self) -> None:
        height = self.item.boundingRect().height()
        self.setMinimumWidth(MIN_WIDTH)
        self.setMinimumHeight(height)
        self.setMaximumHeight(height)
        self._sizeHint = {
            Qt.SizeHint.MinimumSize: (MIN_WIDTH, height),
            Qt.SizeHint.PreferredSize: (MIN_WIDTH, height),
            Qt.SizeHint.MaximumSize: (-1, height),
            Qt.SizeHint.MinimumDescent: (0, 0),
        }
        self.updateGeometry()

    def sizeHint(self, hint: Qt.SizeHint, constraint: QSizeF | None = None) -> QSizeF:
        if hint not in self._sizeHint:
            return QSizeF(0, 0)
        return QSizeF(*self._sizeHint[hint])

    def line_count(self) -> int:
        """How many lines the text takes at the width it has now."""
        document = self.item.document()
        document.documentLayout()  # lays the text out, if it is not yet
        lines = 0
        block = document.begin()
        while block.isValid():
            lines += block.layout().lineCount()
            block = block.next()
        return lines


def set_wrapping_title(plot: pg.PlotItem, html: str, size: str = "9pt") -> WrappingLabel:
    """Give ``plot`` a title that wraps (see the module's note) and return it."""
    old = plot.titleLabel
    plot.layout.removeItem(old)
    old.setParentItem(None)
    if old.scene() is not None:
        old.scene().removeItem(old)
    label = WrappingLabel(html, size=size)
    label.setParentItem(plot)
    plot.titleLabel = label
    plot.layout.addItem(label, 0, 1)
    plot.layout.setRowFixedHeight(0, -1)  # let the row follow the label's wrapped height
    plot.layout.setRowMinimumHeight(0, 0)
    plot.layout.setRowMaximumHeight(0, 10_000)
    return label
