"""The command line: open the window, list events, summarise a period, validate a dataset.

Every failure ends in a one-line message and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn

from karabakh_timeline import APP_NAME, __version__
from karabakh_timeline.model.dates import FULL_RANGE, DateError, DateRange, PartialDate
from karabakh_timeline.model.loader import check_dataset, load_dataset
from karabakh_timeline.model.problems import DatasetError, one_line
from karabakh_timeline.model.records import Dataset

EXIT_PROBLEM = 1
EXIT_USAGE = 2


class CommandError(Exception):
    """A user mistake the command reports in one line."""


class _Parser(argparse.ArgumentParser):
    """argparse, with a usage mistake said in one line that points at --help.

    argparse's own way prints the whole usage summary first, which buries the one line that says
    what was wrong.
    """

    def error(self, message: str) -> NoReturn:
        pointer = f"(see '{self.prog} --help')"
        self.exit(EXIT_USAGE, f"{self.prog}: error: {one_line(message)} {pointer}\n")


def _span_text(text: str) -> DateRange:
    from karabakh_timeline.model.view_link import LinkError, parse_span

    try:
        return parse_span(text)
    except LinkError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _date_text(text: str) -> str:
    try:
        PartialDate.parse(text)
    except DateError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    return text


# The shared options are accepted before and after the command (`--data X events` and
# `events --data X`). A command's copy defaults to SUPPRESS: otherwise argparse would let the
# command's unset default (None) overwrite a value given before the command.
def _add_data(parser: argparse.ArgumentParser, top: bool = False) -> None:
    parser.add_argument(
        "--data",
        metavar="PATH",
        type=Path,
        default=None if top else argparse.SUPPRESS,
        help="a dataset folder or YAML file (default: the bundled dataset)",
    )


def _add_range(parser: argparse.ArgumentParser, top: bool = False) -> None:
    default = None if top else argparse.SUPPRESS
    parser.add_argument(
        "--from",
        dest="start",
        metavar="D",
        type=_date_text,
        default=default,
        help="first day of the period: YYYY, YYYY-MM or YYYY-MM-DD (2004 = 1 January 2004)",
    )
    parser.add_argument(
        "--to",
        dest="end",
        metavar="D",
        type=_date_text,
        default=default,
        help="last day of the period: YYYY, YYYY-MM or YYYY-MM-DD (2004 = 31 December 2004)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="karabakh-timeline",
        description=f"{APP_NAME}: land mines in Nagorno-Karabakh, 1991–2023. "
        "Without a command, opens the window. A karabakh-timeline:view?… address given "
        "instead opens the view it names.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    _add_data(parser, top=True)
    _add_range(parser, top=True)
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
        type=_span_text,
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
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    events = commands.add_parser(
        "events",
        help="list events in time order",
        description="List the events that overlap the period, in time order. The search "
        "ignores case and accents and matches titles, descriptions and every name of an "
        "event's places (agdam finds Ağdam).",
    )
    _add_data(events)
    _add_range(events)
    events.add_argument(
        "--category", action="append", metavar="C", help="only this category id; repeat for several"
    )
    events.add_argument("--search", metavar="TEXT", help="match titles, text and place names")
    events.add_argument("--json", action="store_true", help="JSON output (docs/command-line.md)")
    events.set_defaults(run=run_events)

    summary = commands.add_parser(
        "summary",
        help="casualty and clearance reports and honest totals for a period",
        description="Every casualty and clearance report that overlaps the period, marked "
        "within or partial, with totals per series that never count a casualty or a square "
        "metre twice. The output says how each total was made and which reports were left out.",
    )
    _add_data(summary)
    _add_range(summary)
    summary.add_argument("--json", action="store_true", help="JSON output (docs/command-line.md)")
    summary.set_defaults(run=run_summary)

    validate = commands.add_parser(
        "validate",
        help="check a dataset; print every problem",
        description="Check a dataset and print every problem as file:line: message (exit 1), "
        "or one line counting what was loaded (exit 0).",
    )
    validate.add_argument(
        "path",
        nargs="?",
        type=Path,
        metavar="PATH",
        help="a dataset folder or YAML file (default: --data, else the bundled dataset)",
    )
    validate.set_defaults(run=run_validate)

    # Imported here: export.commands imports this module for CommandError, load and selected_range.
    from karabakh_timeline.export.commands import add_export_commands

    add_export_commands(commands, _add_data, _add_range)
    return parser


def selected_range(args: argparse.Namespace) -> DateRange:
    try:
        return DateRange.from_texts(args.start, args.end, FULL_RANGE)
    except DateError as error:
        raise CommandError(str(error)) from None


def load(args: argparse.Namespace) -> Dataset:
    return load_dataset(args.data)


def run_events(args: argparse.Namespace) -> int:
    from karabakh_timeline.model.json_output import events_json
    from karabakh_timeline.model.query import filter_events

    dataset = load(args)
    selected = selected_range(args)
    if args.category:
        unknown = [c for c in args.category if c not in dataset.categories]
        if unknown:
            known = ", ".join(dataset.categories)
            names = ", ".join(f"'{c}'" for c in unknown)
            raise CommandError(f"unknown category {names}; known categories: {known}")
    events = filter_events(dataset, selected, args.category, args.search)
    if args.json:
        _print_json(events_json(dataset, events, selected))
        return 0
    for event in events:
        label = dataset.categories[event.category].label
        print(f"{event.date.display():<28} {label:<16} {event.title}  [{event.id}]")
    print(f"{len(events)} event(s)", file=sys.stderr)
    return 0


def run_summary(args: argparse.Namespace) -> int:
    from karabakh_timeline.model.json_output import summary_json
    from karabakh_timeline.model.query import summarize
    from karabakh_timeline.model.summary_text import summary_text

    dataset = load(args)
    summary = summarize(dataset, selected_range(args))
    if args.json:
        _print_json(summary_json(dataset, summary))
    else:
        print(summary_text(dataset, summary))
    return 0


def run_validate(args: argparse.Namespace) -> int:
    dataset, problems = check_dataset(args.path if args.path is not None else args.data)
    if dataset is None:
        for problem in problems:
            print(problem)
        print(f"{len(problems)} problem(s) found", file=sys.stderr)
        return EXIT_PROBLEM
    print(f"OK: {dataset.info.name} {dataset.info.version}: {dataset.counts_line()}")
    return 0


def run_window(args: argparse.Namespace) -> int:
    from karabakh_timeline.ui.app import run_app

    return run_app(args)


def _print_json(value: object) -> None:
    text = json.dumps(value, ensure_ascii=False, indent=2)
    sys.stdout.buffer.write(text.encode("utf-8") + b"\n")
    sys.stdout.flush()


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
