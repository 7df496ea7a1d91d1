"""The mouse wheel over a scrolling pane scrolls the pane.

A combo box, spin box or chart that merely lies under the pointer would otherwise take the wheel:
scrolling down the totals then silently changed the charted figure, or stopped dead over the
chart. ``WheelScrollsPane`` hands such wheel events to the pane's scroll bar; a combo or spin
box the reader has clicked into (it has the keyboard focus) still takes the wheel, as expected.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QGraphicsView,
    QScrollArea,
    QWidget,
)

_TAKERS = (QComboBox, QAbstractSpinBox)


class WheelScrollsPane(QObject):
    """Installed on the wheel-taking widgets inside ``pane``; ``guard`` adds ones made later."""

    def __init__(self, pane: QScrollArea) -> None:
        super().__init__(pane)
        self._pane = pane
        self._guarded: set[int] = set()
        self.guard(pane.widget())

    def guard(self, root: QWidget | None) -> None:
        """Guard every combo box, spin box and chart under ``root`` (once each)."""
        if root is None:
            return
        for widget in [root, *root.findChildren(QWidget)]:
            target: QWidget | None = None
            if isinstance(widget, _TAKERS):
                # Wheel events alone never give it the focus, so the test below stays true.
                widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
                target = widget
            elif isinstance(widget, QGraphicsView):
                target = widget.viewport()
            if target is not None and id(target) not in self._guarded:
                self._guarded.add(id(target))
                target.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Wheel:
            return False
        if isinstance(watched, _TAKERS) and watched.hasFocus():
            return False  # the reader is working this control: the wheel is theirs
        QApplication.sendEvent(self._pane.verticalScrollBar(), event)
        return True
