"""Plain-text rendering of a period summary, for ``karabakh-timeline summary``."""

from __future__ import annotations

from karabakh_timeline.model.estimate_text import FIGURES_HEADING, estimates_text
from karabakh_timeline.model.figure_key import FigureKey
from karabakh_timeline.model.figure_names import (
    figure_label,
    figure_text,
    figures_text,
    labelled,
)
from karabakh_timeline.model.incident_log import incident_coverage
from karabakh_timeline.model.land_release import display_table
from karabakh_timeline.model.query import (
    CASUALTY_FIGURES,
    PanelSummary,
    PeriodSummary,
    ReportRow,
    SummedFigure,
    report_figure,
)
from karabakh_timeline.model.records import CasualtyReport, Dataset, Report
from karabakh_timeline.model.report_scope import counted_text

UNKNOWN = "—"


def summary_text(dataset: Dataset, summary: PeriodSummary) -> str:
    lines = [f"{dataset.info.name} — {summary.range.display()}", ""]
    lines += _panel_lines(dataset, "Casualty reports", summary.casualties)
    lines += _incident_log_lines(dataset, summary)
    lines += [""]
    lines += _panel_lines(dataset, "Clearance and survey reports", summary.clearance)
    if summary.conflicts:
        lines += ["", "Conflicting reports (shown side by side, none preferred):"]
        for conflict in summary.conflicts:
            lines.append(f"  {conflict.quantity}: {', '.join(conflict.records)}")
            if conflict.note:
                lines.append(f"    {conflict.note}")
    lines += ["", f"({UNKNOWN} = not given by the source: unknown, not zero)"]
    return "\n".join(lines)


def _panel_lines(dataset: Dataset, heading: str, panel: PanelSummary) -> list[str]:
    lines = [f"{heading}: {len(panel.within)} within the period, {len(panel.partial)} partial"]
    for label, rows in (("Within", panel.within), ("Partly overlapping", panel.partial)):
        if rows:
            lines.append(f"  {label}:")
            lines += [f"    {_row_line(dataset, row)}" for row in rows]
    lines.append("  Totals:")
    for total in panel.totals.by_series:
        figures = ", ".join(_summed(f, len(total.reports)) for f in total.figures)
        lines.append(f"    {total.label}: {figures}")
    if not panel.totals.by_series:
        lines.append("    none")
    if panel.totals.left_out:
        lines.append("  Not added:")
        lines += [f"    [{report_id}] {reason}" for report_id, reason in panel.totals.left_out]
    lines.append(f"  How: {panel.totals.explanation}")
    lines.append(f"  {FIGURES_HEADING}:")
    lines += [f"    {line}" for line in estimates_text(dataset, panel.estimates)]
    if not panel.estimates:
        lines.append("    none: no report gives a figure for this period")
    return lines


def _row_line(dataset: Dataset, row: ReportRow) -> str:
    report = row.report
    parts = [f"[{report.id}] {report.date.display()} ({_counted(dataset, report)})"]
    if isinstance(report, CasualtyReport):
        for name in CASUALTY_FIGURES:
            value = report_figure(report, name)
            if value is not None:
                parts.append(figure_text(name, value))
            elif name in ("killed", "injured", "total"):
                parts.append(labelled(figure_label(name), UNKNOWN))
    else:
        parts.append(report.activity.value)
        parts += [figure_text(FigureKey.area(n), a) for n, a in report.areas]
        parts += [figure_text(FigureKey.items(n), c) for n, c in report.items]
        if report.release:
            parts.append(f"released: {display_table(report.release)}")
        if report.remaining:
            parts.append(f"remaining: {display_table(report.remaining)}")
    if report.other:
        parts.append(figures_text(report.other, ", "))
    sources = "; ".join(dataset.sources[s].title for s in report.sources)
    line = ", ".join(parts) + f" — {report.organisation}; source: {sources}"
    if row.conflicts:
        line += f" (conflicts: {', '.join(c.id for c in row.conflicts)})"
    return line


def _incident_log_lines(dataset: Dataset, summary: PeriodSummary) -> list[str]:
    """The incident log's sums beside the official counts, never added into them."""
    shown = incident_coverage(dataset, summary.range).text_lines()
    if not shown:
        return []
    return ["", "Incident log beside the official counts:", *(f"  {line}" for line in shown)]


def _summed(figure: SummedFigure, reports: int) -> str:
    text = figure.text
    if figure.missing:
        text += f" (unknown in {len(figure.missing)} of {reports} reports)"
    return text


def _counted(dataset: Dataset, report: Report) -> str:
    """'annual, Karabakh Armenian-held areas' and, if not the default, what the report counts."""
    return f"{report.span.value}, {counted_text(dataset, report)}"
