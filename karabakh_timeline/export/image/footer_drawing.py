"""Lay out and draw an export's footer: wrapped lines, the numbered sources in columns, as text.

Every line is drawn as text so SVG and PDF files keep it real and selectable. Sizes are in the
export's logical pixels (96 per inch), whatever the output's resolution. Every source is listed:
when they do not fit the room given, the type shrinks to a floor that reads in print (8 pt), and
then a picture's footer grows, while a PDF's continues on further pages (``layout_continuation``).
An address is kept whole on one line, and in a PDF it is a link annotation.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPaintDevice,
    QPaintEngine,
    QPainter,
    QPen,
    QTextCharFormat,
    QTextLayout,
)

from karabakh_timeline.export.image.footer import FooterContent, SourceEntry

FONT_SIZES = (12, 11)
"""Pixel sizes tried in turn, at 96 per inch: 9 pt, then 8.25 pt. Never smaller: 8 pt is the
least a printed footer can be read at, so a long list makes the footer longer instead."""

TEXT_COLOUR = QColor("#222222")
MUTED_COLOUR = QColor("#555555")
LINK_COLOUR = QColor("#1A4F9C")
RULE_COLOUR = QColor("#B0B0B0")
COLUMN_MIN_WIDTH = 330.0
COLUMN_GAP = 18.0
NUMBER_GAP = 4.0
PADDING = 8.0
ADDRESS_BREAKS = "/?&=#-_."
"""Where an address wider than the whole footer may be broken (only then): after these."""


@dataclass(frozen=True)
class _Line:
    x: float
    y: float  # top of the line
    text: str
    bold: bool = False
    muted: bool = False
    link: tuple[str, str] | None = None  # (the end of ``text`` that is an address, its href)


@dataclass(frozen=True)
class FooterLayout:
    """Positioned lines for one footer (or one continuation page), ready to draw."""

    width: float
    height: float
    font_px: int
    lines: tuple[_Line, ...]
    left_over: tuple[SourceEntry, ...]  # sources for the next page (a PDF's only)

    @property
    def links(self) -> tuple[str, ...]:
        """The addresses drawn as links (in a PDF, each is a link annotation)."""
        return tuple(dict.fromkeys(line.link[1] for line in self.lines if line.link))

    def draw(self, painter: QPainter, left: float, top: float) -> None:
        painter.save()
        painter.setPen(QPen(RULE_COLOUR, 1.0))
        painter.drawLine(QPointF(left, top + 0.5), QPointF(left + self.width, top + 0.5))
        regular, bold = _fonts(self.font_px)
        engine = painter.paintEngine()
        as_links = engine is not None and engine.type() == QPaintEngine.Type.Pdf
        for line in self.lines:
            font = bold if line.bold else regular
            painter.setFont(font)
            painter.setPen(MUTED_COLOUR if line.muted else TEXT_COLOUR)
            metrics = QFontMetricsF(font, painter.device())
            x, y = left + line.x, top + line.y
            if line.link is None or not as_links:
                painter.drawText(QPointF(x, y + metrics.ascent()), line.text)
                continue
            shown, href = line.link
            head = line.text[: len(line.text) - len(shown)]
            if head:
                painter.drawText(QPointF(x, y + metrics.ascent()), head)
            _draw_link(painter, font, shown, href, QPointF(x + metrics.horizontalAdvance(head), y))
        painter.restore()


def _draw_link(painter: QPainter, font: QFont, text: str, href: str, top_left: QPointF) -> None:
    """Text whose format is an anchor: Qt's PDF writer makes it a link annotation."""
    layout = QTextLayout(text, font, painter.device())
    link = QTextCharFormat()
    link.setAnchor(True)
    # Percent-encoded: Qt writes the href into the PDF byte for byte, and a PDF's URI is ASCII.
    link.setAnchorHref(bytes(QUrl(href).toEncoded().data()).decode("ascii"))
    link.setForeground(LINK_COLOUR)
    link.setFontUnderline(True)
    whole = QTextLayout.FormatRange()
    whole.start, whole.length, whole.format = 0, len(text), link
    layout.setFormats([whole])
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(1e6)
    line.setPosition(QPointF(0, 0))
    layout.endLayout()
    layout.draw(painter, top_left)


def layout_footer(
    content: FooterContent,
    width: float,
    device: QPaintDevice,
    max_height: float | None = None,
    continues_on_next_page: bool = False,
) -> FooterLayout:
    """The footer at the largest type size that fits ``max_height`` (or the largest, if None).

    Nothing is left out. When even the smallest size does not fit, the footer is as tall as its
    sources need (a picture grows to hold it), or with ``continues_on_next_page`` it fills the
    room and its last line says which sources follow on the next page (``left_over``).
    """
    for size in FONT_SIZES:
        layout = _layout(content, width, device, size, None)
        if max_height is None or layout.height <= max_height:
            return layout
    if continues_on_next_page and max_height is not None:
        return _layout(content, width, device, FONT_SIZES[-1], max_height)
    return layout


def layout_continuation(
    heading: str,
    entries: Sequence[SourceEntry],
    size: tuple[float, float],
    device: QPaintDevice,
) -> FooterLayout:
    """A page holding only sources, for the ones a PDF's earlier pages had no room for."""
    content = FooterContent("", (), heading, tuple(entries))
    width, height = size
    return _layout(content, width, device, FONT_SIZES[-1], height)


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
    numbers = [f"{entry.number}." for entry in content.sources]
    gutter = max((metrics.horizontalAdvance(n) for n in numbers), default=0.0) + NUMBER_GAP
    columns = _column_count(content.sources, width, gutter, metrics)
    column_width = (width - COLUMN_GAP * (columns - 1)) / columns
    entries = [wrap_entry(entry, column_width - gutter, metrics) for entry in content.sources]
    room = None if max_height is None else max_height - y - PADDING - step  # a line for "next"
    placed, column_height = _columns([len(e) for e in entries], columns, step, room)
    for index, (column, row) in enumerate(placed):
        x = column * (column_width + COLUMN_GAP)
        top = y + row * step
        number = numbers[index]
        lines.append(
            _Line(
                x + gutter - NUMBER_GAP - metrics.horizontalAdvance(number), top, number, muted=True
            )
        )
        for offset, (text, link) in enumerate(entries[index]):
            lines.append(_Line(x + gutter, top + offset * step, text, link=link))
    y += column_height
    left_over = content.sources[len(placed) :]
    if left_over:
        first, last = left_over[0].number, left_over[-1].number
        which = f"Source {first} follows" if first == last else f"Sources {first}–{last} follow"
        for text in wrap(f"{which} on the next page.", width, metrics):
            lines.append(_Line(0.0, y, text, muted=True))
            y += step
    return FooterLayout(width, y + PADDING, size, tuple(lines), tuple(left_over))


def _column_count(
    entries: Sequence[SourceEntry], width: float, gutter: float, metrics: QFontMetricsF
) -> int:
    """As many columns as fit (up to 4), but few enough that the longest address fits whole."""
    columns = max(1, min(4, int((width + COLUMN_GAP) // (COLUMN_MIN_WIDTH + COLUMN_GAP))))
    widest = max((metrics.horizontalAdvance(e.url) for e in entries if e.url), default=0.0)
    while columns > 1 and widest > (width - COLUMN_GAP * (columns - 1)) / columns - gutter:
        columns -= 1
    return columns


def wrap_entry(
    entry: SourceEntry, width: float, metrics: QFontMetricsF
) -> list[tuple[str, tuple[str, str] | None]]:
    """An entry's lines: its words wrapped, then its address, whole, on the last line if it fits
    there, else on its own line. Only an address wider than ``width`` is broken, after a ``/``."""
    lines: list[tuple[str, tuple[str, str] | None]] = [
        (text, None) for text in wrap(entry.text, width, metrics)
    ]
    if not entry.url:
        return lines
    url = entry.url
    if lines:
        last = f"{lines[-1][0]} {url}"
        if metrics.horizontalAdvance(last) <= width:
            lines[-1] = (last, (url, url))
            return lines
    if metrics.horizontalAdvance(url) <= width:
        return [*lines, (url, (url, url))]
    return lines + [(piece, (piece, url)) for piece in _break_address(url, width, metrics)]


def _break_address(url: str, width: float, metrics: QFontMetricsF) -> list[str]:
    pieces: list[str] = []
    rest = url
    while metrics.horizontalAdvance(rest) > width:
        cut = _longest_fit(rest, width, metrics)
        at = max((rest.rfind(c, 0, cut) for c in ADDRESS_BREAKS), default=-1) + 1
        cut = at if at > 0 else cut
        pieces.append(rest[:cut])
        rest = rest[cut:]
    return [*pieces, rest] if rest else pieces


def _columns(
    heights: list[int], columns: int, step: float, room: float | None
) -> tuple[list[tuple[int, int]], float]:
    """(column, first line) of each entry that fits, filling columns top to bottom, and the height.

    Columns are balanced: each takes entries until it holds its share of all the lines, so a
    short list does not run down one column while the others stay empty; the last column takes
    whatever is left, up to the room there is.
    """
    total = sum(heights)
    limit = None if room is None else max(0, int(room // step))
    share = -(-total // columns)  # ceiling
    if limit is not None:
        share = min(share, limit)
    placed: list[tuple[int, int]] = []
    column, row, tallest = 0, 0, 0
    for needed in heights:
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
