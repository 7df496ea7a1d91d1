"""The map drawn with a plain ``QPainter``, for exported pictures: the same base map, marker sizes
(``model.place_figures``) and holders (``model.control``) as the Map dock, from the model alone.

Everything is vector: land and borders are paths, markers are ellipses, names are text, so an SVG
or PDF keeps them sharp. The credit and the note on borders are written on the map itself.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen

from karabakh_timeline.export.image.map_labels import (
    Box,
    Label,
    Marker,
    Markers,
    area_labels,
    place_labels,
)
from karabakh_timeline.export.image.map_style import (
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
from karabakh_timeline.model.place_figures import PlaceFigures, PlaceIndex, marker_diameters
from karabakh_timeline.model.place_names import Naming, place_name
from karabakh_timeline.model.records import Dataset, Place

MAX_PLACE_LABELS = 25
FAINT_RADIUS = 2.5  # px: a place with nothing in the period
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
        _draw_places(painter, projection, area, dataset, period, naming, places, basemap)
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


def _draw_places(
    painter: QPainter,
    projection: _Projection,
    area: QRectF,
    dataset: Dataset,
    period: DateRange,
    naming: Naming,
    chosen: frozenset[str],
    basemap: BaseMap,
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
    circles: dict[str, Marker] = {}
    for place in placed:
        centre = _centre(projection, place)
        if place.id not in sizes:
            painter.drawEllipse(centre, FAINT_RADIUS, FAINT_RADIUS)
        circles[place.id] = Marker(centre.x(), centre.y(), _reach(place.id, sizes, figures, chosen))
    active = sorted((p for p in placed if p.id in sizes), key=lambda p: -sizes[p.id])
    for place in active:
        centre = _centre(projection, place)
        radius = sizes[place.id] / 2
        painter.setPen(QPen(MARKER_EDGE, 1))
        painter.setBrush(QBrush(holder_colour(holders.get(place.id), control.holders)))
        painter.drawEllipse(centre, radius, radius)
        if figures[place.id].clearance_reports:
            side = _diamond(radius)
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
    labels = [place for place in active if place.id in chosen]
    labels += [place for place in active[:MAX_PLACE_LABELS] if place.id not in chosen]
    _draw_names(painter, projection, area, basemap, labels, circles, naming)


def _centre(projection: _Projection, place: Place) -> QPointF:
    # Only places with both coordinates are drawn (see _draw_places).
    return projection.point(place.longitude or 0.0, place.latitude or 0.0)


def _diamond(radius: float) -> float:
    """Half the diagonal of the clearance diamond drawn on a marker of ``radius``."""
    return max(5.5, radius * 0.6)


def _reach(
    place: str, sizes: dict[str, float], figures: dict[str, PlaceFigures], chosen: frozenset[str]
) -> float:
    """How far from its centre a place's drawing goes: marker, diamond, ring and pen."""
    size = sizes.get(place)
    if size is None:
        return FAINT_RADIUS + 1
    radius = size / 2
    if figures[place].clearance_reports:
        radius = max(radius, _diamond(radius))
    if place in chosen:
        radius += 4
    return radius + 1.5


def _draw_names(
    painter: QPainter,
    projection: _Projection,
    area: QRectF,
    basemap: BaseMap,
    places: list[Place],
    circles: dict[str, Marker],
    naming: Naming,
) -> None:
    """The countries', the sea's and the places' names where ``map_labels`` finds room for
    them: inside the map, on no marker and on no other name."""
    view = Box(area.left(), area.top(), area.width(), area.height())
    area_font = QFont()
    area_font.setPixelSize(12)
    water_font = QFont(area_font)
    water_font.setItalic(True)
    areas: list[tuple[Label, str, QFont]] = []
    for number, label in enumerate(basemap.labels):
        font = water_font if label.water else area_font
        text = label.text if label.water else label.text.upper()
        at = projection.point(label.longitude, label.latitude)
        metrics = QFontMetricsF(font)
        size = (metrics.horizontalAdvance(text), metrics.height())
        areas.append((Label(str(number), at.x(), at.y(), 0.0, *size), text, font))
    markers = Markers.of(circles.values())
    area_boxes = area_labels(view, markers, [label for label, _, _ in areas])
    for written, text, font in areas:
        box = area_boxes.get(written.key)
        if box is not None:
            painter.setFont(font)
            painter.setPen(WATER_TEXT if font.italic() else COUNTRY_TEXT)
            _write(painter, box, text)
    font = QFont()
    font.setPixelSize(11)
    metrics = QFontMetricsF(font)
    names = {place.id: place_name(place, naming) for place in places}
    labels = []
    for place in places:
        marker = circles[place.id]
        width = metrics.horizontalAdvance(names[place.id])
        labels.append(Label(place.id, marker.x, marker.y, marker.radius, width, metrics.height()))
    painter.setFont(font)
    painter.setPen(PLACE_TEXT)
    for key, box in place_labels(view, markers, labels, area_boxes.values()).items():
        _write(painter, box, names[key])


def _write(painter: QPainter, box: Box, text: str) -> None:
    metrics = QFontMetricsF(painter.font())
    painter.drawText(QPointF(box.left, box.top + metrics.ascent()), text)


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
