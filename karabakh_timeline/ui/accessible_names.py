"""Every control gets an accessible name, so a screen reader can say what it is.

Controls made here are named where they are made (``setAccessibleName``); this pass names any
control still unnamed after its visible words: a button's text, a field's label (its buddy) or
placeholder, else its tooltip. Run it on a window after adding widgets to it.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QComboBox,
    QGraphicsView,
    QLabel,
    QLineEdit,
    QTextEdit,
    QWidget,
)

CONTROLS = (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QComboBox,
    QGraphicsView,
    QLineEdit,
    QTextEdit,
)
"""The kinds of widget a person operates, and so must be able to hear named."""


def is_control(widget: QWidget) -> bool:
    """A control of ours a person can operate (Qt's own inner parts are named by Qt)."""
    if not isinstance(widget, CONTROLS) or widget.objectName().startswith("qt_"):
        return False
    parent = widget.parentWidget()
    if parent is None:
        return True
    if parent.objectName().startswith("qt_") or isinstance(parent, QLineEdit):
        return False  # a scroll area's own scroll bars, a field's clear button
    while parent is not None:  # a combo box's own list and line edit
        if isinstance(parent, QComboBox | QAbstractItemView):
            return False
        parent = parent.parentWidget()
    return True


def name_controls(root: QWidget) -> None:
    """Give every unnamed control under ``root`` a name from its visible words."""
    buddies = {
        id(label.buddy()): label.text() for label in root.findChildren(QLabel) if label.buddy()
    }
    for widget in root.findChildren(QWidget):
        if not is_control(widget) or widget.accessibleName():
            continue
        name = ""
        if isinstance(widget, QAbstractButton):
            name = widget.text() or (
                widget.defaultAction().text()
                if hasattr(widget, "defaultAction") and widget.defaultAction()
                else ""
            )
        if not name:
            name = buddies.get(id(widget), "")
        if not name and isinstance(widget, QLineEdit):
            name = widget.placeholderText()
        if not name:
            name = widget.toolTip() or widget.windowTitle()
        if not name:
            name = _from_object_name(widget.objectName())
        if name:
            widget.setAccessibleName(_plain(name))


def _plain(text: str) -> str:
    """'&Zoom in' -> 'Zoom in'; a tooltip's first line only."""
    first = text.replace("&&", "\0").replace("&", "").replace("\0", "&").splitlines()[0]
    return first.rstrip("…").strip()


def _from_object_name(name: str) -> str:
    """'eventsTable' -> 'Events table'."""
    words = "".join(f" {c.lower()}" if c.isupper() else c for c in name).strip()
    return words[:1].upper() + words[1:]
