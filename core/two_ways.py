"""The note's "two ways to get a gradient", run for real on the regression example, with the
regression's chosen loss (MSE, L1, Huber, SmoothL1) and its options.

Way 1, torch.autograd.grad(loss, [w, b]), returns the gradients; way 2, loss.backward(),
stores them in w.grad and b.grad, and, unlike way 1, *adds* to whatever is there. The
accumulation demo runs that trap for real: a second forward + backward without zeroing
doubles .grad, and zeroing it first gives the single gradient back.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch

from core.classifier import DTYPE
from core.code_generator import python_floats, regression_loss_call
from core.losses.registry import REGRESSION_LOSSES
from core.losses.spec import RegressionInputs
from core.state import Reduction, Regression

Pair = tuple[float, float]   # (∂L/∂w, ∂L/∂b)


@dataclass(frozen=True)
class TwoWays:
    """The regression gradient by autograd.grad, by backward(), by formula; .grad accumulating."""

    reduction: Reduction
    loss: float
    loss_name: str              # the regression loss: "mse", "l1", "huber", "smooth_l1"
    code_autograd: str          # way 1 as a runnable snippet
    code_backward: str          # way 2 as a runnable snippet
    code_accumulation: str      # backward twice, then zeroing, with the real numbers
    autograd: Pair
    backward: Pair
    formula: Pair               # Σ ℓ'(ŷ - y)·x and Σ ℓ'(ŷ - y), ÷ M for "mean" (MSE: ℓ' = 2r)
    formula_text: str
    max_abs_diff: float         # largest disagreement between the three ways
    grad_after_first: Pair
    grad_after_second_without_zeroing: Pair
    grad_after_zeroing_and_backward: Pair


def _leaves(reg: Regression) -> tuple[torch.Tensor, torch.Tensor]:
    return (torch.tensor(reg.w, dtype=DTYPE, requires_grad=True),
            torch.tensor(reg.b, dtype=DTYPE, requires_grad=True))


def _grad(leaf: torch.Tensor) -> torch.Tensor:
    if leaf.grad is None:
        raise RuntimeError("backward() left .grad unset on a leaf that requires grad")
    return leaf.grad


def _grads(w: torch.Tensor, b: torch.Tensor) -> Pair:
    """A copy of what .grad holds now (the tensors themselves change on the next backward)."""
    return float(_grad(w)), float(_grad(b))


def _loss_line(reg: Regression) -> str:
    return f"loss = {regression_loss_call(reg, 'w * x + b', 'y', repr(reg.reduction))}\n"


def _setup_code(reg: Regression) -> str:
    x_prefix, y_prefix = "x = torch.tensor(", "y = torch.tensor("
    return (
        "import torch\n"
        "import torch.nn.functional as F\n"
        "\n"
        f"{x_prefix}{python_floats(reg.x, indent=len(x_prefix))}, dtype=torch.float64)\n"
        f"{y_prefix}{python_floats(reg.y, indent=len(y_prefix))}, dtype=torch.float64)\n"
        f"w = torch.tensor({reg.w!r}, dtype=torch.float64, requires_grad=True)\n"
        f"b = torch.tensor({reg.b!r}, dtype=torch.float64, requires_grad=True)\n"
        + _loss_line(reg)
    )


def _printed(values: Pair) -> str:
    """What print(w.grad.item(), b.grad.item()) prints for torch's values: the comment
    after a snippet's print says exactly what running it shows."""
    return f"{values[0]!r} {values[1]!r}"


def _formula_text(reg: Regression) -> str:
    """The closed form of the chosen loss, in symbols (the same in every language)."""
    per = " / M" if reg.reduction == "mean" else ""
    slope = {"mse": "2·(ŷ - y)", "l1": "sign(ŷ - y)",
             "huber": "clamp(ŷ - y, −δ, δ)",
             "smooth_l1": "clamp((ŷ - y)/β, −1, 1)" if reg.beta > 0 else "sign(ŷ - y)"}[reg.loss]
    notes = [f"M = {len(reg.x)}"] if reg.reduction == "mean" else []
    if reg.loss == "huber":
        notes.append(f"δ = {reg.delta:g}")
    elif reg.loss == "smooth_l1":
        notes.append(f"β = {reg.beta:g}")
    if reg.loss == "mse":
        text = f"∂L/∂w = 2·Σ(ŷ - y)·x{per},  ∂L/∂b = 2·Σ(ŷ - y){per}"
    else:
        text = f"∂L/∂w = Σ {slope}·x{per},  ∂L/∂b = Σ {slope}{per}"
    return text + (f"  ({', '.join(notes)})" if notes else "")


def two_ways(regression: Regression) -> TwoWays:
    """Run both ways and the accumulation demo in torch; check them against the closed form.
    The loss is the regression's chosen one, reduced by the regression's own reduction."""
    reduction = regression.reduction
    spec = REGRESSION_LOSSES[regression.loss]
    inputs = RegressionInputs.of(regression)
    x = torch.tensor(regression.x, dtype=DTYPE)

    def loss_of(w: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
        return spec.value(w * x + b, inputs)   # MSE: F.mse_loss(w * x + b, y, reduction)

    # Way 1: autograd.grad hands the gradients back and leaves .grad alone.
    w, b = _leaves(regression)
    loss = loss_of(w, b)
    grad_w, grad_b = torch.autograd.grad(loss, [w, b])
    way1 = (float(grad_w), float(grad_b))

    # Way 2 on fresh leaves, then the same leaves again: .grad accumulates.
    w, b = _leaves(regression)
    loss_of(w, b).backward()
    first = _grads(w, b)
    loss_of(w, b).backward()             # a new forward pass, no zeroing
    second = _grads(w, b)
    _grad(w).zero_()                     # what optimizer.zero_grad() is for
    _grad(b).zero_()
    loss_of(w, b).backward()
    after_zeroing = _grads(w, b)

    if regression.loss == "mse":
        xs, ys = np.array(regression.x), np.array(regression.y)
        r = regression.w * xs + regression.b - ys
        scale = 1.0 / len(xs) if reduction == "mean" else 1.0
        formula = (float(2.0 * scale * np.dot(r, xs)), float(2.0 * scale * r.sum()))
    else:
        with torch.no_grad():
            g = spec.grad_pred(regression.w * x + regression.b, inputs)
            formula = (float(torch.dot(g, x)), float(g.sum()))
    formula_text = _formula_text(regression)
    diff = max(abs(u - v) for one, two in ((way1, first), (way1, formula), (first, formula))
               for u, v in zip(one, two, strict=True))

    setup = _setup_code(regression)
    code_autograd = (setup
                     + "\n# Way 1: autograd.grad returns a tuple, one gradient per input\n"
                     + "grad_w, grad_b = torch.autograd.grad(loss, [w, b])\n"
                     + f"print(grad_w.item(), grad_b.item())  # {_printed(way1)}\n")
    code_backward = (setup
                     + "\n# Way 2: backward() stores each gradient in the leaf's .grad\n"
                     + "loss.backward()\n"
                     + f"print(w.grad.item(), b.grad.item())  # {_printed(first)}\n")
    rebuild = _loss_line(regression)
    code_accumulation = (setup
                         + "loss.backward()\n"
                         + f"print(w.grad.item(), b.grad.item())  # {_printed(first)}\n"
                         + "\n# a second forward + backward WITHOUT zeroing: .grad adds up\n"
                         + rebuild
                         + "loss.backward()\n"
                         + f"print(w.grad.item(), b.grad.item())  # {_printed(second)}\n"
                         + "\n# zero first (optimizer.zero_grad() does this; "
                         + "w.grad = None works too)\n"
                         + "w.grad.zero_()\n"
                         + "b.grad.zero_()\n"
                         + rebuild
                         + "loss.backward()\n"
                         + f"print(w.grad.item(), b.grad.item())  # {_printed(after_zeroing)}\n")

    return TwoWays(
        reduction=reduction,
        loss=float(loss.detach()),
        loss_name=regression.loss,
        code_autograd=code_autograd,
        code_backward=code_backward,
        code_accumulation=code_accumulation,
        autograd=way1,
        backward=first,
        formula=formula,
        formula_text=formula_text,
        max_abs_diff=float(diff),
        grad_after_first=first,
        grad_after_second_without_zeroing=second,
        grad_after_zeroing_and_backward=after_zeroing,
    )
