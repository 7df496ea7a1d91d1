"""Thousands of repaints must not leak references to None.

PySide6 6.12.0 on Python < 3.12 drops a reference to None in QPainter.drawLine(QPointF, QPointF),
which pyqtgraph's axes call on every repaint; after enough repaints the interpreter aborts with
"deallocating None". This repaints the whole timeline (lanes, axes, count track, labels) many
times, panning between paints so every part is redrawn, and checks None's count does not fall.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPainter

from karabakh_timeline.ui.selection import Selection
from karabakh_timeline.ui.timeline.view import TimelineView

REPAINTS = 2500


def test_repainting_the_timeline_keeps_none_alive(qtbot, sample_dataset):
    view = TimelineView(sample_dataset, Selection())
    qtbot.addWidget(view)
    view.layout_for_size(400, 300)
    image = QImage(400, 300, QImage.Format.Format_ARGB32)
    scene = view.scene()
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    scene.render(painter)  # warm up caches before counting
    before = sys.getrefcount(None)
    for step in range(REPAINTS):
        view.zoom(1.01 if step % 2 else 1 / 1.01)
        scene.render(painter)
    painter.end()
    after = sys.getrefcount(None)
    # A leak of one reference per drawLine would lose tens of thousands here; allow small noise.
    assert after >= before - 50, (before, after)
