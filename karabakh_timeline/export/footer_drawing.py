"""Lay out and draw an export's footer: wrapped lines, the sources in columns, drawn as text.

Every line is drawn with ``QPainter.drawText`` so SVG and PDF files keep it as real, selectable
text. Sizes are in the export's logical pixels (96 per inch), whatever the output's resolution.
When the sources do not fit the room given, the footer shrinks its type down to a floor that stays
readable in print, then stops and says how many sources follow; a PDF prints those on further
pages (``continuation``), a picture names where the full list is.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPaintDevice, QPainter, QPen

from karabakh_timeline.export.footer import FooterContent

FONT_SIZES = (11, 10, 9, 8)
"""Pixel sizes tried in turn (at 96 per inch: 8.25 pt down to 6 pt, still legible on paper)."""

TEXT_COLOUR = QColor("#222222")
MUTED_COLOUR = QColor("#555555")
RULE_COLOUR = QColor("#B0B0B0")
COLUMN_MIN_WIDTH = 330.0
COLUMN_GAP = 18.0
PADDING = 8.0


@dataclass(frozen=True)
class _Line:
    x: float
    y: float  # top of the line
    text: str
    bold: bool = False
    muted: bool = False


@dataclass(frozen=True)
class FooterLayout:
    """Positioned lines for one footer (or one continuation page), ready to draw."""

    width: float
    height: float
    font_px: int
    lines: tuple[_Line, ...]
    left_over: tuple[str, ...]  # source entries that did not fit

    def draw(self, painter: QPainter, left: float, top: float) -> None:
        painter.save()
        painter.setPen(QPen(RULE_COLOUR, 1.0))
        painter.drawLine(QPointF(left, top + 0.5), QPointF(left + self.width, top + 0.5))
        regular, bold = _fonts(self.font_px)
        for line in self.lines:
            font = bold if line.bold else regular
            painter.setFont(font)
            painter.setPen(MUTED_COLOUR if line.muted else TEXT_COLOUR)
            ascent = QFontMetricsF(font, painter.device()).ascent()
            painter.drawText(QPointF(left + line.x, top + line.y + ascent), line.text)
        painter.restore()


def layout_footer(
    content: FooterContent,
    width: float,
    device: QPaintDevice,
    max_height: float | None = None,
    overflow_note: str = "",
    smallest: int = FONT_SIZES[-1],
) -> FooterLayout:
    """The footer at the largest type size that fits ``max_height`` (or the largest, if None).

    Below ``smallest`` pixels it stops shrinking and leaves sources out, ending with "… and N
    more sources" and ``overflow_note``, which says where the rest are.
    """
    sizes = [size for size in FONT_SIZES if size >= smallest] or [FONT_SIZES[0]]
    for size in sizes:
        layout = _layout(content, width, device, size, None, overflow_note)
        if max_height is None or layout.height <= max_height:
            return layout
    return _layout(content, width, device, sizes[-1], max_height, overflow_note)


def layout_continuation(
    heading: str,
    entries: Sequence[str],
    size: tuple[float, float],
    device: QPaintDevice,
    font_px: int = FONT_SIZES[1],
) -> FooterLayout:
    """A page holding only sources, for the ones a PDF's first page had no room for."""
    content = FooterContent("", (), heading, tuple(entries))
    width, height = size
    return _layout(content, width, device, font_px, height, "They follow on the next page.")


def _fonts(size: int) -> tuple[QFont, QFont]:
    regular = QFont()
    regular.setPixelSize(size)
    bold = QFont(regular)
    bold.setBold(True)
    return regular, bold


def _layout(
    content: FooterContent,
    width: float,
    device: QPaintDevice,
    size: int,
    max_height: float | None,
    overflow_note: str,
) -> FooterLayout:
    regular, bold = _fonts(size)
    metrics, bold_metrics = QFontMetricsF(regular, device), QFontMetricsF(bold, device)
    step = metrics.lineSpacing()
    lines: list[_Line] = []
    y = PADDING
    for paragraph in (content.context, *content.totals):
        for text in wrap(paragraph, width, metrics):
            lines.append(_Line(0.0, y, text, muted=paragraph is content.context))
            y += step
    if content.context or content.totals:
        y += step * 0.4
    for text in wrap(content.sources_heading, width, bold_metrics):
        lines.append(_Line(0.0, y, text, bold=True))
        y += step
    columns = max(1, min(4, int((width + COLUMN_GAP) // (COLUMN_MIN_WIDTH + COLUMN_GAP))))
    column_width = (width - COLUMN_GAP * (columns - 1)) / columns
    entries = [wrap(entry, column_width, metrics) for entry in content.sources]
    room = None if max_height is None else max_height - y - PADDING - step  # one line for "more"
    placed, column_height = _columns(entries, columns, step, room)
    for index, (column, row) in enumerate(placed):
        x = column * (column_width + COLUMN_GAP)
        top = y + row * step
        for number, text in enumerate(entries[index]):
            lines.append(_Line(x, top + number * step, text))
    y += column_height
    left_over = content.sources[len(placed) :]
    if left_over:
        note = f"… and {len(left_over)} more source(s). {overflow_note}".strip()
        for text in wrap(note, width, metrics):
            lines.append(_Line(0.0, y, text, muted=True))
            y += step
    return FooterLayout(width, y + PADDING, size, tuple(lines), tuple(left_over))


def _columns(
    entries: list[list[str]], columns: int, step: float, room: float | None
) -> tuple[list[tuple[int, int]], float]:
    """(column, first line) of each entry that fits, filling columns top to bottom, and the height.

    Columns are balanced: each takes entries until it holds its share of all the lines, so a
    short list does not run down one column while the others stay empty; the last column takes
    whatever is left, up to the room there is.
    """
    total = sum(len(entry) for entry in entries)
    limit = None if room is None else max(0, int(room // step))
    share = -(-total // columns)  # ceiling
    if limit is not None:
        share = min(share, limit)
    placed: list[tuple[int, int]] = []
    column, row, tallest = 0, 0, 0
    for entry in entries:
        needed = len(entry)
        if column < columns - 1 and row > 0 and row + needed > share:
            column, row = column + 1, 0
        if limit is not None and row + needed > limit:
            break
        placed.append((column, row))
        row += needed
        tallest = max(tallest, row)
    return placed, tallest * step


def wrap(text: str, width: float, metrics: QFontMetricsF) -> list[str]:
    """Greedy word wrap; a word wider than the line (a long address) is broken where it must be."""
    if not text:
        return []
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        candidate = f"{current} {word}" if current else word
        if metrics.horizontalAdvance(candidate) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        current = word
        while metrics.horizontalAdvance(current) > width and len(current) > 1:
            cut = _longest_fit(current, width, metrics)
            lines.append(current[:cut])
            current = current[cut:]
    if current:
        lines.append(current)
    return lines


def _longest_fit(word: str, width: float, metrics: QFontMetricsF) -> int:
    low, high = 1, len(word)
    while low < high:
        middle = (low + high + 1) // 2
        if metrics.horizontalAdvance(word[:middle]) <= width:
            low = middle
        else:
            high = middle - 1
    return low
