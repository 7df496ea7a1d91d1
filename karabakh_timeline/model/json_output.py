"""The stable JSON shapes of ``events --json`` and ``summary --json`` (see docs/command-line.md).

Unknown figures are ``null``, never 0; every report carries its sources in full.
"""

from __future__ import annotations

from typing import Any

from karabakh_timeline.model.dates import DateRange
from karabakh_timeline.model.estimate_text import estimate_json
from karabakh_timeline.model.figures import Area, Count
from karabakh_timeline.model.incident_log import incident_coverage
from karabakh_timeline.model.land_release import AreaTable
from karabakh_timeline.model.query import (
    CASUALTY_FIGURES,
    PanelSummary,
    PeriodSummary,
    ReportRow,
    SummedFigure,
    report_figure,
)
from karabakh_timeline.model.records import (
    CasualtyReport,
    ClearanceReport,
    Conflict,
    Dataset,
    Event,
)

JSON_FORMAT_VERSION = 2


def dataset_json(dataset: Dataset) -> dict[str, Any]:
    return {"name": dataset.info.name, "version": dataset.info.version}


def sources_json(dataset: Dataset, ids: tuple[str, ...]) -> list[dict[str, Any]]:
    result = []
    for source_id in ids:
        source = dataset.sources[source_id]
        result.append(
            {
                "id": source.id,
                "title": source.title,
                "publisher": source.publisher,
                "url": source.url,
                "date": source.date.iso() if source.date else None,
                "confidence": source.confidence.value if source.confidence else None,
            }
        )
    return result


def places_json(dataset: Dataset, ids: tuple[str, ...]) -> list[dict[str, Any]]:
    result = []
    for place_id in ids:
        place = dataset.places[place_id]
        result.append(
            {
                "id": place.id,
                "name": place.name,
                "aliases": list(place.aliases),
                "name_az": place.name_az,
                "name_hy": place.name_hy,
                "latitude": place.latitude,
                "longitude": place.longitude,
            }
        )
    return result


def figure_json(value: Count | Area | None) -> dict[str, Any] | None:
    return value.to_json() if value is not None else None


def event_json(dataset: Dataset, event: Event) -> dict[str, Any]:
    return {
        "id": event.id,
        "date": event.date.to_json(),
        "category": event.category,
        "title": event.title,
        "description": event.description,
        "places": places_json(dataset, event.places),
        "figures": {name: count.to_json() for name, count in event.figures},
        "sources": sources_json(dataset, event.sources),
        "confidence": event.confidence.value if event.confidence else None,
        "note": event.note,
        "conflicts": [c.id for c in dataset.conflicts_of(event.id)],
    }


def events_json(dataset: Dataset, events: list[Event], selected: DateRange) -> dict[str, Any]:
    return {
        "format": JSON_FORMAT_VERSION,
        "dataset": dataset_json(dataset),
        "range": selected.to_json(),
        "count": len(events),
        "events": [event_json(dataset, event) for event in events],
    }


def report_json(dataset: Dataset, row: ReportRow) -> dict[str, Any]:
    report = row.report
    result: dict[str, Any] = {
        "id": report.id,
        "date": report.date.to_json(),
        "overlap": row.overlap.value,
        "span": report.span.value,
        "scope": report.scope,
        "series": report.series,
        "organisation": report.organisation,
    }
    if isinstance(report, CasualtyReport):
        result["counts"] = report.counts.value
        result["figures"] = {
            name: figure_json(report_figure(report, name)) for name in CASUALTY_FIGURES
        }
        result["victims"] = [group.to_json() for group in report.victims]
        result["device"] = report.device.value if report.device else None
        result["activity"] = report.activity or None
    elif isinstance(report, ClearanceReport):
        result["activity"] = report.activity.value
        result["area"] = {name: area.to_json() for name, area in report.areas}
        result["items"] = {name: count.to_json() for name, count in report.items}
        result["land_use"] = {name: area.to_json() for name, area in report.land_use}
        result["release"] = _area_table_json(report.release)
        result["remaining"] = _area_table_json(report.remaining)
        result["resurvey"] = report.resurvey or None
    result["other"] = {name: count.to_json() for name, count in report.other}
    result["places"] = [dataset.places[place_id].name for place_id in report.places]
    result["sources"] = sources_json(dataset, report.sources)
    result["confidence"] = report.confidence.value if report.confidence else None
    result["description"] = report.description
    result["note"] = report.note
    result["conflicts"] = [c.id for c in row.conflicts]
    return result


def _area_table_json(table: AreaTable) -> dict[str, dict[str, Any]]:
    return {hazard: {name: area.to_json() for name, area in areas} for hazard, areas in table}


def summed_json(figure: SummedFigure) -> dict[str, Any]:
    return {
        # Counts add up to whole numbers; only areas (in m²) may have a fraction.
        "value": figure.value if figure.is_area else round(figure.value),
        "unit": "m2" if figure.is_area else "count",
        "qualifier": figure.bound.value,
        "reports": list(figure.reports),
        "unknown_in": list(figure.missing),
    }


def panel_json(dataset: Dataset, panel: PanelSummary) -> dict[str, Any]:
    return {
        "within": [report_json(dataset, row) for row in panel.within],
        "partial": [report_json(dataset, row) for row in panel.partial],
        "totals": {
            "by_series": [
                {
                    "series": total.series_id,
                    "label": total.label,
                    "reports": list(total.reports),
                    "figures": {f.name: summed_json(f) for f in total.figures},
                    "explanation": total.explanation,
                }
                for total in panel.totals.by_series
            ],
            "not_added": [
                {"id": report_id, "reason": reason} for report_id, reason in panel.totals.left_out
            ],
            "explanation": panel.totals.explanation,
        },
        "estimates": [estimate_json(dataset, estimate) for estimate in panel.estimates],
    }


def conflict_json(conflict: Conflict) -> dict[str, Any]:
    return {
        "id": conflict.id,
        "quantity": conflict.quantity,
        "records": list(conflict.records),
        "note": conflict.note,
    }


def summary_json(dataset: Dataset, summary: PeriodSummary) -> dict[str, Any]:
    return {
        "format": JSON_FORMAT_VERSION,
        "dataset": dataset_json(dataset),
        "range": summary.range.to_json(),
        "casualties": panel_json(dataset, summary.casualties),
        "clearance": panel_json(dataset, summary.clearance),
        "conflicts": [conflict_json(c) for c in summary.conflicts],
        "incident_log": incident_coverage(dataset, summary.range).to_json(),
    }
