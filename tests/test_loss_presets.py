"""Each loss's preset shows what its description says, computed here from torch."""

from __future__ import annotations

import json

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from core.binary import compute_binary
from core.losses.family import classifier_loss
from core.resources import RESOURCES, presets
from core.state import State


def preset(key: str) -> State:
    return State.from_json((RESOURCES / "presets" / f"{key}.json").read_text())


def test_every_loss_of_the_family_beyond_ce_and_mse_has_a_preset():
    losses = {preset(p.key).loss for p in presets()}
    assert {"sigmoid_focal", "multi_margin", "kl_div", "binary_cross_entropy"} <= losses


def test_focal_preset_down_weights_its_easy_example_135_times():
    s = preset("focal_easy_examples")
    focal = classifier_loss(s, "sigmoid_focal").value
    bce = classifier_loss(s, "binary_cross_entropy_with_logits").value
    assert round(bce / focal) == 135
    wrong = s.replace(logits=(-1.0, 1.0, 0.5))   # the target now the lowest: hard
    ratio = (classifier_loss(wrong, "binary_cross_entropy_with_logits").value
             / classifier_loss(wrong, "sigmoid_focal").value)
    assert 3.5 < ratio < 4.5                     # "only about 4×"
    assert s.saturation_losses == ("sigmoid_focal", "binary_cross_entropy_with_logits")


def test_hinge_preset_is_flat_beyond_the_margin_while_ce_pushes():
    s = preset("hinge_margin")
    a = torch.tensor(s.logits, dtype=torch.float64, requires_grad=True)
    hinge = F.multi_margin_loss(a.unsqueeze(0), torch.tensor([s.target]), margin=s.margin)
    (g,) = torch.autograd.grad(hinge, a)
    assert hinge.item() == 0.0 and not g.any()
    assert classifier_loss(s, "multi_margin").value == 0.0
    assert classifier_loss(s, "cross_entropy").grad.formula[s.target] < -0.2


def test_kl_preset_is_distillation_at_t4_with_ce_gradient():
    s = preset("kl_distillation")
    teacher = torch.softmax(torch.tensor([5.0, 2.0, -1.0], dtype=torch.float64) / 4, dim=0)
    np.testing.assert_allclose(s.target, teacher.numpy(), rtol=0, atol=1e-15)
    assert s.temperature == 4.0
    kl, ce = classifier_loss(s, "kl_div"), classifier_loss(s, "cross_entropy")
    entropy = -float(torch.special.xlogy(teacher, teacher).sum())
    assert kl.value == pytest.approx(ce.value - entropy, abs=1e-15)
    np.testing.assert_allclose(kl.grad.autograd, ce.grad.autograd, rtol=0, atol=1e-16)


def test_bce_preset_sticks_at_100_with_gradient_0():
    s = preset("bce_saturation")
    z = torch.tensor(s.binary.z, dtype=torch.float64, requires_grad=True)
    stuck = F.binary_cross_entropy(torch.sigmoid(z), torch.tensor(s.binary.y, dtype=torch.float64))
    (g,) = torch.autograd.grad(stuck, z)
    assert (stuck.item(), g.item()) == (100.0, 0.0)
    binary = compute_binary(s)
    assert binary is not None
    index = json.loads((RESOURCES / "presets" / "index.json").read_text())
    assert {e["file"]: e.get("view") for e in index}["bce_saturation.json"] == "binary"
