"""Pictures of the window or of one view, as PNG (at 1×, 2×, 3×), SVG or PDF, written
safely.

The window's File ▸ Export and `main.py export` both come here, so a figure from the
command line equals one from the window; both draw in figure mode (gui/shell/figure_mode.py:
no hints or controls). An SVG has every stroke in output units (gui/shell/portable_svg.py),
so librsvg, Inkscape and browsers draw it as Qt does, and clip paths placed right; in an
SVG or a PDF a heatmap's cells stay crisp (gui/items/heatmap_item.py).
Files are written to a temporary file beside the target and renamed into place, so a
failure (unwritable folder, full disk) leaves no partial file and any existing file
untouched.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pyqtgraph as pg
from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QMarginsF,
    QPoint,
    QRect,
    QSize,
    QSizeF,
    Qt,
)
from PySide6.QtGui import QBrush, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter, QRegion
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QGraphicsView, QWidget

from core.state_file import WriteError, write_atomic
from gui.items.axis_cache import vector_axes
from gui.items.heatmap_item import vector_heatmaps
from gui.shell.figure_mode import figure_mode
from gui.shell.portable_svg import merge_fragments, portable_svg

FORMATS = ("png", "svg", "pdf")
MAX_PIXELS = 100_000_000  # a 10000×10000 picture; beyond, Qt cannot paint it
SCALES = (1, 2, 3)


class ExportError(ValueError):
    """A figure could not be written; the message names the file and the reason."""


def format_of(path: str | Path) -> str:
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise ExportError(f"{path}: unknown picture format {suffix or '(none)'!r}; "
                          f"use .png, .svg or .pdf")
    return suffix


def render_image(widget: QWidget, scale: float = 1.0, transparent: bool = False) -> QImage:
    """The widget as it looks on screen, at scale × its size in pixels.

    The image carries devicePixelRatio = scale, so Qt draws text and lines at the higher
    resolution rather than scaling up a 1× picture. A transparent image (for a slide of
    another colour) leaves out the window's and the plots' backgrounds; what is drawn on
    them (curves, bars, axes, text) stays opaque.
    """
    size = widget.size()
    image = QImage(QSize(round(size.width() * scale), round(size.height() * scale)),
                   QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(scale)
    image.fill(Qt.GlobalColor.transparent if transparent else widget.palette().window().color())
    flags = (QWidget.RenderFlag.DrawChildren if transparent else
             QWidget.RenderFlag.DrawWindowBackground | QWidget.RenderFlag.DrawChildren)
    with _backgrounds_off(widget, transparent):
        painter = QPainter(image)
        try:
            # QWidget's render: a plot (QGraphicsView) has another one of its own
            QWidget.render(widget, painter, QPoint(0, 0), QRegion(), flags)
        finally:
            painter.end()
    # 96 dpi at 1×: a 2× image is the same physical size with twice the detail
    dots_per_metre = round(96 / 0.0254 * scale)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    return image


@contextmanager
def _backgrounds_off(widget: QWidget, off: bool) -> Iterator[None]:
    """While off, nothing fills a background: pyqtgraph's plots (their background brush,
    and the cached background, which Qt fills with the window colour), the widgets that
    fill themselves with the window colour and the readouts that paint their own; then all
    back as it was."""
    children = [widget, *widget.findChildren(QWidget)] if off else []
    plots = [(w, w.backgroundBrush(), w.cacheMode()) for w in children
             if isinstance(w, pg.GraphicsView)]
    filled = [w for w in children if w.autoFillBackground()]
    # readouts paint their own background (gui/items/readout_label.py)
    see_through = [w for w in children if callable(getattr(w, "set_see_through", None))]
    for child in see_through:
        child.set_see_through(True)
    for plot, _, _ in plots:
        plot.setCacheMode(QGraphicsView.CacheModeFlag.CacheNone)
        plot.setBackgroundBrush(QBrush(Qt.BrushStyle.NoBrush))
    for child in filled:
        child.setAutoFillBackground(False)
    try:
        yield
    finally:
        for plot, brush, cache in plots:
            plot.setBackgroundBrush(brush)
            plot.setCacheMode(cache)
            plot.resetCachedContent()
        for child in filled:
            child.setAutoFillBackground(True)
        for child in see_through:
            child.set_see_through(False)


def figure_image(widget: QWidget, scale: float = 1.0, transparent: bool = False) -> QImage:
    """The PNG a figure export writes (figure mode: no hints, a view on its plots'
    background), as an image: Copy puts the same picture on the clipboard as Save."""
    with figure_mode(widget):
        return render_image(widget, scale, transparent)


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise ExportError("the PNG encoder failed")
    buffer.close()
    return bytes(data)


def svg_bytes(widget: QWidget, title: str = "Loss Lens") -> bytes:
    """The widget drawn as vector graphics (plots stay paths; small heatmaps rectangles,
    larger ones images), SVG 1.1 with clip paths, so a line leaving its plot is cut at the
    plot's edge as on screen.

    Each widget is drawn into an SVG of its own, at its own origin, then placed: Qt's
    SVG 1.1 writer puts a child widget's clip paths where the widget would be at the
    picture's origin (drawn in one pass, the Regression tab came out nearly empty). Each
    is cut to its widget's rectangle by a clip path of the merged SVG: Qt's SVG engine
    does not apply the clip Qt gives a widget by itself (see _render_part), and a clip set
    on the painter broke the clips the style sets (group titles, slider handles vanished).
    """
    parts = []
    with vector_axes(widget), vector_heatmaps(widget):
        for part, offset, region in paint_order(widget):
            data = QByteArray()
            buffer = QBuffer(data)
            buffer.open(QIODevice.OpenModeFlag.WriteOnly)
            generator = QSvgGenerator(QSvgGenerator.SvgVersion.Svg11)
            generator.setOutputDevice(buffer)
            generator.setSize(part.size())
            generator.setResolution(96)  # sizes in the widget's pixels at 96 dpi
            generator.setViewBox(QRect(0, 0, part.width(), part.height()))
            flags = (QWidget.RenderFlag.DrawWindowBackground if part is widget
                     else QWidget.RenderFlag(0))
            painter = QPainter(generator)
            try:
                QWidget.render(part, painter, QPoint(0, 0), region, flags)
            finally:
                painter.end()
            buffer.close()
            box = region.boundingRect()  # the fragment is cut to it (see _render_part)
            parts.append((bytes(data), offset.x(), offset.y(),
                          (box.x(), box.y(), box.width(), box.height())))
    return portable_svg(merge_fragments(parts, widget.width(), widget.height(), title,
                                        "Exported from Loss Lens"))


def paint_order(root: QWidget) -> list[tuple[QWidget, QPoint, QRegion]]:
    """root and every widget shown in it, in the order Qt paints them (a parent, then its
    children bottom to top), with its position in root and its part not hidden by its
    parents (in its own coordinates)."""
    order: list[tuple[QWidget, QPoint, QRegion]] = []

    def visit(widget: QWidget, offset: QPoint, visible: QRect) -> None:
        rect = QRect(offset, widget.size()) & visible
        if rect.isEmpty():
            return
        order.append((widget, offset, QRegion(rect.translated(-offset))))
        for child in widget.children():
            if isinstance(child, QWidget) and not child.isHidden() and not child.isWindow():
                visit(child, offset + child.pos(), rect)

    visit(root, QPoint(0, 0), QRect(QPoint(0, 0), root.size()))
    return order


def _render_part(painter: QPainter, part: QWidget, offset: QPoint, region: QRegion,
                 flags: QWidget.RenderFlag) -> None:
    """part alone (not its children) at offset, cut to region by the painter's own clip.

    A vector paint engine (SVG, PDF) ignores the clip Qt gives each widget by itself (the
    system clip), which only the raster engine applies: Fusion's selected tab fills a
    strip 24 pixels below the tab bar to join the pane, and in an SVG or a PDF that white
    strip covered the "Softmax p = …" heading under the Classifier tab."""
    painter.save()
    try:
        painter.translate(offset)
        painter.setClipRegion(region)
        QWidget.render(part, painter, QPoint(0, 0), region, flags)
    finally:
        painter.restore()


def pdf_bytes(widget: QWidget, title: str = "Loss Lens") -> bytes:
    """The widget as a one-page vector PDF the size of the widget at 96 dpi, with its text
    as real text (selectable, searchable, found by pdftotext); drawn a widget at a time,
    each cut to its own rectangle as in svg_bytes."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(96)  # one painter unit = one widget pixel
    points = QSizeF(widget.width() * 72 / 96, widget.height() * 72 / 96)
    writer.setPageLayout(QPageLayout(QPageSize(points, QPageSize.Unit.Point, "figure"),
                                     QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
    writer.setTitle(title)
    writer.setCreator("Loss Lens")
    with vector_axes(widget), vector_heatmaps(widget):
        painter = QPainter(writer)
        try:
            for part, offset, region in paint_order(widget):
                flags = (QWidget.RenderFlag.DrawWindowBackground if part is widget
                         else QWidget.RenderFlag(0))
                _render_part(painter, part, offset, region, flags)
        finally:
            painter.end()
    buffer.close()
    return bytes(data)


def export_widget(widget: QWidget, path: str | Path, scale: float = 1.0,
                  transparent: bool = False) -> Path:
    """Write widget to path (.png, .svg or .pdf) all at once; returns the path written."""
    path = Path(path)
    kind = format_of(path)
    if kind == "png" and not 0.25 <= scale <= 8:
        raise ExportError(f"scale {scale:g} is outside 0.25 to 8")
    pixels = widget.width() * widget.height() * scale * scale
    if kind == "png" and pixels > MAX_PIXELS:
        raise ExportError(f"{path}: {round(widget.width() * scale)}x"
                          f"{round(widget.height() * scale)} pixels is too large "
                          f"(at most {MAX_PIXELS // 1_000_000} million)")
    if kind == "png":
        payload = png_bytes(figure_image(widget, scale, transparent))
    else:
        with figure_mode(widget):
            payload = svg_bytes(widget) if kind == "svg" else pdf_bytes(widget)
    try:
        write_atomic(path, payload)
    except WriteError as exc:
        raise ExportError(str(exc)) from None
    return path
