"""The installed app in a real X window, driven as a person would with xdotool: click an event
and read the details panel, see the clicked marker ringed in the screenshot, press Right,
double-click the year label "2004" and drag across 2000–2004 on the count track.

The test starts its own Xvfb (which picks a free display number itself), runs the installed
``karabakh-timeline`` entry point on the xcb platform, and drives it with xdotool, as a person
with a mouse and a keyboard would. The app writes a small JSON report of what it shows when
``KARABAKH_TIMELINE_TEST_REPORT`` is set (``karabakh_timeline/ui/testing/automation_report.py``);
the test waits on that file instead of sleeping, and reads the details panel's text from it.
What the timeline draws is read from screenshots (``test-output/real-window*.png``): the lane
colour at each marker, and the dark ring the timeline draws around the selected event.
"""

from __future__ import annotations

import datetime as dt
import json
import math
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


def pixel(convert: str, shot: Path, x: int, y: int) -> str:
    """The screenshot's colour at x, y as #rrggbb."""
    out = subprocess.run(
        [convert, str(shot), "-format", f"%[hex:p{{{x},{y}}}]", "info:"],
        check=True,
        capture_output=True,
        text=True,
        timeout=20,
    ).stdout.strip()
    return "#" + out[:6].lower()


RING_RADIUS = 9  # px: the selected marker's ring is 19 px across, drawn 2.5 px wide
RING_ANGLES = range(0, 360, 45)


def is_dark(colour: str) -> bool:
    """#rrggbb darker than any lane colour or the lanes' background: the selection ring."""
    return all(int(colour[i : i + 2], 16) < 110 for i in (1, 3, 5))


def ring_around(convert: str, shot: Path, x: int, y: int) -> int:
    """How many of eight points on a circle around x, y are dark: 8 where the ring is drawn."""
    dark = 0
    for angle in RING_ANGLES:
        px = round(x + RING_RADIUS * math.cos(math.radians(angle)))
        py = round(y + RING_RADIUS * math.sin(math.radians(angle)))
        steps = (-1, 0, 1)
        around = [pixel(convert, shot, px + dx, py + dy) for dx in steps for dy in steps]
        dark += any(is_dark(colour) for colour in around)
    return dark


def lane_colours() -> dict[str, str]:
    """Each sample event's lane colour, as the palette gives it to its category's lane."""
    from karabakh_timeline.model.loader import load_dataset
    from karabakh_timeline.ui.palette import LANE_COLOURS

    dataset = load_dataset(SAMPLE)
    lanes = list(dataset.categories)
    return {
        event.id: LANE_COLOURS[lanes.index(event.category) % len(LANE_COLOURS)].lower()
        for event in dataset.events
    }


def test_what_a_person_sees_and_selects_in_a_real_window(display: str, tmp_path: Path) -> None:
    xdotool = need("xdotool", "xdotool")
    grab = need("import", "imagemagick")
    convert = need("convert", "imagemagick")
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
    OUTPUT.mkdir(exist_ok=True)

    def run(*arguments: str) -> None:
        subprocess.run([xdotool, *arguments], env=env, check=True, timeout=10, capture_output=True)

    def screenshot(name: str) -> Path:
        shot = OUTPUT / name
        subprocess.run(
            [grab, "-display", display, "-window", "root", str(shot)],
            env=env,
            check=True,
            timeout=20,
        )
        return shot

    def state_where(what: str, check: Callable[[dict[str, Any]], bool]) -> dict[str, Any]:
        return wait_for(what, lambda: (s := read_report(report)) and check(s) and s, 10)  # type: ignore[no-any-return]

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
        # The first layout, with the real window's fonts: the timeline has 45 % of the height
        # and the casualty table room for five whole rows under it.
        assert state["timeline_height"] >= 0.45 * state["window"]["height"], state["window"]
        assert state["table_rows"]["casualties"] >= 5, state["table_rows"]
        assert "Click an event on the timeline" in state["details_text"]

        # The lanes are drawn in their colours: each marker's pixels hold its lane's colour.
        colours = lane_colours()

        lx0, ly0, lw0, lh0 = state["plots"]["lanes"]
        in_sight = {  # the lanes scroll: a marker of a lane scrolled away is not on screen
            event_id: (mx, my)
            for event_id, (mx, my) in state["markers"].items()
            if lx0 + 3 <= mx <= lx0 + lw0 - 3 and ly0 + 3 <= my <= ly0 + lh0 - 3
        }
        assert len(in_sight) >= 2, state["markers"]

        def lanes_drawn() -> bool:
            shot = screenshot("real-window-start.png")
            for event_id, (mx, my) in in_sight.items():
                steps = (-1, 0, 1)
                around = {pixel(convert, shot, mx + dx, my + dy) for dx in steps for dy in steps}
                if colours[event_id] not in around:
                    return False
            return True

        wait_for("the markers drawn in their lanes' colours", lanes_drawn, 15)
        x, y = state["markers"][CLICKED]
        start = OUTPUT / "real-window-start.png"
        assert ring_around(convert, start, x, y) <= 2, "a marker is ringed before any click"

        def details_saying(lines: list[str]) -> dict[str, Any]:
            """The report once the details panel's text starts with ``lines``; if it never
            does, the test fails with the text the panel shows instead."""
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline:
                state = read_report(report)
                if state and state["details_text"].splitlines()[: len(lines)] == lines:
                    return state
                time.sleep(0.05)
            shown = (read_report(report) or {}).get("details_text", "")
            pytest.fail(f"the details panel should say {lines}; it says:\n{shown}", False)

        run("mousemove", "--sync", str(x), str(y))
        run("click", "1")
        clicked = ["EVENT", "Tractor hits a mine near Aghdam", "June 2004 · Incidents"]
        text = details_saying(clicked)["details_text"]
        assert "A made-up incident on farmland." in text  # the event's own description
        assert "Sources" in text and "Newspaper item B" in text
        assert "Organisation banned" not in text

        # Where the person clicked, the screenshot shows the marker in its lane's colour with
        # the selection's dark ring around it.
        def clicked_marker_ringed() -> bool:
            shot = screenshot("real-window.png")
            centre = {
                pixel(convert, shot, x + dx, y + dy) for dx in (-1, 0, 1) for dy in (-1, 0, 1)
            }
            return colours[CLICKED] in centre and ring_around(convert, shot, x, y) >= 7

        wait_for(f"the clicked marker of {CLICKED} ringed on screen", clicked_marker_ringed, 15)

        run("key", "Right")
        after_right = ["EVENT", "Organisation banned"]
        final = details_saying(after_right)
        assert final["selected_event"] == NEXT
        assert "Tractor hits a mine near Aghdam" not in final["details_text"]
        # The ring leaves the event clicked first (Right may scroll the view: read it anew).
        if CLICKED in final["markers"]:
            cx, cy = final["markers"][CLICKED]
            wait_for(
                f"the ring to leave {CLICKED}",
                lambda: ring_around(convert, screenshot("real-window-right.png"), cx, cy) <= 2,
                15,
            )

        # Double-click the year label "2004" near its left and its right end: 2004 each time.
        run("key", "Escape")
        run("key", "Escape")
        state = state_where("everything selected", lambda s: s["selected_event"] is None)
        lx, ly, lw, lh = state["axis_labels"]["2004"]
        for at in (lx + 2, lx + lw // 2, lx + lw - 3):
            run("key", "Escape")
            state_where("the period cleared", lambda s: s["period"][0] == "1991-01-01")
            run("mousemove", "--sync", str(at), str(ly + lh // 2))
            run("click", "--repeat", "2", "--delay", "80", "1")
            state_where(
                f"a double click at x={at} on '2004' to select 2004",
                lambda s: s["period"] == ["2004-01-01", "2004-12-31"],
            )

        # Drag across 2000–2004 on the count track: all of 2000 to all of 2004.
        px, py, pw, ph = state["plots"]["casualties"]
        v0, v1 = state["view_x"]

        def screen_x(day: str) -> int:
            seconds = (dt.date.fromisoformat(day) - dt.date(1970, 1, 1)).days * 86_400
            return round(px + (seconds - v0) / (v1 - v0) * pw)

        middle = py + ph // 2
        run("mousemove", "--sync", str(screen_x("2000-03-01")), str(middle))
        run("mousedown", "1")
        for day in ("2001-01-01", "2002-06-01", "2003-06-01", "2004-09-01"):
            run("mousemove", "--sync", str(screen_x(day)), str(middle))
        run("mouseup", "1")
        dragged = state_where(
            "the drag to select 2000–2004",
            lambda s: s["period"] == ["2000-01-01", "2004-12-31"],
        )
        # Both end years count: the 2004 report is added into the totals, as is 2003's.
        added = dragged["totals_reports"]["casualties"]
        assert "cas-2003" in added and "cas-2004" in added and "cas-2005" not in added
        screenshot("real-window-dragged.png")
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()
