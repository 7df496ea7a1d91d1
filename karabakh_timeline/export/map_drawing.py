"""The map drawn with a plain ``QPainter``, for exported pictures: the same base map, marker sizes
(``model.place_figures``) and holders (``model.control``) as the Map dock, from the model alone.

Everything is vector: land and borders are paths, markers are ellipses, names are text, so an SVG
or PDF keeps them sharp. The credit and the note on borders are written on the map itself.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen

from karabakh_timeline.export.map_style import (
    BORDER,
    CLEARANCE,
    COUNTRY_TEXT,
    FAINT,
    HIGHLIGHT,
    LAND,
    MARKER_EDGE,
    PLACE_TEXT,
    SEA,
    WATER_TEXT,
    holder_colour,
)
from karabakh_timeline.model.basemap import BORDERS_NOTE, FOCUS, BaseMap, Region, bundled_basemap
from karabakh_timeline.model.control import ControlIndex
from karabakh_timeline.model.dates import DateRange
from karabakh_timeline.model.place_figures import PlaceIndex, marker_diameters
from karabakh_timeline.model.place_names import Naming, place_name
from karabakh_timeline.model.records import Dataset, Place

MAX_PLACE_LABELS = 25
CREDIT_FONT_PX = 11.0


class _Projection:
    """Longitude and latitude to picture pixels: a degree of longitude is cos(latitude) of a
    degree of latitude, the focus area fitted and centred in the rectangle."""

    def __init__(self, rect: QRectF, focus: Region) -> None:
        squash = math.cos(math.radians((focus.south + focus.north) / 2))
        wide = (focus.east - focus.west) * squash
        tall = focus.north - focus.south
        self.scale = min(rect.width() / wide, rect.height() / tall)
        self.squash = squash
        centre_lon = (focus.west + focus.east) / 2
        centre_lat = (focus.south + focus.north) / 2
        self.x0 = rect.center().x() - centre_lon * squash * self.scale
        self.y0 = rect.center().y() + centre_lat * self.scale

    def point(self, lon: float, lat: float) -> QPointF:
        return QPointF(self.x0 + lon * self.squash * self.scale, self.y0 - lat * self.scale)


def draw_map(
    painter: QPainter,
    rect: QRectF,
    dataset: Dataset,
    period: DateRange,
    naming: Naming = Naming.ENGLISH,
    places: frozenset[str] = frozenset(),
    basemap: BaseMap | None = None,
) -> None:
    """Draw the map of ``period`` into ``rect``: base map, markers, names, legend and credit."""
    basemap = basemap if basemap is not None else bundled_basemap()
    painter.save()
    try:
        painter.setClipRect(rect)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.fillRect(rect, SEA)
        credit_height = 2 * CREDIT_FONT_PX * 1.3 + 6
        area = rect.adjusted(0, 0, 0, -credit_height)
        projection = _Projection(area, FOCUS)
        _draw_base(painter, projection, basemap)
        _draw_places(painter, projection, dataset, period, naming, places)
        _draw_credit(painter, rect, basemap, credit_height)
        painter.setPen(QPen(BORDER, 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(rect.adjusted(0.5, 0.5, -0.5, -0.5))
    finally:
        painter.restore()


def _draw_base(painter: QPainter, projection: _Projection, basemap: BaseMap) -> None:
    land = QPainterPath()
    land.setFillRule(Qt.FillRule.OddEvenFill)  # the Caspian is a hole in the land
    for ring in basemap.land:
        land.moveTo(projection.point(*ring[0]))
        for point in ring[1:]:
            land.lineTo(projection.point(*point))
        land.closeSubpath()
    painter.setPen(QPen(BORDER, 0.8))
    painter.setBrush(QBrush(LAND))
    painter.drawPath(land)
    borders = QPainterPath()
    for line in basemap.borders:
        borders.moveTo(projection.point(*line[0]))
        for point in line[1:]:
            borders.lineTo(projection.point(*point))
    pen = QPen(BORDER, 1.2)
    pen.setStyle(Qt.PenStyle.DashLine)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(borders)
    font = QFont()
    font.setPixelSize(12)
    for label in basemap.labels:
        italic = QFont(font)
        italic.setItalic(label.water)
        painter.setFont(italic)
        painter.setPen(WATER_TEXT if label.water else COUNTRY_TEXT)
        text = label.text if label.water else label.text.upper()
        _centred_text(painter, projection.point(label.longitude, label.latitude), text)


def _centred_text(painter: QPainter, at: QPointF, text: str) -> None:
    metrics = QFontMetricsF(painter.font())
    width = metrics.horizontalAdvance(text)
    painter.drawText(QPointF(at.x() - width / 2, at.y() + metrics.ascent() / 2 - 1), text)


def _draw_places(
    painter: QPainter,
    projection: _Projection,
    dataset: Dataset,
    period: DateRange,
    naming: Naming,
    chosen: frozenset[str],
) -> None:
    figures = PlaceIndex(dataset).figures(period)
    sizes = marker_diameters(figures)
    control = ControlIndex(dataset)
    holders = control.holders_on(period.last)
    placed = [
        p for p in dataset.places.values() if p.latitude is not None and p.longitude is not None
    ]
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QPen(FAINT, 1))
    for place in placed:
        if place.id not in sizes:
            centre = _centre(projection, place)
            painter.drawEllipse(centre, 2.5, 2.5)
    active = sorted((p for p in placed if p.id in sizes), key=lambda p: -sizes[p.id])
    for place in active:
        centre = _centre(projection, place)
        radius = sizes[place.id] / 2
        painter.setPen(QPen(MARKER_EDGE, 1))
        painter.setBrush(QBrush(holder_colour(holders.get(place.id), control.holders)))
        painter.drawEllipse(centre, radius, radius)
        if figures[place.id].clearance_reports:
            side = max(5.5, radius * 0.6)
            diamond = QPainterPath()
            diamond.moveTo(centre.x(), centre.y() - side)
            diamond.lineTo(centre.x() + side, centre.y())
            diamond.lineTo(centre.x(), centre.y() + side)
            diamond.lineTo(centre.x() - side, centre.y())
            diamond.closeSubpath()
            painter.setPen(QPen(CLEARANCE, 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(diamond)
        if place.id in chosen:
            painter.setPen(QPen(HIGHLIGHT, 2.5))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(centre, radius + 4, radius + 4)
    _draw_place_names(painter, projection, active[:MAX_PLACE_LABELS], sizes, naming)


def _centre(projection: _Projection, place: Place) -> QPointF:
    # Only places with both coordinates are drawn (see _draw_places).
    return projection.point(place.longitude or 0.0, place.latitude or 0.0)


def _draw_place_names(
    painter: QPainter,
    projection: _Projection,
    places: list[Place],
    sizes: dict[str, float],
    naming: Naming,
) -> None:
    font = QFont()
    font.setPixelSize(11)
    painter.setFont(font)
    painter.setPen(PLACE_TEXT)
    metrics = QFontMetricsF(font)
    taken: list[QRectF] = []
    for place in places:
        name = place_name(place, naming)
        centre = _centre(projection, place)
        gap = sizes[place.id] / 2 + 3
        box = QRectF(
            centre.x() + gap,
            centre.y() - metrics.height() / 2,
            metrics.horizontalAdvance(name),
            metrics.height(),
        )
        if any(box.intersects(other) for other in taken):
            continue  # a name that would cover another is left out; the larger place keeps its
        taken.append(box)
        painter.drawText(QPointF(box.left(), box.top() + metrics.ascent()), name)


def _draw_credit(painter: QPainter, rect: QRectF, basemap: BaseMap, height: float) -> None:
    band = QRectF(rect.left(), rect.bottom() - height, rect.width(), height)
    painter.fillRect(band, QColor(255, 255, 255, 230))
    font = QFont()
    font.setPixelSize(int(CREDIT_FONT_PX))
    painter.setFont(font)
    painter.setPen(QColor("#444444"))
    text = (
        f"{basemap.credit}. {BORDERS_NOTE} Marker area: killed and injured in the period; "
        "colour: who held the place at its end; green diamond: clearance reported."
    )
    painter.drawText(
        band.adjusted(4, 2, -4, -2),
        int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        | int(Qt.TextFlag.TextWordWrap),
        text,
    )
