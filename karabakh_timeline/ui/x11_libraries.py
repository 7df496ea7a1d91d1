"""Before Qt opens an X11 window: are the system libraries its xcb platform needs installed?

Without them Qt aborts with "could not load the Qt platform plugin xcb" and a core dump, which
tells a user nothing. We try to load each library first and, if any is missing, name the Debian
and Ubuntu packages that provide it. No Qt import here: this runs before Qt is loaded.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable, Mapping

# Library (its soname, as Qt's xcb plugin and QtGui link to it) -> the Debian package holding it.
XCB_LIBRARIES = {
    "libxcb.so.1": "libxcb1",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
}


def _loads(soname: str) -> bool:
    # dlopen by soname is what Qt itself will do a moment later, so it is the exact test, and
    # it is fast (no `ldconfig -p` subprocess as ctypes.util.find_library would run).
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def platform_to_be_used(environ: Mapping[str, str]) -> str:
    """The Qt platform plugin a window will use here: xcb unless told or on Wayland."""
    chosen = environ.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip()
    if chosen:
        return chosen
    if environ.get("WAYLAND_DISPLAY") and environ.get("XDG_SESSION_TYPE") == "wayland":
        return "wayland"
    return "xcb"


def missing_packages(loads: Callable[[str], bool] = _loads) -> list[str]:
    return sorted({package for lib, package in XCB_LIBRARIES.items() if not loads(lib)})


def x11_problem(
    environ: Mapping[str, str] | None = None,
    platform: str = sys.platform,
    loads: Callable[[str], bool] = _loads,
) -> str | None:
    """A message saying what to install or set, or None when Qt can open an X11 window."""
    env = os.environ if environ is None else environ
    if not platform.startswith("linux") or platform_to_be_used(env) != "xcb":
        return None
    if not env.get("DISPLAY"):
        return (
            "there is no X display to open the window on (DISPLAY is not set). Run it on a "
            "desktop, or use the command line (karabakh-timeline --help)."
        )
    missing = missing_packages(loads)
    if not missing:
        return None
    return (
        "the window needs system libraries that are not installed. On Debian or Ubuntu:\n"
        f"  sudo apt-get install {' '.join(missing)}"
    )
