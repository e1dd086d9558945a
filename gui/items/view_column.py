"""The one layout of a view: rows stacked top to bottom (a title, the plot or table that
takes the spare height, a caption), with the views' margins and spacing.

Its labels wrap: a title as wide as its text set the view's minimum width (four rich-text
titles made the window at least ~1050 px wide) and was cut off in a narrow window."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLayout, QVBoxLayout, QWidget


def view_column(owner: QWidget, *rows: QWidget | QLayout, stretch: QWidget | QLayout,
                margins: tuple[int, int, int, int] = (4, 4, 4, 4)) -> QVBoxLayout:
    """owner's layout: `rows` in order; `stretch` (one of them) takes the spare height."""
    layout = QVBoxLayout(owner)
    layout.setContentsMargins(*margins)
    layout.setSpacing(2)
    for row in rows:
        factor = 1 if row is stretch else 0
        if isinstance(row, QLayout):
            layout.addLayout(row, factor)
        else:
            layout.addWidget(row, factor)
        wrap_labels(row)
    return layout


def wrap_labels(row: QWidget | QLayout) -> None:
    """Every QLabel in `row` (a label, or a layout holding labels) wraps its words."""
    if isinstance(row, QLabel):
        row.setWordWrap(True)
    elif isinstance(row, QLayout):
        for index in range(row.count()):
            item = row.itemAt(index)
            if item.widget() is not None:
                wrap_labels(item.widget())
            elif item.layout() is not None:
                wrap_labels(item.layout())
