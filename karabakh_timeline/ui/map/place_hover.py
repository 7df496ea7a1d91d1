"""What hovering a place on the map says: all its names and the selected period's figures."""

from __future__ import annotations

from html import escape

from karabakh_timeline.model.dates import DateRange
from karabakh_timeline.model.place_figures import PlaceFigures
from karabakh_timeline.model.place_names import Naming, other_names, place_name
from karabakh_timeline.model.records import Place


def place_tooltip(
    place: Place,
    figures: PlaceFigures | None,
    holder: str | None,
    period: DateRange,
    naming: Naming = Naming.ENGLISH,
) -> str:
    """The place by its name in ``naming``, then all its other names and the figures."""
    lines = [f"<b>{escape(place_name(place, naming))}</b>"]
    others = other_names(place, naming)
    if others:
        lines.append(f"Also: {escape(', '.join(others))}")
    lines.append(f"<i>{escape(period.display())}</i>")
    if figures is None or not figures.has_records:
        lines.append("No events or reports here in this period")
    else:
        if figures.incidents:
            rough = "at least " if figures.inexact else ""
            lines.append(
                f"Killed: {rough}{figures.killed:,} · Injured: {rough}{figures.injured:,} "
                f"(from {figures.incidents:,} incident record(s))"
            )
        else:
            lines.append("No incident here gives casualty figures")
        if figures.casualty_reports:
            lines.append(
                f"{figures.casualty_reports:,} casualty report(s) over longer spans, listed "
                "in the Casualties panel, not added in"
            )
        if figures.clearance_reports:
            lines.append(f"{figures.clearance_reports:,} clearance report(s)")
        lines.append(f"{figures.records:,} record(s) in all")
    if holder is not None:
        lines.append(f"Held at the end of the period by: {escape(holder)}")
    lines.append("Click to show only this place · Ctrl+click to add it")
    return "<br>".join(lines)
