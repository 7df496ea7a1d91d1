"""A label that keeps to one line: it shows the longest of its wordings that fits its width.

A panel's caption or key wrapped onto a second and third line takes the height of a table row
or two from the table under it. ``OneLineLabel`` is given its wordings, longest first, and
shows the first one that fits the width it has; the tooltip always holds the whole text. Asking
for no more than the shortest wording's width, it never widens the layout it sits in.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent, QTextDocument
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class OneLineLabel(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(False)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self._wordings: tuple[str, ...] = ()
        self._widths: tuple[float, ...] = ()

    def set_wordings(self, wordings: Sequence[str], tooltip: str) -> None:
        """Show the first of ``wordings`` (rich text, longest first) that fits; ``tooltip`` is
        the whole text, shown on hover whichever wording is shown."""
        self._wordings = tuple(wordings)
        self._widths = tuple(self._width_of(text) for text in self._wordings)
        self.setToolTip(tooltip)
        self._choose()
        self.updateGeometry()

    def wordings(self) -> tuple[str, ...]:
        return self._wordings

    def _width_of(self, text: str) -> float:
        document = QTextDocument()
        document.setDefaultFont(self.font())
        document.setDocumentMargin(0)
        document.setHtml(text)
        return document.idealWidth()

    def _choose(self) -> None:
        room = self.contentsRect().width()
        chosen = next(
            (text for text, width in zip(self._wordings, self._widths, strict=True)
             if width <= room),
            self._wordings[-1] if self._wordings else "",
        )  # fmt: skip
        if chosen != self.text():
            self.setText(chosen)

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        if self._widths:
            hint.setWidth(int(self._widths[0]) + 2)
        return hint

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        if self._widths:
            hint.setWidth(int(self._widths[-1]) + 2)
        return hint

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._choose()
