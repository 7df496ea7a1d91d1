"""Where the bundled dataset and resources are, installed from a wheel or run from a checkout."""

from __future__ import annotations

from importlib.resources import as_file, files
from importlib.resources.abc import Traversable
from pathlib import Path


def _package_dir(installed_name: str, checkout_name: str) -> Traversable:
    # A wheel carries data/ and resources/ inside the package (see pyproject.toml); a source
    # checkout or an editable install keeps them beside the package at the top of the repository.
    installed = files("karabakh_timeline") / installed_name
    if installed.is_dir():
        return installed
    return files("karabakh_timeline").joinpath("..", checkout_name)


def bundled_data_dir() -> Path:
    with as_file(_package_dir("_data", "data")) as path:
        return Path(path).resolve()


def resource_path(name: str) -> Path:
    with as_file(_package_dir("_resources", "resources") / name) as path:
        return Path(path).resolve()
