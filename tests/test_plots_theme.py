"""MSE vs CE's plot (legend clear of the curves, one tick style) and the themes (data
colours the same in both; check and radio boxes visible on dark). Issue 14, "Plots"."""

import re

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QCheckBox, QRadioButton, QStyle, QStyleOptionButton

from core import State, compute
from core.resources import preset
from gui.controls.state_store import StateStore
from gui.look import theme
from gui.look.plot_style import data_colors
from gui.panels.mse_vs_ce_view import MseVsCeView

STATES = [preset("confidently_wrong").load(), preset("low_temperature").load(),
          State(logits=(0.0, 3.0, -2.0), target=0, temperature=1e-3)]


@pytest.fixture
def themed():
    """apply_theme(name) for the test; the light theme is restored after."""
    yield theme.apply_theme
    theme.apply_theme("light")


def _view(qtbot, state: State) -> MseVsCeView:
    view = MseVsCeView(StateStore(state))
    view.set_state(state)
    qtbot.addWidget(view)
    view.resize(900, 560)
    view.show()
    qtbot.waitExposed(view)
    view.set_result(compute(state))
    qtbot.wait(20)
    return view


@pytest.mark.parametrize("state", STATES)
def test_legend_covers_no_point_of_any_curve(qtbot, state):
    view = _view(qtbot, state)
    legend = view.legend.sceneBoundingRect()
    assert legend.width() > 0 and legend.height() > 0
    vb = view.plot.getViewBox()
    assert legend.bottom() <= vb.sceneBoundingRect().top() + 1  # above the data area
    for curve in (*view.loss_curves, *view.grad_curves):
        xs, ys = curve.getData()
        for x, y in zip(xs, ys, strict=True):
            if np.isfinite(y):
                assert not legend.contains(vb.mapViewToScene(QPointF(x, y)))
    c = compute(state).saturation.class_index
    names = [label.text for _, label in view.legend.items]
    assert names[2] == f"|∂MSE/∂a{'₀₁₂'[c]}|"   # the class the sweep is about


POWER = re.compile(r"^10⁻?[⁰¹²³⁴⁵⁶⁷⁸⁹]+$")


@pytest.mark.parametrize("state", STATES)
def test_y_ticks_are_all_written_as_powers_of_ten(qtbot, state):
    view = _view(qtbot, state)
    axis = view.plot.getAxis("left")
    low, high = axis.range
    levels = axis.tickValues(low, high, axis.height())
    major = levels[0][1]
    assert len(major) >= 3
    strings = axis.tickStrings(major, 1.0, levels[0][0])
    assert all(POWER.match(s) for s in strings), strings
    assert axis.style["maxTextLevel"] == 0  # the minor ticks (2…9 × 10ⁿ) carry no label
    # what is drawn: the same strings in the axis's picture specs
    drawn = [spec[2] for spec in axis.generateDrawSpecs(_painter(axis))[2]]
    assert drawn and all(POWER.match(s) for s in drawn), drawn


def _painter(axis):
    from PySide6.QtGui import QImage, QPainter
    image = QImage(10, 10, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    _painter.keep = (image, painter)
    return painter


def test_caption_says_when_values_are_below_float64s_smallest_normal(qtbot):
    tiny = _view(qtbot, STATES[2])
    assert "smallest normal" in tiny.explain.text()
    assert "e−6" in tiny.explain.text()   # |∂MSE/∂a| written from its log, not as 0
    normal = _view(qtbot, STATES[0])
    assert "smallest normal" not in normal.explain.text()
    _painter.keep[1].end()


def _mse_vs_ce_colours(qtbot) -> list[str]:
    view = _view(qtbot, STATES[0])
    pens = [item.opts["pen"].color().name() for item in
            (*view.loss_curves, *view.grad_curves)]
    brushes = [b.color().name() for b in view._marker_brushes]
    return pens + brushes


def _softmax_colours(qtbot) -> list[str]:
    from gui.views.softmax_view import SoftmaxView
    view = SoftmaxView()
    qtbot.addWidget(view)
    return [pg.mkBrush(bars.opts["brush"]).color().name()
            for bars in (view.prob_bars, *view.grad_bars.values())]


def test_data_colours_are_the_same_in_both_themes(qtbot, themed):
    seen = {}
    for name in ("light", "dark"):
        themed(name)
        seen[name] = ({k: c.name(QColor.NameFormat.HexArgb) for k, c in data_colors().items()},
                      _mse_vs_ce_colours(qtbot), _softmax_colours(qtbot))
    assert seen["light"] == seen["dark"]
    # CE and MSE (the default pair: MSE compared with CE) differ from each other, and
    # each is the role plot_style gives it
    colours = seen["dark"][1]
    assert colours[0] == data_colors()["mse"].name()
    assert colours[1] == data_colors()["cross_entropy"].name()


def _luminance(colour: QColor) -> float:
    def linear(v: float) -> float:
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4
    return (0.2126 * linear(colour.redF()) + 0.7152 * linear(colour.greenF())
            + 0.0722 * linear(colour.blueF()))


def _contrast(a: QColor, b: QColor) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _indicator_contrast(button) -> float:
    """The indicator's left edge against the widget's background, from a grab()."""
    option = QStyleOptionButton()
    button.initStyleOption(option)
    element = (QStyle.SubElement.SE_CheckBoxIndicator if isinstance(button, QCheckBox)
               else QStyle.SubElement.SE_RadioButtonIndicator)
    rect = button.style().subElementRect(element, option, button)
    pixmap = button.grab()
    image = pixmap.toImage()
    ratio = pixmap.devicePixelRatio()
    y = int(rect.center().y() * ratio)
    background = image.pixelColor(int((rect.right() + 2) * ratio), y)  # before the text
    edge = [image.pixelColor(int(x * ratio), y)
            for x in range(rect.left(), rect.left() + 3)]
    return max(_contrast(c, background) for c in edge)


def test_check_and_radio_boxes_stand_out_on_the_dark_theme(qtbot, themed):
    from gui.views.surface_view import SurfaceView
    themed("dark")
    surface = SurfaceView()
    qtbot.addWidget(surface)
    boxes = [surface.toggle_3d]
    for kind, checked, enabled in ((QCheckBox, False, True), (QCheckBox, True, False),
                                   (QRadioButton, True, True), (QRadioButton, False, True),
                                   (QRadioButton, False, False)):
        box = kind("0")
        box.setChecked(checked)
        box.setEnabled(enabled)
        qtbot.addWidget(box)
        boxes.append(box)
    for box in boxes:
        box.show()
    qtbot.wait(10)
    for box in boxes:
        assert _indicator_contrast(box) >= 3.0, (box.text(), box.isEnabled())
