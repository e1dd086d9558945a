"""Help ▸ Formulas: every formula the app computes, in its notation, each linked to its view.

The formulas are the ones core/ checks against torch (core/classifier.py, core/regression.py,
core/two_ways.py), written as the views write them: a for logits, p for probabilities, T the
temperature, ε the label smoothing, y_eff the smoothed target. Plain HTML with <sub>/<sup>
and Unicode, so it needs no maths renderer. A "Show in view" link brings that view forward,
so a learner can go from a formula to the numbers it produces.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QPoint, QRect, QSize, QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QTextBrowser, QWidget

from gui import registry
from gui.help.formula_html import Section, formula, prose
from gui.help.help_window import HelpWindow
from gui.help.loss_family_formulas import loss_family_sections

DEFAULT_SIZE = QSize(640, 720)
SMALLEST = QSize(360, 300)  # below this the formulas are not worth reading: minimise instead
VIEW_SCHEME = "view"

STYLE = """
h2 { margin-top: 18px; margin-bottom: 4px; }
p { margin-top: 3px; margin-bottom: 3px; }
p.formula { font-family: 'DejaVu Serif', 'Cambria Math', 'STIX Two Math', 'Times New Roman',
            serif; font-size: 14pt; margin-left: 24px; margin-top: 6px; margin-bottom: 6px; }
p.link { margin-top: 6px; }
p.code { margin-left: 24px; margin-top: 4px; margin-bottom: 4px; }
code { font-family: monospace; }
"""


__all__ = ["FormulasWindow", "Section", "beside", "formula", "prose"]


class FormulasWindow(HelpWindow):
    """Non-modal: it stays open beside the main window while the learner drags sliders."""

    def __init__(self, show_view: Callable[[str], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._show_view = show_view
        self.setWindowTitle(self.tr("Formulas"))

        self.sections = self._sections()
        self.links: list[str] = [section.view for section in self.sections]

        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)  # "view:" links are ours: anchorClicked handles them
        self.browser.setOpenExternalLinks(False)
        self.browser.setAccessibleName(self.tr("Formulas"))
        self.browser.document().setDefaultStyleSheet(STYLE)
        self.browser.setHtml(self._html())
        self.browser.anchorClicked.connect(self._on_anchor_clicked)

        self.set_content(self.browser)
        self.resize(DEFAULT_SIZE)

    # ------------------------------------------------------------------ content
    def view_label(self, view: str) -> str:
        """The name of a view as the window's tabs and export menu call it."""
        return registry.entry(view).title()

    def _sections(self) -> list[Section]:
        return [
            Section(self.tr("Softmax"), "softmax", (
                prose(self.tr("Softmax turns the logits a into probabilities p. The "
                              "temperature T divides every logit before the exponential:")),
                formula("p<sub>i</sub> = exp(a<sub>i</sub>/T) / "
                        "Σ<sub>k</sub> exp(a<sub>k</sub>/T)"),
                prose(self.tr("Every p<sub>i</sub> lies between 0 and 1, and together they "
                              "sum to 1. A low T sharpens the distribution; a high T flattens "
                              "it. The ratio of two probabilities depends only on the gap "
                              "between their logits:")),
                formula("p<sub>i</sub> / p<sub>j</sub> = "
                        "exp((a<sub>i</sub> − a<sub>j</sub>)/T)"),
                prose(self.tr("For a = [2, 1, 0.1] and T = 1, p = [0.659, 0.242, 0.099] and "
                              "p<sub>0</sub>/p<sub>1</sub> = e ≈ 2.718, whatever the third "
                              "logit is.")),
                prose(self.tr("The app computes softmax stably through log-softmax, so logits "
                              "of ±1000 give no NaN.")),
            )),
            Section(self.tr("The softmax Jacobian"), "jacobian", (
                prose(self.tr("How each probability p<sub>i</sub> moves when one logit "
                              "a<sub>j</sub> moves:")),
                formula("∂p<sub>i</sub>/∂a<sub>j</sub> = p<sub>i</sub>(δ<sub>ij</sub> − "
                        "p<sub>j</sub>)/T"),
                formula("J = (diag(p) − p pᵀ)/T"),
                prose(self.tr("δ<sub>ij</sub> is 1 when i = j and 0 otherwise.")),
                prose(self.tr("On the diagonal the entry is p<sub>i</sub>(1 − "
                              "p<sub>i</sub>)/T, which is positive; off the diagonal it is "
                              "−p<sub>i</sub>p<sub>j</sub>/T, which is negative. The matrix "
                              "is symmetric, and every row and every column sums to 0.")),
                prose(self.tr("Row i is the gradient of one probability with respect to all "
                              "the logits: torch.autograd.grad(p[i], a, retain_graph=True) "
                              "returns it.")),
            )),
            Section(self.tr("Cross-entropy and its gradient"), "gradients", (
                prose(self.tr("The target y is one-hot for a class c, or the probabilities "
                              "you set. Label smoothing ε spreads a share ε of it evenly over "
                              "all N classes:")),
                formula("y<sub>eff</sub> = (1 − ε) y + ε/N"),
                formula("CE = −Σ<sub>k</sub> y<sub>eff,k</sub> log p<sub>k</sub>"),
                formula("∂CE/∂a<sub>i</sub> = (p<sub>i</sub> − y<sub>eff,i</sub>)/T"),
                prose(self.tr("log is the natural logarithm. With a one-hot target and ε = 0, "
                              "CE = −log p<sub>c</sub>.")),
                prose(self.tr("For a = [2, 1, 0.1], T = 1 and class 0, CE = 0.417030 and "
                              "∂CE/∂a = [−0.340999, 0.242433, 0.098566].")),
                prose(self.tr("The Gradients view computes this gradient three independent "
                              "ways: torch.autograd.grad, backward() then .grad, and this "
                              "closed form.")),
            )),
            Section(self.tr("MSE on the probabilities and its gradient"), "gradients", (
                prose(self.tr("MSE compares the probabilities with the smoothed target. With "
                              "reduction 'mean' it divides by the number of classes N:")),
                formula("MSE = (1/N) Σ<sub>k</sub> (p<sub>k</sub> − y<sub>eff,k</sub>)²"),
                prose(self.tr("Its gradient reaches the logits only through the softmax "
                              "Jacobian:")),
                formula("g<sub>k</sub> = ∂MSE/∂p<sub>k</sub> = "
                        "2(p<sub>k</sub> − y<sub>eff,k</sub>)/N"),
                formula("∂MSE/∂a<sub>i</sub> = Σ<sub>k</sub> g<sub>k</sub> "
                        "∂p<sub>k</sub>/∂a<sub>i</sub> = p<sub>i</sub>(g<sub>i</sub> − "
                        "Σ<sub>k</sub> p<sub>k</sub>g<sub>k</sub>)/T"),
                prose(self.tr("With reduction 'sum', the note's convention, drop the 1/N from "
                              "the loss and from g.")),
                prose(self.tr("For a = [2, 1, 0.1], T = 1, class 0 and reduction 'mean', MSE "
                              "= 0.061590 and ∂MSE/∂a = [−0.081175, 0.064433, 0.016743].")),
            )),
            Section(self.tr("Why classifiers use cross-entropy"), "mse_vs_ce", (
                prose(self.tr("Take a one-hot target c and ε = 0. On the true class's logit "
                              "the two gradients are:")),
                formula("∂CE/∂a<sub>c</sub> = (p<sub>c</sub> − 1)/T"),
                formula("∂MSE/∂a<sub>c</sub> = p<sub>c</sub>(g<sub>c</sub> − "
                        "Σ<sub>k</sub> p<sub>k</sub>g<sub>k</sub>)/T"),
                prose(self.tr("When the model is confidently wrong, p<sub>c</sub> is close to "
                              "0. Cross-entropy's gradient then stays near its largest size, "
                              "1/T, so learning goes on. MSE's gradient carries the factor "
                              "p<sub>c</sub> from the Jacobian and vanishes, so learning "
                              "stalls.")),
            )),
            Section(self.tr("The loss surface"), "surface", (
                prose(self.tr("The surface view draws the loss shown (CE or MSE) as a "
                              "function L(a<sub>i</sub>, a<sub>j</sub>) of two logits while "
                              "the other logits stay fixed. The arrow at the current point "
                              "shows the direction of steepest descent:")),
                formula("−∇L = −(∂L/∂a<sub>i</sub>, ∂L/∂a<sub>j</sub>)"),
                prose(self.tr("Its length grows with |∇L|, so where the gradient vanishes it "
                              "shrinks to a dot.")),
                prose(self.tr("Cross-entropy is convex in the logits. MSE after softmax is "
                              "not: it goes flat where the model is confidently wrong.")),
            )),
            Section(self.tr("Regression with MSE"), "regression", (
                prose(self.tr("For a single point x with target y, the note's loss and its "
                              "gradient are:")),
                formula("L = (wx + b − y)²"),
                formula("∂L/∂w = 2x(wx + b − y)"),
                prose(self.tr("The note's example has x = 1, w = 2, b = 0 and y = 1: L = (2 − "
                              "1)² = 1 and ∂L/∂w = 2·1·(2 − 1) = 2.")),
                prose(self.tr("The Regression tab fits the line ŷ = w·x + b to M points "
                              "(x<sub>m</sub>, y<sub>m</sub>). With reduction 'mean':")),
                formula("L = (1/M) Σ<sub>m</sub> (w x<sub>m</sub> + b − y<sub>m</sub>)²"),
                formula("∂L/∂w = (2/M) Σ<sub>m</sub> x<sub>m</sub>(w x<sub>m</sub> + b − "
                        "y<sub>m</sub>)"),
                formula("∂L/∂b = (2/M) Σ<sub>m</sub> (w x<sub>m</sub> + b − y<sub>m</sub>)"),
                prose(self.tr("With reduction 'sum', drop the 1/M. Gradient descent moves (w, "
                              "b) against the gradient, with the learning rate η:")),
                formula("(w, b) ← (w, b) − η ∇L"),
            )),
            Section(self.tr("Binary cross-entropy"), "binary", (
                prose(self.tr("One logit z gives the probability of class 1 through the "
                              "sigmoid; the label y is 0 or 1, or a soft label between:")),
                formula("p = σ(z) = 1/(1 + e<sup>−z</sup>)"),
                formula("L = −[w<sub>+</sub> y log σ(z) + (1 − y) log(1 − σ(z))]"),
                formula("∂L/∂z = (1 + (w<sub>+</sub> − 1) y) σ(z) − w<sub>+</sub> y"),
                prose(self.tr("w<sub>+</sub> is pos_weight, the weight of the positive term; "
                              "with w<sub>+</sub> = 1 the gradient is σ(z) − y.")),
                prose(self.tr("Two classes are the same thing: for logits (a<sub>0</sub>, "
                              "a<sub>1</sub>), softmax gives class 1 the probability "
                              "σ(a<sub>1</sub> − a<sub>0</sub>), and the cross-entropy of "
                              "class 1 equals the binary loss of d = a<sub>1</sub> − "
                              "a<sub>0</sub>:")),
                formula("softmax(a)<sub>1</sub> = σ(a<sub>1</sub> − a<sub>0</sub>)"),
                prose(self.tr("binary_cross_entropy_with_logits computes L from z itself and "
                              "stays exact. binary_cross_entropy takes σ(z): once σ(z) rounds "
                              "to 1 (z ≈ 37 in float64, 17 in float32), log(1 − σ) is −∞, "
                              "torch clamps it at −100, and with y = 0 the loss sticks at 100 "
                              "with gradient 0.")),
            )),
            Section(self.tr("Two ways to get a gradient in PyTorch"), "two_ways", (
                prose(self.tr("Both ways start from leaves created with requires_grad=True "
                              "and a loss computed from them.")),
                formula("<code>dw, db = torch.autograd.grad(loss, [w, b])</code>"),
                prose(self.tr("Way 1, torch.autograd.grad, returns a tuple with one gradient "
                              "per input and leaves .grad alone.")),
                formula("<code>loss.backward()</code> ⇒ <code>w.grad</code> = ∂L/∂w, "
                        "<code>b.grad</code> = ∂L/∂b"),
                prose(self.tr("Way 2, backward(), stores the gradients in .grad and adds them "
                              "to what is already there: zero .grad (for example with "
                              "optimizer.zero_grad()) before the next backward pass.")),
                prose(self.tr("Calling w.requires_grad_() after the loss was computed does "
                              "not help, because the graph was built without it: compute the "
                              "loss again. A second backward pass through the same graph "
                              "needs retain_graph=True on the first.")),
            )),
            *loss_family_sections(),
        ]

    def _html(self) -> str:
        parts = ["<html><body>",
                 "<p>" + self.tr("a are the logits, p = softmax(a/T) the probabilities, T the "
                                 "temperature, ε the label smoothing and N the number of "
                                 "classes. Every formula here is checked against torch "
                                 "autograd by the app.") + "</p>"]
        for section in self.sections:
            parts.append("<h2>" + html.escape(section.title) + "</h2>")
            parts.extend(section.blocks)
            link = (self.tr("Show in view: %1")
                    .replace("%1", html.escape(self.view_label(section.view))))
            parts.append(f'<p class="link"><a href="{VIEW_SCHEME}:{section.view}">{link}</a></p>')
        parts.append("</body></html>")
        return "\n".join(parts)

    # ------------------------------------------------------------------ links
    def _on_anchor_clicked(self, url: QUrl) -> None:
        if url.scheme() != VIEW_SCHEME:
            return
        view = url.path()
        if view not in self.links:
            return
        self._show_view(view)
        main = self._main_window()
        if main is not None:
            main.raise_()
            main.activateWindow()
            target = self._shown(main, view)
            if target is not None:
                self.step_aside(QRect(target.mapToGlobal(QPoint(0, 0)), target.size()))

    @staticmethod
    def _shown(main: QWidget, view: str) -> QWidget | None:
        """The widget showing `view` now: the view, or its tab's page until it is laid out."""
        panel = getattr(main, "panel", None)
        if panel is None:
            return None
        target = panel(view)
        if not target.isVisible() and hasattr(main, "tabs"):
            target = main.tabs.currentWidget()
        return target

    def step_aside(self, view: QRect) -> None:
        """Leave `view` (global pixels) uncovered: move beside it, smaller if need be, or
        minimise when no side of the screen has room for a readable window."""
        frame = self.frameGeometry()
        if not frame.intersects(view):
            return
        screen = (self.screen() or QGuiApplication.primaryScreen()).availableGeometry()
        margins = frame.size() - self.size()  # the window manager's frame
        place = beside(view, screen, frame.size(), SMALLEST + margins)
        if place is None:
            self.showMinimized()
            return
        self.resize(place.size() - margins)
        self.move(place.topLeft())

    def _main_window(self) -> QWidget | None:
        """The window show_view acts on: the parent's window, or show_view's own widget."""
        if self.parentWidget() is not None:
            return self.parentWidget().window()
        owner = getattr(self._show_view, "__self__", None)
        return owner.window() if isinstance(owner, QWidget) else None


def beside(avoid: QRect, screen: QRect, wanted: QSize, smallest: QSize) -> QRect | None:
    """Where a window of size `wanted` (at least `smallest`) fits on `screen` without covering
    `avoid`: the side of `avoid` with the most room, next to it, level with it where the
    screen allows; None if no side has room for `smallest`."""
    sides = [
        QRect(QPoint(screen.left(), screen.top()), QPoint(avoid.left() - 1, screen.bottom())),
        QRect(QPoint(avoid.right() + 1, screen.top()), QPoint(screen.right(), screen.bottom())),
        QRect(QPoint(screen.left(), screen.top()), QPoint(screen.right(), avoid.top() - 1)),
        QRect(QPoint(screen.left(), avoid.bottom() + 1), QPoint(screen.right(), screen.bottom())),
    ]
    best: QRect | None = None
    for index, room in enumerate(sides):
        size = wanted.boundedTo(room.size())
        if size.width() < smallest.width() or size.height() < smallest.height():
            continue
        if index == 0:  # left: against the view's left edge
            x = room.right() + 1 - size.width()
        elif index == 1:  # right: against its right edge
            x = room.left()
        else:
            x = min(max(avoid.left(), room.left()), room.right() + 1 - size.width())
        if index in (0, 1):
            y = min(max(avoid.top(), room.top()), room.bottom() + 1 - size.height())
        elif index == 2:
            y = room.bottom() + 1 - size.height()
        else:
            y = room.top()
        place = QRect(QPoint(x, y), size)
        if best is None or size.width() * size.height() > best.width() * best.height():
            best = place
    return best
