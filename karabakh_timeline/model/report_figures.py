"""A report's figure by name, the one way every query and view reads one."""

from __future__ import annotations

from karabakh_timeline.model.figures import Area, Count
from karabakh_timeline.model.land_release import area_of
from karabakh_timeline.model.records import CasualtyReport, Report


def report_figure(report: Report, name: str) -> Count | Area | None:
    """A named figure of a report: 'killed', 'children', 'area:manual', 'items:uxo'..."""
    if isinstance(report, CasualtyReport):
        if name in ("killed", "injured", "total"):
            value: Count | None = getattr(report, name)
            return value
        return report.split(name)
    kind, _, key = name.partition(":")
    if kind in ("release", "remaining"):
        hazard, _, what = key.partition(":")
        return area_of(report.release if kind == "release" else report.remaining, hazard, what)
    source = dict(report.areas) if kind == "area" else dict(report.items)
    return source.get(key)
