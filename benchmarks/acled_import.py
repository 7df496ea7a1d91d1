"""Time opening a synthetic ACLED export: ``python -m benchmarks.acled_import [ROWS]``.

Writes ROWS (default 100,000) rows in ACLED's documented export columns to a temporary file,
opens it the way the app does (with a progress callback) and prints the seconds it took and
how often progress was reported. The rows are made up; they only have ACLED's shape.
"""

from __future__ import annotations

import csv
import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

from karabakh_timeline.model.loader import check_dataset

COLUMNS = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
]
TYPES = (
    ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ("Battles", "Armed clash"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Strategic developments", "Disrupted weapons use"),
)
PLACES = (
    ("Azerbaijan", "Aghdam", 39.9931, 46.9297),
    ("Azerbaijan", "Fuzuli", 39.6003, 47.1431),
    ("Armenia", "Jermuk", 39.8417, 45.6708),
    ("Armenia", "Berd", 40.8811, 45.3917),
)


def write_rows(path: Path, rows: int) -> None:
    start = dt.date(1997, 1, 1)
    with path.open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(COLUMNS)
        for n in range(rows):
            day = start + dt.timedelta(days=n % 9000)
            event_type, sub_type = TYPES[n % len(TYPES)]
            country, location, lat, lon = PLACES[n % len(PLACES)]
            writer.writerow(
                [
                    f"{country[:3].upper()}{n}", day.isoformat(), day.year, n % 3 + 1,
                    "Political violence", event_type, sub_type, "Actor A", "", 1, "Actor B",
                    "", 7, 17, "", 31, "Caucasus and Central Asia", country, location, "", "",
                    location, lat, lon, n % 3 + 1, "Agency", "National",
                    "Synthetic benchmark row.", n % 4, "", 1700000000 + n,
                ]
            )  # fmt: skip


def main(argv: list[str]) -> int:
    rows = int(argv[0]) if argv else 100_000
    calls = 0

    def progress(done: int, total: int) -> bool:
        nonlocal calls
        calls += 1
        return True

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "acled.csv"
        write_rows(path, rows)
        began, began_cpu = time.perf_counter(), time.process_time()
        dataset, problems = check_dataset(path, progress)
        took, cpu = time.perf_counter() - began, time.process_time() - began_cpu
    assert dataset is not None, problems[:3]
    print(
        f"{rows:,} ACLED rows opened in {took:.2f} s ({cpu:.2f} s of CPU time), "
        f"{calls} progress reports"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
