"""What every command shares: exit codes, one-line mistakes, the dataset and period options.

Every failure ends in a one-line message and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import NoReturn, TypeAlias

from karabakh_timeline.model.dates import FULL_RANGE, DateError, DateRange, PartialDate
from karabakh_timeline.model.loader import load_dataset
from karabakh_timeline.model.problems import one_line
from karabakh_timeline.model.records import Dataset

EXIT_PROBLEM = 1
EXIT_USAGE = 2


class CommandError(Exception):
    """A user mistake the command reports in one line."""


class Parser(argparse.ArgumentParser):
    """argparse, with a usage mistake said in one line that points at --help.

    argparse's own way prints the whole usage summary first, which buries the one line that says
    what was wrong.
    """

    def error(self, message: str) -> NoReturn:
        pointer = f"(see '{self.prog} --help')"
        self.exit(EXIT_USAGE, f"{self.prog}: error: {one_line(message)} {pointer}\n")


Subcommands: TypeAlias = "argparse._SubParsersAction[Parser]"
"""What ``Parser.add_subparsers`` returns: each command module adds its parser to it."""


def span_text(text: str) -> DateRange:
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
def add_data(parser: argparse.ArgumentParser, top: bool = False) -> None:
    parser.add_argument(
        "--data",
        metavar="PATH",
        type=Path,
        default=None if top else argparse.SUPPRESS,
        help="a dataset folder or YAML file (default: the bundled dataset)",
    )


def add_range(parser: argparse.ArgumentParser, top: bool = False) -> None:
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


def selected_range(args: argparse.Namespace) -> DateRange:
    try:
        return DateRange.from_texts(args.start, args.end, FULL_RANGE)
    except DateError as error:
        raise CommandError(str(error)) from None


def load(args: argparse.Namespace) -> Dataset:
    return load_dataset(args.data)


def print_json(value: object) -> None:
    text = json.dumps(value, ensure_ascii=False, indent=2)
    sys.stdout.buffer.write(text.encode("utf-8") + b"\n")
    sys.stdout.flush()
