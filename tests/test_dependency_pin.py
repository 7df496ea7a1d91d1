"""PySide6 6.12.0 stays out of the dependency range on Python before 3.12.

That release drops a reference to None in ``QPainter.drawLine(QPointF, QPointF)``, which
pyqtgraph's axes call on every repaint; on Python 3.11 the interpreter then aborts
("deallocating None") after enough repaints. From Python 3.12 None is immortal and the bug is
harmless. The guard is the range in pyproject.toml, so the test reads that range.
"""

from __future__ import annotations

import sys
import tomllib
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"
BROKEN = Version("6.12.0")
QT = canonicalize_name("PySide6-Essentials")


def qt_requirements(dependencies: list[str], python: str) -> list[Requirement]:
    """The PySide6 requirements that apply on ``python`` ('3.11')."""
    found = []
    for line in dependencies:
        requirement = Requirement(line)
        applies = requirement.marker is None or requirement.marker.evaluate(
            {"python_version": python, "python_full_version": f"{python}.0"}
        )
        if canonicalize_name(requirement.name) == QT and applies:
            found.append(requirement)
    return found


def allows(dependencies: list[str], python: str, version: Version) -> bool:
    """Whether pip may install PySide6 ``version`` on ``python`` under these dependencies."""
    requirements = qt_requirements(dependencies, python)
    return bool(requirements) and all(
        r.specifier.contains(version, prereleases=True) for r in requirements
    )


def project_dependencies() -> list[str]:
    with PYPROJECT.open("rb") as file:
        dependencies: list[str] = tomllib.load(file)["project"]["dependencies"]
    return dependencies


@pytest.mark.parametrize("python", ["3.11"])
def test_the_range_excludes_6_12_0_before_python_3_12(python: str) -> None:
    dependencies = project_dependencies()
    assert qt_requirements(dependencies, python), "PySide6 is no longer a dependency"
    assert not allows(dependencies, python, BROKEN)
    # Only that release: the ones around it stay installable.
    for fine in ("6.6", "6.11.2", "6.12.1", "6.13"):
        assert allows(dependencies, python, Version(fine)), fine


@pytest.mark.parametrize("python", ["3.12", "3.13"])
def test_from_python_3_12_the_release_is_allowed(python: str) -> None:
    assert allows(project_dependencies(), python, BROKEN)


def test_the_check_would_see_a_range_that_lets_6_12_0_in() -> None:
    loose = ["PySide6-Essentials>=6.6", "pyqtgraph>=0.13.7"]
    assert allows(loose, "3.11", BROKEN)
    assert not allows(["pyqtgraph>=0.13.7"], "3.11", Version("6.11"))  # not a dependency at all


def test_the_installed_pyside6_is_not_the_broken_release_before_python_3_12() -> None:
    installed = Version(metadata.version("PySide6-Essentials"))
    assert sys.version_info >= (3, 12) or installed != BROKEN, installed
