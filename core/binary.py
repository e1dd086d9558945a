"""Binary classification: one logit z, σ(z), a label y in [0, 1], and torch's two binary losses.

The note says cross-entropy serves binary problems as well as multi-class ones. Here:
- F.binary_cross_entropy_with_logits(z, y, pos_weight=w) =
  −(w·y·log σ(z) + (1 − y)·log(1 − σ(z))), whose gradient is (1 + (w − 1)·y)·σ(z) − w·y,
  σ(z) − y when w = 1, computed three ways (autograd.grad, backward()/.grad, closed form);
- F.binary_cross_entropy(σ(z), y), the same loss taken on the probability;
- the two-class softmax is the sigmoid: for logits (a₀, a₁), softmax(a)₁ = σ(a₁ − a₀) and
  CE(a, [1 − y, y]) = BCEWithLogits(a₁ − a₀, y) (with y = 1: CE(a, class 1));
- why the probability form is the worse choice: once σ(z) rounds to 1 (label 0, z ≳ 37 in
  float64, z ≳ 17 in float32), log(1 − σ) = −inf, which torch clamps at −100, so the loss
  sticks at 100 and its gradient is 0; the with-logits form stays exact (loss ≈ z,
  gradient ≈ 1). Both are computed by torch in float64 and in float32, along a sweep of z.

Everything comes from torch; the closed forms are the only formulas written here.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import torch
import torch.nn.functional as F

from core.arrays import frozen
from core.state import Binary, State

DTYPE = torch.float64
PRECISIONS: tuple[torch.dtype, ...] = (torch.float64, torch.float32)
SWEEP_HALF_WIDTH = 45.0  # the sweep covers ±45: past float64's threshold (≈ 37) for label 0
SWEEP_POINTS = 901       # z every 0.1 on ±45


@dataclass(frozen=True)
class GradWays:
    """∂L/∂z computed three independent ways."""

    autograd: float   # torch.autograd.grad
    backward: float   # loss.backward(), then z.grad
    formula: float    # the closed form

    @property
    def max_abs_diff(self) -> float:
        ways = (self.autograd, self.backward, self.formula)
        return max(abs(a - b) for a in ways for b in ways)


@dataclass(frozen=True)
class AtPrecision:
    """Both forms at the state's z in one floating-point type, as torch computes them."""

    dtype: str                  # "float64" or "float32"
    sigmoid: float              # σ(z)
    with_logits: float          # binary_cross_entropy_with_logits(z, y), pos_weight 1
    grad_with_logits: float     # its ∂/∂z by autograd
    on_probs: float             # binary_cross_entropy(σ(z), y)
    grad_on_probs: float        # its ∂/∂z by autograd, through the sigmoid
    label: float = 0.0          # y: the weight of the log σ term; 1 − y that of log(1 − σ)

    @property
    def saturated(self) -> bool:
        """σ(z) rounded to exactly 1 with a weight on log(1 − σ) (y < 1), or to exactly 0
        with a weight on log σ (y > 0): that log is −inf, clamped at −100, and the loss
        sticks. With y = 1 at σ = 1 (or y = 0 at σ = 0) the clamped term is multiplied
        by 0 and both forms are right (the review found the panel saying otherwise)."""
        return (self.sigmoid == 1.0 and self.label < 1.0) or (
            self.sigmoid == 0.0 and self.label > 0.0)


@dataclass(frozen=True)
class TwoClass:
    """The two-class softmax over the classifier's first two logits against the sigmoid."""

    a0: float
    a1: float
    y: float                   # the label: the target is [1 − y, y]
    softmax_p1: float          # softmax(a)₁
    sigmoid_d: float           # σ(a₁ − a₀)
    cross_entropy: float       # F.cross_entropy(a, target)
    with_logits: float         # F.binary_cross_entropy_with_logits(a₁ − a₀, y)
    grad_a1: float             # ∂CE/∂a₁ by autograd
    grad_d: float              # ∂BCEWithLogits/∂d by autograd, d = a₁ − a₀

    @property
    def d(self) -> float:
        return self.a1 - self.a0

    @property
    def max_abs_diff(self) -> float:
        return max(abs(self.softmax_p1 - self.sigmoid_d),
                   abs(self.cross_entropy - self.with_logits), abs(self.grad_a1 - self.grad_d))


@dataclass(frozen=True)
class Sweep:
    """Both forms and |∂L/∂z| along z, in float64 and float32 (pos_weight 1 for both:
    binary_cross_entropy has none). Keys of each dict: "float64", "float32"."""

    z: np.ndarray
    with_logits: dict[str, np.ndarray]
    on_probs: dict[str, np.ndarray]
    grad_with_logits_abs: dict[str, np.ndarray]
    grad_on_probs_abs: dict[str, np.ndarray]


@dataclass(frozen=True)
class BinaryResult:
    z: float
    y: float
    pos_weight: float
    sigmoid: float                  # σ(z), float64
    with_logits: float              # binary_cross_entropy_with_logits(z, y, pos_weight)
    grad: GradWays                  # its ∂/∂z, three ways
    on_probs: float                 # binary_cross_entropy(σ(z), y) (no pos_weight)
    grad_on_probs: float            # its ∂/∂z by autograd
    precisions: tuple[AtPrecision, ...]   # float64, float32
    two_class: TwoClass
    sweep: Sweep
    rounds_to_one: dict[str, float]       # z from which σ(z) is exactly 1, per precision

    def at(self, dtype: str) -> AtPrecision:
        return next(p for p in self.precisions if p.dtype == dtype)


def dtype_name(dtype: torch.dtype) -> str:
    return str(dtype).removeprefix("torch.")


def closed_form_grad(z: float, y: float, pos_weight: float) -> float:
    """∂/∂z of −(w·y·log σ(z) + (1 − y)·log(1 − σ(z))) = (1 + (w − 1)·y)·σ(z) − w·y."""
    s = torch.sigmoid(torch.tensor(z, dtype=DTYPE)).item()
    return (1.0 + (pos_weight - 1.0) * y) * s - pos_weight * y


def _with_logits(z: torch.Tensor, y: torch.Tensor, pos_weight: float) -> torch.Tensor:
    return F.binary_cross_entropy_with_logits(
        z, y, pos_weight=torch.tensor(pos_weight, dtype=z.dtype))


def _grad_ways(b: Binary) -> tuple[float, GradWays]:
    """The with-logits loss and its gradient by autograd.grad, by backward(), and closed form."""
    y = torch.tensor(b.y, dtype=DTYPE)
    z1 = torch.tensor(b.z, dtype=DTYPE, requires_grad=True)
    loss = _with_logits(z1, y, b.pos_weight)
    (by_autograd,) = torch.autograd.grad(loss, z1)
    z2 = torch.tensor(b.z, dtype=DTYPE, requires_grad=True)
    _with_logits(z2, y, b.pos_weight).backward()
    assert z2.grad is not None
    ways = GradWays(autograd=by_autograd.item(), backward=z2.grad.item(),
                    formula=closed_form_grad(b.z, b.y, b.pos_weight))
    return loss.item(), ways


def _both_forms(z_values: torch.Tensor, y: float, dtype: torch.dtype
                ) -> tuple[torch.Tensor, ...]:
    """σ(z), both losses elementwise, and each one's ∂/∂z by autograd, in `dtype`."""
    z = z_values.to(dtype).detach().requires_grad_(True)
    target = torch.full_like(z, y)
    logits_loss = F.binary_cross_entropy_with_logits(z, target, reduction="none")
    (grad_logits,) = torch.autograd.grad(logits_loss.sum(), z)
    zp = z_values.to(dtype).detach().requires_grad_(True)
    sigma = torch.sigmoid(zp)
    probs_loss = F.binary_cross_entropy(sigma, target, reduction="none")
    (grad_probs,) = torch.autograd.grad(probs_loss.sum(), zp)
    return (sigma.detach(), logits_loss.detach(), grad_logits, probs_loss.detach(),
            grad_probs)


def sweep_half_width(z: float) -> float:
    """±45, or wider so that the state's z is inside with a tenth to spare."""
    return max(SWEEP_HALF_WIDTH, float(math.ceil(abs(z) * 1.1)))


@lru_cache(maxsize=8)
def _sweep(y: float, half: float) -> Sweep:
    """Memoised: a drag of z within the sweep draws the same curves (it costs ~10 ms)."""
    z = torch.linspace(-half, half, SWEEP_POINTS, dtype=DTYPE)
    parts: dict[str, dict[str, np.ndarray]] = {k: {} for k in ("wl", "op", "gwl", "gop")}
    for dtype in PRECISIONS:
        _, wl, gwl, op, gop = _both_forms(z, y, dtype)
        name = dtype_name(dtype)
        parts["wl"][name], parts["op"][name] = frozen(wl), frozen(op)
        parts["gwl"][name], parts["gop"][name] = frozen(gwl.abs()), frozen(gop.abs())
    return Sweep(z=frozen(z), with_logits=parts["wl"], on_probs=parts["op"],
                 grad_with_logits_abs=parts["gwl"], grad_on_probs_abs=parts["gop"])


@lru_cache(maxsize=4)
def rounds_to_one_from(dtype: torch.dtype) -> float:
    """The smallest z (to 10⁻⁹) whose σ(z), computed by torch in `dtype`, is exactly 1:
    from there on, with label 0, log(1 − σ(z)) is −inf. Found by bisection on [0, 100]."""
    def is_one(z: float) -> bool:
        return torch.sigmoid(torch.tensor(z, dtype=dtype)).item() == 1.0

    low, high = 0.0, 100.0
    while high - low > 1e-9:
        middle = (low + high) / 2
        low, high = (low, middle) if is_one(middle) else (middle, high)
    return high


def _at_precision(b: Binary, dtype: torch.dtype) -> AtPrecision:
    sigma, wl, gwl, op, gop = _both_forms(torch.tensor([b.z], dtype=DTYPE), b.y, dtype)
    return AtPrecision(dtype=dtype_name(dtype), sigmoid=sigma.item(), with_logits=wl.item(),
                       grad_with_logits=gwl.item(), on_probs=op.item(),
                       grad_on_probs=gop.item(), label=b.y)


def _two_class(a0: float, a1: float, y: float) -> TwoClass:
    a = torch.tensor([a0, a1], dtype=DTYPE, requires_grad=True)
    # an index target where the label is one (CE(a, class 1)), else the distribution
    target = (torch.tensor([int(y)]) if y in (0.0, 1.0)
              else torch.tensor([[1.0 - y, y]], dtype=DTYPE))
    ce = F.cross_entropy(a[None, :], target)
    (grad_a,) = torch.autograd.grad(ce, a)
    d = (a[1] - a[0]).detach().requires_grad_(True)
    bce = F.binary_cross_entropy_with_logits(d, torch.tensor(y, dtype=DTYPE))
    (grad_d,) = torch.autograd.grad(bce, d)
    return TwoClass(a0=a0, a1=a1, y=y,
                    softmax_p1=torch.softmax(a.detach(), dim=0)[1].item(),
                    sigmoid_d=torch.sigmoid(d.detach()).item(),
                    cross_entropy=ce.item(), with_logits=bce.item(),
                    grad_a1=grad_a[1].item(), grad_d=grad_d.item())


def compute_binary(state: State) -> BinaryResult:
    """Every number the Binary tab shows, from the state's binary section (and, for the
    two-class comparison, the classifier's first two logits)."""
    b = state.binary
    with_logits, ways = _grad_ways(b)
    at = tuple(_at_precision(b, dtype) for dtype in PRECISIONS)
    return BinaryResult(
        z=b.z, y=b.y, pos_weight=b.pos_weight,
        sigmoid=at[0].sigmoid, with_logits=with_logits, grad=ways,
        on_probs=at[0].on_probs, grad_on_probs=at[0].grad_on_probs,
        precisions=at,
        two_class=_two_class(state.logits[0], state.logits[1], b.y),
        sweep=_sweep(b.y, sweep_half_width(b.z)),
        rounds_to_one={dtype_name(d): rounds_to_one_from(d) for d in PRECISIONS},
    )
