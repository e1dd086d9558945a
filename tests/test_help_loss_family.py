"""Help ▸ Formulas for the loss family: a section for every loss of the catalog with the
spec's texts (translated in the "Losses" context), linked to the view that draws it; the
identities it derives, with numbers checked against torch."""

from __future__ import annotations

import html
import re

import pytest
import torch
import torch.nn.functional as F
from PySide6.QtWidgets import QApplication

from core.losses.catalog import CLASSIFIER_NAMES, REGRESSION_NAMES
from core.losses.registry import CLASSIFIER_LOSSES, REGRESSION_LOSSES
from gui.help import loss_family_formulas
from gui.help.formula_html import code, formula, rich
from gui.help.formulas_window import FormulasWindow

SPECS = {**{f"classifier:{n}": s for n, s in CLASSIFIER_LOSSES.items()},
         **{f"regression:{n}": s for n, s in REGRESSION_LOSSES.items()}}


def plain(rich_text: str) -> str:
    """Rich text as QTextBrowser.toPlainText() gives it: no tags, one space per gap."""
    return squeeze(html.unescape(re.sub(r"<[^>]+>", "", rich_text)))


def squeeze(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.fixture
def formulas(qtbot):
    dialog = FormulasWindow(lambda view: None)
    qtbot.addWidget(dialog)
    return dialog


def by_loss(window: FormulasWindow) -> dict:
    return {s.loss: s for s in window.sections if s.loss}


def test_every_loss_of_the_catalog_has_a_section(formulas):
    """Built from the registry, checked against the catalog: a loss added to either without
    its spec's texts fails here."""
    expected = ({f"classifier:{n}" for n in CLASSIFIER_NAMES}
                | {f"regression:{n}" for n in REGRESSION_NAMES})
    sections = by_loss(formulas)
    assert set(sections) == expected
    order = [s.loss for s in formulas.sections if s.loss]
    assert order == [f"classifier:{n}" for n in CLASSIFIER_NAMES] + [
        f"regression:{n}" for n in REGRESSION_NAMES]  # the catalog's order
    text = squeeze(formulas.browser.toPlainText())
    for key, section in sections.items():
        assert section.title in text
        assert section.title.endswith(SPECS[key].info.title)


def test_each_section_shows_its_specs_formula_gradient_call_and_kinks(formulas):
    text = squeeze(formulas.browser.toPlainText())
    for key, section in by_loss(formulas).items():
        spec = SPECS[key]
        assert formula(rich(spec.gradient)) in section.blocks, key
        assert formula(rich(spec.formula)) in section.blocks, key
        assert code(spec.torch_call) in section.blocks, key
        for shown in (spec.formula, spec.gradient):
            assert plain(rich(shown)) in text, shown
        assert squeeze(spec.torch_call) in text
        if spec.kinks:
            assert "Kinks: " + plain(rich(spec.kinks)) in text
    for name, spec in CLASSIFIER_LOSSES.items():  # where the rendering reads the spec's texts
        assert "∂L/∂a" in spec.gradient, name


def test_spec_texts_are_shown_in_the_losses_context(qtbot, monkeypatch):
    """The specs' texts go through translate("Losses", …), as lupdate marked them."""
    real = loss_family_formulas.translate

    def marked(context, text):
        return f"«{text}»" if context == "Losses" else real(context, text)

    monkeypatch.setattr(loss_family_formulas, "translate", marked)
    dialog = FormulasWindow(lambda view: None)
    qtbot.addWidget(dialog)
    sections = by_loss(dialog)
    for key, spec in SPECS.items():
        assert formula(rich(f"«{spec.gradient}»")) in sections[key].blocks
        assert sections[key].title.endswith(f"«{spec.info.title}»")


def test_sections_link_to_the_view_that_draws_the_loss(formulas):
    for key, section in by_loss(formulas).items():
        assert section.view == ("surface" if key.startswith("classifier:") else "regression")
    titles = {s.title: s.view for s in formulas.sections}
    assert titles["Identities in the loss family"] == "gradients"
    assert formulas.links == [s.view for s in formulas.sections]


def test_rich_sets_sub_and_superscripts_and_leaves_names_alone():
    assert rich("y_eff,i·log p_c") == "y<sub>eff,i</sub>·log p<sub>c</sub>"
    assert rich("−log_softmax(a/T)_y") == "−log_softmax(a/T)<sub>y</sub>"
    assert rich("Σ_{i≠y} h_i^(p−1)") == "Σ<sub>i≠y</sub> h<sub>i</sub><sup>p−1</sup>"
    assert rich("α_t·(1 − p_t)^γ") == "α<sub>t</sub>·(1 − p<sub>t</sub>)<sup>γ</sup>"
    assert rich("h > 0,  r < β") == "h &gt; 0, &emsp;r &lt; β"


# ---------------------------------------------------------------------- the identities
def identities_text(window: FormulasWindow) -> str:
    section = next(s for s in window.sections if s.title == "Identities in the loss family")
    return plain(" ".join(section.blocks))


def test_identities_are_derived(formulas):
    text = identities_text(formulas)
    for shown in ("NLL(log_softmax(z), c) = −log pc = CE(z, c)",
                  "KL = CE(yeff) − H(yeff)",
                  "(1 − pt)0 = 1, αt = 1 ⇒ L = (1/N) Σi BCE(zi, yi)"):
        assert shown in text, shown


def test_identities_numbers_are_torchs(formulas):
    """a = [2, 1, 0.1], T = 1, class 0: each number quoted, computed here by torch."""
    text = identities_text(formulas)
    z = torch.tensor([[2.0, 1.0, 0.1]], dtype=torch.float64)
    c = torch.tensor([0])
    ce = F.cross_entropy(z, c)
    nll = F.nll_loss(F.log_softmax(z, dim=1), c)
    assert torch.equal(ce, nll)
    assert f"both are {ce.item():.6f}" in text

    eps = 0.1
    y_eff = (1 - eps) * F.one_hot(c, 3).double() + eps / 3
    ce_smoothed = F.cross_entropy(z, c, label_smoothing=eps)
    entropy = -torch.special.xlogy(y_eff, y_eff).sum()
    kl = F.kl_div(F.log_softmax(z, dim=1), y_eff, reduction="batchmean")
    assert kl.item() == pytest.approx((ce_smoothed - entropy).item(), abs=1e-15)
    for quoted in (f"CE = {ce_smoothed.item():.6f}", f"H(yeff) = {entropy.item():.6f}",
                   f"KL = {kl.item():.6f}"):
        assert quoted in text, quoted

    # torchvision's sigmoid_focal_loss with gamma = 0, alpha < 0 (core/losses/sigmoid_focal)
    y = F.one_hot(c, 3).double()
    p = torch.sigmoid(z)
    p_t = p * y + (1 - p) * (1 - y)
    focal = (F.binary_cross_entropy_with_logits(z, y, reduction="none")
             * (1 - p_t) ** 0.0).mean()
    bce = F.binary_cross_entropy_with_logits(z, y)
    assert focal.item() == pytest.approx(bce.item(), abs=1e-15)
    assert f"both are {bce.item():.6f}" in text


def test_identities_hold_in_core_for_value_and_gradient():
    """What the prose claims, at another point and with T ≠ 1: core's family agrees."""
    import numpy as np

    from core import State
    from core.losses.family import classifier_loss
    from core.losses.kl_div import target_entropy
    from core.losses.spec import ClassifierInputs

    base = State(logits=(0.3, -1.2, 2.0, 0.7), target=2, temperature=1.6)
    ce, nll = classifier_loss(base, "cross_entropy"), classifier_loss(base, "nll")
    assert ce.value == pytest.approx(nll.value, abs=1e-15)
    np.testing.assert_allclose(ce.grad.autograd, nll.grad.autograd, atol=1e-15)

    smoothed = base.replace(label_smoothing=0.2)
    ce, kl = classifier_loss(smoothed, "cross_entropy"), classifier_loss(smoothed, "kl_div")
    assert kl.value == pytest.approx(ce.value - target_entropy(ClassifierInputs.of(smoothed)),
                                     abs=1e-14)
    np.testing.assert_allclose(kl.grad.autograd, ce.grad.autograd, atol=1e-14)

    plain_focal = smoothed.replace(gamma=0.0, alpha=-1.0)
    focal = classifier_loss(plain_focal, "sigmoid_focal")
    bce = classifier_loss(plain_focal, "binary_cross_entropy_with_logits")
    assert focal.value == pytest.approx(bce.value, abs=1e-15)
    np.testing.assert_allclose(focal.grad.autograd, bce.grad.autograd, atol=1e-15)


# ---------------------------------------------------------------------- the real menu
def test_help_formulas_action_opens_the_loss_family(window, qtbot):
    window.formulas_action.trigger()
    dialog = window.formulas_window
    qtbot.waitUntil(dialog.isVisible)
    text = squeeze(dialog.browser.toPlainText())
    for title in ("The loss family", "Identities in the loss family",
                  "Classifier loss: sigmoid focal loss", "Regression loss: Huber"):
        assert title in text
    assert set(by_loss(dialog)) == set(SPECS)
    # the identities' link brings the gradient table forward in the real window
    other = window.tabs.count() - 1
    window.tabs.setCurrentIndex(other)
    QApplication.processEvents()
    from PySide6.QtCore import QUrl

    dialog.browser.anchorClicked.emit(QUrl("view:gradients"))
    QApplication.processEvents()
    page = window.tabs.currentWidget()
    target = window.all_views()["gradients"]
    assert page is target or page.isAncestorOf(target)
