"""The totals of a panel: one row per series, and the line saying how they were made.

Each series is totalled on its own (``model.query.Totals``); reports left out are listed with
the reason, so a reader can see exactly what the numbers add up.
"""

from __future__ import annotations

import html

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QLabel, QToolButton, QVBoxLayout, QWidget

from karabakh_timeline.model.estimate_text import (
    FIGURES_HEADING,
    estimate_heading,
    estimate_pieces,
)
from karabakh_timeline.model.estimates import Estimate
from karabakh_timeline.model.figure_names import figure_label
from karabakh_timeline.model.organisations import organisation_in_short
from karabakh_timeline.model.query import SeriesTotal, SummedFigure, Totals
from karabakh_timeline.model.records import Dataset
from karabakh_timeline.ui.panels.report_cells import UNKNOWN, UNKNOWN_TIP

AnyIndex = QModelIndex | QPersistentModelIndex

REPORT_LINK = "report:"
"""Links in the figures for this period open the report behind a bound: ``report:<id>``."""

OPEN_LEFT_OUT_UP_TO = 4  # reports; a longer list of those not added starts closed

SERIES, REPORTS = 0, 1
"""The fixed columns; one column per figure follows."""


class TotalsTableModel(QAbstractTableModel):
    """Read-only: a row per series with a report wholly in the period, a column per figure."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._totals: tuple[SeriesTotal, ...] = ()
        self._names: list[str] = []
        self._periods: dict[str, str] = {}

    def set_rows(self, dataset: Dataset, totals: Totals) -> None:
        self.beginResetModel()
        self._totals = totals.by_series
        self._names = list(dict.fromkeys(f.name for t in totals.by_series for f in t.figures))
        self._periods = {}
        for total in totals.by_series:
            for report_id in total.reports:
                record = dataset.record(report_id)
                if record is not None:
                    self._periods[report_id] = record.date.display()
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's default)
        return 0 if parent.isValid() else len(self._totals)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2 + len(self._names)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == SERIES:
            return "Series total"
        if section == REPORTS:
            return "Reports added"
        return figure_label(self._names[section - 2])

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        total = self._totals[index.row()]
        column = index.column()
        if column == SERIES:
            return total.label if role == Qt.ItemDataRole.DisplayRole else None
        if column == REPORTS:
            if role == Qt.ItemDataRole.DisplayRole:
                return str(len(total.reports))
            if role == Qt.ItemDataRole.ToolTipRole:
                return "\n".join(self._periods.get(r, r) for r in total.reports)
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            return None
        figure = total.figure(self._names[column - 2])
        if role == Qt.ItemDataRole.DisplayRole:
            if figure is None:
                return UNKNOWN
            text = figure.display()
            if figure.missing:
                text += f" (unknown in {len(figure.missing)} of {len(total.reports)})"
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(figure) if figure is not None else UNKNOWN_TIP
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None

    def _tooltip(self, figure: SummedFigure) -> str:
        added = ", ".join(self._periods.get(r, r) for r in figure.reports)
        tip = f"Sum of {len(figure.reports)} report(s): {added}"
        if figure.missing:
            missing = ", ".join(self._periods.get(r, r) for r in figure.missing)
            tip += f"\nNot given for {missing}: summed over the other reports only"
        return tip


class TotalsView(QWidget):
    """Each series' totals as a line of figures that wraps to any width, above the explanation.

    The lines are written from ``model`` (one row per series), so the text shown and the model
    the tests read are the same. Above them, the figures for this period: per figure and scope,
    the bounds the reports put on it, each attribution a link to its report.
    """

    report_activated = Signal(str)
    """A report named in the figures for this period was clicked; carries its id."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.estimates = _rich_label("periodFigures")
        self.estimates.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.estimates.linkActivated.connect(self._open_link)
        self.model = TotalsTableModel(self)
        self.figures = _rich_label("totalsFigures")
        self.explanation = _rich_label("totalsExplanation")
        self.left_out_button = QToolButton(self)
        self.left_out_button.setObjectName("leftOutToggle")
        self.left_out_button.setCheckable(True)
        self.left_out_button.setAutoRaise(True)
        self.left_out_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.left_out_button.toggled.connect(self._show_left_out)
        self.left_out = _rich_label("totalsLeftOut")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.estimates)
        layout.addWidget(self.figures)
        layout.addWidget(self.explanation)
        layout.addWidget(self.left_out_button)
        layout.addWidget(self.left_out)

    def add_below_figures(self, widget: QWidget) -> None:
        """Place a widget (the chart of the series) between the figures and how they were made."""
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(2, widget)

    def show_estimates(self, dataset: Dataset, estimates: tuple[Estimate, ...]) -> None:
        """The figures for this period, in the words ``summary`` and the export footer use."""
        self.estimates.setText(estimates_html(dataset, estimates))
        self.estimates.setVisible(bool(estimates))

    def _open_link(self, link: str) -> None:
        if link.startswith(REPORT_LINK):
            self.report_activated.emit(link.removeprefix(REPORT_LINK))

    def show_totals(self, dataset: Dataset, totals: Totals) -> None:
        self.model.set_rows(dataset, totals)
        self.figures.setText(self._figures_html())
        self.figures.setVisible(bool(totals.by_series))
        self.explanation.setText(f"<p>{html.escape(totals.explanation)}</p>")
        self.left_out.setText(left_out_html(dataset, totals))
        count = len(totals.left_out)
        self.left_out_button.setText(
            f"Why {count} report is not added"
            if count == 1
            else f"Why {count} reports are not added"
        )
        self.left_out_button.setVisible(count > 0)
        # A short list is simply shown; a long one waits to be opened.
        self.left_out_button.setChecked(0 < count <= OPEN_LEFT_OUT_UP_TO)
        self._show_left_out(self.left_out_button.isChecked())

    def _show_left_out(self, shown: bool) -> None:
        arrow = Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        self.left_out_button.setArrowType(arrow)
        self.left_out.setVisible(shown and self.left_out_button.isVisibleTo(self))

    def _figures_html(self) -> str:
        model = self.model
        paragraphs = []
        for row in range(model.rowCount()):
            label = html.escape(str(model.data(model.index(row, SERIES))))
            count = int(str(model.data(model.index(row, REPORTS))))
            added = f"{count} report added" if count == 1 else f"{count} reports added"
            parts = []
            for column in range(REPORTS + 1, model.columnCount()):
                text = str(model.data(model.index(row, column)))
                if text == UNKNOWN:
                    continue  # this series does not give the figure; another series does
                name = html.escape(str(model.headerData(column, Qt.Orientation.Horizontal)))
                value, _, note = text.partition(" (")
                shown = f"{name} <b>{html.escape(value)}</b>"
                if note:
                    shown += f" <small>({html.escape(note)}</small>"
                parts.append(shown)
            figures = " · ".join(parts)
            paragraphs.append(f"<p><b>{label}</b>, {added}:<br>{figures}</p>")
        if paragraphs:
            paragraphs.insert(0, "<p><b>Series totals</b></p>")
        return "".join(paragraphs)


def _rich_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def left_out_html(dataset: Dataset, totals: Totals) -> str:
    """Each report listed but not added, named by its period and organisation, with why."""
    items = []
    for report_id, reason in totals.left_out:
        record = dataset.record(report_id)
        if record is not None and hasattr(record, "organisation"):
            who = f"{record.date.display()}, {organisation_in_short(dataset, record.organisation)}"
        else:
            who = report_id
        items.append(f"<li>{html.escape(who)}: {html.escape(reason)}</li>")
    return f"<ul style='margin-top:0'>{''.join(items)}</ul>" if items else ""


def estimates_html(dataset: Dataset, estimates: tuple[Estimate, ...]) -> str:
    """Each estimate as a line, every attribution a link to the first report behind it."""
    lines = []
    for estimate in estimates:
        body = []
        for piece in estimate_pieces(dataset, estimate):
            text = html.escape(piece.text)
            if piece.reports:
                target = html.escape(REPORT_LINK + piece.reports[0], quote=True)
                tip = html.escape(", ".join(piece.reports), quote=True)
                text = f"<a href='{target}' title='{tip}'>{text}</a>"
            body.append(text)
        heading = html.escape(estimate_heading(dataset, estimate))
        lines.append(f"<li><b>{heading}</b>: {''.join(body)}</li>")
    title = html.escape(FIGURES_HEADING)
    return f"<p><b>{title}</b></p><ul style='margin-top:0'>{''.join(lines)}</ul>"
