"""The note's four autograd errors as real experiments: run, let torch fail, show the fix.

Each pitfall is executed by calling torch directly, step for step what its snippet shows,
and the exception torch raises is captured as it is: its type name and its own message.
Nothing here writes an error message itself, so the app shows whatever the installed torch
says; if a step unexpectedly succeeds, the run records that no error was raised.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import torch
import torch.nn.functional as F

from core.classifier import DTYPE
from core.code_generator import python_floats
from core.i18n import QT_TRANSLATE_NOOP
from core.number_format import fmt
from core.state import Regression, State

PITFALL_KEYS: tuple[str, ...] = ("A", "B", "C", "D")
NO_ERROR = QT_TRANSLATE_NOOP("Pitfalls", "No error was raised: this torch version accepted the "
                                         "step.")

_TITLES = {
    "A": QT_TRANSLATE_NOOP("Pitfalls", "w created without requires_grad"),
    "B": QT_TRANSLATE_NOOP("Pitfalls", "requires_grad_() called after the loss was built"),
    "C": QT_TRANSLATE_NOOP("Pitfalls", "A second backward through a freed graph"),
    "D": QT_TRANSLATE_NOOP("Pitfalls", "autograd.grad of a vector output"),
}

_EXPLANATIONS = {
    "A": QT_TRANSLATE_NOOP(
        "Pitfalls", "autograd only tracks tensors created with requires_grad=True, so a loss "
                    "computed from a plain w has no path back to w. Create w with "
                    "requires_grad=True, then build the loss."),
    "B": QT_TRANSLATE_NOOP(
        "Pitfalls", "The graph is recorded while the loss is computed; switching requires_grad "
                    "on afterwards does not change a graph that already exists. Call "
                    "requires_grad_() first, then recompute the loss."),
    "C": QT_TRANSLATE_NOOP(
        "Pitfalls", "After one backward pass torch frees the graph's saved values "
                    "(retain_graph=False by default), so a second gradient through the same "
                    "graph fails. Pass retain_graph=True on every call but the last."),
    "D": QT_TRANSLATE_NOOP(
        "Pitfalls", "autograd.grad computes the gradient of a scalar; for the vector p it "
                    "would need to know how to weight the outputs. Take one p_i at a time "
                    "(row i of the Jacobian), or pass grad_outputs."),
}


@dataclass(frozen=True)
class Pitfall:
    """One of the note's errors: what goes wrong, the failing snippet and its fix."""

    key: str
    title: str
    explanation: str
    code: str       # the failing snippet, with the current numbers
    fix_code: str   # the corrected snippet


@dataclass(frozen=True)
class PitfallRun:
    """What torch actually did when the pitfall and its fix were run."""

    pitfall: Pitfall
    error_type: str | None        # e.g. "RuntimeError"; None if nothing was raised
    error_message: str | None     # str(exc) exactly as torch raised it
    fix_result: str               # the fix's output, readable
    fix_labels: tuple[str, ...]   # what each fix value is, e.g. "∂L/∂w"
    fix_values: tuple[float, ...]
    closed_form: tuple[float, ...]  # the same quantities from their formulas

    @property
    def raised(self) -> bool:
        return self.error_type is not None

    @property
    def outcome(self) -> str:
        """One line for the screen: the real error, or the fact that none came."""
        if self.error_type is None:
            return NO_ERROR
        return f"{self.error_type}: {self.error_message}"

    @property
    def max_abs_diff(self) -> float:
        """How far the fix's autograd values are from the closed form."""
        return float(np.max(np.abs(np.subtract(self.fix_values, self.closed_form))))


# --------------------------------------------------------------------------- snippets
_HEADER = "import torch\nimport torch.nn.functional as F\n\n"
# Two ways and Code write F.mse_loss(prediction, target); A and B quote the note's line
ORDER_NOTE = ("# F.mse_loss(y, x * w) is the note's line, kept as the note wrote it; MSE is\n"
              "# symmetric, so F.mse_loss(x * w, y), as Two ways writes it, is the same loss\n")


def _data_lines(reg: Regression) -> str:
    return (f"x = torch.tensor({python_floats(reg.x, indent=len('x = torch.tensor('))}, "
            "dtype=torch.float64)\n"
            f"y = torch.tensor({python_floats(reg.y, indent=len('y = torch.tensor('))}, "
            "dtype=torch.float64)\n")


def _prediction(reg: Regression) -> str:
    """The note's x * w; a non-zero intercept enters as a plain constant."""
    return "x * w" if reg.b == 0.0 else f"x * w + {reg.b!r}"


def _logit_lines(logits: Sequence[float], temperature: float) -> str:
    prefix = "a = torch.tensor("
    return (f"{prefix}{python_floats(logits, indent=len(prefix))}, dtype=torch.float64, "
            "requires_grad=True)\n"
            f"T = {float(temperature)!r}\n"
            "p = torch.softmax(a / T, dim=0)\n")


def _snippets(key: str, reg: Regression, logits: Sequence[float],
              temperature: float) -> tuple[str, str]:
    w = f"w = torch.tensor([{reg.w!r}], dtype=torch.float64"
    loss = f"loss = F.mse_loss(y, {_prediction(reg)})"
    data = _data_lines(reg) + ORDER_NOTE
    if key == "A":
        code = (_HEADER + data
                + f"{w})  # no requires_grad\n"
                + f"{loss}\n"
                + "torch.autograd.grad(loss, [w])  # fails\n")
        fix = (_HEADER + data
               + f"{w}, requires_grad=True)\n"
               + f"{loss}\n"
               + "(grad_w,) = torch.autograd.grad(loss, [w])\n"
               + "print(loss, grad_w)\n")
        return code, fix
    if key == "B":
        code = (_HEADER + data
                + f"{w})\n"
                + f"{loss}\n"
                + "w.requires_grad_()  # too late: the loss was built without it\n"
                + "torch.autograd.grad(loss, [w])  # fails\n")
        fix = (_HEADER + data
               + f"{w})\n"
               + "w.requires_grad_()  # first ...\n"
               + f"{loss}  # ... then build the loss\n"
               + "(grad_w,) = torch.autograd.grad(loss, [w])\n"
               + "print(loss, grad_w)\n")
        return code, fix
    setup = "import torch\n\n" + _logit_lines(logits, temperature)
    if key == "C":
        code = (setup
                + "torch.autograd.grad(p[0], [a])  # frees the graph's buffers\n"
                + "torch.autograd.grad(p[1], [a])  # fails: the graph is gone\n")
        fix = (setup
               + "(row0,) = torch.autograd.grad(p[0], [a], retain_graph=True)  # keep it\n"
               + "(row1,) = torch.autograd.grad(p[1], [a])  # the last call may free it\n"
               + "print(row0, row1)  # rows 0 and 1 of the Jacobian: p_i (δ_ij - p_j) / T\n")
        return code, fix
    if key == "D":
        code = setup + "torch.autograd.grad(p, [a])  # fails: p is a vector\n"
        fix = (setup
               + "(row0,) = torch.autograd.grad(p[0], [a], retain_graph=True)  # one p_i\n"
               + "# or weight the outputs yourself: e0ᵀ J is row 0 again\n"
               + "e0 = torch.zeros_like(p)\n"
               + "e0[0] = 1.0\n"
               + "(row0_too,) = torch.autograd.grad(p, [a], grad_outputs=e0)\n"
               + "print(row0, row0_too)\n")
        return code, fix
    raise ValueError(f"pitfall: expected one of {', '.join(PITFALL_KEYS)}, got {key!r}")


def pitfall(key: str, regression: Regression, logits: Sequence[float],
            temperature: float) -> Pitfall:
    """The pitfall's text, with the current numbers in its snippets."""
    code, fix = _snippets(key, regression, logits, temperature)
    return Pitfall(key=key, title=_TITLES[key], explanation=_EXPLANATIONS[key], code=code,
                   fix_code=fix)


# --------------------------------------------------------------------------- running
def _capture(step: Callable[[], object]) -> tuple[str | None, str | None]:
    """Run a step that should fail; keep torch's exception as it is."""
    try:
        step()
    except Exception as exc:  # whatever torch raises is the lesson
        return type(exc).__name__, str(exc)
    return None, None


def _regression_data(reg: Regression) -> tuple[torch.Tensor, torch.Tensor]:
    return torch.tensor(reg.x, dtype=DTYPE), torch.tensor(reg.y, dtype=DTYPE)


def _predict(x: torch.Tensor, w: torch.Tensor, reg: Regression) -> torch.Tensor:
    """Exactly what _prediction writes in the snippet."""
    return x * w if reg.b == 0.0 else x * w + reg.b


def _mse_closed_form(reg: Regression) -> tuple[float, float]:
    """loss = Σ(ŷ - y)²/M, ∂loss/∂w = 2·Σ(ŷ - y)·x/M (the note's F.mse_loss is a mean)."""
    x, y = np.array(reg.x), np.array(reg.y)
    r = x * reg.w + reg.b - y
    return float(np.mean(r * r)), float(2.0 * np.mean(r * x))


def _run_regression(key: str, reg: Regression) -> tuple[tuple[str | None, str | None],
                                                        str, tuple[float, ...]]:
    x, y = _regression_data(reg)
    w = torch.tensor([reg.w], dtype=DTYPE)
    loss = F.mse_loss(y, _predict(x, w, reg))
    if key == "B":
        w.requires_grad_()
    error = _capture(lambda: torch.autograd.grad(loss, [w]))

    if key == "A":
        w = torch.tensor([reg.w], dtype=DTYPE, requires_grad=True)
    else:
        w = torch.tensor([reg.w], dtype=DTYPE)
        w.requires_grad_()
    loss = F.mse_loss(y, _predict(x, w, reg))
    grads = torch.autograd.grad(loss, [w])
    value = float(loss.detach())
    text = f"loss = {fmt(value)}, torch.autograd.grad(loss, [w]) = {grads!r}"
    return error, text, (value, float(grads[0][0]))


def _softmax(logits: Sequence[float], temperature: float) -> tuple[torch.Tensor, torch.Tensor]:
    a = torch.tensor(tuple(logits), dtype=DTYPE, requires_grad=True)
    return a, torch.softmax(a / temperature, dim=0)


def _jacobian_rows(logits: Sequence[float], temperature: float, rows: int) -> np.ndarray:
    """Rows of p_i (δ_ij - p_j) / T, with p from a stable log-softmax."""
    z = torch.tensor(tuple(logits), dtype=DTYPE) / temperature
    p = torch.log_softmax(z, dim=0).exp()
    delta = torch.eye(p.numel(), dtype=DTYPE)[:rows]
    jac = p[:rows, None] * (delta - p[None, :])
    return (jac / temperature).numpy()


def _run_softmax(key: str, logits: Sequence[float], temperature: float
                 ) -> tuple[tuple[str | None, str | None], str, tuple[float, ...]]:
    a, p = _softmax(logits, temperature)
    if key == "C":
        def twice() -> None:
            torch.autograd.grad(p[0], [a])
            torch.autograd.grad(p[1], [a])
        error = _capture(twice)

        a, p = _softmax(logits, temperature)
        (row0,) = torch.autograd.grad(p[0], [a], retain_graph=True)
        (row1,) = torch.autograd.grad(p[1], [a])
        text = f"grad(p[0], a) = {row0!r}\ngrad(p[1], a) = {row1!r}"
        return error, text, tuple(torch.cat([row0, row1]).tolist())

    error = _capture(lambda: torch.autograd.grad(p, [a]))
    a, p = _softmax(logits, temperature)
    (row0,) = torch.autograd.grad(p[0], [a], retain_graph=True)
    e0 = torch.zeros_like(p)
    e0[0] = 1.0
    (row0_too,) = torch.autograd.grad(p, [a], grad_outputs=e0)
    text = f"grad(p[0], a) = {row0!r}\ngrad(p, a, grad_outputs=e0) = {row0_too!r}"
    return error, text, tuple(row0.tolist())


def run_pitfall(key: str, regression: Regression, logits: Sequence[float],
                temperature: float) -> PitfallRun:
    """Run pitfall `key` in torch for real, then its fix, and check the fix by its formula."""
    spec = pitfall(key, regression, logits, temperature)
    n = len(logits)
    if key in ("A", "B"):
        (error_type, message), text, values = _run_regression(key, regression)
        labels: tuple[str, ...] = ("loss", "∂loss/∂w")
        closed = _mse_closed_form(regression)
    else:
        (error_type, message), text, values = _run_softmax(key, logits, temperature)
        rows = 2 if key == "C" else 1
        labels = tuple(f"∂p{i}/∂a{j}" for i in range(rows) for j in range(n))
        closed = tuple(_jacobian_rows(logits, temperature, rows).ravel().tolist())
    return PitfallRun(pitfall=spec, error_type=error_type, error_message=message,
                      fix_result=text, fix_labels=labels, fix_values=values,
                      closed_form=closed)


def run_pitfalls(state: State) -> tuple[PitfallRun, ...]:
    """All four pitfalls for a State: A, B on its regression data, C, D on its logits."""
    return tuple(run_pitfall(key, state.regression, state.logits, state.temperature)
                 for key in PITFALL_KEYS)
