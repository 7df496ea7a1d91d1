"""The timeline as a PNG, SVG or PDF file with its context footer: one code path for window and CLI.

The picture is the app's own timeline view, built offscreen for the export with the same dataset,
filters and range by the ``MakeTimeline`` the caller hands in (see ``drawn_timeline``), then
painted into the output with ``QPainter``: PNG through ``QImage`` (the exact pixel size asked,
its DPI recorded), SVG through ``QSvgGenerator`` and PDF through ``QPdfWriter`` (both vector,
with text kept as text). Everything is laid out in logical pixels at 96 per inch,
so a PDF page or a 300-DPI PNG shows labels at the size they have on screen, which is print size.

The whole file is made in memory and then written with ``write_bytes_atomically``: a failed
export leaves nothing behind and an existing file untouched.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSize
from PySide6.QtGui import (
    QColor,
    QImage,
    QPageLayout,
    QPageSize,
    QPaintDevice,
    QPainter,
    QPdfWriter,
)
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QApplication, QGraphicsScene

from karabakh_timeline import APP_NAME
from karabakh_timeline.export.image import defaults
from karabakh_timeline.export.image.drawn_timeline import DrawnTimeline, MakeTimeline
from karabakh_timeline.export.image.flat_painter import FlatPaintDevice
from karabakh_timeline.export.image.footer import FooterContent, ShownFilters, footer_content
from karabakh_timeline.export.image.footer_drawing import (
    FooterLayout,
    layout_continuation,
    layout_footer,
)
from karabakh_timeline.export.image.map_drawing import draw_map
from karabakh_timeline.export.image.title_block import (
    TitleBlock,
    TitleLayout,
    layout_title,
    title_block,
)
from karabakh_timeline.export.safe_write import ExportError, check_suffix, write_bytes_atomically
from karabakh_timeline.model.dates import FULL_RANGE, DateRange
from karabakh_timeline.model.place_names import Naming
from karabakh_timeline.model.records import Dataset

IMAGE_SUFFIXES = (".png", ".svg", ".pdf")
LOGICAL_DPI = defaults.LOGICAL_DPI
"""Screen pixels per inch: the unit every export is laid out in."""

PAGE_SIZES = {
    "A4": QPageSize.PageSizeId.A4,
    "A3": QPageSize.PageSizeId.A3,
    "Letter": QPageSize.PageSizeId.Letter,
}
ORIENTATIONS = {
    "landscape": QPageLayout.Orientation.Landscape,
    "portrait": QPageLayout.Orientation.Portrait,
}
PAGE_MARGIN_MM = 10.0
FOOTER_SHARE = 0.45
"""At most this part of a picture's asked height goes to the footer; a footer whose sources need
more makes the picture taller (every source is listed, at a size that reads in print)."""
PDF_FOOTER_SHARE = 0.3
"""A PDF keeps more of its first page for the timeline: the sources go on to further pages."""

SIZE_LIMITS = (300, 20_000)
SMALLEST_PICTURE = (400, 300)
"""Logical pixels (at 96 per inch) below which the lanes, the count track and a footer cannot all
be read; a PNG at a high DPI needs proportionally more pixels."""
MAX_PNG_PIXELS = 100_000_000  # 400 MB while drawing
DPI_LIMITS = (36, 1_200)
MIN_TIMELINE_HEIGHT = 200.0
LANE_ROOM = 12.0
"""Pixels per lane above the least height that gives every lane a row of labels: room for more."""
FOOTER_MARGIN = 12.0
PNG_QUALITY = 70
"""For PNG, Qt's quality sets zlib's effort: 70 encodes a timeline in a third of the default's
time, and its flat colours come out no larger (measured with ``python -m benchmarks``)."""

MAP_CHOICES = {
    "none": "the timeline alone",
    "beside": "the map beside the timeline",
    "only": "the map alone",
}
MAP_SHARE = 0.36
"""Of the picture's width, for the map beside the timeline."""

WHAT_CHOICES = {
    "view": "the current view",
    "period": "the selected period",
    "all": f"the whole of {FULL_RANGE.display()}",
}


class ImageFormat(enum.Enum):
    PNG = ".png"
    SVG = ".svg"
    PDF = ".pdf"


@dataclass(frozen=True)
class ImageExportSettings:
    """Everything an image export depends on; equal settings give equal files."""

    path: Path
    shown: DateRange = FULL_RANGE  # the span of time drawn
    what: str = "period"  # "view", "period" or "all": how ``shown`` was chosen
    width: int = defaults.WIDTH  # PNG and SVG, in pixels
    height: int = defaults.HEIGHT
    dpi: int = defaults.DPI  # PNG: recorded in the file; the picture is scaled to keep print size
    page: str = defaults.PAGE  # PDF
    orientation: str = defaults.ORIENTATION  # PDF
    hidden_categories: frozenset[str] = frozenset()
    search: str = ""
    places: frozenset[str] = frozenset()  # events and reports at these places only; empty: all
    include_panels: bool = False
    map: str = "none"  # "none", "beside" or "only": see MAP_CHOICES
    naming: Naming = Naming.ENGLISH  # the place names the map writes
    exported_on: dt.date = field(default_factory=dt.date.today)
    link: str = ""  # the view's karabakh-timeline: address, for the footer

    def __post_init__(self) -> None:
        check_suffix(self.path, IMAGE_SUFFIXES)
        low, high = SIZE_LIMITS
        for name, value in (("width", self.width), ("height", self.height)):
            if not low <= value <= high:
                raise ExportError(f"the {name} must be {low} to {high:,} pixels, not {value}")
        scale = self.dpi / LOGICAL_DPI if self.format is ImageFormat.PNG else 1.0
        least_width, least_height = (round(side * scale) for side in SMALLEST_PICTURE)
        if self.format is not ImageFormat.PDF and (
            self.width < least_width or self.height < least_height
        ):
            at_dpi = f" at {self.dpi} DPI" if self.format is ImageFormat.PNG else ""
            raise ExportError(
                f"{self.width} × {self.height} pixels{at_dpi} is too small to read; "
                f"give at least {least_width} × {least_height}"
            )
        if self.format is ImageFormat.PNG and self.width * self.height > MAX_PNG_PIXELS:
            raise ExportError(
                f"a PNG of {self.width} × {self.height} is too large to make in memory; "
                f"keep it under {MAX_PNG_PIXELS // 1_000_000} million pixels"
            )
        if not DPI_LIMITS[0] <= self.dpi <= DPI_LIMITS[1]:
            raise ExportError(f"the DPI must be {DPI_LIMITS[0]} to {DPI_LIMITS[1]}, not {self.dpi}")
        if self.page not in PAGE_SIZES:
            raise ExportError(f"unknown page size '{self.page}'; known: {', '.join(PAGE_SIZES)}")
        if self.orientation not in ORIENTATIONS:
            raise ExportError(
                f"the orientation must be landscape or portrait, not {self.orientation}"
            )
        if self.map not in MAP_CHOICES:
            raise ExportError(f"unknown map choice '{self.map}'; known: {', '.join(MAP_CHOICES)}")
        if self.what not in WHAT_CHOICES:
            raise ExportError(f"unknown choice '{self.what}'; known: {', '.join(WHAT_CHOICES)}")

    @property
    def format(self) -> ImageFormat:
        return ImageFormat(self.path.suffix.lower())

    @property
    def filters(self) -> ShownFilters:
        return ShownFilters(self.hidden_categories, self.search, self.places)


def ensure_application() -> QApplication:
    """The running QApplication, or a new one for the command line (offscreen: see commands.py)."""
    app = QApplication.instance()
    if app is None:
        app = QApplication([APP_NAME])
        _KEEP.append(app)
    if not isinstance(app, QApplication):
        raise ExportError("the image export needs Qt widgets, but a non-widget Qt app is running")
    return app


_KEEP: list[QApplication] = []  # the command line's application lives until the process ends

Progress = Callable[[str], None]


def export_image(
    dataset: Dataset,
    settings: ImageExportSettings,
    timeline: MakeTimeline,
    progress: Progress | None = None,
) -> None:
    """Draw the timeline with its footer and write it to ``settings.path``; or raise ExportError.

    ``timeline`` builds the view drawn (the window's, offscreen: ``ui.timeline.offscreen``)."""
    rendered = render_image(dataset, settings, timeline, progress)
    if progress is not None:
        progress(f"Writing {settings.path.name}…")
    write_bytes_atomically(settings.path, rendered.data)


@dataclass(frozen=True)
class RenderedImage:
    """A finished export in memory, and where on it (in PNG pixels or PDF/SVG logical pixels,
    first page) the timeline was drawn: the footer is below it."""

    data: bytes
    timeline: QRectF
    pages: int


def render_image(
    dataset: Dataset,
    settings: ImageExportSettings,
    timeline: MakeTimeline,
    progress: Progress | None = None,
) -> RenderedImage:
    """The finished file, made in memory."""
    ensure_application()
    content = footer_content(
        dataset,
        settings.shown,
        settings.filters,
        settings.exported_on,
        settings.include_panels,
        settings.link,
    )
    if progress is not None:
        progress("Drawing the timeline…")
    title = title_block(dataset, settings.shown, settings.filters)
    renderers = {ImageFormat.PNG: _png, ImageFormat.SVG: _svg, ImageFormat.PDF: _pdf}
    with timeline(dataset, settings.filters.event_filter) as view:
        return renderers[settings.format](view, _Texts(title, content), settings)


def _place_view(view: DrawnTimeline, width: float, height: float, shown: DateRange) -> None:
    """Give the view the export's size and range; its labels adapt to both."""
    view.layout_for_size(max(1, round(width)), max(1, round(height)))
    view.set_x_range(shown.first, shown.last)


def _paint(
    painter: QPainter,
    view: DrawnTimeline,
    page: _Page,
    scale: float,
    settings: ImageExportSettings,
) -> None:
    """Draw the title block, the timeline under it and the footer below, in logical pixels;
    the map beside the timeline or in its place when the settings ask for it.

    ``scale`` is how many device pixels a logical pixel is (PNG at more than 96 DPI); vector
    outputs draw at 1 and go through ``FlatPaintDevice`` so the file holds plain pixels.
    """
    painter.fillRect(QRectF(0, 0, page.width, page.height), QColor("#FFFFFF"))
    page.title.draw(painter, FOOTER_MARGIN, 0.0)
    timeline = QRectF(page.timeline)
    if settings.map != "none":
        alone = settings.map == "only"
        map_width = timeline.width() if alone else timeline.width() * MAP_SHARE
        drawn_map = QRectF(timeline.right() - map_width, timeline.top(), map_width,
                           timeline.height()).adjusted(4, 4, -4, -4)  # fmt: skip
        draw_map(painter, drawn_map, view.dataset, settings.shown, settings.naming)
        if alone:
            page.footer.draw(painter, FOOTER_MARGIN, timeline.bottom())
            return
        timeline.setWidth(timeline.width() - map_width)
    _place_view(view, timeline.width(), timeline.height(), settings.shown)
    scene = view.scene()
    source = QRectF(view.sceneRect())  # equals the laid-out size
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    if isinstance(painter.device(), QImage):
        with _export_mode(scene, painter, scale):
            scene.render(painter, timeline, source)
    else:
        flat = FlatPaintDevice(painter, page.width, timeline.bottom())
        flat_painter = QPainter(flat)
        try:
            with _export_mode(scene, flat_painter, scale):
                scene.render(flat_painter, timeline, source)
        finally:
            flat_painter.end()
    page.footer.draw(painter, FOOTER_MARGIN, timeline.bottom())


@contextmanager
def _export_mode(scene: QGraphicsScene, painter: QPainter, scale: float) -> Iterator[None]:
    """Tell pyqtgraph's items they are drawn for export, as its own exporters do.

    Scatter plots then draw each marker as a path instead of stamping cached bitmaps, so markers
    stay vector in SVG and PDF and sharp in a high-DPI PNG.
    """
    options = {
        "antialias": True,
        "background": QColor("#FFFFFF"),
        "painter": painter,
        "resolutionScale": scale,
    }
    # pyqtgraph's GraphicsItems have setExportMode; Qt's own items in the scene do not.
    items: list[Any] = [item for item in scene.items() if hasattr(item, "setExportMode")]
    for item in items:
        item.setExportMode(True, options)
    try:
        yield
    finally:
        for item in items:
            item.setExportMode(False)


def _timeline_floor(view: DrawnTimeline) -> float:
    """The height under which the timeline's lanes and count track would be squeezed."""
    least = float(view.least_height())  # a lanes' row each
    lanes = len(view.dataset.categories)
    return max(MIN_TIMELINE_HEIGHT, least + LANE_ROOM * lanes)


@dataclass(frozen=True)
class _Texts:
    title: TitleBlock
    footer: FooterContent


@dataclass(frozen=True)
class _Page:
    """Where the title, the timeline and the footer go on a picture or a PDF's first page."""

    width: float
    height: float
    title: TitleLayout
    timeline: QRectF
    footer: FooterLayout


def _lay_out_page(
    texts: _Texts,
    size: tuple[float, float],
    device: QPaintDevice,
    view: DrawnTimeline,
    for_pdf: bool,
) -> _Page:
    """The page at the size asked; a picture whose sources need more room grows taller."""
    width, height = size
    inner = width - 2 * FOOTER_MARGIN
    title = layout_title(texts.title, inner, device)
    share = PDF_FOOTER_SHARE if for_pdf else FOOTER_SHARE
    room = max(0.0, min(height * share, height - title.height - _timeline_floor(view)))
    footer = layout_footer(texts.footer, inner, device, room, continues_on_next_page=for_pdf)
    if for_pdf or footer.height <= room:
        timeline_height, total = height - title.height - footer.height, height
    else:  # the picture grows by what its sources need beyond the room
        timeline_height = height - title.height - room
        total = title.height + timeline_height + footer.height
    timeline = QRectF(0, title.height, width, max(1.0, timeline_height))
    return _Page(width, total, title, timeline, footer)


def _measuring_device() -> QImage:
    """A device with the metrics of every output: 96 logical pixels per inch."""
    image = QImage(1, 1, QImage.Format.Format_ARGB32_Premultiplied)
    _set_dpi(image, LOGICAL_DPI)
    return image


def _png(view: DrawnTimeline, texts: _Texts, settings: ImageExportSettings) -> RenderedImage:
    scale = settings.dpi / LOGICAL_DPI
    size = (settings.width / scale, settings.height / scale)
    page = _lay_out_page(texts, size, _measuring_device(), view, for_pdf=False)
    pixel_height = max(settings.height, round(page.height * scale))
    if settings.width * pixel_height > MAX_PNG_PIXELS:
        raise ExportError(
            f"the sources need a PNG {pixel_height} pixels high, too large to make in memory; "
            "export a PDF, which lists them on further pages"
        )
    image = QImage(settings.width, pixel_height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("#FFFFFF"))
    # Paint at 96 per inch, so fonts in points come out as on screen before the scale below;
    # the DPI asked for is recorded once the picture is drawn.
    _set_dpi(image, LOGICAL_DPI)
    painter = QPainter(image)
    try:
        painter.scale(scale, scale)
        _paint(painter, view, page, scale, settings)
    finally:
        painter.end()
    _set_dpi(image, settings.dpi)
    timeline = page.timeline
    drawn = QRectF(0, timeline.top() * scale, settings.width, timeline.height() * scale)
    return RenderedImage(_encode_png(image), drawn, 1)


def _svg(view: DrawnTimeline, texts: _Texts, settings: ImageExportSettings) -> RenderedImage:
    size = (float(settings.width), float(settings.height))
    page = _lay_out_page(texts, size, _measuring_device(), view, for_pdf=False)
    height = max(settings.height, round(page.height))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(QSize(settings.width, height))
    generator.setViewBox(QRectF(0, 0, settings.width, height))
    generator.setResolution(LOGICAL_DPI)
    generator.setTitle(f"{texts.footer.context}")
    generator.setDescription("; ".join(entry.full_text for entry in texts.footer.sources))
    painter = QPainter()
    if not painter.begin(generator):
        raise ExportError("Qt could not start the SVG file")
    try:
        _paint(painter, view, page, 1.0, settings)
    finally:
        painter.end()
    buffer.close()
    return RenderedImage(bytes(buffer.data().data()), page.timeline, 1)


def _pdf(view: DrawnTimeline, texts: _Texts, settings: ImageExportSettings) -> RenderedImage:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(LOGICAL_DPI)
    writer.setCreator(APP_NAME)
    writer.setTitle(f"{APP_NAME}: {settings.shown.display()}")
    layout_ok = writer.setPageLayout(
        QPageLayout(
            QPageSize(PAGE_SIZES[settings.page]),
            ORIENTATIONS[settings.orientation],
            QMarginsF(PAGE_MARGIN_MM, PAGE_MARGIN_MM, PAGE_MARGIN_MM, PAGE_MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )
    )
    if not layout_ok:
        raise ExportError(f"Qt could not set up a {settings.page} {settings.orientation} page")
    painter = QPainter()
    if not painter.begin(writer):
        raise ExportError("Qt could not start the PDF file")
    try:
        width, height = float(writer.width()), float(writer.height())
        page = _lay_out_page(texts, (width, height), painter.device(), view, for_pdf=True)
        _paint(painter, view, page, 1.0, settings)
        left_over = page.footer.left_over
        pages = 1
        while left_over:
            writer.newPage()
            pages += 1
            heading = f"Sources of what is shown (continued, page {pages})"
            inner = (width - 2 * FOOTER_MARGIN, height)
            sheet = layout_continuation(heading, left_over, inner, painter.device())
            sheet.draw(painter, FOOTER_MARGIN, 0.0)
            stuck = len(sheet.left_over) == len(left_over)  # an entry taller than a page
            left_over = sheet.left_over
            if stuck:
                raise ExportError("a source's entry is longer than a whole page")
    finally:
        painter.end()
    buffer.close()
    return RenderedImage(bytes(buffer.data().data()), page.timeline, pages)


def _set_dpi(image: QImage, dpi: int) -> None:
    per_metre = round(dpi / 0.0254)
    image.setDotsPerMeterX(per_metre)
    image.setDotsPerMeterY(per_metre)


def _encode_png(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # The picture is drawn on white, so it has no transparency: without an alpha channel the
    # PNG holds the same pixels and encodes in half the time.
    opaque = image.convertToFormat(QImage.Format.Format_RGB32)
    if not opaque.save(buffer, "PNG", PNG_QUALITY):  # type: ignore[call-overload]
        raise ExportError("Qt could not encode the PNG image")
    buffer.close()
    return bytes(data.data())
