"""``karabakh-timeline summary``: a period's casualty and clearance reports and honest totals."""

from __future__ import annotations

import argparse

from karabakh_timeline.cli.common import (
    Subcommands,
    add_data,
    add_range,
    load,
    print_json,
    selected_range,
)


def add_summary_command(commands: Subcommands) -> None:
    summary = commands.add_parser(
        "summary",
        help="casualty and clearance reports and honest totals for a period",
        description="Every casualty and clearance report that overlaps the period, marked "
        "within or partial, with totals per series that never count a casualty or a square "
        "metre twice. The output says how each total was made and which reports were left out.",
    )
    add_data(summary)
    add_range(summary)
    summary.add_argument("--json", action="store_true", help="JSON output (docs/command-line.md)")
    summary.set_defaults(run=run_summary)


def run_summary(args: argparse.Namespace) -> int:
    from karabakh_timeline.model.json_output import summary_json
    from karabakh_timeline.model.query import summarize
    from karabakh_timeline.model.summary_text import summary_text

    dataset = load(args)
    summary = summarize(dataset, selected_range(args))
    if args.json:
        print_json(summary_json(dataset, summary))
    else:
        print(summary_text(dataset, summary))
    return 0
