"""The command line: open the window, list events, summarise a period, validate a dataset, export.

One module per command (``events``, ``summary``, ``validate``, ``export``, and ``window`` for
no command at all); what they share lives in ``common``. Every failure ends in a one-line
message and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from collections.abc import Callable, Sequence

from karabakh_timeline import APP_NAME, __version__
from karabakh_timeline.cli.common import (
    EXIT_PROBLEM,
    EXIT_USAGE,
    CommandError,
    Parser,
    add_data,
    add_range,
)
from karabakh_timeline.cli.events import add_events_command
from karabakh_timeline.cli.export import add_export_commands
from karabakh_timeline.cli.summary import add_summary_command
from karabakh_timeline.cli.validate import add_validate_command
from karabakh_timeline.cli.window import add_window_options, run_window
from karabakh_timeline.model.problems import DatasetError, one_line


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="karabakh-timeline",
        description=f"{APP_NAME}: land mines in Nagorno-Karabakh, 1991–2023. "
        "Without a command, opens the window. A karabakh-timeline:view?… address given "
        "instead opens the view it names.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    add_data(parser, top=True)
    add_range(parser, top=True)
    add_window_options(parser)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    add_events_command(commands)
    add_summary_command(commands)
    add_validate_command(commands)
    add_export_commands(commands)
    return parser


def _tolerant_stdout() -> None:
    """A terminal that cannot show 'ə' or '–' gets '?' instead of a UnicodeEncodeError."""
    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(errors="replace")


def main(argv: Sequence[str] | None = None) -> int:
    _tolerant_stdout()
    parser = build_parser()
    arguments = list(sys.argv[1:] if argv is None else argv)
    if any(arg.startswith("karabakh-timeline:") for arg in arguments):
        from karabakh_timeline.model.view_link import LinkError, link_args

        try:  # a view's address stands for the options that open it
            arguments = link_args(arguments)
        except LinkError as error:
            print(f"karabakh-timeline: {error}", file=sys.stderr)
            return EXIT_USAGE
    args = parser.parse_args(arguments)
    run: Callable[[argparse.Namespace], int] = getattr(args, "run", run_window)
    try:
        code = run(args)
        # Output still buffered goes now, so that a closed pipe is noticed here, not at exit.
        sys.stdout.flush()
        return code
    except DatasetError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        return EXIT_PROBLEM
    except CommandError as error:
        print(f"karabakh-timeline: {one_line(str(error))}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # `karabakh-timeline validate BAD | head -1` closes the pipe early
        # Point stdout at nothing, so the flush at exit does not fail again, and exit 1: not all
        # of the output was read, which is not success (Python's advice in the signal module's
        # documentation, "Note on SIGPIPE").
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_PROBLEM
    except KeyboardInterrupt:
        return 130
