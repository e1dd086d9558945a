"""The `compute` command's table for people: the same numbers as the JSON, laid out to read."""

from __future__ import annotations

import numpy as np

from core.number_format import fmt
from core.result import Result

MAX_ROWS = 32      # beyond this, the first and last rows with a gap between
MAX_JACOBIAN = 10  # the Jacobian is printed whole up to N = 10


def _num(x: float) -> str:
    return " " + fmt(x) if x >= 0 else fmt(x)


def _row_indices(n: int) -> list[int | None]:
    if n <= MAX_ROWS:
        return list(range(n))
    half = MAX_ROWS // 2
    return [*range(half), None, *range(n - half, n)]


def format_result(result: Result) -> str:
    s, c, r = result.state, result.classifier, result.regression
    n = s.n_classes
    if s.target_is_index:
        target = f"class {s.target}"
    else:
        shown = ", ".join(f"{v:g}" for v in s.target[:MAX_JACOBIAN])
        target = f"probabilities [{shown}{', …' if n > MAX_JACOBIAN else ''}]"
    lines = [
        f"Loss Lens  N = {n}  T = {s.temperature:g}  label smoothing ε = {s.label_smoothing:g}"
        f"  reduction = {s.reduction}",
        f"target: {target};  y_eff = (1 - ε)·y + ε/N;  z = a / T;  p = softmax(z)",
        "",
        f"{'i':>4} {'a_i':>12} {'p_i':>12} {'y_eff_i':>12} {'∂CE/∂a_i':>13} {'∂MSE/∂a_i':>13}",
    ]
    g_ce, g_mse = c.grad_cross_entropy.formula, c.grad_mse.formula
    for i in _row_indices(n):
        if i is None:
            lines.append(f"{'…':>4}  ({n - MAX_ROWS} rows not shown; --format json has them all)")
            continue
        lines.append(f"{i:>4} {_num(c.logits[i]):>12} {_num(c.probs[i]):>12} "
                     f"{_num(c.target_effective[i]):>12} {_num(g_ce[i]):>13} {_num(g_mse[i]):>13}")
    ratio = result.ratio
    mse_label = f"MSE ({s.reduction})"
    mse_formula = "Σ(p - y_eff)²/N" if s.reduction == "mean" else "Σ(p - y_eff)²"
    ratio_text = f"{ratio.ratio:.6g}" if np.isfinite(ratio.ratio) else "overflows float64"
    lines += [
        "",
        f"cross-entropy = -Σ y_eff·log p    = {_num(c.cross_entropy).strip()}",
        f"{mse_label:<14}= {mse_formula:<16}  = {_num(c.mse).strip()}",
        f"p{ratio.i}/p{ratio.j} = exp((a{ratio.i} - a{ratio.j})/T) = exp({ratio.gap:.6g}) "
        f"= {ratio_text}",
        "",
        "gradient checks, max |difference| between ways:",
        f"  ∂CE/∂a   autograd.grad · backward()/.grad · (p - y_eff)/T   "
        f"{c.grad_cross_entropy.max_abs_diff:.3g}",
        f"  ∂MSE/∂a  autograd.grad · backward()/.grad · Jᵀ·∂MSE/∂p       "
        f"{c.grad_mse.max_abs_diff:.3g}",
        f"  J = ∂p/∂a  autograd · (diag(p) - p pᵀ)/T                  "
        f"{c.jacobian.max_abs_diff:.3g}",
        f"  largest of all (max_abs_diff)                              {result.max_abs_diff:.3g}",
    ]
    if n <= MAX_JACOBIAN:
        lines += ["", "Jacobian ∂p_i/∂a_j = p_i(δ_ij - p_j)/T:"]
        lines += ["  " + " ".join(f"{_num(v):>10}" for v in row) for row in c.jacobian.formula]
    else:
        lines += ["", f"Jacobian: {n}×{n}, printed here up to N = {MAX_JACOBIAN}; "
                      "--format json has it"]
    reg = s.regression
    lines += [
        "",
        f"regression  ŷ = w·x + b  with w = {reg.w:g}, b = {reg.b:g}, {len(reg.x)} point(s), "
        f"reduction = {reg.reduction}",
        f"  loss = {_num(r.loss).strip()}   ∂L/∂w = {_num(r.grad_w).strip()}   "
        f"∂L/∂b = {_num(r.grad_b).strip()}   (autograd vs formula: {r.max_abs_diff:.3g})",
    ]
    return "\n".join(lines + _chosen_losses(result))


def _options(names: tuple[str, ...], source: object) -> str:
    shown = [f"{name} = {getattr(source, name):g}" for name in names if name != "class_weights"]
    return f" ({', '.join(shown)})" if shown else ""


def _chosen_losses(result: Result) -> list[str]:
    """The state's chosen losses, when not the defaults (CE and the regression's MSE, which
    the report above already shows): value, ∂L by the closed form, and the four ways'
    largest disagreement. Empty by default, so the report is unchanged."""
    from core.losses.family import classifier_loss, regression_loss
    from core.losses.registry import CLASSIFIER_LOSSES, REGRESSION_LOSSES

    s = result.state
    lines: list[str] = []
    # class weights change CE too; only the chosen loss is computed (not the whole family:
    # 2.5 s at N = 1024)
    if s.loss != "cross_entropy" or s.class_weights is not None:
        spec = CLASSIFIER_LOSSES[s.loss]
        g = classifier_loss(s, s.loss)
        grads = ", ".join(fmt(v) for v in g.grad.formula[:MAX_JACOBIAN])
        more = ", …" if len(g.grad.formula) > MAX_JACOBIAN else ""
        lines += ["", f"chosen loss: {s.loss}{_options(spec.info.options, s)} = "
                      f"{_num(g.value).strip()}",
                  f"  ∂L/∂a = [{grads}{more}]   {spec.gradient}",
                  f"  autograd · backward() · formula · finite differences: max |difference| "
                  f"{g.max_abs_diff:.3g} (the three exact ways: {g.grad.exact_max_abs_diff:.3g})"]
    if s.regression.loss != "mse":
        spec_r = REGRESSION_LOSSES[s.regression.loss]
        g = regression_loss(s, s.regression.loss)
        lines += ["", f"chosen regression loss: {s.regression.loss}"
                      f"{_options(spec_r.info.options, s.regression)} = "
                      f"{_num(g.value).strip()}   ∂L/∂w = {_num(g.grad.formula[0]).strip()}   "
                      f"∂L/∂b = {_num(g.grad.formula[1]).strip()}",
                  f"  autograd · backward() · formula · finite differences: max |difference| "
                  f"{g.max_abs_diff:.3g}"]
    return lines
