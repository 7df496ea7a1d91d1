"""Medians, percentiles and the machine a run was made on."""

from __future__ import annotations

import math
import os
import platform
import statistics
import sys
from importlib import metadata
from pathlib import Path


def median(values: list[float]) -> float:
    return statistics.median(values)


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile: the value that ``share`` of the values do not exceed."""
    ordered = sorted(values)
    rank = max(1, math.ceil(share * len(ordered)))
    return ordered[rank - 1]


def summary_ms(seconds: list[float]) -> dict[str, float | int]:
    """Median and 95th percentile in milliseconds, and how many samples they come from."""
    ms = [value * 1000 for value in seconds]
    return {
        "median_ms": round(median(ms), 2),
        "p95_ms": round(percentile(ms, 0.95), 2),
        "samples": len(ms),
    }


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


def _cores() -> int:
    if hasattr(os, "sched_getaffinity"):  # the cores this process may use, not the host's
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 0


def machine() -> dict[str, str | int]:
    # PySide6 is installed either whole or as its Essentials part, as this project does.
    pyside = _version("PySide6")
    if pyside == "not installed":
        pyside = _version("PySide6-Essentials")
    return {
        "cpu": _cpu_model(),
        "cores": _cores(),
        "system": platform.platform(),
        "python": sys.version.split()[0],
        "PySide6": pyside,
        "pyqtgraph": _version("pyqtgraph"),
        "numpy": _version("numpy"),
        "PyYAML": _version("PyYAML"),
        "orjson": _version("orjson"),
    }
