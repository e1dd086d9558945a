"""The regression's reduction is its own: choosing "sum" for the regression leaves the
classifier's MSE alone and the other way round; old state files (no regression.reduction)
keep their old meaning; the CLI has a flag for each."""

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
import torch
import torch.nn.functional as F
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from core import Regression, State, Surface, compute
from core.code_generator import generate_script
from core.flags import apply_flags
from core.regression_edits import set_reduction
from core.resources import presets
from core.state_file import read_state
from core.text_report import format_result

ROOT = Path(__file__).resolve().parents[1]
REG = Regression(x=(0.0, 1.0, 2.5), y=(1.0, -1.0, 3.0), w=0.5, b=0.25)
BASE = State(surface=Surface(grid=10), regression=REG)


def torch_mse(reg: Regression, reduction: str) -> float:
    x = torch.tensor(reg.x, dtype=torch.float64)
    return float(F.mse_loss(reg.w * x + reg.b, torch.tensor(reg.y, dtype=torch.float64),
                            reduction=reduction))


def classifier_mse(state: State) -> float:
    p = torch.softmax(torch.tensor(state.logits, dtype=torch.float64) / state.temperature, 0)
    y = F.one_hot(torch.tensor(state.target), state.n_classes).to(torch.float64)
    return float(F.mse_loss(p, y, reduction=state.reduction))


@pytest.mark.parametrize("reg_reduction", ["mean", "sum"])
@pytest.mark.parametrize("cls_reduction", ["mean", "sum"])
def test_each_reduction_drives_only_its_own_numbers(reg_reduction, cls_reduction):
    state = set_reduction(BASE, reg_reduction).replace(reduction=cls_reduction)
    result = compute(state)
    assert result.regression.loss == pytest.approx(torch_mse(REG, reg_reduction), rel=1e-14)
    assert result.classifier.mse == pytest.approx(classifier_mse(state), rel=1e-14)
    assert result.two_ways.reduction == reg_reduction
    assert result.two_ways.loss == result.regression.loss
    assert result.to_dict()["regression"]["reduction"] == reg_reduction
    assert result.to_dict()["settings"]["reduction"] == cls_reduction
    assert f"reduction = {reg_reduction}" in format_result(result).splitlines()[-2]


def test_the_issues_numbers_classifier_mse_stays_when_the_regression_sums():
    before = compute(BASE)
    after = compute(set_reduction(BASE, "sum"))
    assert after.classifier.mse == before.classifier.mse  # was 0.2816 -> 0.8449
    assert after.regression.loss == pytest.approx(3 * before.regression.loss, rel=1e-14)
    classifier_sum = compute(BASE.replace(reduction="sum"))
    assert classifier_sum.regression.loss == before.regression.loss
    assert classifier_sum.two_ways.loss == before.two_ways.loss


def test_old_files_keep_their_meaning_and_new_files_write_it():
    old = BASE.to_dict()
    del old["regression"]["reduction"]
    old["reduction"] = "sum"
    loaded = State.from_dict(old)
    assert (loaded.reduction, loaded.regression.reduction) == ("sum", "sum")
    no_regression = {"reduction": "sum"}
    assert State.from_dict(no_regression).regression.reduction == "sum"
    assert State.from_dict({}).regression.reduction == "mean"
    split = set_reduction(BASE, "sum")
    text = split.to_json()
    assert json.loads(text)["regression"]["reduction"] == "sum"
    assert json.loads(text)["reduction"] == "mean"
    assert State.from_json(text) == split
    with pytest.raises(ValueError, match=r"regression\.reduction: expected 'mean' or 'sum'"):
        State.from_dict({"regression": {"reduction": "max"}})
    with pytest.raises(ValueError, match=r"^reduction: expected"):
        State.from_dict({"reduction": "max", "regression": {}})


def test_every_preset_loads_with_the_regression_reduction_of_its_file():
    for preset in presets():
        data = json.loads(preset.path.read_text(encoding="utf-8"))
        assert "reduction" not in data.get("regression", {})
        state = read_state(preset.path)
        assert state.regression.reduction == data.get("reduction", "mean")


def test_flags_set_each_reduction_alone():
    state = apply_flags(BASE, regression_reduction="sum")
    assert (state.reduction, state.regression.reduction) == ("mean", "sum")
    state = apply_flags(BASE, reduction="sum")
    assert (state.reduction, state.regression.reduction) == ("sum", "mean")
    out = subprocess.run([sys.executable, "main.py", "compute", "--regression-reduction",
                          "sum", "--format", "json"], capture_output=True, text=True,
                         cwd=ROOT, timeout=60)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["settings"]["reduction"] == "mean"
    assert data["regression"]["reduction"] == "sum"
    assert data["regression"]["loss"] == torch_mse(State().regression, "sum")


def test_generated_script_uses_the_regressions_own_reduction():
    script = generate_script(set_reduction(BASE, "sum"))
    assert "reg_reduction = 'sum'" in script and "reduction = 'mean'" in script
    assert "F.mse_loss(y_hat, y_data, reduction=reg_reduction)" in script


def test_the_tab_selector_leaves_the_classifier_reduction(qtbot):
    from gui.controls.state_store import StateStore
    from gui.panels.regression import RegressionTab

    store = StateStore(BASE)
    tab = RegressionTab(store)
    qtbot.addWidget(tab)
    store.changed.connect(lambda s: (tab.set_state(s), tab.set_result(compute(s))))
    store.refresh()
    QApplication.processEvents()
    tab.reduction.setFocus()
    qtbot.keyClick(tab.reduction, Qt.Key.Key_Down)
    QApplication.processEvents()
    state = store.state()
    assert (state.reduction, state.regression.reduction) == ("mean", "sum")
    assert "(sum)" in tab.formula.text()
    store.request(state.replace(reduction="sum"), "", "classifier")
    QApplication.processEvents()
    assert tab.reduction.currentData() == "sum" and store.state().regression.reduction == "sum"
    store.request(replace(store.state(), regression=replace(state.regression,
                                                              reduction="mean")), "", "r")
    QApplication.processEvents()
    assert tab.reduction.currentData() == "mean" and store.state().reduction == "sum"
