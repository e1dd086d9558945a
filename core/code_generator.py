"""The app's numbers as a standalone PyTorch script a learner can run, read and change.

The script is the bridge the note asks for: the same definitions as core (z = a/T,
p = softmax(z), y_eff = (1 - ε)y + ε/N, torch's own loss functions), written out step by
step. Floats are written with repr(), which round-trips exactly, so the script reproduces
the app's numbers to the last digit. Its last line of output is one JSON object, so tests
(and curious users) can compare it with core.compute.
"""

from __future__ import annotations

from collections.abc import Iterable

from core.state import State

LINE_WIDTH = 88


def python_floats(values: Iterable[float], indent: int = 0, width: int = LINE_WIDTH) -> str:
    """A Python list literal of exact float reprs, wrapped so long lists stay readable.

    `indent` is the column the literal starts at; continuation lines align just inside the
    opening bracket.
    """
    pieces = [repr(float(v)) + "," for v in values]
    if not pieces:
        return "[]"
    pieces[-1] = pieces[-1][:-1] + "]"
    lines: list[str] = []
    line, start = "[", indent
    for piece in pieces:
        fresh = line in ("[", "")
        candidate = line + ("" if fresh else " ") + piece
        if not fresh and start + len(candidate) > width:
            lines.append(line)
            line, start = piece, indent + 1
        else:
            line = candidate
    lines.append(line)
    return ("\n" + " " * (indent + 1)).join(lines)


def _assign(name: str, values: Iterable[float], comment: str = "", tensor: bool = False) -> str:
    """`name = [..]` (or a float64 tensor of it), wrapped under its bracket, comment above."""
    prefix = f"{name} = torch.tensor(" if tensor else f"{name} = "
    suffix = ", dtype=torch.float64)" if tensor else ""
    head = f"# {comment}\n" if comment else ""
    return head + prefix + python_floats(values, indent=len(prefix)) + suffix


def _target_block(state: State) -> str:
    if state.target_is_index:
        return (
            f"target = {state.target}  # the true class, as an index\n"
            "\n"
            "# y: the one-hot vector of the true class\n"
            "y = torch.zeros(N, dtype=torch.float64)\n"
            "y[target] = 1.0\n"
            "# F.cross_entropy takes a class index as a LongTensor, one per row of the batch\n"
            "ce_target = torch.tensor([target], dtype=torch.long)"
        )
    return (
        _assign("target", state.target, "the target as probabilities (they sum to 1)") + "\n"
        "\n"
        "y = torch.tensor(target, dtype=torch.float64)\n"
        "# F.cross_entropy also takes a row of probabilities per row of the batch\n"
        "ce_target = torch.tensor([target], dtype=torch.float64)"
    )


def generate_script(state: State) -> str:
    """A runnable script (torch, torch.nn.functional and json only) reproducing `state`."""
    reg = state.regression
    settings = "\n".join([
        _assign("logits", state.logits, "a: the raw scores (logits), one per class"),
        "",
        f"T = {state.temperature!r}  # temperature: the softmax sees a / T",
        f"eps = {state.label_smoothing!r}  # label smoothing ε",
        f"reduction = {state.reduction!r}  # how MSE combines its squared errors: "
        "'mean' (÷ count) or 'sum'",
    ])
    regression = "\n".join([
        _assign("x", reg.x, "the data points (x, y)", tensor=True),
        _assign("y_data", reg.y, tensor=True),
        f"w = torch.tensor({reg.w!r}, dtype=torch.float64, requires_grad=True)",
        f"b = torch.tensor({reg.b!r}, dtype=torch.float64, requires_grad=True)",
    ])
    return _TEMPLATE.format(settings=settings, target=_target_block(state),
                            regression=regression)


_TEMPLATE = '''\
"""Loss Lens, as a plain PyTorch script.

Generated from the app's current settings. It recomputes, with torch in float64, every
number the app shows: softmax, cross-entropy, MSE, their gradients with respect to the
logits, the softmax Jacobian, and the regression example (the note's MSE example).
Run it with `python <this file>`; change a number and run it again.
"""

import json

import torch
import torch.nn.functional as F

# ------------------------------------------------------------------ the settings
{settings}

# ------------------------------------------------------------------ 1. softmax
# float64 everywhere, so the numbers match the app's to the last digit.
# requires_grad=True BEFORE anything is computed from a: autograd records only from then on.
a = torch.tensor(logits, dtype=torch.float64, requires_grad=True)
N = a.numel()
z = a / T
# p_i = e^(z_i) / Σ_j e^(z_j): each in (0, 1), summing to 1 (torch subtracts the max, so
# even logits of ±1000 give no NaN)
p = torch.softmax(z, dim=0)

# ------------------------------------------------------------------ 2. the target
{target}

# label smoothing moves ε of the target's mass evenly onto all N classes
y_eff = (1 - eps) * y + eps / N

# ------------------------------------------------------------------ 3. the two losses
# cross-entropy = -Σ y_eff·log p. F.cross_entropy wants the logits (not p) as a batch
# of rows, z[None], and applies a numerically stable log-softmax itself.
ce = F.cross_entropy(z[None], ce_target, label_smoothing=eps)
# MSE between the probabilities and the (smoothed) target
mse = F.mse_loss(p, y_eff, reduction=reduction)

# ------------------------------------------------------------------ 4. gradients
# torch.autograd.grad(output, [inputs]) returns a tuple: one gradient per input.
# retain_graph=True keeps the graph, because we take more gradients from it below.
(grad_ce,) = torch.autograd.grad(ce, [a], retain_graph=True)
(grad_mse,) = torch.autograd.grad(mse, [a], retain_graph=True)
# For cross-entropy the gradient is simply (p - y_eff) / T: check it.
ce_closed_form = (p.detach() - y_eff) / T

# ------------------------------------------------------------------ 5. the Jacobian
# Row i is the gradient of ONE output p_i with respect to all logits. autograd.grad needs
# a scalar output, so we go row by row, keeping the graph for the next row.
rows = []
for i in range(N):
    (row,) = torch.autograd.grad(p[i], [a], retain_graph=True)
    rows.append(row)
jacobian = torch.stack(rows)
# Closed form: ∂p_i/∂a_j = p_i (δ_ij - p_j) / T, i.e. (diag(p) - p pᵀ) / T
pd = p.detach()
jacobian_closed_form = (torch.diag(pd) - torch.outer(pd, pd)) / T

# ------------------------------------------------------------------ 6. regression (MSE)
{regression}

y_hat = w * x + b  # the line's predictions
reg_loss = F.mse_loss(y_hat, y_data, reduction=reduction)
grad_w, grad_b = torch.autograd.grad(reg_loss, [w, b])

# ------------------------------------------------------------------ the numbers
torch.set_printoptions(precision=6)
print("N =", N, "  T =", T, "  label smoothing =", eps, "  reduction =", reduction)
print("p = softmax(a / T) =", pd)
print("cross-entropy      =", ce.item())
print("MSE                =", mse.item())
print("dCE/da  (autograd) =", grad_ce)
print("(p - y_eff) / T    =", ce_closed_form)
print("dMSE/da (autograd) =", grad_mse)
print("Jacobian dp_i/da_j:")
print(jacobian)
print("largest |autograd - closed form| in the Jacobian:",
      (jacobian - jacobian_closed_form).abs().max().item())
print("regression: loss =", reg_loss.item(), "  dL/dw =", grad_w.item(),
      "  dL/db =", grad_b.item())

# The last line: every number as one JSON object, for other programs to read.
print(json.dumps({{
    "probs": pd.tolist(),
    "cross_entropy": ce.item(),
    "mse": mse.item(),
    "grad_cross_entropy": grad_ce.tolist(),
    "grad_mse": grad_mse.tolist(),
    "jacobian": jacobian.tolist(),
    "regression_loss": reg_loss.item(),
    "grad_w": grad_w.item(),
    "grad_b": grad_b.item(),
}}))
'''
