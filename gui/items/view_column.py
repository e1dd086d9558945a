"""The one layout of a view: rows stacked top to bottom (a title, the plot or table that
takes the spare height, a caption), with the views' margins and spacing."""

from __future__ import annotations

from PySide6.QtWidgets import QLayout, QVBoxLayout, QWidget


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
    return layout
