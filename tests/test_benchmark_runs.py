"""The benchmark keeps running: ``python -m benchmarks --quick`` gives every figure it promises.

Its timings are not judged here (they depend on the machine); only that each one was measured.
"""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _number(value: object) -> bool:
    return isinstance(value, int | float) and math.isfinite(value) and value > 0


def test_the_quick_benchmark_writes_every_figure(tmp_path: Path) -> None:
    out = tmp_path / "results.json"
    env = dict(os.environ, HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "config"))
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--quick", "--json", str(out)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    results = json.loads(out.read_text(encoding="utf-8"))

    assert results["settings"]["sizes"] == [1000] and results["settings"]["quick"] is True
    assert results["machine"]["cores"] >= 1 and results["machine"]["PySide6"] != "not installed"
    loads = {(load["format"], load["events"]): load for load in results["load"]}
    assert set(loads) == {("JSON", 1000), ("YAML", 1000)}
    assert all(_number(load["median_s"]) for load in loads.values())

    processes = results["processes"]
    assert _number(processes["floor"]["median_s"])
    for name in ("first_paint", "export_png"):
        assert _number(processes[name]["median_s"]) and _number(processes[name]["ratio_to_floor"])
    # The first paint comes before the end of the process that reported it.
    assert processes["first_paint"]["median_s"] < processes["first_paint"]["process_median_s"]

    (paint,) = results["paint"]
    assert paint["events"] == 1000
    conditions = {(p["view"], p["step"]) for p in paint["paints"]}
    assert conditions == {(v, s) for v in ("fit-all", "one year") for s in ("pan", "zoom")}
    for p in paint["paints"]:
        assert _number(p["median_ms"]) and p["p95_ms"] >= p["median_ms"] and p["samples"] == 10

    (change,) = results["selection"]
    assert change["events"] == 1000 and _number(change["median_ms"]) and change["samples"] == 10

    (on_map,) = results["map"]
    assert on_map["events"] == 1000 and on_map["places"] == 10
    assert _number(on_map["median_ms"]) and on_map["samples"] == 10

    # The printed table holds the same figures as the JSON.
    table = results["table"]
    assert len(table) == 2 + 5 + 4 + 1 + 1
    assert "map updated" in done.stdout
    assert "first painted window" in done.stdout and "selection change" in done.stdout
    printed = f"{processes['first_paint']['ratio_to_floor']:.2f}×"
    assert printed in done.stdout
