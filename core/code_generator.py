"""The app's numbers as a standalone PyTorch script a learner can run, read and change.

The script is the bridge the note asks for: the same definitions as core (z = a/T,
p = softmax(z), y_eff = (1 - ε)y + ε/N, torch's own loss functions), written out step by
step. Floats are written with repr(), which round-trips exactly, so the script reproduces
the app's numbers to the last digit. Its last line of output is one JSON object, so tests
(and curious users) can compare it with core.compute.

Its comments are prose for the reader, so they follow the window's language: each is marked
with QT_TRANSLATE_NOOP(CONTEXT, …) and the caller passes Qt's translate function. Without
one (the command line, tests) they are English. The code and what it prints never change.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from core.i18n import QT_TRANSLATE_NOOP
from core.loss_script import loss_section
from core.state import Regression, State

CONTEXT = "CodeScript"  # the comments' translation context (resources/translations/*.ts)
Translate = Callable[[str, str], str]  # (context, text) -> text, like QCoreApplication's

LINE_WIDTH = 88
RULE = "# " + "-" * 66  # the line a section's heading starts with


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


def english(context: str, text: str) -> str:
    """The comments as written: no translation."""
    return text


def comment(text: str, translate: Translate = english) -> str:
    """A marked comment, translated, as `# ` lines (a translation may break lines itself)."""
    return "\n".join(f"# {line}".rstrip() for line in translate(CONTEXT, text).split("\n"))


def _assign(name: str, values: Iterable[float], above: str = "", tensor: bool = False) -> str:
    """`name = [..]` (or a float64 tensor of it), wrapped under its bracket, with the comment
    lines `above` (made by comment()) above it."""
    prefix = f"{name} = torch.tensor(" if tensor else f"{name} = "
    suffix = ", dtype=torch.float64)" if tensor else ""
    head = f"{above}\n" if above else ""
    return head + prefix + python_floats(values, indent=len(prefix)) + suffix


def _target_block(state: State, c: dict[str, str]) -> str:
    if state.target_is_index:
        return (
            f"target = {state.target}  {c['true_class']}\n"
            "\n"
            f"{c['one_hot']}\n"
            "y = torch.zeros(N, dtype=torch.float64)\n"
            "y[target] = 1.0\n"
            f"{c['ce_index']}\n"
            "ce_target = torch.tensor([target], dtype=torch.long)"
        )
    return (
        _assign("target", state.target, c["soft_target"]) + "\n"
        "\n"
        "y = torch.tensor(target, dtype=torch.float64)\n"
        f"{c['ce_soft']}\n"
        "ce_target = torch.tensor([target], dtype=torch.float64)"
    )


REGRESSION_FUNCTIONS = {"mse": "F.mse_loss", "l1": "F.l1_loss", "huber": "F.huber_loss",
                        "smooth_l1": "F.smooth_l1_loss"}


def regression_loss_call(reg: Regression, prediction: str, target: str, reduction: str) -> str:
    """The torch call of the regression's chosen loss, its option written exactly:
    F.huber_loss(w * x + b, y, reduction='mean', delta=0.5). `reduction` is code (a
    variable's name, or a repr)."""
    option = {"huber": f", delta={reg.delta!r}", "smooth_l1": f", beta={reg.beta!r}"}
    return (f"{REGRESSION_FUNCTIONS[reg.loss]}({prediction}, {target}, "
            f"reduction={reduction}{option.get(reg.loss, '')})")


def generate_script(state: State, translate: Translate = english) -> str:
    """A runnable script (torch, torch.nn.functional and json only) reproducing `state`,
    its comments in the language `translate` gives (see the module's docstring)."""
    reg = state.regression
    c = {key: comment(text, translate) for key, text in _COMMENTS.items()}
    headings = {key: translate(CONTEXT, text) for key, text in _HEADINGS.items()}
    settings = "\n".join([
        _assign("logits", state.logits, c["logits"]),
        "",
        f"T = {state.temperature!r}  {c['temperature']}",
        f"eps = {state.label_smoothing!r}  {c['eps']}",
        f"reduction = {state.reduction!r}  {c['reduction']}",
    ])
    regression = "\n".join([
        _assign("x", reg.x, c["data"], tensor=True),
        _assign("y_data", reg.y, tensor=True),
        f"w = torch.tensor({reg.w!r}, dtype=torch.float64, requires_grad=True)",
        f"b = torch.tensor({reg.b!r}, dtype=torch.float64, requires_grad=True)",
        f"reg_reduction = {reg.reduction!r}  {c['reg_reduction']}",
    ])
    docstring = translate(CONTEXT, _DOCSTRING)
    reg_loss = regression_loss_call(reg, "y_hat", "y_data", "reg_reduction")
    return _TEMPLATE.format(settings=settings, target=_target_block(state, c),
                            regression=regression, reg_loss=reg_loss, docstring=docstring,
                            chosen_loss=loss_section(state, translate, RULE),
                            **c, **headings)


# the script's prose, each marked for lupdate (its translation may break its lines itself)
_DOCSTRING = QT_TRANSLATE_NOOP(
    "CodeScript", "Loss Lens, as a plain PyTorch script.\n\n"
    "Generated from the app's current settings. It recomputes, with torch in float64, every\n"
    "number the app shows: softmax, cross-entropy, MSE, their gradients with respect to the\n"
    "logits, the softmax Jacobian, the classifier loss you chose with its gradient (by\n"
    "autograd and in closed form), and the regression example (the note's MSE example).\n"
    "Run it with `python <this file>`; change a number and run it again.")

_HEADINGS = {
    "h_settings": QT_TRANSLATE_NOOP("CodeScript", "the settings"),
    "h_softmax": QT_TRANSLATE_NOOP("CodeScript", "1. softmax"),
    "h_target": QT_TRANSLATE_NOOP("CodeScript", "2. the target"),
    "h_losses": QT_TRANSLATE_NOOP("CodeScript", "3. the two losses"),
    "h_gradients": QT_TRANSLATE_NOOP("CodeScript", "4. gradients"),
    "h_jacobian": QT_TRANSLATE_NOOP("CodeScript", "5. the Jacobian"),
    "h_regression": QT_TRANSLATE_NOOP("CodeScript", "6. regression"),
    "h_numbers": QT_TRANSLATE_NOOP("CodeScript", "the numbers"),
}

_COMMENTS = {
    "reg_reduction": QT_TRANSLATE_NOOP("CodeScript", "the regression's own reduction"),
    "logits": QT_TRANSLATE_NOOP("CodeScript", "a: the raw scores (logits), one per class"),
    "temperature": QT_TRANSLATE_NOOP("CodeScript", "temperature: the softmax sees a / T"),
    "eps": QT_TRANSLATE_NOOP("CodeScript", "label smoothing ε"),
    "reduction": QT_TRANSLATE_NOOP(
        "CodeScript", "how MSE combines its squared errors: 'mean' (÷ count) or 'sum'"),
    "true_class": QT_TRANSLATE_NOOP("CodeScript", "the true class, as an index"),
    "one_hot": QT_TRANSLATE_NOOP("CodeScript", "y: the one-hot vector of the true class"),
    "ce_index": QT_TRANSLATE_NOOP(
        "CodeScript", "F.cross_entropy takes a class index as a LongTensor, one per row of "
                      "the batch"),
    "soft_target": QT_TRANSLATE_NOOP("CodeScript",
                                     "the target as probabilities (they sum to 1)"),
    "ce_soft": QT_TRANSLATE_NOOP(
        "CodeScript", "F.cross_entropy also takes a row of probabilities per row of the batch"),
    "data": QT_TRANSLATE_NOOP("CodeScript", "the data points (x, y)"),
    "float64": QT_TRANSLATE_NOOP(
        "CodeScript", "float64 everywhere, so the numbers match the app's to the last digit.\n"
        "requires_grad=True BEFORE anything is computed from a: autograd records only from "
        "then on."),
    "softmax": QT_TRANSLATE_NOOP(
        "CodeScript", "p_i = e^(z_i) / Σ_j e^(z_j): each in (0, 1), summing to 1 (torch "
        "subtracts the max, so\neven logits of ±1000 give no NaN)"),
    "smoothing": QT_TRANSLATE_NOOP(
        "CodeScript", "label smoothing moves ε of the target's mass evenly onto all N classes"),
    "ce": QT_TRANSLATE_NOOP(
        "CodeScript", "cross-entropy = -Σ y_eff·log p. F.cross_entropy wants the logits (not "
        "p) as a batch\nof rows, z[None], and applies a numerically stable log-softmax itself."),
    "mse": QT_TRANSLATE_NOOP("CodeScript",
                             "MSE between the probabilities and the (smoothed) target"),
    "grad": QT_TRANSLATE_NOOP(
        "CodeScript", "torch.autograd.grad(output, [inputs]) returns a tuple: one gradient per "
        "input.\nretain_graph=True keeps the graph, because we take more gradients from it "
        "below."),
    "ce_closed": QT_TRANSLATE_NOOP(
        "CodeScript", "For cross-entropy the gradient is simply (p - y_eff) / T: check it."),
    "rows": QT_TRANSLATE_NOOP(
        "CodeScript", "Row i is the gradient of ONE output p_i with respect to all logits. "
        "autograd.grad needs\na scalar output, so we go row by row, keeping the graph for the "
        "next row."),
    "jac_closed": QT_TRANSLATE_NOOP(
        "CodeScript", "Closed form: ∂p_i/∂a_j = p_i (δ_ij - p_j) / T, i.e. (diag(p) - p pᵀ) / T"),
    "y_hat": QT_TRANSLATE_NOOP("CodeScript", "the line's predictions"),
    "json": QT_TRANSLATE_NOOP(
        "CodeScript", "The last line: every number as one JSON object, for other programs to "
        "read."),
}


_TEMPLATE = '''\
"""{docstring}
"""

import json

import torch
import torch.nn.functional as F

# ------------------------------------------------------------------ {h_settings}
{settings}

# ------------------------------------------------------------------ {h_softmax}
{float64}
a = torch.tensor(logits, dtype=torch.float64, requires_grad=True)
N = a.numel()
z = a / T
{softmax}
p = torch.softmax(z, dim=0)

# ------------------------------------------------------------------ {h_target}
{target}

{smoothing}
y_eff = (1 - eps) * y + eps / N

# ------------------------------------------------------------------ {h_losses}
{ce}
ce = F.cross_entropy(z[None], ce_target, label_smoothing=eps)
{mse}
mse = F.mse_loss(p, y_eff, reduction=reduction)

# ------------------------------------------------------------------ {h_gradients}
{grad}
(grad_ce,) = torch.autograd.grad(ce, [a], retain_graph=True)
(grad_mse,) = torch.autograd.grad(mse, [a], retain_graph=True)
{ce_closed}
ce_closed_form = (p.detach() - y_eff) / T

# ------------------------------------------------------------------ {h_jacobian}
{rows}
rows = []
for i in range(N):
    (row,) = torch.autograd.grad(p[i], [a], retain_graph=True)
    rows.append(row)
jacobian = torch.stack(rows)
{jac_closed}
pd = p.detach()
jacobian_closed_form = (torch.diag(pd) - torch.outer(pd, pd)) / T

# ------------------------------------------------------------------ {h_regression}
{regression}

y_hat = w * x + b  {y_hat}
reg_loss = {reg_loss}
grad_w, grad_b = torch.autograd.grad(reg_loss, [w, b])

{chosen_loss}

# ------------------------------------------------------------------ {h_numbers}
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
print("chosen loss:", loss_name, "=", chosen_loss.item())
print("dL/da (autograd)   =", grad_chosen)
print("dL/da closed form  =", chosen_closed_form)
print("regression: loss =", reg_loss.item(), "  dL/dw =", grad_w.item(),
      "  dL/db =", grad_b.item())

{json}
print(json.dumps({{
    "probs": pd.tolist(),
    "cross_entropy": ce.item(),
    "mse": mse.item(),
    "grad_cross_entropy": grad_ce.tolist(),
    "grad_mse": grad_mse.tolist(),
    "jacobian": jacobian.tolist(),
    "loss": loss_name,
    "loss_value": chosen_loss.item(),
    "grad_loss": grad_chosen.tolist(),
    "grad_loss_closed_form": chosen_closed_form.tolist(),
    "regression_loss": reg_loss.item(),
    "grad_w": grad_w.item(),
    "grad_b": grad_b.item(),
}}))
'''
