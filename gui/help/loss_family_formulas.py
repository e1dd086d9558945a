"""Help ▸ Formulas for the loss family: one section per loss of core/losses, in the catalog's
order, each with its formula, its closed-form gradient, its torch call, its options and its
kinks, read from the loss's spec (so a loss added to the registry gets its section); and the
identities that tie the family together, derived.

The specs' texts are marked in the "Losses" context (core.losses.*) and shown translated;
the prose here is the Formulas window's (context "FormulasWindow", as its self.tr()).
Numbers quoted in the prose are tested against torch (tests/test_help_loss_family.py).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from core.losses.catalog import OPTIONS
from core.losses.registry import CLASSIFIER_LOSSES, REGRESSION_LOSSES
from core.losses.spec import ClassifierLoss, RegressionLoss
from gui.help.formula_html import Section, code, formula, prose, rich

translate = QCoreApplication.translate  # lupdate reads translate("FormulasWindow", "…")
CONTEXT = "FormulasWindow"
LOSSES = "Losses"

CLASSIFIER_VIEW = "surface"  # draws the chosen classifier loss over two logits
IDENTITIES_VIEW = "gradients"  # the chosen loss's value and gradient, to compare
REGRESSION_VIEW = "regression"


def losses_text(text: str) -> str:
    """A spec's or the catalog's text in the window's language, as rich text."""
    return rich(translate(LOSSES, text))


def loss_family_sections() -> list[Section]:
    """The family's sections in reading order: classifier losses, their identities,
    regression losses."""
    return [
        _classifier_intro(),
        *(_classifier_section(spec) for spec in CLASSIFIER_LOSSES.values()),
        _identities(),
        _regression_intro(),
        *(_regression_section(spec) for spec in REGRESSION_LOSSES.values()),
    ]


# ---------------------------------------------------------------------- classifier losses
def _classifier_intro() -> Section:
    return Section(
        translate("FormulasWindow", "The loss family"),
        CLASSIFIER_VIEW,
        (
            prose(
                translate(
                    "FormulasWindow",
                    "Besides cross-entropy and MSE, the app computes a family of classifier "
                    "losses, and the views follow the one chosen. Each is computed by torch's "
                    "own function, and its gradient four ways: autograd, backward(), the closed "
                    "form given below, and finite differences.",
                )
            ),
            prose(
                translate(
                    "FormulasWindow",
                    "Every classifier loss acts on the scaled logits z = a/T, so the chain rule "
                    "divides its gradient by T:",
                )
            ),
            formula("∂L/∂a<sub>i</sub> = (∂L/∂z<sub>i</sub>) / T"),
            prose(
                translate(
                    "FormulasWindow",
                    "y<sub>eff</sub> is the smoothed target, one-hot for a class index when "
                    "ε = 0, and N the number of classes. Where a loss has a kink (a corner, or "
                    "a jump in its curvature) the derivative there is one-sided: torch takes "
                    "one value, while finite differences average the two sides.",
                )
            ),
        ),
    )


def _options(spec: ClassifierLoss | RegressionLoss) -> list[str]:
    """One paragraph naming the loss's options and what each does, if it has any."""
    items = []
    for name in spec.info.options:
        if name == "class_weights":
            meaning = translate(
                "FormulasWindow", "one weight per class (none: every class weighs 1)"
            )
        else:
            meaning = translate(LOSSES, OPTIONS[name].meaning)
        items.append(f"<code>{name}</code>: {rich(meaning)}")
    if not items:
        return []
    return [prose(translate("FormulasWindow", "Options: %1").replace("%1", "; ".join(items)))]


def _kinks(spec: ClassifierLoss | RegressionLoss) -> str:
    if spec.kinks:
        return prose(
            translate("FormulasWindow", "Kinks: %1").replace("%1", losses_text(spec.kinks))
        )
    return prose(translate("FormulasWindow", "Kinks: none, it is smooth everywhere."))


def _classifier_section(spec: ClassifierLoss) -> Section:
    title = translate("FormulasWindow", "Classifier loss: %1").replace(
        "%1", translate(LOSSES, spec.info.title)
    )
    index_only = (
        [prose(translate("FormulasWindow", "It takes a class index y, not probabilities."))]
        if spec.info.index_only
        else []
    )
    return Section(
        title,
        CLASSIFIER_VIEW,
        (
            formula(losses_text(spec.formula)),
            *index_only,
            prose(
                translate(
                    "FormulasWindow", "Its gradient with respect to the logits, in closed form:"
                )
            ),
            formula(losses_text(spec.gradient)),
            prose(translate("FormulasWindow", "In PyTorch, with z = a/T:")),
            code(spec.torch_call),
            *_options(spec),
            _kinks(spec),
        ),
        loss=f"classifier:{spec.name}",
    )


def _identities() -> Section:
    return Section(
        translate("FormulasWindow", "Identities in the loss family"),
        IDENTITIES_VIEW,
        (
            prose(
                translate(
                    "FormulasWindow",
                    "<b>Cross-entropy is NLL after log_softmax.</b> log_softmax gives the "
                    "log-probabilities, and NLL with a class index c picks the c-th and "
                    "negates it:",
                )
            ),
            formula(
                "log_softmax(z)<sub>k</sub> = z<sub>k</sub> − log Σ<sub>j</sub> "
                "e<sup>z<sub>j</sub></sup> = log p<sub>k</sub>"
            ),
            formula(
                "NLL(ℓ, c) = −ℓ<sub>c</sub> &emsp;⇒&emsp; NLL(log_softmax(z), c) = "
                "−log p<sub>c</sub> = CE(z, c)"
            ),
            prose(
                translate(
                    "FormulasWindow",
                    "So with a class index, ε = 0 and no class weights the two have the same "
                    "value and the same gradient, (p − onehot(c))/T; F.cross_entropy does both "
                    "steps in one call. For a = [2, 1, 0.1], T = 1 and class 0 both are "
                    "0.417030.",
                )
            ),
            prose(
                translate(
                    "FormulasWindow",
                    "<b>KL divergence is cross-entropy minus the target's entropy.</b> Split "
                    "the logarithm of the ratio:",
                )
            ),
            formula(
                "KL(y<sub>eff</sub> ‖ p) = Σ<sub>k</sub> y<sub>eff,k</sub> "
                "log(y<sub>eff,k</sub>/p<sub>k</sub>) = Σ<sub>k</sub> y<sub>eff,k</sub> "
                "log y<sub>eff,k</sub> − Σ<sub>k</sub> y<sub>eff,k</sub> log p<sub>k</sub>"
            ),
            formula(
                "KL = CE(y<sub>eff</sub>) − H(y<sub>eff</sub>), &emsp;H(y) = "
                "−Σ<sub>k</sub> y<sub>k</sub> log y<sub>k</sub>"
            ),
            prose(
                translate(
                    "FormulasWindow",
                    "H(y<sub>eff</sub>) does not depend on the logits, so KL and cross-entropy "
                    "differ by a constant and share the gradient (p − y<sub>eff</sub>)/T. KL is "
                    "0 where p = y<sub>eff</sub>; cross-entropy's lowest value there is "
                    "H(y<sub>eff</sub>), not 0. For a = [2, 1, 0.1], T = 1, class 0 and ε = "
                    "0.1: CE = 0.513697, H(y<sub>eff</sub>) = 0.291140 and KL = 0.222557.",
                )
            ),
            prose(
                translate(
                    "FormulasWindow",
                    "<b>Focal loss with γ = 0 and α &lt; 0 is BCE with logits.</b> γ = 0 "
                    "makes the modulating factor 1, and α &lt; 0 turns the α-weighting off:",
                )
            ),
            formula(
                "(1 − p<sub>t</sub>)<sup>0</sup> = 1, &emsp;α<sub>t</sub> = 1 &emsp;⇒&emsp; "
                "L = (1/N) Σ<sub>i</sub> BCE(z<sub>i</sub>, y<sub>i</sub>)"
            ),
            prose(
                translate(
                    "FormulasWindow",
                    "which is F.binary_cross_entropy_with_logits(z, y) with pos_weight 1, in "
                    "value and gradient. A γ above 0 multiplies each term by (1 − "
                    "p<sub>t</sub>)<sup>γ</sup>, small where the term is already right "
                    "(p<sub>t</sub> near 1): easy examples count less. For a = [2, 1, 0.1], "
                    "T = 1 and class 0 both are 0.728195.",
                )
            ),
        ),
    )


# ---------------------------------------------------------------------- regression losses
def _regression_intro() -> Section:
    return Section(
        translate("FormulasWindow", "The regression losses"),
        REGRESSION_VIEW,
        (
            prose(
                translate(
                    "FormulasWindow",
                    "The Regression tab fits ŷ = w·x + b to M points with one of these losses. "
                    "Each is a sum of one function ℓ of the residuals r<sub>k</sub> = "
                    "ŷ<sub>k</sub> − y<sub>k</sub>, divided by M for reduction 'mean':",
                )
            ),
            formula(
                "L = (1/M) Σ<sub>k</sub> ℓ(r<sub>k</sub>) &emsp;⇒&emsp; "
                "∂L/∂ŷ<sub>k</sub> = ℓ′(r<sub>k</sub>)/M"
            ),
            prose(
                translate(
                    "FormulasWindow",
                    "ŷ<sub>k</sub> moves by x<sub>k</sub> per unit of w and by 1 per unit of "
                    "b, so the chain rule gives:",
                )
            ),
            formula(
                "∂L/∂w = Σ<sub>k</sub> (∂L/∂ŷ<sub>k</sub>) x<sub>k</sub>, &emsp;"
                "∂L/∂b = Σ<sub>k</sub> ∂L/∂ŷ<sub>k</sub>"
            ),
            prose(
                translate(
                    "FormulasWindow",
                    "With reduction 'sum', drop the 1/M. At a kink the Regression tab shows "
                    "the slope on each side next to torch's value.",
                )
            ),
        ),
    )


def _regression_section(spec: RegressionLoss) -> Section:
    title = translate("FormulasWindow", "Regression loss: %1").replace(
        "%1", translate(LOSSES, spec.info.title)
    )
    return Section(
        title,
        REGRESSION_VIEW,
        (
            formula(losses_text(spec.formula)),
            prose(
                translate(
                    "FormulasWindow", "Its gradient, through ∂L/∂ŷ<sub>k</sub>, in closed form:"
                )
            ),
            formula(losses_text(spec.gradient)),
            prose(translate("FormulasWindow", "In PyTorch:")),
            code(spec.torch_call),
            *_options(spec),
            _kinks(spec),
        ),
        loss=f"regression:{spec.name}",
    )
