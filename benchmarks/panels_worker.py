"""Time a change of the selected period until both report panels show it, in a fresh process.

``python -m benchmarks.panels_worker DATASET CHANGES`` prints one JSON object with the median and
95th percentile, in milliseconds, from ``Selection.set_period`` to the moment both the casualty
and the clearance panel have emitted ``contents_changed`` (their table, totals, disputed figures
and chart then show the new period). The panels are shown offscreen at the size they get docked
under the timeline of a 1280 × 800 window; Qt's event loop runs until both have answered.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

from PySide6.QtWidgets import QApplication  # after the platform is chosen

from benchmarks.stats import summary_ms
from benchmarks.worker_exit import exit_after_printing
from karabakh_timeline.model.dates import DateRange
from karabakh_timeline.model.loader import load_dataset

PANEL_SIZE = (960, 230)
WARM_UP = 2
TIMEOUT_S = 30.0


def periods() -> list[DateRange]:
    """What a reader selects: single years, a few months, a war, a decade, everything."""
    chosen = [DateRange(dt.date(year, 1, 1), dt.date(year, 12, 31)) for year in range(1991, 2024)]
    chosen += [
        DateRange(dt.date(2020, 9, 27), dt.date(2020, 11, 10)),
        DateRange(dt.date(1992, 1, 1), dt.date(1994, 5, 12)),
        DateRange(dt.date(2001, 1, 1), dt.date(2010, 12, 31)),
        DateRange(dt.date(1991, 1, 1), dt.date(2023, 12, 31)),
    ]
    return chosen


def period_to_select(choices: list[DateRange], number: int, current: DateRange) -> DateRange:
    """The number-th of the choices in turn, or the one after it when it is already selected
    (selecting the same period again changes nothing and would time no work)."""
    period = choices[number % len(choices)]
    if period == current:
        period = choices[(number + 1) % len(choices)]
    return period


def main(path: str, changes: int) -> None:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    from karabakh_timeline.ui.panels.casualty_panel import CasualtyPanel
    from karabakh_timeline.ui.panels.clearance_panel import ClearancePanel
    from karabakh_timeline.ui.selection import Selection

    dataset = load_dataset(path)
    selection = Selection()
    panels = [CasualtyPanel(selection, dataset), ClearancePanel(selection, dataset)]
    answered: set[int] = set()
    for number, panel in enumerate(panels):
        panel.contents_changed.connect(lambda number=number: answered.add(number))
        panel.resize(*PANEL_SIZE)
        panel.show()
    app.processEvents()
    choices = periods()
    seconds = []
    for number in range(WARM_UP + changes):
        period = period_to_select(choices, number, selection.period)
        answered.clear()
        started = time.perf_counter()
        selection.set_period(period)
        deadline = started + TIMEOUT_S
        while len(answered) < len(panels):
            app.processEvents()
            if time.perf_counter() > deadline:
                raise RuntimeError("the panels did not answer a change of the period")
        if number >= WARM_UP:
            seconds.append(time.perf_counter() - started)
        app.processEvents()  # their repaints, outside the time: the figure is about contents
    print(json.dumps({"events": len(dataset.events), **summary_ms(seconds)}))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
    exit_after_printing()
