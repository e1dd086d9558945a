"""Loss-surface view: the loss over (a_i, a_j), other logits fixed, with contours,
the current point and the direction of steepest descent −∇L.

The map, contours, point and arrow are gui.items.surface_plot's (shared with the Regression
tab); this view adds the title, the readout and its arrow's rule: it grows with |∇L|·T.
A 3-D rendering of the same surface is offered where OpenGL works.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QWidget,
)

from core.number_format import fmt, minus, sub
from gui.items.figure_hints import mark_hint
from gui.items.readout_label import ReadoutLabel, set_text
from gui.items.surface_plot import SurfacePlot
from gui.items.tick_labels import readable_ticks
from gui.items.view_column import view_column
from gui.look.gl_support import opengl_unavailable_reason
from gui.look.language import short_name
from gui.look.plot_style import new_plot_widget

if TYPE_CHECKING:
    from core.result import Result

ARROW_FRACTION = 0.2    # the longest arrow, as a fraction of the axis range
# |∇L|·T at which the arrow reaches its longest: CE's gradient is at most √2/T, so its
# arrow saturates only when confidently wrong, and a vanishing gradient draws a dot.
ARROW_FULL = 0.5


class SurfaceView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self)
        self.toggle_3d = mark_hint(QCheckBox(self.tr("3-D"), self))  # not in figures
        self.toggle_3d.setAccessibleName(self.tr("Show the surface in 3-D"))
        reason = opengl_unavailable_reason()
        self.toggle_3d.setEnabled(not reason)
        self.toggle_3d.setToolTip(reason or self.tr("Show the same surface in 3-D (drag to "
                                                    "rotate, wheel to zoom)"))
        self.toggle_3d.toggled.connect(self._on_3d_toggled)
        self.info = ReadoutLabel(2, parent=self)
        self.info.setAccessibleName(self.tr("Gradient at the current point"))
        self.info.setToolTip(self.tr("The arrow points along −∇L, downhill; its length grows "
                                     "with |∇L|, so a vanishing gradient draws almost none"))

        self.plot_widget = new_plot_widget(self, self.tr("Loss surface heatmap"))
        self.plot = self.plot_widget.getPlotItem()
        self.plot.hideButtons()
        self.surface = SurfacePlot(self.plot, equal_scales=True, colorbar_width=14,
                                   head_length=14)
        for side in ("bottom", "left"):  # − for minus, as in every other number shown
            readable_ticks(self.plot.getAxis(side))
        # its items under the names the tests read
        self.image, self.contours = self.surface.image, self.surface.contours
        self.arrow_line, self.point = self.surface.arrow_line, self.surface.point
        self.view_3d = None
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.plot_widget)
        self._result: Result | None = None
        self._labels: tuple[str, int, int] | None = None

        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.toggle_3d)
        view_column(self, header, self.stack, self.info, stretch=self.stack)

    def set_result(self, result: Result) -> None:
        self._result = result
        state = result.state
        surface = result.surface
        i, j = surface.axes
        lo, hi = state.surface.range
        name = short_name(state.loss)
        labels = (name, i, j)
        if labels != self._labels:
            self.title.setText(self.tr("<b>Loss surface</b> %1 over (a<sub>%2</sub>, "
                                       "a<sub>%3</sub>), other logits fixed")
                               .replace("%1", name).replace("%2", str(i)).replace("%3", str(j)))
            self.surface.set_axis_labels(f"a{sub(i)}", f"a{sub(j)}")
            self._labels = labels

        self.surface.set_surface(surface, (lo, hi), (lo, hi))
        x, y = state.logits[i], state.logits[j]
        grad = result.chosen_gradient.gradient
        g = np.array([grad[i], grad[j]])
        norm = float(np.hypot(*g))
        # the arrow grows with √(|∇L|·T) up to its longest (a NaN or infinite norm draws
        # none): in proportion, |∇L| = 0.1 drew an arrow hidden under the point (trial)
        self.surface.set_point(x, y, g, ARROW_FRACTION * (hi - lo)
                               * math.sqrt(min(1.0, norm * state.temperature / ARROW_FULL)))
        inside = lo <= x <= hi and lo <= y <= hi
        where = "" if inside else self.tr(" (outside the plotted range)")
        set_text(self.info,
            self.tr("At (a%1, a%2) = (%3, %4)%5: %6 = %7, −∇%6 = (%8, %9), the arrow "
                    "(downhill)")
            .replace("%1", sub(i)).replace("%2", sub(j))
            .replace("%3", minus(f"{x + 0.0:.3g}")).replace("%4", minus(f"{y + 0.0:.3g}"))
            .replace("%5", where)
            .replace("%6", name).replace("%7", minus(fmt(result.chosen_gradient.value, 4)))
            .replace("%8", minus(fmt(-g[0], 4))).replace("%9", minus(fmt(-g[1], 4))))
        if self.view_3d is not None and self.toggle_3d.isChecked():
            self.view_3d.set_result(result)

    @property
    def levels(self) -> tuple[float, float]:
        """The colour levels in use."""
        return self.surface.levels

    @property
    def arrow_vector(self) -> np.ndarray:
        """The drawn −∇L arrow, in data units (for tests)."""
        return self.surface.arrow_vector

    def _on_3d_toggled(self, on: bool) -> None:
        if on and self.view_3d is None:
            from gui.views.surface_3d import Surface3D  # imports OpenGL only when asked

            self.view_3d = Surface3D(self)
            self.stack.addWidget(self.view_3d)
        if self.view_3d is not None:
            self.stack.setCurrentWidget(self.view_3d if on else self.plot_widget)
            if on and self._result is not None:
                self.view_3d.set_result(self._result)
