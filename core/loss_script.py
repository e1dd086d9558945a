"""The generated script's section for the chosen classifier loss (State.loss).

It writes the loss with its options as torch computes it (the spec's torch_call: torch's own
function on z = a/T), its gradient by autograd, and the closed form written out in torch,
line for line as core/losses/<name>.py computes it: so the script prints the numbers
core.losses.family.classifier_loss gives, to the last digit or so. The variables it uses
(a, z, T, eps, N, target, ce_target, y_eff, reduction) are the script's own, defined above.

Comments are marked in the script's context (core.code_generator.CONTEXT); the loss's title
and its options' meanings are the catalog's, in the "Losses" context.
"""

from __future__ import annotations

from collections.abc import Callable

from core.i18n import QT_TRANSLATE_NOOP
from core.losses.catalog import CLASSIFIER, OPTIONS
from core.state import State

CONTEXT = "CodeScript"  # core.code_generator's (not imported: it imports this module)
LOSSES_CONTEXT = "Losses"
Translate = Callable[[str, str], str]

HEADING = QT_TRANSLATE_NOOP("CodeScript", "7. the loss you chose")

COMMENTS = {
    "name": QT_TRANSLATE_NOOP("CodeScript", "the classifier loss chosen in the app"),
    "class_weights": QT_TRANSLATE_NOOP(
        "CodeScript", "one weight per class (None: every class weighs 1)"),
    "autograd": QT_TRANSLATE_NOOP("CodeScript", "its gradient by autograd"),
    # what torch's call computes, one per loss
    "call_cross_entropy": QT_TRANSLATE_NOOP(
        "CodeScript", "torch's own cross-entropy on the same z = a / T. With class weights "
        "and a class index\nthe mean over a batch of one divides by the target class's "
        "weight."),
    "call_mse": QT_TRANSLATE_NOOP(
        "CodeScript", "MSE between softmax(z) and y_eff, as in section 3"),
    "call_nll": QT_TRANSLATE_NOOP(
        "CodeScript", "CE = NLL ∘ log_softmax: F.nll_loss takes log-probabilities and a class "
        "index\n(no label smoothing, no probabilities)"),
    "call_kl_div": QT_TRANSLATE_NOOP(
        "CodeScript", "KL(y_eff ‖ p) = CE - H(y_eff). F.kl_div takes log-probabilities and the "
        "target's\nprobabilities; 'batchmean' of one row is the sum over the classes."),
    "call_binary_cross_entropy_with_logits": QT_TRANSLATE_NOOP(
        "CodeScript", "each class an independent yes/no against y_eff_i, computed from "
        "log σ(z) directly,\nso it stays exact where σ(z) rounds to 0 or 1"),
    "call_binary_cross_entropy": QT_TRANSLATE_NOOP(
        "CodeScript", "the same on the probabilities σ(z): torch clamps each log at -100, so "
        "it saturates"),
    "call_sigmoid_focal": QT_TRANSLATE_NOOP(
        "CodeScript", "torchvision.ops.sigmoid_focal_loss (reduction 'mean'), written out line "
        "for line.\ngamma = 0 with alpha < 0 is BCE with logits."),
    "call_multi_margin": QT_TRANSLATE_NOOP(
        "CodeScript", "the multi-class hinge: zero, with zero gradient, once z[target] beats "
        "every other z_i\nby the margin"),
    # the closed form, one per loss
    "closed_cross_entropy": QT_TRANSLATE_NOOP(
        "CodeScript", "Closed form: ((Σ v)·softmax(z) - v) / T, v the weight each log p_c is "
        "taken with\n(without class weights v = y_eff, and it is (p - y_eff) / T)"),
    "closed_mse": QT_TRANSLATE_NOOP(
        "CodeScript", "Closed form through the softmax Jacobian, Jᵀg with g = ∂L/∂p, without "
        "forming J"),
    "closed_nll": QT_TRANSLATE_NOOP("CodeScript", "Closed form: (p - onehot(target)) / T"),
    "closed_kl_div": QT_TRANSLATE_NOOP(
        "CodeScript", "Closed form: cross-entropy's, since H(y_eff) does not depend on a"),
    "closed_binary_cross_entropy_with_logits": QT_TRANSLATE_NOOP(
        "CodeScript", "Closed form: ((1 - y) σ(z) - pos_weight·y·σ(-z)) / (N·T), with σ(-z) "
        "for 1 - σ(z):\nexact where σ(z) rounds to 1"),
    "closed_binary_cross_entropy": QT_TRANSLATE_NOOP(
        "CodeScript", "Closed form: (σ(z) - y_eff) / (N·T). torch's backward departs from it "
        "for |z| ≳ 27.6."),
    "closed_sigmoid_focal": QT_TRANSLATE_NOOP(
        "CodeScript", "Closed form: α_t [(p - y) q^γ - γ·BCE·q^(γ-1)·p(1 - p)(2y - 1)] / (N·T) "
        "with q = 1 - p_t,\nin logs so it stays finite where p rounds to 0 or 1"),
    "closed_multi_margin": QT_TRANSLATE_NOOP(
        "CodeScript", "Closed form: hinge_p·h^(hinge_p-1) / N for each i ≠ target with h = "
        "margin - z[target] + z_i\n> 0 (torch takes 0 at h = 0), minus their sum at the "
        "target; then ÷ T"),
}


def _comment(text: str, translate: Translate, context: str = CONTEXT) -> str:
    return "\n".join(f"# {line}".rstrip() for line in translate(context, text).split("\n"))


def _meaning(option: str, translate: Translate) -> str:
    """The option's meaning from the catalog, as a trailing comment (one line)."""
    return "# " + " ".join(translate(LOSSES_CONTEXT, OPTIONS[option].meaning).split("\n"))


def _options(state: State, translate: Translate) -> list[str]:
    """The loss's options as assignments, each with its meaning."""
    lines = []
    if state.loss == "cross_entropy":
        if state.class_weights is None:
            value = "None"
        else:
            from core.code_generator import python_floats

            prefix = "class_weights = torch.tensor("
            value = ("torch.tensor(" + python_floats(state.class_weights, indent=len(prefix))
                     + ", dtype=torch.float64)")
        lines.append(_comment(COMMENTS["class_weights"], translate))
        lines.append(f"class_weights = {value}")
    named = {"pos_weight": "pos_weight", "gamma": "gamma", "alpha": "alpha",
             "margin": "margin", "p": "hinge_p"}  # p: the script's p is the softmax
    info = next(i for i in CLASSIFIER if i.name == state.loss)
    for option in info.options:
        if option in named:
            lines.append(f"{named[option]} = {getattr(state, option)!r}  "
                         f"{_meaning(option, translate)}")
    return lines


def _call(state: State) -> list[str]:
    """chosen_loss = torch's own call."""
    name = state.loss
    if name == "cross_entropy":
        return ["chosen_loss = F.cross_entropy(z[None], ce_target, weight=class_weights,",
                "                              label_smoothing=eps)"]
    if name == "mse":
        return ["chosen_loss = F.mse_loss(torch.softmax(z, dim=0), y_eff, reduction=reduction)"]
    if name == "nll":
        return ["chosen_loss = F.nll_loss(F.log_softmax(z, dim=0)[None], ce_target)"]
    if name == "kl_div":
        return ["chosen_loss = F.kl_div(F.log_softmax(z, dim=0)[None], y_eff[None], "
                "reduction=\"batchmean\")"]
    if name == "binary_cross_entropy_with_logits":
        return ["chosen_loss = F.binary_cross_entropy_with_logits(",
                "    z, y_eff, pos_weight=torch.tensor(pos_weight, dtype=torch.float64))"]
    if name == "binary_cross_entropy":
        return ["chosen_loss = F.binary_cross_entropy(torch.sigmoid(z), y_eff)"]
    if name == "sigmoid_focal":
        return ["def sigmoid_focal_loss(inputs, targets, alpha=0.25, gamma=2.0):",
                "    p = torch.sigmoid(inputs)",
                "    ce_loss = F.binary_cross_entropy_with_logits(inputs, targets, "
                "reduction=\"none\")",
                "    p_t = p * targets + (1 - p) * (1 - targets)",
                "    loss = ce_loss * ((1 - p_t) ** gamma)",
                "    if alpha >= 0:",
                "        alpha_t = alpha * targets + (1 - alpha) * (1 - targets)",
                "        loss = alpha_t * loss",
                "    return loss.mean()",
                "",
                "",
                "chosen_loss = sigmoid_focal_loss(z, y_eff, alpha=alpha, gamma=gamma)"]
    if name == "multi_margin":
        return ["chosen_loss = F.multi_margin_loss(z[None], ce_target, p=hinge_p, "
                "margin=margin)"]
    raise ValueError(f"loss: no script for {name!r}")


def _closed_form(state: State) -> list[str]:
    """chosen_closed_form = ∂L/∂a written out, from zd = z.detach(), as core computes it."""
    name = state.loss
    if name == "cross_entropy":
        weighted = ("class_weights * y_eff / class_weights[target]" if state.target_is_index
                    else "class_weights * y_eff")
        return [f"v = y_eff if class_weights is None else {weighted}",
                "chosen_closed_form = (v.sum() * torch.softmax(zd, dim=0) - v) / T"]
    if name == "mse":
        return ["pz = torch.softmax(zd, dim=0)",
                "g = 2.0 * (pz - y_eff)",
                "if reduction == \"mean\":",
                "    g = g / N",
                "chosen_closed_form = pz * (g - torch.dot(pz, g)) / T"]
    if name == "nll":
        return ["g = torch.softmax(zd, dim=0)",
                "g[target] -= 1.0",
                "chosen_closed_form = g / T"]
    if name == "kl_div":
        return ["chosen_closed_form = (y_eff.sum() * torch.softmax(zd, dim=0) - y_eff) / T"]
    if name == "binary_cross_entropy_with_logits":
        return ["chosen_closed_form = ((1.0 - y_eff) * torch.sigmoid(zd)",
                "                      - pos_weight * y_eff * torch.sigmoid(-zd)) / N / T"]
    if name == "binary_cross_entropy":
        return ["chosen_closed_form = (torch.sigmoid(zd) - y_eff) / N / T"]
    if name == "sigmoid_focal":
        return ["log_p, log_1mp = F.logsigmoid(zd), F.logsigmoid(-zd)",
                "log_q = torch.logaddexp(log_p + torch.log1p(-y_eff), "
                "log_1mp + torch.log(y_eff))",
                "bce = -(y_eff * log_p + (1 - y_eff) * log_1mp)",
                "if gamma == 0:",
                "    modulation, d_modulation = torch.ones_like(zd), torch.zeros_like(zd)",
                "else:",
                "    modulation = torch.exp(gamma * log_q)",
                "    d_modulation = -gamma * (2 * y_eff - 1) * torch.exp((gamma - 1) * log_q "
                "+ log_p + log_1mp)",
                "alpha_t = ((alpha * y_eff + (1 - alpha) * (1 - y_eff)) if alpha >= 0",
                "           else torch.ones_like(zd))",
                "chosen_closed_form = (alpha_t * ((torch.sigmoid(zd) - y_eff) * modulation",
                "                                 + bce * d_modulation) / N / T)"]
    if name == "multi_margin":
        return ["h = margin - zd[target] + zd",
                "active = (h > 0).to(torch.float64)",
                "active[target] = 0.0",
                "g = active * (hinge_p * h ** (hinge_p - 1)) / N",
                "g[target] = -g.sum()",
                "chosen_closed_form = g / T"]
    raise ValueError(f"loss: no closed form for {name!r}")


def loss_section(state: State, translate: Translate, rule: str) -> str:
    """The section, its heading line starting with `rule` (the script's '# ----…')."""
    info = next(i for i in CLASSIFIER if i.name == state.loss)
    gap = ["", ""] if state.loss == "sigmoid_focal" else []  # a function definition follows
    lines = [f"{rule} {translate(CONTEXT, HEADING)}",
             _comment(info.title, translate, LOSSES_CONTEXT),
             f"loss_name = {state.loss!r}  {_comment(COMMENTS['name'], translate)}",
             *_options(state, translate),
             *gap,
             _comment(COMMENTS[f"call_{state.loss}"], translate),
             *_call(state),
             _comment(COMMENTS["autograd"], translate),
             "(grad_chosen,) = torch.autograd.grad(chosen_loss, [a])",
             _comment(COMMENTS[f"closed_{state.loss}"], translate),
             "zd = z.detach()",
             *_closed_form(state)]
    return "\n".join(lines)
