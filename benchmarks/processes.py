"""Whole-process times: the import floor, the window's first paint, and a headless PNG export.

The floor is ``python -c "import PySide6.QtWidgets, pyqtgraph"``: no Python app with a Qt window
and pyqtgraph can start faster. The app runs as a user runs it, through the installed
``karabakh-timeline`` entry point, on the bundled dataset, with settings in an empty folder so a
saved window layout does not change what is measured. The three are run in turn, several times,
so a busy moment of the machine weighs on all of them alike; the medians are compared.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.stats import median

FIRST_PAINT_PREFIX = "karabakh-timeline: first paint at monotonic "
TIMEOUT_S = 120


def entry_point() -> list[str]:
    """The installed command beside this interpreter, or the module if it is not installed."""
    script = Path(sys.executable).with_name("karabakh-timeline")
    return [str(script)] if script.exists() else [sys.executable, "-m", "karabakh_timeline"]


def _environment(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / "config"),
        PYQTGRAPH_QT_LIB="PySide6",
    )
    env.pop("KARABAKH_TIMELINE_TEST_REPORT", None)
    # An installed app starts from compiled bytecode (pip writes it); let the untimed first run
    # write it for a checkout too, as any normal run would.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _run(command: list[str], env: dict[str, str]) -> tuple[float, float, str]:
    """Wall seconds of the whole process, the monotonic start, and what it wrote to stderr."""
    started = time.monotonic()
    done = subprocess.run(
        command, env=env, capture_output=True, text=True, timeout=TIMEOUT_S, check=False
    )
    seconds = time.monotonic() - started
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr}")
    return seconds, started, done.stderr


def floor_seconds(env: dict[str, str]) -> float:
    seconds, _, _ = _run([sys.executable, "-c", "import PySide6.QtWidgets, pyqtgraph"], env)
    return seconds


def first_paint_seconds(env: dict[str, str]) -> tuple[float, float]:
    """From launch to the first painted window, and to the end of the process."""
    env = dict(env, KARABAKH_TIMELINE_QUIT_AFTER_FIRST_PAINT="1")
    seconds, started, stderr = _run(entry_point(), env)
    for line in stderr.splitlines():
        if line.startswith(FIRST_PAINT_PREFIX):
            return float(line.removeprefix(FIRST_PAINT_PREFIX)) - started, seconds
    raise RuntimeError(f"the app did not report its first paint:\n{stderr}")


def export_seconds(env: dict[str, str], output: Path) -> float:
    seconds, _, _ = _run([*entry_point(), "export", str(output)], env)
    if not output.is_file() or output.stat().st_size == 0:
        raise RuntimeError("the export wrote no picture")
    output.unlink()
    return seconds


def measure(runs: int) -> dict[str, dict[str, float | list[float]]]:
    home = Path(tempfile.mkdtemp(prefix="karabakh-benchmark-home-"))
    try:
        env = _environment(home)
        # An untimed first run of each fills the disk cache and the bytecode cache.
        floor_seconds(env)
        first_paint_seconds(env)
        export_seconds(env, home / "export.png")
        shutil.rmtree(home / "config", ignore_errors=True)
        floors, paints, exits, exports = [], [], [], []
        for _ in range(runs):
            floors.append(floor_seconds(env))
            paint, whole = first_paint_seconds(env)
            paints.append(paint)
            exits.append(whole)
            exports.append(export_seconds(env, home / "export.png"))
            shutil.rmtree(home / "config", ignore_errors=True)  # no layout saved by a run
    finally:
        shutil.rmtree(home, ignore_errors=True)
    floor = median(floors)
    return {
        "floor": {"median_s": round(floor, 3), "runs_s": _rounded(floors)},
        "first_paint": {
            "median_s": round(median(paints), 3),
            "ratio_to_floor": round(median(paints) / floor, 2),
            "process_median_s": round(median(exits), 3),
            "runs_s": _rounded(paints),
        },
        "export_png": {
            "median_s": round(median(exports), 3),
            "ratio_to_floor": round(median(exports) / floor, 2),
            "runs_s": _rounded(exports),
        },
    }


def _rounded(values: list[float]) -> list[float]:
    return [round(value, 3) for value in values]
