"""``python -m benchmarks``: make the synthetic datasets, run every measurement, print the table and
write the same as JSON.

    python -m benchmarks                          # 1,000 to 1,000,000 events (a few minutes)
    python -m benchmarks --sizes 1000,100000      # chosen sizes
    python -m benchmarks --quick                  # the smallest size, few repetitions (CI)
    python -m benchmarks --json results/run.json  # where the JSON goes

Timings are reported, never asserted: the tests only check that every figure is there.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks import measurements, processes
from benchmarks.stats import machine
from benchmarks.synthetic import synthetic_dataset, write_dataset, write_yaml_dataset
from benchmarks.table import as_json, markdown_table, rows_for, text_table

DEFAULT_SIZES = (1_000, 10_000, 100_000, 1_000_000)
YAML_SIZES = (1_000, 10_000)  # YAML is read for comparison only: JSON is the format for size
SCALE_SIZES = (100_000, 1_000_000)  # where painting and the panels are held to targets
MAP_PLACES = 1_000  # places the map's events are spread over at scale
DEFAULT_JSON = Path(__file__).resolve().parent / "results" / "latest.json"


def _sizes(text: str) -> list[int]:
    try:
        sizes = sorted({int(part.replace("_", "")) for part in text.split(",") if part.strip()})
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a list of whole numbers") from None
    if not sizes or sizes[0] < 1:
        raise argparse.ArgumentTypeError("give one or more sizes above 0, e.g. 1000,100000")
    return sizes


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="Measure how fast Karabakh Timeline loads, starts, paints, follows a "
        "selection and exports, on synthetic datasets and the bundled one.",
    )
    parser.add_argument(
        "--sizes",
        type=_sizes,
        default=list(DEFAULT_SIZES),
        metavar="N,N,…",
        help="numbers of events (default 1000,10000,100000,1000000)",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="the smallest size only, with few repetitions: checks the benchmark still runs",
    )
    parser.add_argument(
        "--json",
        type=Path,
        default=DEFAULT_JSON,
        metavar="OUT",
        help="where to write the results (default benchmarks/results/latest.json)",
    )
    return parser


def _say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def _load_runs(events: int, quick: bool) -> int:
    if quick:
        return 2
    return 5 if events <= 10_000 else 3 if events <= 100_000 else 1


def run(sizes: list[int], quick: bool, folder: Path) -> dict[str, Any]:
    scale_sizes = [size for size in sizes if size in SCALE_SIZES] or [sizes[-1]]
    steps, changes, process_runs = (10, 10, 3) if quick else (60, 40, 7)
    results: dict[str, Any] = {
        "machine": machine(),
        "settings": {
            "sizes": sizes,
            "quick": quick,
            "paint_steps": steps,
            "selection_changes": changes,
            "process_runs": process_runs,
        },
        "load": [],
        "paint": [],
        "selection": [],
        "map": [],
    }
    files: dict[int, Path] = {}
    for events in sizes:
        _say(f"making {events:,} synthetic events…")
        dataset = synthetic_dataset(events)
        files[events] = write_dataset(dataset, folder / f"synthetic-{events}.json")
        yaml_file = None
        if events in YAML_SIZES:
            yaml_file = write_yaml_dataset(dataset, folder / f"synthetic-{events}.yaml")
        del dataset
        _say(f"loading {events:,} events…")
        runs = _load_runs(events, quick)
        load = measurements.load_seconds(files[events], runs)
        results["load"].append({"events": events, "format": "JSON", **load})
        if yaml_file is not None:
            load = measurements.load_seconds(yaml_file, runs)
            results["load"].append({"events": events, "format": "YAML", **load})
    _say("starting the window and exporting, next to the import floor…")
    results["processes"] = processes.measure(process_runs)
    for events in scale_sizes:
        _say(f"painting {events:,} events…")
        paints = measurements.paint_times(files[events], steps)
        results["paint"].append({"events": events, "paints": paints})
    selection_size = scale_sizes[0]
    _say(f"changing the selection with {selection_size:,} events…")
    change = measurements.selection_times(files[selection_size], changes)
    results["selection"].append({"events": selection_size, **change})
    places = MAP_PLACES if selection_size >= 100_000 else max(10, selection_size // 100)
    _say(f"following the selection on the map, {selection_size:,} events at {places:,} places…")
    results["map"] = [measurements.map_times(selection_size, places, changes)]
    return results


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    sizes = args.sizes[:1] if args.quick else args.sizes
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="karabakh-benchmark-") as folder:
        results = run(sizes, args.quick, Path(folder))
    rows = rows_for(results)
    results["table"] = as_json(rows)
    results["seconds"] = round(time.monotonic() - started, 1)
    info = results["machine"]
    print(
        f"Karabakh Timeline benchmark: {info['cpu']}, {info['cores']} cores; Python "
        f"{info['python']}, PySide6 {info['PySide6']}, pyqtgraph {info['pyqtgraph']}"
    )
    print(text_table(rows))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", "utf-8")
    _say(f"wrote {args.json} ({results['seconds']} s); as Markdown:\n\n{markdown_table(rows)}")
    return 0
