"""``karabakh-timeline export`` and ``export-data``: the window's exports, from the command line.

``export`` draws the timeline with Qt's offscreen platform, so it needs no display; it calls the
same ``export_image`` as the window's Export image… dialog, so equal settings give equal files.
Mistakes end in one line on stderr and exit status 2 (see ``cli.common``).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from karabakh_timeline.cli.common import (
    CommandError,
    Subcommands,
    add_data,
    add_range,
    load,
    selected_range,
)
from karabakh_timeline.export.image import defaults
from karabakh_timeline.export.safe_write import ExportError, check_suffix, write_bytes_atomically
from karabakh_timeline.model.dates import DateRange
from karabakh_timeline.model.records import Dataset

TABLE_KINDS = ("events", "casualties", "clearance", "sources")
"""``data_export.KINDS``, named here so that building the command line (which every start of the
window does) does not import the data exporters."""
IMAGE_SUFFIXES = (".png", ".svg", ".pdf")


def add_export_commands(commands: Subcommands) -> None:
    _add_export(commands)
    _add_export_data(commands)


def _add_export(commands: Subcommands) -> None:
    export = commands.add_parser(
        "export",
        help="draw the timeline into a PNG, SVG or PDF file, with its period, filters and sources",
        description="Draw the timeline of a period into a picture whose footer names the period, "
        "the filters, the dataset and every source behind what is shown. Needs no display. "
        "The kind of file follows the extension; a PDF is an "
        f"{defaults.PAGE} {defaults.ORIENTATION} page unless told otherwise.",
    )
    export.add_argument("output", type=Path, metavar="OUT.png|OUT.svg|OUT.pdf")
    add_data(export)
    add_range(export)
    export.add_argument(
        "--width",
        type=_positive_int,
        metavar="PX",
        help=f"PNG/SVG width (default {defaults.WIDTH})",
    )
    export.add_argument(
        "--height",
        type=_positive_int,
        metavar="PX",
        help=f"PNG/SVG height (default {defaults.HEIGHT})",
    )
    export.add_argument(
        "--dpi",
        type=_positive_int,
        metavar="N",
        help=f"PNG resolution; text keeps its size in print ({defaults.DPI})",
    )
    export.add_argument(
        "--page", choices=("A4", "A3", "Letter"), help=f"PDF page size (default {defaults.PAGE})"
    )
    export.add_argument(
        "--orientation",
        choices=("landscape", "portrait"),
        help=f"PDF page (default {defaults.ORIENTATION})",
    )
    _add_filters(export)
    export.add_argument(
        "--panels",
        action="store_true",
        help="add the casualty and clearance totals for the period, and how they were added up",
    )
    export.add_argument(
        "--map",
        choices=("none", "beside", "only"),
        help="draw the map of the places for the period beside the timeline, or the map alone "
        "(default none)",
    )
    export.add_argument(
        "--place-names",
        choices=("en", "az", "hy"),
        help="the names the map writes: English, Azerbaijani or Armenian (default en)",
    )
    export.set_defaults(run=run_export)


def _add_export_data(commands: Subcommands) -> None:
    export_data = commands.add_parser(
        "export-data",
        help="write the records of a period as CSV (a zip of tables) or for TimelineJS",
        description="Write the records of a period. OUT.zip: events, casualty reports, "
        "clearance reports and sources as four CSV files. OUT.csv with --kind: one of those "
        "tables. OUT.json, or OUT.csv with --format timelinejs: the events and eras for "
        "TimelineJS. See docs/command-line.md.",
    )
    export_data.add_argument("output", type=Path, metavar="OUT.zip|OUT.csv|OUT.json")
    add_data(export_data)
    add_range(export_data)
    export_data.add_argument(
        "--format",
        choices=("csv", "timelinejs"),
        help="csv: the app's tables (default for .zip and .csv); timelinejs: TimelineJS3's "
        "spreadsheet (.csv) or JSON (.json, the default there)",
    )
    export_data.add_argument(
        "--kind", choices=TABLE_KINDS, help="the one table an OUT.csv holds (with --format csv)"
    )
    _add_filters(export_data)
    export_data.set_defaults(run=run_export_data)


def _add_filters(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--category",
        action="append",
        metavar="C",
        help="show only events of this category (repeat for several); reports are not filtered",
    )
    parser.add_argument("--search", metavar="TEXT", help="show only events matching this text")


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if value <= 0:
        raise argparse.ArgumentTypeError(f"'{text}' must be more than 0")
    return value


def _hidden_categories(dataset: Dataset, shown: list[str] | None) -> frozenset[str]:
    if not shown:
        return frozenset()
    unknown = [c for c in shown if c not in dataset.categories]
    if unknown:
        known = ", ".join(dataset.categories)
        raise CommandError(f"unknown category {', '.join(unknown)}; known: {known}")
    return frozenset(dataset.categories) - frozenset(shown)


def _reject(args: argparse.Namespace, options: dict[str, str], reason: str) -> None:
    given = [flag for attribute, flag in options.items() if getattr(args, attribute) is not None]
    if given:
        raise CommandError(f"{' and '.join(given)} {reason}")


def run_export(args: argparse.Namespace) -> int:
    try:
        suffix = check_suffix(args.output, IMAGE_SUFFIXES)
    except ExportError as error:
        raise CommandError(str(error)) from None
    if suffix == ".pdf":
        _reject(args, {"width": "--width", "height": "--height", "dpi": "--dpi"}, _PDF_SIZE)
    else:
        _reject(args, {"page": "--page", "orientation": "--orientation"}, _PICTURE_SIZE)
        if suffix == ".svg":
            _reject(args, {"dpi": "--dpi"}, "apply to PNG only: an SVG is vector")
    shown = selected_range(args)
    dataset = load(args)
    hidden = _hidden_categories(dataset, args.category)
    _use_offscreen_qt()
    from karabakh_timeline.export.image.image_export import ImageExportSettings, export_image
    from karabakh_timeline.model.place_names import Naming
    from karabakh_timeline.ui.timeline.offscreen import offscreen_timeline

    try:
        settings = ImageExportSettings(
            path=args.output,
            shown=shown,
            what="period",
            width=args.width or defaults.WIDTH,
            height=args.height or defaults.HEIGHT,
            dpi=args.dpi or defaults.DPI,
            page=args.page or defaults.PAGE,
            orientation=args.orientation or defaults.ORIENTATION,
            hidden_categories=hidden,
            search=args.search or "",
            include_panels=args.panels,
            link=_link(args, shown, hidden),
            map=args.map or "none",
            naming=Naming(args.place_names or "en"),
        )
        export_image(dataset, settings, offscreen_timeline)
    except ExportError as error:
        raise CommandError(str(error)) from None
    print(f"Wrote {args.output} ({shown.display()})", file=sys.stderr)
    return 0


def _link(args: argparse.Namespace, shown: DateRange, hidden: frozenset[str]) -> str:
    from karabakh_timeline.model.view_link import picture_link

    data = str(args.data.resolve()) if args.data is not None else None
    return picture_link(data, shown, hidden, args.search or "")


_PDF_SIZE = "apply to PNG and SVG; a PDF takes --page and --orientation"
_PICTURE_SIZE = "apply to PDF; a PNG or SVG takes --width and --height"


def _use_offscreen_qt() -> None:
    """Draw without a display, and the same whatever display there is."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")


def run_export_data(args: argparse.Namespace) -> int:
    from karabakh_timeline.export.data.data_export import DataFilter
    from karabakh_timeline.export.data.data_files import DATA_SUFFIXES, data_bytes, data_shape

    try:
        suffix = check_suffix(args.output, DATA_SUFFIXES)
        shape = data_shape(suffix, args.format, args.kind)
    except ExportError as error:
        raise CommandError(str(error)) from None
    shown = selected_range(args)
    dataset = load(args)
    _hidden_categories(dataset, args.category)  # reports an unknown category
    data_filter = DataFilter(
        shown,
        categories=frozenset(args.category) if args.category else None,
        search=args.search or "",
    )
    try:
        write_bytes_atomically(args.output, data_bytes(dataset, data_filter, shape))
    except ExportError as error:
        raise CommandError(str(error)) from None
    print(f"Wrote {args.output} ({shown.display()})", file=sys.stderr)
    return 0
