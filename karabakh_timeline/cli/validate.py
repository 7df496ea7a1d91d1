"""``karabakh-timeline validate``: every problem of a dataset as ``file:line: message``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from karabakh_timeline.cli.common import EXIT_PROBLEM, Subcommands
from karabakh_timeline.model.loader import check_dataset


def add_validate_command(commands: Subcommands) -> None:
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


def run_validate(args: argparse.Namespace) -> int:
    dataset, problems = check_dataset(args.path if args.path is not None else args.data)
    if dataset is None:
        for problem in problems:
            print(problem)
        print(f"{len(problems)} problem(s) found", file=sys.stderr)
        return EXIT_PROBLEM
    print(f"OK: {dataset.info.name} {dataset.info.version}: {dataset.counts_line()}")
    return 0
