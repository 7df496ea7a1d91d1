"""``karabakh-timeline events``: the events of a period in time order, as lines or JSON."""

from __future__ import annotations

import argparse
import sys

from karabakh_timeline.cli.common import (
    CommandError,
    Subcommands,
    add_data,
    add_range,
    load,
    print_json,
    selected_range,
)


def add_events_command(commands: Subcommands) -> None:
    events = commands.add_parser(
        "events",
        help="list events in time order",
        description="List the events that overlap the period, in time order. The search "
        "ignores case and accents and matches titles, descriptions and every name of an "
        "event's places (agdam finds Ağdam).",
    )
    add_data(events)
    add_range(events)
    events.add_argument(
        "--category", action="append", metavar="C", help="only this category id; repeat for several"
    )
    events.add_argument("--search", metavar="TEXT", help="match titles, text and place names")
    events.add_argument(
        "--place",
        action="append",
        metavar="ID",
        default=[],
        help="only events at this place (its id, as 'events --json' lists them); "
        "repeat for several",
    )
    events.add_argument("--json", action="store_true", help="JSON output (docs/command-line.md)")
    events.set_defaults(run=run_events)


def run_events(args: argparse.Namespace) -> int:
    from karabakh_timeline.model.event_filter import EventFilter, filter_events
    from karabakh_timeline.model.json_output import events_json

    dataset = load(args)
    selected = selected_range(args)
    if args.category:
        unknown = [c for c in args.category if c not in dataset.categories]
        if unknown:
            known = ", ".join(dataset.categories)
            names = ", ".join(f"'{c}'" for c in unknown)
            raise CommandError(f"unknown category {names}; known categories: {known}")
    unknown_places = [p for p in args.place if p not in dataset.places]
    if unknown_places:
        names = ", ".join(f"'{p}'" for p in unknown_places)
        raise CommandError(f"unknown place {names}; 'events --json' lists each event's place ids")
    wanted = EventFilter.showing(
        dataset, args.category, args.search or "", places=args.place, period=selected
    )
    events = filter_events(dataset, wanted)
    if args.json:
        print_json(events_json(dataset, events, selected))
        return 0
    for event in events:
        label = dataset.categories[event.category].label
        print(f"{event.date.display():<28} {label:<16} {event.title}  [{event.id}]")
    print(f"{len(events)} event(s)", file=sys.stderr)
    return 0
