"""The model never imports Qt: the command line, the exporters and scripts must work without it."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

FORBIDDEN = ("PySide6", "shiboken6", "pyqtgraph")

# Runs in a fresh interpreter: this test process has Qt loaded already (conftest, other tests).
PROBE = textwrap.dedent(
    """
    import importlib, json, pkgutil, sys
    import karabakh_timeline.model as model

    imported = []
    for info in pkgutil.walk_packages(model.__path__, model.__name__ + "."):
        importlib.import_module(info.name)
        imported.append(info.name)
    qt = sorted(
        name for name in sys.modules
        if name.split(".")[0] in {forbidden!r}
    )
    print(json.dumps({{"imported": imported, "qt": qt}}))
    """
).format(forbidden=set(FORBIDDEN))


def test_importing_every_model_module_loads_no_qt() -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    # The walk must really have reached the modules, or an empty walk would pass.
    for module in ("dates", "figures", "records", "loader", "query", "json_output"):
        assert f"karabakh_timeline.model.{module}" in found["imported"]
    assert found["qt"] == [], f"the model imported {found['qt']}"


def test_the_probe_would_see_qt_if_it_were_imported() -> None:
    # The same check on a module that does import Qt must find it, so the test above can fail.
    probe = "import sys, karabakh_timeline.ui.selection; print('PySide6' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True"
