"""What each cell of the casualty and clearance tables says, computed once per row (no Qt here).

A cell carries the text shown, the value it sorts by (``None`` for an unknown figure, which sorts
last), its tooltip, the text it exports as, and the source addresses it links to.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from karabakh_timeline.model.dates import Overlap
from karabakh_timeline.model.figure_key import FigureKey
from karabakh_timeline.model.figure_names import (
    area_method_label,
    figure_label,
    figure_name,
    labelled,
)
from karabakh_timeline.model.figures import Area, Count, Qualifier, format_m2
from karabakh_timeline.model.land_release import AreaTable, display_table
from karabakh_timeline.model.organisations import organisation_in_full, organisation_in_short
from karabakh_timeline.model.query import ReportRow, report_figure
from karabakh_timeline.model.records import (
    ITEM_TYPES,
    CasualtyReport,
    ClearanceReport,
    Dataset,
    Event,
    Report,
    Source,
    Span,
)
from karabakh_timeline.model.report_scope import counted_text, counted_tip

UNKNOWN = "—"
UNKNOWN_TIP = "not given by the source (unknown, not zero)"
PARTIAL_TIP = (
    "Only part of this report's period lies inside the selected period, so its figures are "
    "listed here but never added into the totals."
)
SPAN_TIPS = {
    Span.ANNUAL: "one calendar year",
    Span.PART_YEAR: "part of a year",
    Span.MULTI_YEAR: "a total over several years",
    Span.CUMULATIVE: "a running total up to a date",
    Span.INCIDENT: "one incident",
    Span.SNAPSHOT: "the state at one moment",
}
MAIN_ITEM_TYPES = ("anti_personnel", "anti_vehicle", "uxo")

SortValue = float | str | tuple[object, ...] | None


@dataclass(frozen=True, slots=True)
class Cell:
    text: str
    sort: SortValue
    tooltip: str = ""
    numeric: bool = False
    export: str | None = None  # when the exported text says more than the screen has room for
    links: tuple[tuple[str, str], ...] = ()  # (title, address) of sources that have one

    @property
    def export_text(self) -> str:
        return self.export if self.export is not None else self.text

    @property
    def is_unknown(self) -> bool:
        return self.text == UNKNOWN


@dataclass(frozen=True, slots=True)
class Column:
    key: str
    header: str
    tooltip: str
    cell: Callable[[Dataset, ReportRow], Cell]
    numeric: bool = False


UNKNOWN_CELL = Cell(UNKNOWN, None, UNKNOWN_TIP, numeric=True)
UNKNOWN_TEXT_CELL = Cell(UNKNOWN, None, UNKNOWN_TIP)
NO_FURTHER_FIGURES = Cell("", None, "The source gives no further figures.")
CONFIDENCE_RANK = {"high": 0, "medium": 1, "low": 2}


def count_cell(value: Count | None) -> Cell:
    if value is None:
        return UNKNOWN_CELL
    return Cell(value.display(), float(value.value), _qualified_tip(value), numeric=True)


def area_text(area: Area) -> str:
    """Published units are kept; a large area published in m² reads in ha or km² instead."""
    if area.unit == "m2" and area.m2 >= 10_000:
        return f"{area.qualifier.symbol}{format_m2(area.m2)}"
    return area.display()


def _qualified_tip(value: Count) -> str:
    if value.qualifier is Qualifier.EXACT:
        return ""
    return f"The source says “{value.qualifier.value} {value.value:,}”."


def _named_figures(
    pairs: Iterable[tuple[str, Count | Area]],
    unknown: Cell,
    label: Callable[[str], str] = figure_label,
) -> Cell:
    pairs = list(pairs)
    if not pairs:
        return unknown
    shown = "; ".join(labelled(label(n), _figure_text(n, v)) for n, v in pairs)
    published = "; ".join(labelled(label(n), figure_name(n).value_text(v)) for n, v in pairs)
    amount = sum(v.m2 if isinstance(v, Area) else float(v.value) for _, v in pairs)
    tip = "" if shown == published else f"As published: {published}"
    return Cell(shown, amount, tip, export=published)


def _figure_text(name: str, value: Count | Area) -> str:
    return area_text(value) if isinstance(value, Area) else figure_name(name).value_text(value)


def period_cell(dataset: Dataset, row: ReportRow) -> Cell:
    report = row.report
    lines = [report.date.display()]
    if report.description:
        lines.append(report.description)
    places = [dataset.places[p].name for p in report.places if p in dataset.places]
    if places:
        lines.append("Places: " + ", ".join(places))
    lines.append(f"Record {report.id}")
    return Cell(
        report.date.compact(),
        report.date.sort_key(),
        "\n".join(lines),
        export=report.date.display(),  # files have room for the whole months
    )


def overlap_cell(dataset: Dataset, row: ReportRow) -> Cell:
    if row.overlap is Overlap.WITHIN:
        return Cell("wholly", 0.0, "The report's whole period lies inside the selected period.")
    return Cell("partly", 1.0, PARTIAL_TIP)


def figure_column(name: str, tooltip: str) -> Column:
    def cell(dataset: Dataset, row: ReportRow) -> Cell:
        value = report_figure(row.report, name)
        return count_cell(value if isinstance(value, Count) else None)

    return Column(name, figure_label(name), tooltip, cell, numeric=True)


def other_cell(dataset: Dataset, row: ReportRow) -> Cell:
    return _named_figures(row.report.other, NO_FURTHER_FIGURES)


def organisation_cell(dataset: Dataset, row: ReportRow) -> Cell:
    # The short name where the dataset lists one ("AzCBL"); the tooltip names it in full.
    written = row.report.organisation
    shown = organisation_in_short(dataset, written)
    return Cell(shown, shown.casefold(), f"Reported by {organisation_in_full(dataset, written)}")


def span_cell(dataset: Dataset, row: ReportRow) -> Cell:
    report = row.report
    text = report.span.value
    tip = f"The figures cover {SPAN_TIPS[report.span]}."
    if report.series is not None and report.series in dataset.series:
        series = dataset.series[report.series]
        text += f" · {series.label}"
        if series.is_cumulative:
            tip += f" Part of the series “{series.label}”, running totals from one start."
        else:
            tip += f" Part of the series “{series.label}”, which totals may add up."
    else:
        tip += " Not part of a series, so never added into totals."
    return Cell(text, text.casefold(), tip)


def scope_cell(dataset: Dataset, row: ReportRow) -> Cell:
    """Where and whom the report counts, and what, where that is not the usual."""
    text = counted_text(dataset, row.report)
    return Cell(text, text.casefold(), counted_tip(dataset, row.report))


def confidence_cell(dataset: Dataset, row: ReportRow) -> Cell:
    report = row.report
    if report.confidence is not None:
        level = report.confidence.value
        return Cell(level, CONFIDENCE_RANK[level], "How directly the source states these figures.")
    levels = [
        (source.title, source.confidence.value)
        for source in _sources(dataset, report)
        if source.confidence is not None
    ]
    if not levels:
        return Cell(UNKNOWN, None, "No confidence is given for this report or its source.")
    text = " / ".join(dict.fromkeys(level for _, level in levels))
    tip = "Rated for the source: " + "; ".join(f"{title}: {level}" for title, level in levels)
    return Cell(text, max(CONFIDENCE_RANK[level] for _, level in levels), tip)


def source_cell(dataset: Dataset, row: ReportRow) -> Cell:
    sources = _sources(dataset, row.report)
    text = "; ".join(f"{s.title} ({s.publisher})" for s in sources)
    tips, exported = [], []
    for source in sources:
        lines = [source.title, f"Published by {source.publisher}"]
        if source.date is not None:
            lines[-1] += f", {source.date.display()}"
        lines.append(source.url or "No address given")
        if source.note:
            lines.append(source.note)
        tips.append("\n".join(lines))
        address = f" {source.url}" if source.url else ""
        exported.append(f"{source.title} ({source.publisher}){address}")
    links = tuple((s.title, s.url) for s in sources if s.url)
    if links:
        tips.append("Click to open the address.")
    return Cell(text, text.casefold(), "\n\n".join(tips), export="; ".join(exported), links=links)


def note_cell(dataset: Dataset, row: ReportRow) -> Cell:
    disputes = [f"Disputed: {c.quantity}" for c in row.conflicts]
    own = [row.report.note] if row.report.note else []
    text = " · ".join([f"{d} (see “Disputed figures”)" for d in disputes] + own)
    exported = " · ".join(disputes + own)  # the file has no "Disputed figures" section
    return Cell(text, text.casefold(), text, export=exported)


def activity_cell(dataset: Dataset, row: ReportRow) -> Cell:
    report = row.report
    text = report.activity.value if isinstance(report, ClearanceReport) else ""
    return Cell(text, text)


def area_cell(dataset: Dataset, row: ReportRow) -> Cell:
    areas = row.report.areas if isinstance(row.report, ClearanceReport) else ()
    return _named_figures(areas, UNKNOWN_TEXT_CELL, area_method_label)


def item_column(name: str) -> Column:
    def cell(dataset: Dataset, row: ReportRow) -> Cell:
        value = report_figure(row.report, FigureKey.items(name))
        return count_cell(value if isinstance(value, Count) else None)

    key = FigureKey.items(name).text
    header = figure_label(key)
    return Column(key, header, f"{header} destroyed", cell, numeric=True)


def other_items_cell(dataset: Dataset, row: ReportRow) -> Cell:
    report = row.report
    items = report.items if isinstance(report, ClearanceReport) else ()
    others = ((n, c) for n, c in items if n not in MAIN_ITEM_TYPES)
    return _named_figures(others, UNKNOWN_TEXT_CELL, _item_label)


def _item_label(name: str) -> str:
    return figure_label(FigureKey.items(name))


def items_cell(dataset: Dataset, row: ReportRow) -> Cell:
    report = row.report
    items = report.items if isinstance(report, ClearanceReport) else ()
    return _named_figures(items, UNKNOWN_TEXT_CELL)


def land_use_cell(dataset: Dataset, row: ReportRow) -> Cell:
    report = row.report
    uses = report.land_use if isinstance(report, ClearanceReport) else ()
    return _named_figures(uses, UNKNOWN_TEXT_CELL)


def disputed_tip(dataset: Dataset, row: ReportRow) -> str:
    """Why a row is tinted: each dispute it is part of, naming the other reports in it."""
    lines = []
    for conflict in row.conflicts:
        others = []
        for record_id in conflict.records:
            if record_id == row.report.id:
                continue
            record = dataset.record(record_id)
            if record is None:
                others.append(record_id)
            else:
                who = (
                    record.title
                    if isinstance(record, Event)
                    else organisation_in_short(dataset, record.organisation)
                )
                others.append(f"{who}, {record.date.display()}")
        lines.append(
            f"Disputed, {conflict.quantity}: other figures are given by "
            + "; ".join(others)
            + ". All are side by side under “Disputed figures”."
        )
    return "\n".join(lines)


def release_cell(dataset: Dataset, row: ReportRow) -> Cell:
    """'Mines: cancelled 0.29 km², reduced 0.27 km², cleared 0.29 km²; cluster munitions: …'."""
    report = row.report
    table = report.release if isinstance(report, ClearanceReport) else ()
    return _area_table_cell(table, "")


def remaining_cell(dataset: Dataset, row: ReportRow) -> Cell:
    report = row.report
    if not isinstance(report, ClearanceReport):
        return UNKNOWN_TEXT_CELL
    return _area_table_cell(report.remaining, report.resurvey)


def _area_table_cell(table: AreaTable, remark: str) -> Cell:
    if not table:
        return UNKNOWN_TEXT_CELL
    text = display_table(table)
    amount = sum(area.m2 for _, areas in table for _, area in areas)
    tip = f"{text}. {remark}" if remark else text
    return Cell(text, amount, tip, export=f"{text} ({remark})" if remark else text)


def land_cell(dataset: Dataset, row: ReportRow) -> Cell:
    """Everything a report says about land, for the default view: area by technique, land
    released per hazard, and what remains."""
    parts = [
        cell
        for cell in (
            area_cell(dataset, row),
            release_cell(dataset, row),
            remaining_cell(dataset, row),
        )
        if not cell.is_unknown
    ]
    if not parts:
        return UNKNOWN_TEXT_CELL
    report = row.report
    remaining = isinstance(report, ClearanceReport) and bool(report.remaining)
    texts = [cell.text for cell in parts]
    if remaining:
        texts[-1] = f"remaining: {texts[-1]}"
    text = "; ".join(texts)
    exported = "; ".join(cell.export_text for cell in parts)
    tip = "\n".join(cell.tooltip or cell.text for cell in parts)
    return Cell(
        text, sum(float(c.sort) for c in parts if isinstance(c.sort, float)), tip, export=exported
    )


def victims_cell(dataset: Dataset, row: ReportRow) -> Cell:
    """Who the casualties were, group by group; blank where the source does not say."""
    report = row.report
    if not isinstance(report, CasualtyReport) or not (report.victims or report.device):
        return Cell("", None, "The source does not say who the casualties were.")
    parts = [group.display() for group in report.victims]
    if report.device and not any(group.device for group in report.victims):
        parts.append(report.device.label)
    if report.activity and not any(group.activity for group in report.victims):
        parts.append(report.activity)
    text = "; ".join(parts)
    return Cell(text, text.casefold(), text)


def _sources(dataset: Dataset, report: Report) -> list[Source]:
    return [dataset.sources[s] for s in report.sources if s in dataset.sources]


COMMON_HEAD = (
    Column("period", "Period", "The period the report's figures cover", period_cell),
    Column("overlap", "In period", "Whether the report lies wholly in the selection", overlap_cell),
)
COMMON_TAIL = (
    Column("organisation", "Reported by", "Who reported the figures", organisation_cell),
    Column("scope", "Scope", "The territory or population the figures count", scope_cell),
    Column("span", "Span / series", "What span the figures cover", span_cell),
    Column("confidence", "Confidence", "How directly the source states them", confidence_cell),
    Column("source", "Source", "Where the figures are published", source_cell),
    Column("note", "Note", "Disputes and remarks on the figures", note_cell),
)

CASUALTY_COLUMNS = (
    *COMMON_HEAD,
    figure_column("killed", "People killed"),
    figure_column("injured", "People injured"),
    figure_column("total", "Casualties, killed and injured, as the source totals them"),
    figure_column("civilian", "Civilian casualties"),
    figure_column("military", "Military casualties"),
    figure_column("children", "Child casualties"),
    figure_column("deminers", "Deminers killed or injured at work"),
    Column(
        "victims",
        "Who they were",
        "Victims group by group: role, sex, age, outcome, device and activity, where the source "
        "says",
        victims_cell,
    ),
    Column("other", "Other figures", "Further counts the source gives", other_cell),
    *COMMON_TAIL,
)

CLEARANCE_COLUMNS = (
    *COMMON_HEAD,
    Column("activity", "Activity", "Clearance, survey, or what remains to clear", activity_cell),
    Column(
        "release",
        "Land released",
        "Land cancelled by non-technical survey, reduced by technical survey and cleared, per "
        "hazard (and hazardous land newly confirmed)",
        release_cell,
    ),
    Column(
        "remaining",
        "Remaining contamination",
        "Confirmed and suspected hazardous area left, per hazard, with re-survey notes",
        remaining_cell,
    ),
    Column("area", "Area", "Land cleared or surveyed, by technique", area_cell),
    *(item_column(name) for name in MAIN_ITEM_TYPES),
    Column(
        "items:other",
        "Other items",
        "Other explosive items destroyed: "
        + ", ".join(_item_label(n).lower() for n in ITEM_TYPES if n not in MAIN_ITEM_TYPES),
        other_items_cell,
    ),
    Column("land_use", "Land use", "What the cleared land is used for", land_use_cell),
    Column("other", "Other figures", "Further counts the source gives", other_cell),
    *COMMON_TAIL,
    # Every type in one cell, for the default view; last, so files keep their column order.
    Column("items", "Items", "Explosive items destroyed, by type", items_cell),
    # Area, release and remaining together, for the default view; last, for the same reason.
    Column(
        "land",
        "Land",
        "Land cleared by technique, released per hazard (cancelled, reduced, cleared) and what "
        "remains: the area, release and remaining columns together",
        land_cell,
    ),
)

CASUALTY_SHOWN = ("period", "overlap", "killed", "injured", "total", "organisation", "source")
CLEARANCE_SHOWN = ("period", "overlap", "activity", "land", "items", "organisation", "source")
"""The columns a table shows until its reader chooses others, in the order shown: when the
figures were reported, the main figures, and who reported them where. The finer splits are in
the header's menu; copies and CSV files always hold every column."""
