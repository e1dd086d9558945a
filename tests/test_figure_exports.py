"""Figures (issue 15): figure mode leaves the window's hints and controls out, and an SVG
or PDF draws the same picture as the PNG in other renderers: librsvg (rsvg-convert: GNOME,
Inkscape's import, many LaTeX toolchains) for SVG, poppler (pdftoppm, pdftotext) for PDF.

How alike is alike: the PNG is Qt's raster; librsvg and poppler draw the same shapes with
their own anti-aliasing and their own text rasteriser (same font, other hinting), so edge
pixels of glyphs and lines differ, strongly where a one-pixel line falls between pixels.
Measured over every view: at most ~6/255 mean difference, ≤ 3.7% of pixels off by more
than a quarter of the range (64/255), the most on the text-heavy panels (Code, Pitfalls).
The bugs fixed here are far beyond that: rsvg drew the softmax plot 98% black (a 3-px
target mark scaled by the data transform), the surface's arrow as a 60-px band (25% of
pixels off), the 3×3 Jacobian as a blur (mean 22/255; its cells' centres 34/255 off). So
the bounds: mean < 8/255 and < 5% of pixels off by > 64/255; a heatmap's cells within
6/255 (a shifted colour map shows at once; JPEG shifted the Jacobian's cells by 10-15).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, QRect
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgGenerator

from core.state import State
from gui import registry
from gui.shell.figure_export import export_widget
from gui.shell.headless_export import offscreen_view

pytestmark = pytest.mark.skipif(
    not all(shutil.which(tool) for tool in ("rsvg-convert", "pdftoppm", "pdftotext")),
    reason="needs librsvg's rsvg-convert and poppler-utils")

MEAN_LIMIT = 8.0       # mean |difference| over all pixels, of 255
STRONG = 64            # a pixel "strongly" differs beyond this (a quarter of the range)
STRONG_SHARE = 0.05    # … and at most this share of pixels may
CELL_LIMIT = 6         # a heatmap cell's centre colour, of 255
HINTS = ("3-D", "hover a cell", "click a row", "Click a row", "focus the map")
TITLES = {"softmax": "Softmax", "jacobian": "Jacobian", "surface": "Loss surface",
          "gradients": "Gradients & checks"}
SVG = "{http://www.w3.org/2000/svg}"


def pixels(path) -> np.ndarray:
    image = QImage(str(path)).convertToFormat(QImage.Format.Format_RGB888)
    data = np.frombuffer(image.constBits(), np.uint8, image.sizeInBytes())
    rows = data.reshape(image.height(), image.bytesPerLine())[:, :image.width() * 3]
    return rows.reshape(image.height(), image.width(), 3).astype(float)


def rasterise(path, kind: str, width: int, height: int):
    """The SVG drawn by librsvg, or the PDF by poppler, at width × height on white."""
    out = path.with_name(f"{path.name}.png")
    if kind == "svg":
        subprocess.run(["rsvg-convert", "-w", str(width), "-h", str(height), "-b", "white",
                        "-o", str(out), str(path)], check=True)
    else:
        subprocess.run(["pdftoppm", "-png", "-singlefile", "-scale-to-x", str(width),
                        "-scale-to-y", str(height), str(path), str(out.with_suffix(""))],
                       check=True)
    return pixels(out)


def difference(a: np.ndarray, b: np.ndarray) -> tuple[float, float]:
    """Mean |difference| and the share of pixels strongly differing (largest channel)."""
    assert a.shape == b.shape
    diff = np.abs(a - b).max(axis=2)
    return float(diff.mean()), float((diff > STRONG).mean())


def alike(a: np.ndarray, b: np.ndarray) -> bool:
    mean, strong = difference(a, b)
    return mean < MEAN_LIMIT and strong < STRONG_SHARE


def jacobian_cell_centres(view) -> list[tuple[int, int]]:
    """A point in each cell, in the view's pixels: beside its centre, where its value is
    written."""
    n = view._n
    centres = []
    for i in range(n):
        for j in range(n):
            scene = view.plot.vb.mapViewToScene(QPointF(j, i + 0.3))
            local = view.plot_widget.mapFromScene(scene)
            point = view.plot_widget.mapTo(view, local)
            centres.append((point.x(), point.y()))
    return centres


def old_svg(widget, path) -> None:
    """The SVG as it was written before issue 15: one Qt SVG Tiny pass, nothing fixed."""
    from gui.items.axis_cache import vector_axes

    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(widget.size())
    generator.setResolution(96)
    generator.setViewBox(QRect(0, 0, widget.width(), widget.height()))
    with vector_axes(widget):
        painter = QPainter(generator)
        widget.render(painter, QPoint(0, 0))
        painter.end()


@pytest.fixture(scope="module")
def figures(tmp_path_factory):
    """Every view exported headless as PNG, SVG and PDF, the way `main.py export` does."""
    folder = tmp_path_factory.mktemp("figures")
    found = {}
    for name in registry.names():
        with offscreen_view(State(), name) as shown:
            target = shown.target
            paths = {kind: export_widget(target, folder / f"{name}.{kind}")
                     for kind in ("png", "svg", "pdf")}
            extra = {"size": (target.width(), target.height())}
            if name == "jacobian":
                extra["cells"] = jacobian_cell_centres(target)
            if name in ("softmax", "surface", "jacobian"):
                extra["old_svg"] = folder / f"{name}-old.svg"
                old_svg(target, extra["old_svg"])
            if name == "surface":
                view_box = target.plot.getViewBox()
                (x0, x1), (y0, y1) = view_box.viewRange()
                lo, hi = State().surface.range
                extra["map_share"] = ((hi - lo) / (x1 - x0), (hi - lo) / (y1 - y0))
                extra["toggle_shown_after"] = not target.toggle_3d.isHidden()
            found[name] = (paths, extra)
    return found


@pytest.mark.parametrize("kind", ["svg", "pdf"])
@pytest.mark.parametrize("name", registry.names())
def test_vector_figure_renders_like_the_png(figures, name, kind):
    paths, extra = figures[name]
    png = pixels(paths["png"])
    assert png.shape[:2] == extra["size"][::-1]
    other = rasterise(paths[kind], kind, *extra["size"])
    mean, strong = difference(png, other)
    assert mean < MEAN_LIMIT and strong < STRONG_SHARE, (name, kind, mean, strong)


@pytest.mark.parametrize("name", ["softmax", "surface", "jacobian"])
def test_the_comparison_catches_the_old_svg(figures, name):
    """The old SVG (non-scaling strokes in data-scaled groups, tiny images) fails it."""
    paths, extra = figures[name]
    old = rasterise(extra["old_svg"], "svg", *extra["size"])
    assert not alike(pixels(paths["png"]), old)


@pytest.mark.parametrize("kind", ["png", "svg", "pdf"])
def test_jacobian_cells_keep_their_colours(figures, kind):
    """A 3×3 heatmap: vector cells, not an image a viewer smooths (SVG) or stores as JPEG
    (PDF); every cell has the colour it has on screen."""
    paths, extra = figures["jacobian"]
    png = pixels(paths["png"])
    shown = png if kind == "png" else rasterise(paths[kind], kind, *extra["size"])
    for x, y in extra["cells"]:
        assert np.abs(shown[y, x] - png[y, x]).max() <= CELL_LIMIT, (kind, x, y)
    if kind == "svg":
        root = ET.parse(paths["svg"]).getroot()
        images = [(i.get("width"), i.get("height")) for i in root.iter(f"{SVG}image")]
        assert images == [("1", "256")]  # the colour bar's gradient; the map: rectangles


@pytest.mark.parametrize("name", registry.names())
def test_no_hints_in_figures(figures, name):
    """No "3-D" box, no "hover a cell", no "Click a row" in any figure's text."""
    paths, _ = figures[name]
    root = ET.parse(paths["svg"]).getroot()
    svg_text = " ".join(t.text or "" for t in root.iter(f"{SVG}text"))
    pdf_text = subprocess.run(["pdftotext", str(paths["pdf"]), "-"], check=True,
                              capture_output=True, text=True).stdout
    for hint in HINTS:
        assert hint not in svg_text and hint not in pdf_text, (name, hint)
    if name in TITLES:  # the title is real text in the PDF, found by pdftotext
        assert TITLES[name] in re.sub(r"\s+", " ", pdf_text)
        assert TITLES[name].split()[0] in svg_text


def test_svg_strokes_are_in_output_units(figures):
    """No renderer-dependent vector-effect is left, and no stroke sits in a group scaled
    by a plot's data transform (where librsvg widened it with the data)."""
    for name in ("softmax", "surface", "regression"):
        text = figures[name][0]["svg"].read_text()
        assert "vector-effect" not in text
        root = ET.fromstring(text)
        for group in root.iter(f"{SVG}g"):
            match = re.match(r"matrix\(([^)]*)\)", group.get("transform", ""))
            if match:
                a, b, c, d = (float(v) for v in match.group(1).split(",")[:4])
                stroked = [e for e in group if e.tag != f"{SVG}g" and e.tag != f"{SVG}text"
                           and e.tag != f"{SVG}image"]
                scaled = abs(abs(a) - 1) > 1e-6 or abs(abs(d) - 1) > 1e-6 or b or c
                assert not (scaled and stroked and group.get("stroke", "none") != "none"
                            ), (name, group.attrib)


def test_surface_figure_has_no_empty_bands(figures):
    """The square map fills its plot: no wide empty margins beside it."""
    _, extra = figures["surface"]
    share_x, share_y = extra["map_share"]
    assert share_x > 0.95 and share_y > 0.95
    assert extra["toggle_shown_after"]  # the 3-D box comes back after the figure


def test_window_export_leaves_hints_out_and_puts_them_back(window, tmp_path):
    """File ▸ Export from the window draws in figure mode too, then the window is as it was."""
    view = window.jacobian_view
    title = view.title.text()
    caption = view.info.text()
    path = tmp_path / "jacobian.svg"
    assert window.files.export(path, "jacobian")
    texts = " ".join(t.text or "" for t in ET.parse(path).getroot().iter(f"{SVG}text"))
    assert "Jacobian" in texts and "hover a cell" not in texts and "Click a row" not in texts
    assert view.title.text() == title and view.info.text() == caption
    assert "hover a cell" in title and not window.surface_view.toggle_3d.isHidden()
    assert window.files.export(tmp_path / "surface.pdf", "surface")
    pdf_text = subprocess.run(["pdftotext", str(tmp_path / "surface.pdf"), "-"], check=True,
                              capture_output=True, text=True).stdout
    assert "Loss surface" in pdf_text and "3-D" not in pdf_text
    assert not window.surface_view.toggle_3d.isHidden()
