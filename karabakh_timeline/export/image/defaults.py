"""What an image export is when nobody chose otherwise: the one place its defaults are set.

The window's Export image… dialog, the ``export`` command and ``ImageExportSettings`` all start
from these, so a picture made with the defaults is the same from either. No Qt here: the command
line reads them on every start, before anything draws.
"""

from __future__ import annotations

WIDTH = 1920  # PNG and SVG, in pixels: a full-HD screen
HEIGHT = 1080
LOGICAL_DPI = 96
"""The resolution Qt lays text out at; a PNG at another DPI is scaled to keep its print size."""
DPI = LOGICAL_DPI
PAGE = "A4"  # PDF
ORIENTATION = "landscape"  # PDF: the timeline is wide
