"""One of the Regression tab's four plots: a title, the plot and a two-line readout.

The plots are figures, not instruments: no menu, no buttons, no mouse zoom; each sets its
own visible range. An axis never shows an SI prefix ("L (x1e+24)" misleads): the values.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QWidget

from gui.items.readout_label import ReadoutLabel
from gui.items.view_column import view_column
from gui.look.plot_style import new_plot_widget

MIN_PLOT_WIDTH = 190   # two plots side by side and the controls fit a 1024-pixel window


class PlotPanel(QWidget):
    def __init__(self, title: str, plot_name: str) -> None:
        super().__init__()
        label = QLabel(title, self)
        label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.title = label
        self.widget = new_plot_widget(self, plot_name)
        self.widget.setMinimumSize(MIN_PLOT_WIDTH, 150)
        self.plot = self.widget.getPlotItem()
        self.plot.hideButtons()
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)
        for side in ("left", "bottom"):
            self.plot.getAxis(side).enableAutoSIPrefix(False)
        self.readout = ReadoutLabel(2, parent=self)
        self._header = QHBoxLayout()
        self._header.setContentsMargins(0, 0, 0, 0)
        self._header.addWidget(label, 1)
        self._footer = QHBoxLayout()
        self._footer.setContentsMargins(0, 0, 0, 0)
        self._footer.addWidget(self.readout, 1)
        view_column(self, self._header, self.widget, self._footer, stretch=self.widget,
                    margins=(4, 2, 4, 2))

    def set_title(self, title: str) -> None:
        """A new title (the chosen loss names it); set only when it changes."""
        if self.title.text() != title:
            self.title.setText(title)

    def add_to_footer(self, widget: QWidget) -> None:
        """A widget at the right of the readout (such as a button): beside the title it
        covered the title's end in a narrow window."""
        widget.setParent(self)
        self._footer.addWidget(widget)
