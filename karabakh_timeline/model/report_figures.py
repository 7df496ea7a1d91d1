"""A report's figure by name, the one way every query and view reads one."""

from __future__ import annotations

from karabakh_timeline.model.figure_key import FigureKey, FigureKind
from karabakh_timeline.model.figures import Area, Count
from karabakh_timeline.model.land_release import area_of
from karabakh_timeline.model.records import CasualtyReport, Report


def report_figure(report: Report, name: str | FigureKey) -> Count | Area | None:
    """A named figure of a report: 'killed', 'children', 'area:manual', 'items:uxo'..."""
    key = name if isinstance(name, FigureKey) else FigureKey.parse(name)
    if isinstance(report, CasualtyReport):
        if key.kind not in (FigureKind.CASUALTIES, FigureKind.OTHER):
            return None
        if key.name in ("killed", "injured", "total"):
            value: Count | None = getattr(report, key.name)
            return value
        return report.split(key.name)
    if key.kind is FigureKind.RELEASE:
        return area_of(report.release, key.hazard, key.name)
    if key.kind is FigureKind.REMAINING:
        return area_of(report.remaining, key.hazard, key.name)
    if key.kind is FigureKind.AREA:
        return dict(report.areas).get(key.name)
    if key.kind is FigureKind.ITEMS:
        return dict(report.items).get(key.name)
    return None
