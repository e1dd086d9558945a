"""The note's "two ways to get a gradient", run for real on the regression example.

Way 1, torch.autograd.grad(loss, [w, b]), returns the gradients; way 2, loss.backward(),
stores them in w.grad and b.grad, and, unlike way 1, *adds* to whatever is there. The
accumulation demo runs that trap for real: a second forward + backward without zeroing
doubles .grad, and zeroing it first gives the single gradient back.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch
import torch.nn.functional as F

from core.classifier import DTYPE
from core.code_generator import python_floats
from core.state import Reduction, Regression

Pair = tuple[float, float]   # (∂L/∂w, ∂L/∂b)


@dataclass(frozen=True)
class TwoWays:
    """The regression gradient by autograd.grad, by backward(), by formula; .grad accumulating."""

    reduction: Reduction
    loss: float
    code_autograd: str          # way 1 as a runnable snippet
    code_backward: str          # way 2 as a runnable snippet
    code_accumulation: str      # backward twice, then zeroing, with the real numbers
    autograd: Pair
    backward: Pair
    formula: Pair               # 2·Σ(ŷ - y)·x and 2·Σ(ŷ - y), ÷ M for "mean"
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


def _setup_code(reg: Regression, reduction: str) -> str:
    x_prefix, y_prefix = "x = torch.tensor(", "y = torch.tensor("
    return (
        "import torch\n"
        "import torch.nn.functional as F\n"
        "\n"
        f"{x_prefix}{python_floats(reg.x, indent=len(x_prefix))}, dtype=torch.float64)\n"
        f"{y_prefix}{python_floats(reg.y, indent=len(y_prefix))}, dtype=torch.float64)\n"
        f"w = torch.tensor({reg.w!r}, dtype=torch.float64, requires_grad=True)\n"
        f"b = torch.tensor({reg.b!r}, dtype=torch.float64, requires_grad=True)\n"
        f"loss = F.mse_loss(w * x + b, y, reduction={reduction!r})\n"
    )


def _printed(values: Pair) -> str:
    """What print(w.grad.item(), b.grad.item()) prints for torch's values: the comment
    after a snippet's print says exactly what running it shows."""
    return f"{values[0]!r} {values[1]!r}"


def two_ways(regression: Regression) -> TwoWays:
    """Run both ways and the accumulation demo in torch; check them against the closed form.
    The loss is reduced by the regression's own reduction."""
    reduction = regression.reduction
    x = torch.tensor(regression.x, dtype=DTYPE)
    y = torch.tensor(regression.y, dtype=DTYPE)

    def loss_of(w: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
        return F.mse_loss(w * x + b, y, reduction=reduction)

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

    xs, ys = np.array(regression.x), np.array(regression.y)
    r = regression.w * xs + regression.b - ys
    scale = 1.0 / len(xs) if reduction == "mean" else 1.0
    formula = (float(2.0 * scale * np.dot(r, xs)), float(2.0 * scale * r.sum()))
    per = " / M" if reduction == "mean" else ""
    formula_text = (f"∂L/∂w = 2·Σ(ŷ - y)·x{per},  ∂L/∂b = 2·Σ(ŷ - y){per}"
                    + (f"  (M = {len(xs)})" if reduction == "mean" else ""))
    diff = max(abs(u - v) for one, two in ((way1, first), (way1, formula), (first, formula))
               for u, v in zip(one, two, strict=True))

    setup = _setup_code(regression, reduction)
    code_autograd = (setup
                     + "\n# Way 1: autograd.grad returns a tuple, one gradient per input\n"
                     + "grad_w, grad_b = torch.autograd.grad(loss, [w, b])\n"
                     + f"print(grad_w.item(), grad_b.item())  # {_printed(way1)}\n")
    code_backward = (setup
                     + "\n# Way 2: backward() stores each gradient in the leaf's .grad\n"
                     + "loss.backward()\n"
                     + f"print(w.grad.item(), b.grad.item())  # {_printed(first)}\n")
    rebuild = f"loss = F.mse_loss(w * x + b, y, reduction={reduction!r})\n"
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
