"""Two ways to a gradient: torch.autograd.grad and backward()/.grad, side by side,
checked against the closed form, and what happens to .grad when it is not zeroed; with the
Regression tab's chosen loss (MSE, L1, Huber, SmoothL1).

The two ways sit side by side where there is room for both, one above the other where
there is not: side by side at 1024 px they made the tab wider than the window and cut
the summary on the right."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QScrollArea, QVBoxLayout, QWidget

from core.code_comments import translate_comments
from core.number_format import fmt, fmt_diff
from gui.items.code_block import CodeBlock
from gui.items.readout_label import ReadoutLabel, set_text
from gui.look.language import reduction_label
from gui.panels.regression.loss_names import symbol

SIDE_BY_SIDE = 900  # the tab's width from which the two ways go side by side

if TYPE_CHECKING:
    from core.result import Result


class TwoWaysTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.way1 = CodeBlock(self.tr("Way 1: torch.autograd.grad(loss, [w, b])"), self, 14)
        self.way2 = CodeBlock(self.tr("Way 2: loss.backward(), then w.grad and b.grad"), self, 14)
        self.accumulation = CodeBlock(self.tr(".grad accumulates: backward twice, then zero"),
                                      self, 24)

        results = QGroupBox(self.tr("Results, side by side"), self)
        grid = QGridLayout(results)
        self.cells: dict[tuple[str, str], QLabel] = {}
        headers = ["", self.tr("autograd.grad"), self.tr("backward()/.grad"),
                   self.tr("closed form")]
        for column, text in enumerate(headers):
            grid.addWidget(QLabel(f"<b>{text}</b>", results), 0, column)
        for row, name in enumerate(("∂L/∂w", "∂L/∂b"), start=1):
            grid.addWidget(QLabel(name, results), row, 0)
            for column, way in enumerate(("autograd", "backward", "formula"), start=1):
                cell = ReadoutLabel(1, parent=results)
                cell.setAccessibleName(f"{name}: {headers[column]}")
                grid.addWidget(cell, row, column)
                self.cells[(name, way)] = cell
        self.summary = ReadoutLabel(3, parent=results)
        self.summary.setAccessibleName(self.tr("Agreement and accumulation"))
        grid.addWidget(self.summary, 3, 0, 1, 4)

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(8, 8, 8, 8)
        for block in (self.way1, self.way2, self.accumulation):
            block.title.setWordWrap(True)
        self.top = QGridLayout()
        self.top.addWidget(self.way1, 0, 0)
        self.top.addWidget(self.way2, 0, 1)
        self.top.setColumnStretch(0, 1)
        self.top.setColumnStretch(1, 1)
        self.side_by_side = True
        layout.addLayout(self.top)
        layout.addWidget(results)
        layout.addWidget(self.accumulation)
        layout.addStretch(1)
        scroll = QScrollArea(self)  # the code needs more room than a small screen has
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        wide = event.size().width() >= SIDE_BY_SIDE
        if wide != self.side_by_side:
            self.side_by_side = wide
            self.top.removeWidget(self.way2)
            self.top.addWidget(self.way2, *((0, 1) if wide else (1, 0)))
            self.top.setColumnStretch(1, 1 if wide else 0)

    def set_result(self, result: Result) -> None:
        t = result.two_ways
        translate = QCoreApplication.translate  # the comments in the window's language
        self.way1.set_code(translate_comments(t.code_autograd, translate))
        self.way2.set_code(translate_comments(t.code_backward, translate))
        self.accumulation.set_code(translate_comments(t.code_accumulation, translate))
        for index, name in enumerate(("∂L/∂w", "∂L/∂b")):
            for way, pair in (("autograd", t.autograd), ("backward", t.backward),
                              ("formula", t.formula)):
                set_text(self.cells[(name, way)], fmt(pair[index]))
        first, twice, zeroed = (t.grad_after_first, t.grad_after_second_without_zeroing,
                                t.grad_after_zeroing_and_backward)
        # the chosen regression loss names the sentence: "Huber: loss = …"
        set_text(self.summary, f"{symbol(t.loss_name)}: " + self.tr(
            "loss = %1 (reduction %2). %3. Largest difference between the ways: %4.\n"
            "A second backward without zeroing adds to .grad: w.grad %5 → %6; after "
            "w.grad.zero_() it is %7 again.")
            .replace("%1", fmt(t.loss)).replace("%2", reduction_label(t.reduction))
            .replace("%3", t.formula_text).replace("%4", fmt_diff(t.max_abs_diff))
            .replace("%5", fmt(first[0])).replace("%6", fmt(twice[0]))
            .replace("%7", fmt(zeroed[0])))
