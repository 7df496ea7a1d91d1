"""The installed app in a real X window: click an event with the real pointer, press Right.

The test starts its own Xvfb (which picks a free display number itself), runs the installed
``karabakh-timeline`` entry point on the xcb platform, and drives it with xdotool, as a person
with a mouse and a keyboard would. The app writes a small JSON report of what it shows when
``KARABAKH_TIMELINE_TEST_REPORT`` is set (see ``karabakh_timeline/ui/automation_report.py``);
the test waits on that file instead of sleeping. A screenshot of the end state is saved as
``test-output/real-window.png``.
"""

from __future__ import annotations

import json
import os
import select
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.e2e

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "tests" / "fixtures" / "sample"
OUTPUT = REPO / "test-output"
SCREEN = "1280x800x24"
CLICKED = "ev-2004-aghdam"  # alone in its years: easy to hit at any zoom
NEXT = "ev-2011-ban"  # the next event in time


def need(tool: str, package: str) -> str:
    path = shutil.which(tool)
    if path is None:
        pytest.fail(
            f"{tool} is not installed; the end-to-end test needs it. "
            f"On Debian or Ubuntu: sudo apt-get install {package}",
            pytrace=False,
        )
    return path


def wait_for(what: str, check: Callable[[], Any], timeout: float) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = check()
        if result:
            return result
        time.sleep(0.05)
    pytest.fail(f"timed out after {timeout:.0f} s waiting for {what}", pytrace=False)


@pytest.fixture
def display() -> Iterator[str]:
    """A fresh Xvfb; it writes the display number it chose to a pipe (-displayfd)."""
    xvfb = need("Xvfb", "xvfb")
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        [xvfb, "-displayfd", str(write_end), "-screen", "0", SCREEN, "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    os.close(write_end)
    try:
        ready, _, _ = select.select([read_end], [], [], 15)
        number = os.read(read_end, 32).decode().strip() if ready else ""
        if not number:
            server.kill()
            error = server.stderr.read().decode(errors="replace") if server.stderr else ""
            pytest.fail(f"Xvfb did not start: {error.strip()}", pytrace=False)
        yield f":{number}"
    finally:
        os.close(read_end)
        server.terminate()
        try:
            server.wait(timeout=5)
        except subprocess.TimeoutExpired:
            server.kill()


def read_report(path: Path) -> dict[str, Any] | None:
    try:
        return json.loads(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]
    except (FileNotFoundError, json.JSONDecodeError):
        return None


def test_click_an_event_then_press_right(display: str, tmp_path: Path) -> None:
    xdotool = need("xdotool", "xdotool")
    grab = need("import", "imagemagick")
    app = Path(sys.executable).with_name("karabakh-timeline")
    assert app.exists(), f"the installed entry point is missing: {app} (pip install -e .)"
    report = tmp_path / "report.json"
    env = {
        **os.environ,
        "DISPLAY": display,
        "QT_QPA_PLATFORM": "xcb",
        "KARABAKH_TIMELINE_TEST_REPORT": str(report),
        "HOME": str(tmp_path),  # settings of this run only, never the user's
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    env.pop("WAYLAND_DISPLAY", None)
    log = (tmp_path / "app.log").open("w")
    process = subprocess.Popen(
        [str(app), "--data", str(SAMPLE)], env=env, stdout=log, stderr=subprocess.STDOUT
    )
    try:

        def marker_ready() -> Any:
            if process.poll() is not None:
                log.flush()
                output = (tmp_path / "app.log").read_text()
                pytest.fail(f"the app exited with {process.returncode}:\n{output}", False)
            state = read_report(report)
            return state if state and CLICKED in state["markers"] else None

        state = wait_for("the window to show its markers", marker_ready, 30)
        assert state["shown_event"] is None
        x, y = state["markers"][CLICKED]

        def run(*arguments: str) -> None:
            subprocess.run(
                [xdotool, *arguments], env=env, check=True, timeout=10, capture_output=True
            )

        run("mousemove", "--sync", str(x), str(y))
        run("click", "1")
        wait_for(
            f"the details panel to show {CLICKED}",
            lambda: (read_report(report) or {}).get("shown_event") == CLICKED,
            10,
        )
        run("key", "Right")
        final = wait_for(
            f"Right to move the details panel on to {NEXT}",
            lambda: (s := read_report(report)) and s["shown_event"] == NEXT and s,
            10,
        )
        assert final["selected_event"] == NEXT
        OUTPUT.mkdir(exist_ok=True)
        shot = OUTPUT / "real-window.png"
        subprocess.run(
            [grab, "-display", display, "-window", "root", str(shot)],
            env=env,
            check=True,
            timeout=20,
        )
        assert shot.stat().st_size > 10_000  # a real picture of a window, not an empty frame
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()
