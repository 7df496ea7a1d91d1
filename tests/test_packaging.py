"""The wheel carries the package, the bundled dataset and the resources, and runs when installed.

The wheel is built offline (no index, no build isolation: hatchling comes from the test extra)
and installed into a scratch folder; the installed copy then runs from another folder, so it can
only find its data through the package, never through the checkout.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "karabakh_timeline"


def run(
    command: list[str], cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command, capture_output=True, text=True, encoding="utf-8", timeout=300, cwd=cwd, env=env
    )


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    result = run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "--disable-pip-version-check",
            "-w",
            str(out),
            str(REPO),
        ]
    )
    assert result.returncode == 0, result.stdout + result.stderr
    (built,) = out.glob("karabakh_timeline-*.whl")
    return built


@pytest.fixture(scope="module")
def site(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("site")
    result = run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "--no-index",
            "--disable-pip-version-check",
            "--target",
            str(target),
            str(wheel),
        ]
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return target


def installed(site: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run Python with only the installed copy of the package importable ahead of the rest."""
    env = {**os.environ, "PYTHONPATH": str(site)}
    return run([sys.executable, *args], cwd=cwd, env=env)


def test_every_folder_the_wheel_forces_in_is_in_a_fresh_clone() -> None:
    # hatchling refuses to build when a force-included folder is missing, and git keeps no empty
    # folders: a folder with no committed file breaks `pip install .` from a fresh clone.
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    forced = config["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    assert set(forced) == {"data", "resources"}
    for folder in forced:
        if shutil.which("git") and (REPO / ".git").exists():
            result = run(["git", "ls-files", "--", folder], cwd=REPO)
            assert result.returncode == 0, result.stderr
            assert result.stdout.strip(), f"{folder}/ has no committed file; a fresh clone lacks it"
        else:  # an unpacked source archive: the folder itself must be there, with files
            assert any(p.is_file() for p in (REPO / folder).rglob("*")), f"{folder}/ is empty"


def wheel_names(wheel: Path) -> set[str]:
    with zipfile.ZipFile(wheel) as archive:
        return set(archive.namelist())


def test_the_wheel_holds_every_module_of_the_package(wheel: Path) -> None:
    names = wheel_names(wheel)
    modules = [p.relative_to(REPO).as_posix() for p in PACKAGE.rglob("*.py")]
    assert "karabakh_timeline/model/loader.py" in modules
    assert "karabakh_timeline/cli/__init__.py" in modules
    missing = [m for m in modules if m not in names]
    assert missing == []
    assert not [n for n in names if n.startswith(("tests/", ".venv/", "data/", "resources/"))]


def test_the_wheel_holds_the_bundled_dataset_and_the_resources(wheel: Path) -> None:
    names = wheel_names(wheel)
    wanted = [f"karabakh_timeline/_data/{p.name}" for p in sorted((REPO / "data").glob("*.yaml"))]
    resources = REPO / "resources"
    wanted += [
        f"karabakh_timeline/_resources/{p.relative_to(resources).as_posix()}"
        for p in sorted(resources.rglob("*"))
        if p.is_file()
    ]
    missing = [name for name in wanted if name not in names]
    assert missing == []
    # Nothing else lands in the data folder: only what data/ holds.
    shipped = {n for n in names if n.startswith("karabakh_timeline/_data/")}
    assert shipped == {n for n in wanted if n.startswith("karabakh_timeline/_data/")}


def test_the_wheel_declares_the_entry_point(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        (entry_points,) = [n for n in archive.namelist() if n.endswith("entry_points.txt")]
        text = archive.read(entry_points).decode("utf-8")
    assert "[gui_scripts]" in text
    assert "karabakh-timeline = karabakh_timeline.cli:main" in text


def test_the_installed_copy_is_the_one_imported(site: Path, tmp_path: Path) -> None:
    probe = (
        "import karabakh_timeline, karabakh_timeline.bundled as b;"
        "print(karabakh_timeline.__file__); print(b.bundled_data_dir())"
    )
    result = installed(site, tmp_path, "-c", probe)
    assert result.returncode == 0, result.stderr
    package_file, data_dir = result.stdout.splitlines()
    assert Path(package_file).resolve() == (site / "karabakh_timeline" / "__init__.py").resolve()
    assert Path(data_dir) == (site / "karabakh_timeline" / "_data").resolve()
    assert not Path(package_file).resolve().is_relative_to(REPO)


def test_the_installed_app_validates_its_bundled_dataset(site: Path, tmp_path: Path) -> None:
    result = installed(site, tmp_path, "-m", "karabakh_timeline", "validate")
    assert result.returncode == 0, result.stdout + result.stderr
    (line,) = result.stdout.splitlines()
    assert line.startswith("OK: ")
    assert "Traceback" not in result.stderr


def test_the_installed_app_lists_and_summarises(site: Path, tmp_path: Path) -> None:
    events = installed(site, tmp_path, "-m", "karabakh_timeline", "events", "--json")
    assert events.returncode == 0, events.stderr
    assert '"format": 2' in events.stdout
    summary = installed(
        site, tmp_path, "-m", "karabakh_timeline", "summary", "--from", "2004", "--to", "2004"
    )
    assert summary.returncode == 0, summary.stderr
    assert "How: " in summary.stdout
