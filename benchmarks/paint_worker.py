"""Time one repaint of the timeline after a pan step and after a zoom step, in a fresh process.

``python -m benchmarks.paint_worker DATASET STEPS`` prints one JSON object: for each view
(fit-all, one year) and step (pan, zoom), the milliseconds from the step to the end of the
repaint it caused, as median and 95th percentile.

What is timed is what a user waits for: the step is made the way a mouse makes it (a drag moves
the view box by a few pixels with ``translateBy``; a wheel notch scales it with ``scaleBy``), then
Qt's event loop runs (``processEvents``) until the timeline's viewport has handled a paint event.
The view is shown on Qt's offscreen platform, so the paint is a real ``QGraphicsView`` repaint
into a window's backing store, at the size the timeline has in a 1280 × 800 window.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import time
from collections.abc import Callable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

from PySide6.QtCore import (  # after the platform is chosen
    QCoreApplication,
    QEvent,
    QObject,
    QPointF,
)
from PySide6.QtWidgets import QApplication

from benchmarks.stats import summary_ms
from benchmarks.worker_exit import exit_after_printing
from karabakh_timeline.model.loader import load_dataset

TIMELINE_SIZE = (960, 450)  # the timeline's size in the main window at 1280 × 800
PAN_PX = 5  # pixels a drag moves the view between two repaints
WHEEL_NOTCH = 1.02 ** (120 / 8)  # pyqtgraph's zoom for one wheel notch (wheelScaleFactor -1/8)
ZOOMS = (WHEEL_NOTCH, WHEEL_NOTCH, 1 / WHEEL_NOTCH, 1 / WHEEL_NOTCH)  # in, in, out, out
WARM_UP = 3
YEAR = 2020
PAINT_TIMEOUT_S = 10.0


class PaintCounter(QObject):
    def __init__(self, widget: QObject) -> None:
        super().__init__(widget)
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def until_painted(app: QCoreApplication, counter: PaintCounter) -> None:
    """Run the event loop until the viewport has painted, and then until it paints no more."""
    before = counter.count
    deadline = time.perf_counter() + PAINT_TIMEOUT_S
    while counter.count == before:
        app.processEvents()
        if time.perf_counter() > deadline:
            raise RuntimeError("the timeline did not repaint after a step")
    while True:  # a paint may leave a small update for the next pass: wait for it too
        before = counter.count
        app.processEvents()
        if counter.count == before:
            return


def main(path: str, steps: int) -> None:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    from karabakh_timeline.ui.selection import Selection
    from karabakh_timeline.ui.timeline.view import TimelineView

    dataset = load_dataset(path)
    view = TimelineView(dataset, Selection())
    counter = PaintCounter(view.viewport())
    view.resize(*TIMELINE_SIZE)
    view.show()
    until_painted(app, counter)
    vb = view.lanes.vb

    def pan_step(direction: list[int]) -> None:
        pixel = vb.viewPixelSize()[0]
        before = vb.viewRange()[0][0]
        vb.translateBy(x=direction[0] * PAN_PX * pixel)
        if abs(vb.viewRange()[0][0] - before) < pixel / 2:  # at the limit: drag the other way
            direction[0] = -direction[0]
            vb.translateBy(x=direction[0] * PAN_PX * pixel)

    def timed(setup: Callable[[], None], kind: str) -> dict[str, float | int]:
        setup()
        app.processEvents()  # the repaint of the view set up, if it changed
        direction = [1]
        seconds = []
        for number in range(WARM_UP + steps):
            if kind == "pan":
                if number % 20 == 19:  # a drag goes one way for a while, then back
                    direction[0] = -direction[0]
                started = time.perf_counter()
                pan_step(direction)
            else:
                factor = ZOOMS[number % len(ZOOMS)]
                (x0, x1), _ = vb.viewRange()
                started = time.perf_counter()
                vb.scaleBy(s=[1 / factor, None], center=QPointF((x0 + x1) / 2, 0))
            until_painted(app, counter)
            if number >= WARM_UP:
                seconds.append(time.perf_counter() - started)
        return summary_ms(seconds)

    def one_year() -> None:
        view.set_x_range(dt.date(YEAR, 1, 1), dt.date(YEAR, 12, 31))

    results = []
    for name, setup in (("fit-all", view.fit_all), ("one year", one_year)):
        for kind in ("pan", "zoom"):
            results.append({"view": name, "step": kind, **timed(setup, kind)})
    print(json.dumps({"events": len(dataset.events), "paints": results}))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
    exit_after_printing()
