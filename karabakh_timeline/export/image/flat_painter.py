"""A paint device that hands everything to another painter with its coordinates already in pixels.

WORKAROUND for Qt's vector writers and the timeline's time unit. The x axis counts seconds, so
plot items are drawn under a transform of about 1e-6 pixels per unit. On screen that is fine. In
files it is not: QSvgGenerator writes numbers with six significant digits (a day is lost at
close zoom), writes fill patterns and pen dashes in the item's units (an 8-second hatching tile,
5-second dashes: renderers run out of memory) and leaves cosmetic pens to
``vector-effect="non-scaling-stroke"``, which several renderers ignore (range bars became walls);
QPdfWriter draws a hatched bar under the tiny matrix itself, which poppler-based viewers refuse
("Singular matrix in tiling pattern fill") and leave blank, and a blank "no data" block reads as
zero.

``FlatPaintDevice`` receives what the scene paints, maps every shape through the current
transform in double precision, and draws it on the real painter in plain pixels, the way the
screen shows it: patterns and dashes in device pixels, pens as wide as on screen. Text, pictures
and glyphs keep their transform, which is an ordinary scale for them.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable

from PySide6.QtCore import QLineF, QPoint, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QImage,
    QPaintDevice,
    QPaintEngine,
    QPaintEngineState,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QPolygonF,
    QTextItem,
    QTransform,
)

_Dirty = QPaintEngine.DirtyFlag
_PATTERN_FREE = (
    Qt.BrushStyle.NoBrush,
    Qt.BrushStyle.SolidPattern,
)


class FlatPaintDevice(QPaintDevice):
    """Paint on this instead of ``target``'s device; it forwards to ``target`` in pixels."""

    def __init__(self, target: QPainter, width: float, height: float) -> None:
        super().__init__()
        self._target = target
        self._size = (max(1, math.ceil(width)), max(1, math.ceil(height)))
        self._engine = _FlatEngine(target)

    def paintEngine(self) -> QPaintEngine:
        return self._engine

    def metric(self, metric: QPaintDevice.PaintDeviceMetric) -> int:
        device = self._target.device()
        sizes = {
            QPaintDevice.PaintDeviceMetric.PdmWidth: self._size[0],
            QPaintDevice.PaintDeviceMetric.PdmHeight: self._size[1],
        }
        if metric in sizes:
            return sizes[metric]
        if metric == QPaintDevice.PaintDeviceMetric.PdmDevicePixelRatioScaled:
            return int(QPaintDevice.devicePixelRatioFScale())
        if metric == QPaintDevice.PaintDeviceMetric.PdmDepth:
            return 32
        if device is None:
            return 96
        return int(device.metric(metric)) if _readable(metric) else 96


def _readable(metric: QPaintDevice.PaintDeviceMetric) -> bool:
    return metric in (
        QPaintDevice.PaintDeviceMetric.PdmDpiX,
        QPaintDevice.PaintDeviceMetric.PdmDpiY,
        QPaintDevice.PaintDeviceMetric.PdmPhysicalDpiX,
        QPaintDevice.PaintDeviceMetric.PdmPhysicalDpiY,
        QPaintDevice.PaintDeviceMetric.PdmDevicePixelRatio,
        QPaintDevice.PaintDeviceMetric.PdmWidthMM,
        QPaintDevice.PaintDeviceMetric.PdmHeightMM,
        QPaintDevice.PaintDeviceMetric.PdmNumColors,
    )


class _FlatEngine(QPaintEngine):
    def __init__(self, target: QPainter) -> None:
        super().__init__(QPaintEngine.PaintEngineFeature.AllFeatures)
        self._target = target
        self._base = QTransform()
        self._transform = QTransform()
        self._pen = QPen()
        self._brush = QBrush()

    # ------------------------------------------------------------------ engine protocol

    def begin(self, device: QPaintDevice) -> bool:
        self._target.save()
        self._base = QTransform(self._target.transform())
        return True

    def end(self) -> bool:
        self._target.restore()
        return True

    def type(self) -> QPaintEngine.Type:
        return QPaintEngine.Type.User

    def updateState(self, state: QPaintEngineState) -> None:
        dirty = state.state()
        target = self._target
        if dirty & _Dirty.DirtyTransform:
            self._transform = QTransform(state.transform())
        if dirty & _Dirty.DirtyPen:
            self._pen = QPen(state.pen())
        if dirty & _Dirty.DirtyBrush:
            self._brush = QBrush(state.brush())
        if dirty & (_Dirty.DirtyPen | _Dirty.DirtyBrush | _Dirty.DirtyTransform):
            target.setPen(self._flat_pen())
            target.setBrush(self._flat_brush())
        if dirty & _Dirty.DirtyBrushOrigin:
            target.setBrushOrigin(self._transform.map(state.brushOrigin()))
        if dirty & _Dirty.DirtyOpacity:
            target.setOpacity(state.opacity())
        if dirty & _Dirty.DirtyCompositionMode:
            target.setCompositionMode(state.compositionMode())
        if dirty & _Dirty.DirtyHints:
            target.setRenderHints(state.renderHints())
        if dirty & _Dirty.DirtyClipEnabled:
            target.setClipping(state.isClipEnabled())
        if dirty & _Dirty.DirtyClipPath:
            self._clip(state.clipPath(), state.clipOperation())
        elif dirty & _Dirty.DirtyClipRegion:
            path = QPainterPath()
            path.addRegion(state.clipRegion())
            self._clip(path, state.clipOperation())

    # ---------------------------------------------------------------------- drawing

    def drawPath(self, path: QPainterPath) -> None:
        self._target.drawPath(self._transform.map(path))

    def drawPolygon(self, points: Iterable[QPointF], mode: QPaintEngine.PolygonDrawMode) -> None:
        polygon = self._transform.map(QPolygonF([QPointF(point) for point in points]))
        if mode == QPaintEngine.PolygonDrawMode.PolylineMode:
            self._target.drawPolyline(polygon)
        elif mode == QPaintEngine.PolygonDrawMode.WindingMode:
            self._target.drawPolygon(polygon, Qt.FillRule.WindingFill)
        else:
            self._target.drawPolygon(polygon, Qt.FillRule.OddEvenFill)

    def drawRects(self, rects: Iterable[QRectF]) -> None:
        for rect in rects:
            path = QPainterPath()
            path.addRect(QRectF(rect))
            self.drawPath(path)

    def drawLines(self, lines: Iterable[QLineF]) -> None:
        for line in lines:
            self._target.drawLine(self._transform.map(QLineF(line)))

    def drawPoints(self, points: Iterable[QPointF]) -> None:
        for point in points:
            self._target.drawPoint(self._transform.map(QPointF(point)))

    def drawEllipse(self, rect: QRectF | QRect) -> None:
        path = QPainterPath()
        path.addEllipse(QRectF(rect))
        self.drawPath(path)

    def drawTextItem(
        self, point: QPointF | QPoint | QPainterPath.Element, text_item: QTextItem
    ) -> None:
        self._with_transform(lambda: self._draw_text(_point(point), text_item))

    def drawPixmap(
        self, rect: QRectF | QRect, pixmap: QPixmap | QImage, source: QRectF | QRect
    ) -> None:
        self._with_transform(lambda: self._target.drawPixmap(QRectF(rect), pixmap, QRectF(source)))

    def drawImage(
        self,
        rect: QRectF | QRect,
        image: QImage,
        source: QRectF | QRect,
        flags: Qt.ImageConversionFlag = Qt.ImageConversionFlag.AutoColor,
    ) -> None:
        self._with_transform(
            lambda: self._target.drawImage(QRectF(rect), image, QRectF(source), flags)
        )

    def drawTiledPixmap(
        self,
        rect: QRectF | QRect,
        pixmap: QPixmap | QImage,
        offset: QPointF | QPoint | QPainterPath.Element,
    ) -> None:
        self._with_transform(
            lambda: self._target.drawTiledPixmap(QRectF(rect), pixmap, _point(offset))
        )

    # ---------------------------------------------------------------------- helpers

    def _draw_text(self, point: QPointF, text_item: QTextItem) -> None:
        self._target.setFont(text_item.font())
        self._target.drawText(point, text_item.text())

    def _with_transform(self, draw: Callable[[], None]) -> None:
        """Draw with the item's own transform: right for text and pictures, which are not tiny."""
        target = self._target
        target.setWorldTransform(self._transform * self._base)
        try:
            draw()
        finally:
            target.setWorldTransform(self._base)

    def _flat_pen(self) -> QPen:
        pen = QPen(self._pen)
        if not pen.isCosmetic() and pen.widthF() > 0:
            # A pen in the item's units: as wide as the transform makes it on screen.
            pen.setWidthF(pen.widthF() * _scale_of(self._transform))
        brush = pen.brush()
        if brush.style() not in _PATTERN_FREE and brush.gradient() is not None:
            brush.setTransform(brush.transform() * self._transform)
            pen.setBrush(brush)
        return pen

    def _flat_brush(self) -> QBrush:
        brush = QBrush(self._brush)
        if brush.gradient() is not None or brush.style() == Qt.BrushStyle.TexturePattern:
            # Gradients and textures live in the item's coordinates; hatching stays in pixels.
            brush.setTransform(brush.transform() * self._transform)
        return brush

    def _clip(self, path: QPainterPath, operation: Qt.ClipOperation) -> None:
        if operation == Qt.ClipOperation.NoClip:
            self._target.setClipping(False)
            return
        self._target.setClipPath(self._transform.map(path), operation)


def _point(point: QPointF | QPoint | QPainterPath.Element) -> QPointF:
    if isinstance(point, QPainterPath.Element):
        return QPointF(point.x, point.y)
    return QPointF(point)


def _scale_of(transform: QTransform) -> float:
    return math.sqrt(abs(transform.determinant())) or 1.0
