#!/usr/bin/env python3
"""Set up and run the app from a checkout: `python3 dev.py launch` or `python3 dev.py test`.

Each command creates `.venv` on first use, installs the app into it (with the test tools for
`test`), and then does its job. Only the Python standard library is used here, so this works on
a fresh machine with nothing but Python 3.11+.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")

# What Qt's xcb platform needs for a real window, and Xvfb and xdotool for the end-to-end tests.
X11_PACKAGES = [
    "libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxcb-shape0", "libxcb-randr0",
    "libxcb-render-util0", "libxcb-image0", "libxcb-xinerama0", "libxkbcommon-x11-0",
    "libegl1", "libgl1", "libfontconfig1", "libdbus-1-3", "fonts-dejavu-core",
]  # fmt: skip
TEST_PACKAGES = [*X11_PACKAGES, "xvfb", "xdotool", "imagemagick"]


def fail(message: str) -> None:
    print(f"dev.py: {message}", file=sys.stderr)
    sys.exit(2)


def _fresh(stamp: Path) -> bool:
    pyproject = ROOT / "pyproject.toml"
    return stamp.exists() and stamp.stat().st_mtime >= pyproject.stat().st_mtime


def ensure_venv(extra: str) -> None:
    stamp = VENV / f".installed-{extra or 'app'}"
    # The test install holds the app too, so `launch` after `test` need not install again.
    if _fresh(stamp) or (not extra and _fresh(VENV / ".installed-test")):
        return
    if not PYTHON.exists():
        print("Creating .venv …", flush=True)
        try:
            venv.create(VENV, with_pip=True)
        except Exception as error:  # venv raises CalledProcessError when ensurepip is missing
            shutil.rmtree(VENV, ignore_errors=True)
            fail(
                f"could not create a virtual environment ({error}). On Debian or Ubuntu: "
                "sudo apt-get install python3-venv"
            )
    target = f".[{extra}]" if extra else "."
    print(f"Installing {target} into .venv …", flush=True)
    pip = [str(PYTHON), "-m", "pip", "install", "--disable-pip-version-check", "-q"]
    run_or_fail([*pip, "--upgrade", "pip"], "updating pip in .venv")
    run_or_fail([*pip, "-e", target], f"installing {target} into .venv")
    stamp.touch()


def run_or_fail(command: list[str], what: str, env: dict[str, str] | None = None) -> None:
    """Run a set-up step; if it fails, say which step in one line (its own output is above)."""
    if subprocess.run(command, cwd=ROOT, env=env).returncode != 0:
        fail(f"{what} failed (see the messages above); is the network reachable?")


def missing_debian_packages(packages: list[str]) -> list[str]:
    if shutil.which("dpkg-query") is None:
        return []
    missing = []
    for package in packages:
        result = subprocess.run(
            ["dpkg-query", "-W", "-f=${Status}", package], capture_output=True, text=True
        )
        if "install ok installed" not in result.stdout:
            missing.append(package)
    return missing


def ensure_system_packages(packages: list[str], why: str) -> None:
    missing = missing_debian_packages(packages)
    if not missing:
        return
    if os.geteuid() == 0 and shutil.which("apt-get"):
        print(f"Installing {', '.join(missing)} ({why}) …", flush=True)
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        run_or_fail(["apt-get", "update", "-qq"], "apt-get update", env)
        run_or_fail(["apt-get", "install", "-y", "-qq", *missing], "apt-get install", env)
        return
    fail(f"{why} needs these system packages:\n  sudo apt-get install {' '.join(missing)}")


def launch(args: list[str]) -> int:
    ensure_venv("")
    if sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM"):
        if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            fail("there is no display (DISPLAY is not set): run this from a desktop session")
        ensure_system_packages(X11_PACKAGES, "a Qt window")
    return subprocess.call([str(BIN / "karabakh-timeline"), *args])


def test(args: list[str]) -> int:
    ensure_venv("test")
    if sys.platform.startswith("linux"):
        ensure_system_packages(TEST_PACKAGES, "the tests (a real X window under Xvfb)")
    return subprocess.call([str(PYTHON), "-m", "pytest", *args], cwd=ROOT)


def main() -> int:
    # This file runs on the system's python3, which may be older than the app allows.
    if sys.version_info < (3, 11):  # noqa: UP036
        fail(f"Python 3.11 or newer is needed; this is {sys.version.split()[0]}")
    commands = {"launch": launch, "test": test}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        print(__doc__)
        return 2
    return commands[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    sys.exit(main())
