"""The map: the base map of the South Caucasus and the dataset's places for the selected period.

``MapView(selection, dataset)`` listens to the selection: a new period resizes the markers (their
area shows the period's casualties at each place, ``model.place_figures``), a selected event rings
its places, the names follow the chosen naming. A click on a place filters everything to it
(Ctrl+click adds or removes a place), Shift+drag selects the places in a box. Longitude is x,
latitude y; the aspect is locked so that a degree of longitude is cos(latitude) of a degree of
latitude, and panning and zooming stay inside the region.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QHelpEvent, QPainterPath
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsRectItem, QToolTip, QWidget

from karabakh_timeline.export.image.map_labels import Box, Label, Markers, area_labels, place_labels
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
from karabakh_timeline.model.basemap import FOCUS, BaseMap, MapLabel, bundled_basemap
from karabakh_timeline.model.control import ControlIndex, Holder
from karabakh_timeline.model.place_figures import PlaceFigures, PlaceIndex, marker_diameters
from karabakh_timeline.model.place_names import place_name
from karabakh_timeline.model.records import Dataset
from karabakh_timeline.ui.map.place_hover import place_tooltip
from karabakh_timeline.ui.selection import Selection

HIT_RADIUS = 10.0  # pixels around a marker's edge that still count as pointing at it
MAX_LABELS = 40  # place names written at once; the rest show on hover
FAINT_SIZE = 5  # px: a place with nothing in the period


def _text_item(text: str, colour: QColor) -> pg.TextItem:
    """A name drawn at its box's top left, with no margin around the text: the layout's box is
    the text's own."""
    item = pg.TextItem(text, color=colour, anchor=(0, 0))
    item.textItem.document().setDocumentMargin(0)
    return item


class MapViewBox(pg.ViewBox):
    """Pans on a drag and zooms on the wheel; Shift+drag draws a box that selects places."""

    box_selected = Signal(object)
    """A box was drawn with Shift held; carries its ``QRectF`` in longitude and latitude."""

    def __init__(self) -> None:
        super().__init__(enableMenu=False)
        self._box = QGraphicsRectItem(0, 0, 1, 1)
        self._box.setPen(pg.mkPen(HIGHLIGHT, width=1, style=Qt.PenStyle.DashLine, cosmetic=True))
        self._box.setBrush(QBrush(QColor(0, 0, 0, 25)))
        self._box.setZValue(1e9)
        self._box.hide()
        self.addItem(self._box, ignoreBounds=True)

    def mouseDragEvent(self, ev: Any, axis: int | None = None) -> None:  # pyqtgraph's event
        modifiers = ev.modifiers()
        if ev.button() != Qt.MouseButton.LeftButton or not (
            modifiers & Qt.KeyboardModifier.ShiftModifier
        ):
            super().mouseDragEvent(ev, axis)
            return
        ev.accept()
        start = self.mapSceneToView(ev.buttonDownScenePos())
        here = self.mapSceneToView(ev.scenePos())
        rect = QRectF(start, here).normalized()
        if ev.isFinish():
            self._box.hide()
            self.box_selected.emit(rect)
        else:
            self._box.setRect(rect)
            self._box.show()


class MapView(pg.PlotWidget):
    """The map of the places for ``selection.period``; see the module's note."""

    place_clicked = Signal(object)
    """A place was clicked; carries its id."""

    def __init__(
        self,
        selection: Selection,
        dataset: Dataset,
        basemap: BaseMap | None = None,
        parent: QWidget | None = None,
    ) -> None:
        self._viewbox = MapViewBox()
        # resizeEvent comes already inside PlotWidget's __init__: fit only once built.
        super().__init__(parent, viewBox=self._viewbox, background=SEA)
        self.setObjectName("mapView")
        self.selection = selection
        self.basemap = basemap if basemap is not None else bundled_basemap()
        self.setMouseTracking(True)
        plot = self.getPlotItem()
        plot.hideAxis("left")
        plot.hideAxis("bottom")
        plot.setMenuEnabled(False)
        plot.hideButtons()
        self._draw_basemap()
        self._faint = pg.ScatterPlotItem(pxMode=True, symbol="o", size=FAINT_SIZE)
        self._markers = pg.ScatterPlotItem(pxMode=True, symbol="o")
        self._clearance = pg.ScatterPlotItem(pxMode=True, symbol="d")
        self._rings = pg.ScatterPlotItem(pxMode=True, symbol="o")
        for z, item in enumerate((self._faint, self._markers, self._clearance, self._rings)):
            item.setZValue(10 + z)
            self.addItem(item)
        self._labels: list[pg.TextItem] = []
        self._ringed: frozenset[str] = frozenset()
        self._radii = np.empty(0)
        self._set_limits()
        self.set_dataset(dataset)

        self.hovered_place: str | None = None
        self._moved_by_hand = False
        self._viewbox.sigRangeChangedManually.connect(self._note_moved)
        self._viewbox.box_selected.connect(self._box_selected)
        self._viewbox.sigRangeChanged.connect(self._show_labels)
        self.scene().sigMouseClicked.connect(self._clicked)
        self.scene().sigMouseMoved.connect(self._hovered)
        selection.period_changed.connect(self.refresh)
        selection.places_changed.connect(self._show_highlight)
        selection.event_changed.connect(self._show_highlight)
        selection.naming_changed.connect(self._show_labels)

    # ----------------------------------------------------------------- building

    def _draw_basemap(self) -> None:
        land = QPainterPath()
        land.setFillRule(Qt.FillRule.OddEvenFill)  # the Caspian is a hole in the land
        for ring in self.basemap.land:
            land.addPolygon(pg.QtGui.QPolygonF([QPointF(lon, lat) for lon, lat in ring]))
            land.closeSubpath()
        land_item = QGraphicsPathItem(land)
        land_item.setBrush(QBrush(LAND))
        land_item.setPen(pg.mkPen(BORDER, width=0.8, cosmetic=True))
        land_item.setZValue(-10)
        self.addItem(land_item)
        borders = QPainterPath()
        for line in self.basemap.borders:
            borders.moveTo(*line[0])
            for point in line[1:]:
                borders.lineTo(*point)
        border_item = QGraphicsPathItem(borders)
        border_item.setPen(pg.mkPen(BORDER, width=1.2, style=Qt.PenStyle.DashLine, cosmetic=True))
        border_item.setZValue(-9)
        self.addItem(border_item)
        country_font = QFont()
        country_font.setPointSizeF(9.5)
        country_font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 110)
        water_font = QFont(country_font)
        water_font.setItalic(True)
        # Written where the layout puts them (_show_labels): inside the view, off the markers.
        self._area_labels: list[tuple[MapLabel, pg.TextItem]] = []
        for label in self.basemap.labels:
            colour = WATER_TEXT if label.water else COUNTRY_TEXT
            item = _text_item(label.text if label.water else label.text.upper(), colour)
            item.setFont(water_font if label.water else country_font)
            item.setZValue(-5)
            self.addItem(item, ignoreBounds=True)
            self._area_labels.append((label, item))

    def _set_limits(self) -> None:
        r = self.basemap.region
        self._viewbox.setAspectLocked(True, ratio=1.0 / r.aspect)
        self._viewbox.setLimits(
            xMin=r.west, xMax=r.east, yMin=r.south, yMax=r.north,
            minXRange=0.2, minYRange=0.15, maxXRange=r.east - r.west, maxYRange=r.north - r.south,
        )  # fmt: skip
        self.fit_region()

    def fit_region(self) -> None:
        """Show the area of the places (Nagorno-Karabakh and around it) with its neighbours:
        the whole focus area where the map is tall enough, else its full width around its
        middle (the neighbours' names are pulled inside the view)."""
        self._moved_by_hand = False
        f = FOCUS
        width, height = self._viewbox.width(), self._viewbox.height()
        if width <= 0 or height <= 0:
            self._viewbox.setRange(xRange=(f.west, f.east), yRange=(f.south, f.north), padding=0)
            return
        aspect = self.basemap.region.aspect
        tall = (f.east - f.west) / aspect * height / width  # degrees of latitude at full width
        if tall >= f.north - f.south:
            self._viewbox.setRange(xRange=(f.west, f.east), yRange=(f.south, f.north), padding=0)
            return
        middle = (f.south + f.north) / 2
        self._viewbox.setRange(
            xRange=(f.west, f.east), yRange=(middle - tall / 2, middle + tall / 2), padding=0
        )

    def fitting_height(self, width: int) -> int:
        """The height in pixels that shows the whole focus area at ``width`` pixels."""
        f = FOCUS
        return round(width * (f.north - f.south) * self.basemap.region.aspect / (f.east - f.west))

    def _note_moved(self, *_: object) -> None:
        self._moved_by_hand = True

    def resizeEvent(self, ev: object) -> None:
        super().resizeEvent(ev)
        if not getattr(
            self, "_moved_by_hand", True
        ):  # until the reader pans or zooms, the region stays fitted
            self.fit_region()

    def mouseDoubleClickEvent(self, ev: object) -> None:
        """A double click shows the whole region again."""
        self.fit_region()

    # ------------------------------------------------------------------ dataset

    def set_dataset(self, dataset: Dataset) -> None:
        self.dataset = dataset
        placed = [p for p in dataset.places.values() if p.latitude is not None]
        self._place_ids = [p.id for p in placed if p.longitude is not None]
        self._lon = np.array([dataset.places[p].longitude for p in self._place_ids], float)
        self._lat = np.array([dataset.places[p].latitude for p in self._place_ids], float)
        self._row_of = {place: row for row, place in enumerate(self._place_ids)}
        self._index = PlaceIndex(dataset)
        self._control = ControlIndex(dataset)
        self._brushes: dict[str | None, QBrush] = {}
        self.figures: dict[str, PlaceFigures] = {}
        self.sizes: dict[str, float] = {}
        self.holders: dict[str, Holder] = {}
        # Every place as a faint ring, drawn once: the markers of places with records in the
        # period cover theirs, so only those are redrawn when the period changes.
        self._faint.setData(
            x=self._lon, y=self._lat, pen=pg.mkPen(FAINT, width=1),
            brush=QBrush(Qt.BrushStyle.NoBrush),
        )  # fmt: skip
        self.refresh()

    @property
    def control_holders(self) -> tuple[str, ...]:
        """Every holder the data names, in the order their colours are given."""
        return self._control.holders

    def refresh(self, *_: object) -> None:
        """Size and colour the markers for the selected period."""
        period = self.selection.period
        self.figures = self._index.figures(period)
        self.sizes = marker_diameters(self.figures)
        self.holders = self._control.holders_on(period.last)
        active = [p for p in self._place_ids if p in self.sizes]
        active.sort(key=lambda p: -self.sizes[p])  # small markers on top of large ones
        brushes = [self._brush(self.holders.get(p)) for p in active]
        drawn = [self._drawn_size(p) for p in active]
        self._markers.setData(
            x=self._column(self._lon, active), y=self._column(self._lat, active),
            size=drawn, brush=brushes, pen=pg.mkPen(MARKER_EDGE, width=1), data=active,
        )  # fmt: skip
        cleared = [p for p in active if self.figures[p].clearance_reports]
        diamonds = [float(round(max(11.0, self.sizes[p] * 0.6))) for p in cleared]
        self._clearance.setData(
            x=self._column(self._lon, cleared), y=self._column(self._lat, cleared),
            size=diamonds, pen=pg.mkPen(CLEARANCE, width=2), brush=QBrush(Qt.BrushStyle.NoBrush),
        )  # fmt: skip
        # How far each place's drawing reaches (with its pen), for the names to keep off it.
        radii = np.full(len(self._place_ids), FAINT_SIZE / 2)
        radii[self._rows(active)] = np.asarray(drawn) / 2
        rows = self._rows(cleared)
        radii[rows] = np.maximum(radii[rows], np.asarray(diamonds) / 2)
        self._radii = radii + 1
        self._show_highlight()  # and the names

    def _brush(self, holder: str | None) -> QBrush:
        # One brush per holder, shared: pyqtgraph draws each kind of marker once and stamps it.
        brush = self._brushes.get(holder)
        if brush is None:
            brush = QBrush(holder_colour(holder, self._control.holders))
            self._brushes[holder] = brush
        return brush

    def _drawn_size(self, place: str) -> float:
        # Whole pixels: markers of one size and colour share one stamp (see _brush); the
        # difference from the exact diameter is under half a pixel.
        return float(round(self.sizes[place]))

    def _column(self, values: np.ndarray, places: list[str]) -> np.ndarray:
        return values[[self._row_of[p] for p in places]] if places else np.empty(0)

    def _show_labels(self, *_: object) -> None:
        """Write the names of the countries and the sea, then of the places with the most
        casualties (the chosen ones and the selected event's first), where ``map_labels`` finds
        room: inside the view, on no marker and no other name. The rest show on hover. The same
        few text items are moved from place to place: making new ones is slow."""
        vb = self._viewbox
        (x0, x1), (y0, y1) = vb.viewRange()
        dx, dy = vb.viewPixelSize()
        if dx <= 0 or dy <= 0 or (not self._place_ids and not self._area_labels):
            return  # not laid out yet: the first resize writes them
        view = Box(0.0, 0.0, (x1 - x0) / dx, (y1 - y0) / dy)

        def pixel(lon: float, lat: float) -> tuple[float, float]:
            return (lon - x0) / dx, (y1 - lat) / dy

        def put(item: pg.TextItem, box: Box | None) -> None:
            item.setVisible(box is not None)
            if box is not None:
                item.setPos(x0 + box.left * dx, y1 - box.top * dy)

        markers = self._marker_circles(x0, y1, dx, dy)
        areas = []
        for number, (area, item) in enumerate(self._area_labels):
            size = item.boundingRect()
            x, y = pixel(area.longitude, area.latitude)
            areas.append(Label(str(number), x, y, 0.0, size.width(), size.height()))
        area_boxes = area_labels(view, markers, areas)
        for number, (_area, item) in enumerate(self._area_labels):
            put(item, area_boxes.get(str(number)))

        order = self._label_order()
        while len(self._labels) < len(order):
            item = _text_item("", PLACE_TEXT)
            item.setZValue(20)
            self.addItem(item, ignoreBounds=True)
            self._labels.append(item)
        for item in self._labels[len(order) :]:
            item.setVisible(False)
        naming = self.selection.naming
        labels = []
        for place, item in zip(order, self._labels, strict=False):
            text = place_name(self.dataset.places[place], naming)
            if item.toPlainText() != text:
                item.setText(text)
            row = self._row_of[place]
            size = item.boundingRect()
            x, y = pixel(self._lon[row], self._lat[row])
            labels.append(Label(place, x, y, self._radius(place), size.width(), size.height()))
        boxes = place_labels(view, markers, labels, area_boxes.values())
        for place, item in zip(order, self._labels, strict=False):
            put(item, boxes.get(place))

    def _label_order(self) -> list[str]:
        """The places to name, the most important first: the chosen places, the selected
        event's, then the others with records by their casualties (at most MAX_LABELS)."""
        chosen = sorted(p for p in self.selection.places if p in self._row_of)
        event = self.dataset.record(self.selection.event_id or "")
        of_event = [p for p in getattr(event, "places", ()) if p in self._row_of]
        ranked = sorted(self.sizes, key=lambda p: -self.sizes[p])[:MAX_LABELS]
        return list(dict.fromkeys([*chosen, *of_event, *ranked]))

    def _radius(self, place: str) -> float:
        """How far a place's drawing reaches from its centre, its ring included."""
        if place in self._ringed:
            return (self.sizes.get(place, 6.0) + 8) / 2 + 1
        return float(self._radii[self._row_of[place]])

    def _marker_circles(self, x0: float, y1: float, dx: float, dy: float) -> Markers:
        """Every marker as a circle in pixels, the faint places' too."""
        radii = self._radii.copy()
        rows = self._rows(self._ringed)
        radii[rows] = np.maximum(radii[rows], [self._radius(p) for p in self._ringed])
        return Markers((self._lon - x0) / dx, (y1 - self._lat) / dy, radii)

    def _rows(self, places: Iterable[str]) -> list[int]:
        return [self._row_of[p] for p in places]

    def marker_spots(self) -> list[object]:
        """The drawn markers of the places with records (pyqtgraph spots; ``data()`` is the id)."""
        return list(self._markers.points())

    def label_texts(self) -> list[str]:
        """The place names written on the map now."""
        return sorted(item.toPlainText() for item in self._labels if item.isVisible())

    def written_names(self) -> dict[str, QRectF]:
        """Every name written on the map now (places, countries, the sea) and where, in the
        widget's pixels."""
        items = [item for _, item in self._area_labels] + self._labels
        return {
            item.toPlainText(): self.mapFromScene(item.sceneBoundingRect()).boundingRect().toRectF()
            for item in items
            if item.isVisible()
        }

    def ringed_places(self) -> frozenset[str]:
        """The places ringed now: the place filter's and the selected event's."""
        return self._ringed

    def ring_points(self) -> list[tuple[float, float]]:
        """Where the rings are drawn, as (longitude, latitude)."""
        x, y = self._rings.getData()
        return [(float(a), float(b)) for a, b in zip(x, y, strict=True)]

    def _show_highlight(self, *_: object) -> None:
        ringed = set(self.selection.places)
        event = self.dataset.record(self.selection.event_id or "")
        if event is not None:
            ringed |= set(event.places)
        ringed &= set(self._row_of)
        self._ringed = frozenset(ringed)
        places = sorted(ringed)
        self._rings.setData(
            x=self._column(self._lon, places), y=self._column(self._lat, places),
            size=[self.sizes.get(p, 6.0) + 8 for p in places],
            pen=pg.mkPen(HIGHLIGHT, width=2.5), brush=QBrush(Qt.BrushStyle.NoBrush),
        )  # fmt: skip
        self._show_labels()

    # ---------------------------------------------------------------- pointing

    def place_at(self, scene_pos: QPointF) -> str | None:
        """The place whose marker is under the scene point (or nearest within a few pixels)."""
        if not self._place_ids:
            return None
        vb = self._viewbox
        if not vb.sceneBoundingRect().contains(scene_pos):
            return None
        here = vb.mapSceneToView(scene_pos)
        dx, dy = vb.viewPixelSize()
        distance = np.hypot((self._lon - here.x()) / dx, (self._lat - here.y()) / dy)
        radii = np.array([self.sizes.get(p, 5.0) / 2 for p in self._place_ids]) + HIT_RADIUS
        inside = np.flatnonzero(distance <= radii)
        if inside.size == 0:
            return None
        # A place with records in the period wins over a faint one drawn under its marker.
        active = [row for row in inside.tolist() if self._place_ids[row] in self.sizes]
        rows = np.array(active) if active else inside
        return self._place_ids[int(rows[np.argmin(distance[rows])])]

    def place_scene_pos(self, place_id: str) -> QPointF:
        """Where a place's marker is drawn, in scene coordinates (for tests and tooltips)."""
        row = self._row_of[place_id]
        return self._viewbox.mapViewToScene(QPointF(self._lon[row], self._lat[row]))

    def _clicked(self, ev: Any) -> None:  # pyqtgraph's MouseClickEvent
        if ev.button() != Qt.MouseButton.LeftButton:
            return
        place = self.place_at(ev.scenePos())
        if place is None:
            return
        ev.accept()
        chosen = set(self.selection.places)
        if ev.modifiers() & Qt.KeyboardModifier.ControlModifier:
            chosen ^= {place}
        else:
            chosen = {place}
        self.selection.set_places(chosen)
        self.place_clicked.emit(place)

    def _box_selected(self, rect: QRectF) -> None:
        inside = (
            (self._lon >= rect.left()) & (self._lon <= rect.right())
            & (self._lat >= rect.top()) & (self._lat <= rect.bottom())
        )  # fmt: skip
        self.selection.set_places({self._place_ids[int(row)] for row in np.flatnonzero(inside)})

    def _hovered(self, scene_pos: QPointF) -> None:
        place = self.place_at(scene_pos)
        self.hovered_place = place
        if place is None:
            QToolTip.hideText()

    def viewportEvent(self, ev: QEvent) -> bool:
        # The tooltip of the place under the pointer, when Qt asks for one (after the hover
        # delay); the scene has no item per place to carry it.
        if isinstance(ev, QHelpEvent) and ev.type() == QEvent.Type.ToolTip:
            place = self.place_at(self.mapToScene(ev.pos()))
            if place is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(ev.globalPos(), self.tooltip_for(place), self)
            return True
        return super().viewportEvent(ev)

    def tooltip_for(self, place_id: str) -> str:
        return place_tooltip(
            self.dataset.places[place_id],
            self.figures.get(place_id),
            self.holders.get(place_id),
            self.selection.period,
            self.selection.naming,
        )
