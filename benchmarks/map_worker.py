"""Time a change of the selected period until the map shows it, in a fresh process.

``python -m benchmarks.map_worker EVENTS PLACES CHANGES`` makes a synthetic dataset of EVENTS
events spread over PLACES places with coordinates in the region (each tenth event an incident
with killed and injured figures), shows the Map dock's view offscreen at the size it has in a
1280 × 800 window, and prints one JSON object with the median and 95th percentile, in
milliseconds, from ``Selection.set_period`` until the markers, names and holders are redone for
the new period (the map answers the signal directly, so the time is the call's).

    python -m benchmarks.map_worker 100000 1000 40    # the issue's scale, a dedicated run
"""

from __future__ import annotations

import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

from PySide6.QtWidgets import QApplication  # after the platform is chosen

from benchmarks.panels_worker import period_to_select, periods
from benchmarks.stats import summary_ms
from benchmarks.synthetic import synthetic_dataset, write_dataset
from benchmarks.worker_exit import exit_after_printing
from karabakh_timeline.model.loader import load_dataset

MAP_SIZE = (376, 230)
WARM_UP = 2


def placed_dataset(events: int, places: int, seed: int = 2020) -> dict[str, object]:
    """The synthetic dataset with its events moved onto ``places`` places on the map."""
    rng = random.Random(seed)
    data = synthetic_dataset(events)
    data["places"] = [
        {
            "id": f"place-{i}",
            "name": f"Village {i}",
            "name_az": f"Kənd {i}",
            "name_hy": f"Գյուղ {i}",
            "latitude": round(rng.uniform(38.9, 40.9), 4),
            "longitude": round(rng.uniform(45.3, 47.8), 4),
        }
        for i in range(places)
    ]
    for number, event in enumerate(data["events"]):
        event["places"] = [f"place-{rng.randrange(places)}"]
        if number % 10 == 0:
            event["figures"] = {"killed": rng.randrange(3), "injured": 1 + rng.randrange(4)}
    for group in ("casualties", "clearance"):
        for report in data[group]:
            report["places"] = [f"place-{rng.randrange(places)}"]
    return data


def main(events: int, places: int, changes: int) -> None:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    from karabakh_timeline.ui.map.map_view import MapView
    from karabakh_timeline.ui.selection import Selection

    with tempfile.TemporaryDirectory(prefix="karabakh-map-") as folder:
        path = write_dataset(placed_dataset(events, places), Path(folder) / "placed.json")
        dataset = load_dataset(path)
    selection = Selection()
    view = MapView(selection, dataset)
    view.resize(*MAP_SIZE)
    view.show()
    app.processEvents()
    choices = periods()
    seconds = []
    for number in range(WARM_UP + changes):
        period = period_to_select(choices, number, selection.period)
        started = time.perf_counter()
        selection.set_period(period)  # the map redoes its markers in the signal's call
        if number >= WARM_UP:
            seconds.append(time.perf_counter() - started)
        app.processEvents()  # the repaint, outside the time, as for the panels
    result = {"events": len(dataset.events), "places": len(dataset.places), **summary_ms(seconds)}
    print(json.dumps(result))


if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]))
    exit_after_printing()
