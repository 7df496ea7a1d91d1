"""The totals pane beside or below a report table: the wheel scrolls it, whatever lies under
the pointer, and at 1280 × 800 its headings, chart and disputed figures are not cut off."""

from __future__ import annotations

from panels_support import make_panels
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication


def wheel_down(widget, at: QPoint) -> None:  # type: ignore[no-untyped-def]
    event = QWheelEvent(
        QPointF(at),
        QPointF(widget.mapToGlobal(at)),
        QPoint(0, 0),
        QPoint(0, -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_the_wheel_over_the_chart_list_scrolls_the_pane_not_the_list(qtbot, sample_dataset):
    _, casualties, _ = make_panels(qtbot, sample_dataset, "2003", "2005")
    casualties.resize(700, 260)  # low: the totals scroll
    casualties.show()
    qtbot.waitExposed(casualties)
    choice = casualties.chart.choice
    assert choice.count() > 1 and choice.isVisible()
    bar = casualties.lower_scroll.verticalScrollBar()
    assert bar.maximum() > 0
    bar.setValue(0)
    chosen = choice.currentIndex()
    wheel_down(choice, choice.rect().center())
    assert choice.currentIndex() == chosen  # the figure charted is not changed under the pointer
    assert bar.value() > 0  # the pane scrolled instead
    moved = bar.value()
    plot = casualties.chart.plot.viewport()
    wheel_down(plot, plot.rect().center())
    assert bar.value() > moved or bar.value() == bar.maximum()
    # Clicked into, the list takes the wheel, as a list the reader is working does.
    choice.setFocus()
    qtbot.waitUntil(choice.hasFocus, timeout=1000)
    wheel_down(choice, choice.rect().center())
    assert choice.currentIndex() != chosen
