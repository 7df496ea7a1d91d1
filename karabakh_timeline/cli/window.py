"""No command: open the window, with the options that say what it shows first."""

from __future__ import annotations

import argparse
from pathlib import Path

from karabakh_timeline.cli.common import span_text


def add_window_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--event", metavar="ID", help="select this event when the window opens")
    parser.add_argument(
        "--add",
        action="append",
        metavar="PATH",
        type=Path,
        default=[],
        help="lay this dataset over the first in the window (File → Add dataset…); repeatable",
    )
    parser.add_argument(
        "--shown",
        metavar="FIRST..LAST",
        type=span_text,
        help="the span of time the window shows, as 2004-01-01..2006-12-31",
    )
    parser.add_argument(
        "--hide",
        action="append",
        metavar="C",
        default=[],
        help="hide this event category in the window; repeat for several",
    )
    parser.add_argument(
        "--search", dest="window_search", metavar="TEXT", help="the window's event search"
    )
    parser.add_argument(
        "--place",
        action="append",
        metavar="ID",
        default=[],
        help="show only the events and reports of this place, as a click on the map does "
        "(its id, as 'events --json' lists them); repeat for several",
    )


def run_window(args: argparse.Namespace) -> int:
    from karabakh_timeline.ui.app import run_app

    return run_app(args)
