"""What hovering over the timeline says: an event's title and date, an era, a report's figures.

Rich text for Qt tooltips, escaped. Figures a report does not give read "not given", never 0.
"""

from __future__ import annotations

import datetime as dt
from html import escape
from typing import TYPE_CHECKING

from karabakh_timeline.model.dates import DateRange
from karabakh_timeline.model.figure_key import FigureKey
from karabakh_timeline.model.figure_names import figure_label, figure_text, labelled
from karabakh_timeline.model.figures import Count
from karabakh_timeline.model.organisations import organisation_in_full
from karabakh_timeline.model.records import (
    CasualtyReport,
    ClearanceReport,
    Dataset,
    Era,
    Event,
)
from karabakh_timeline.model.year_ranges import YearRange, range_lines
from karabakh_timeline.source_html import cited_sources
from karabakh_timeline.ui.timeline.time_axis import x_to_date

if TYPE_CHECKING:
    from karabakh_timeline.ui.timeline.count_track import CountTrackRow


def event_tooltip(dataset: Dataset, event: Event) -> str:
    category = dataset.categories[event.category].label
    return (
        f"<b>{escape(event.title)}</b><br>{escape(event.date.display())}"
        f" · {escape(category)}<br><i>Click for details</i>"
    )


def density_tooltip(lane_label: str, count: float, first: dt.date, last: dt.date) -> str:
    """Over a density strip: how many events the bar stands for, and when."""
    # An event dated only to a month or a year is spread over it, so a bar may hold a fraction.
    whole = round(count)
    amount = f"{whole:,}" if abs(count - whole) < 1e-9 else f"about {max(whole, 1):,}"
    noun = "event" if amount == "1" else "events"
    span = DateRange(first, last).display()
    return (
        f"<b>{amount} {noun}</b> · {escape(lane_label)}<br>{escape(span)}"
        "<br><i>Too close together to draw one by one: zoom in to tell them apart</i>"
    )


def era_tooltip(dataset: Dataset, era: Era) -> str:
    """The era's whole name, its span, what it was, and the sources that say so."""
    sources = cited_sources(dataset, era.sources, link=False)
    return (
        f"<b>{escape(era.name)}</b><br>{escape(era.date.display())}<br>"
        f"{escape(era.description)}<br>Sources: {sources}<br><i>Click to select this period</i>"
    )


def _count(value: Count | None) -> str:
    return value.display() if value is not None else "not given"


def report_lines(dataset: Dataset, report: CasualtyReport | ClearanceReport) -> list[str]:
    who = organisation_in_full(dataset, report.organisation)
    lines = [f"<b>{escape(who)}</b>, {escape(report.date.display())}"]
    if isinstance(report, CasualtyReport):
        given = (("killed", report.killed), ("injured", report.injured), ("total", report.total))
        lines.append(" · ".join(labelled(figure_label(n), _count(v)) for n, v in given))
    else:
        areas = [escape(figure_text(FigureKey.area(m), a)) for m, a in report.areas]
        lines.append(" · ".join(areas) if areas else "no area given")
    lines.append(f"Source: {cited_sources(dataset, report.sources, link=False)}")
    return lines


def track_tooltip(dataset: Dataset, count: CountTrackRow, x: float) -> str:
    """Every report drawn at x, each with its figures and source; or why nothing is drawn."""
    hits = count.track.blocks_at(x)
    ranges = [_range_html(dataset, year_range) for year_range in count.ranges.at(x)]
    if not hits:
        if ranges:
            return "<hr>".join(ranges)
        for x0, x1 in count.ranges.no_data:
            if x0 <= x < x1:
                return (
                    f"<b>No data</b> for {x_to_date(x).year}: no report in the dataset gives a"
                    " yearly figure here. This is not the same as zero."
                )
        return ""
    parts = []
    for report_id, outlined in hits:
        report = dataset.record(report_id)
        if not isinstance(report, CasualtyReport | ClearanceReport):
            continue
        lines = report_lines(dataset, report)
        blocks = count.track.outlined if outlined else count.track.filled
        number = blocks.report_ids.index(report_id)
        years = float(blocks.years[number])
        if abs(years - 1.0) > 1e-9:
            rate = float(blocks.total[number])
            lines.append(
                f"<i>Drawn as about {rate:,.1f} {count.unit} a year over {years:.2g} year(s)</i>"
            )
        if outlined:
            lines.append("<i>Overlaps the filled report: drawn as an outline, never added</i>")
        parts.append("<br>".join(lines))
    return "<hr>".join(parts + ranges)


def _range_html(dataset: Dataset, year_range: YearRange) -> str:
    """A year known only by bounds: the bounds, who gave them, and the reports behind each."""
    first, *rest = range_lines(dataset, year_range)
    year, _, words = first.partition(": ")
    notes = [f"<i>{escape(line)}</i>" for line in rest]
    return "<br>".join([f"<b>Range for {escape(year)}</b>", escape(words), *notes])
