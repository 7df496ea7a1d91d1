"""Each measurement run in a fresh process of its own (see the ``*_worker`` modules)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from benchmarks.stats import median

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT_S = 1800


def worker(module: str, *arguments: str) -> dict[str, Any]:
    """Run ``python -m benchmarks.<module> arguments``; its last line of output is JSON."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYQTGRAPH_QT_LIB="PySide6")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    done = subprocess.run(
        [sys.executable, "-m", f"benchmarks.{module}", *arguments],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
        check=False,
    )
    if done.returncode != 0 or not done.stdout.strip():
        raise RuntimeError(f"benchmarks.{module} {' '.join(arguments)} failed:\n{done.stderr}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def load_seconds(path: Path, runs: int) -> dict[str, Any]:
    times = [worker("load_worker", str(path))["seconds"] for _ in range(runs)]
    return {
        "median_s": round(median(times), 3),
        "runs_s": [round(value, 3) for value in times],
        "file_mb": round(path.stat().st_size / 1e6, 1),
    }


def paint_times(path: Path, steps: int) -> list[dict[str, Any]]:
    paints: list[dict[str, Any]] = worker("paint_worker", str(path), str(steps))["paints"]
    return paints


def selection_times(path: Path, changes: int) -> dict[str, Any]:
    result = worker("panels_worker", str(path), str(changes))
    del result["events"]
    return result


def map_times(events: int, places: int, changes: int) -> dict[str, Any]:
    return worker("map_worker", str(events), str(places), str(changes))
