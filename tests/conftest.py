"""Test set-up shared by every test: Qt runs offscreen unless a test starts its own X server."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# Before anything imports Qt: no window appears during unit tests, and pyqtgraph binds PySide6.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["PYQTGRAPH_QT_LIB"] = "PySide6"

FIXTURES = Path(__file__).parent / "fixtures"
SAMPLE_DATASET = FIXTURES / "sample"


@pytest.fixture(autouse=True)
def collect_garbage_between_tests() -> Iterator[None]:
    """Run Python's cycle collector only between tests, never inside Qt's event processing.

    WORKAROUND for PySide6 with pyqtgraph: a collection that happens to run while Qt delivers
    events can free the Python side of graphics items whose scene is still being torn down, and
    the process aborts ("pure virtual method called"). The app does the same with pyqtgraph's
    GarbageCollector, which collects from a timer in the event loop.
    """
    gc.disable()
    yield
    gc.collect()


@pytest.fixture
def sample_path() -> Path:
    return SAMPLE_DATASET


@pytest.fixture
def sample_dataset():  # type: ignore[no-untyped-def]
    from karabakh_timeline.model.loader import load_dataset

    return load_dataset(SAMPLE_DATASET)


@pytest.fixture
def isolated_settings(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    """QSettings written under tmp_path, so tests never read or change a user's settings."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("HOME", str(tmp_path))
    from PySide6.QtCore import QSettings

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path))
    return tmp_path
