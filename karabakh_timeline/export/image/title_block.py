"""The title block at the top of an exported picture: what it shows, before anything else.

A picture cut out of a report still says which dataset it draws, the period it shows and the
filters in force. Drawn with ``QPainter.drawText``, so SVG and PDF keep it as selectable text.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPaintDevice, QPainter

from karabakh_timeline.export.image.footer import ShownFilters, filters_text
from karabakh_timeline.export.image.footer_drawing import wrap
from karabakh_timeline.model.dates import DateRange
from karabakh_timeline.model.records import Dataset

TITLE_PX = 18  # 13.5 pt at 96 per inch
SUBTITLE_PX = 12  # 9 pt
PADDING = 6.0
TITLE_COLOUR = QColor("#111111")
SUBTITLE_COLOUR = QColor("#444444")


@dataclass(frozen=True, slots=True)
class TitleBlock:
    title: str  # the dataset's name
    subtitle: str  # the period shown and the filters


def title_block(dataset: Dataset, shown: DateRange, filters: ShownFilters) -> TitleBlock:
    subtitle = (
        f"Period shown: {shown.display()} ({shown.first.isoformat()} to "
        f"{shown.last.isoformat()}) · Filters: {filters_text(dataset, filters)}"
    )
    return TitleBlock(dataset.info.name, subtitle)


@dataclass(frozen=True)
class TitleLayout:
    """The block's lines wrapped to a width, ready to draw."""

    lines: tuple[tuple[str, bool], ...]  # (text, is the title)
    height: float

    def draw(self, painter: QPainter, left: float, top: float) -> None:
        painter.save()
        y = top + PADDING
        for text, is_title in self.lines:
            font = _font(is_title)
            metrics = QFontMetricsF(font, painter.device())
            painter.setFont(font)
            painter.setPen(TITLE_COLOUR if is_title else SUBTITLE_COLOUR)
            painter.drawText(QPointF(left, y + metrics.ascent()), text)
            y += metrics.lineSpacing()
        painter.restore()


def layout_title(block: TitleBlock, width: float, device: QPaintDevice) -> TitleLayout:
    lines: list[tuple[str, bool]] = []
    height = 2 * PADDING
    for text, is_title in ((block.title, True), (block.subtitle, False)):
        metrics = QFontMetricsF(_font(is_title), device)
        for line in wrap(text, width, metrics):
            lines.append((line, is_title))
            height += metrics.lineSpacing()
    return TitleLayout(tuple(lines), height)


def _font(is_title: bool) -> QFont:
    font = QFont()
    font.setPixelSize(TITLE_PX if is_title else SUBTITLE_PX)
    font.setBold(is_title)
    return font
