"""The loss choice as a contract: the State's fields and version 2, old files and presets,
the CLI's flags and errors, `compute --format json`'s "losses", and the report."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from core import compute
from core.flags import apply_flags
from core.losses.catalog import CLASSIFIER_NAMES, REGRESSION_NAMES
from core.resources import RESOURCES, presets
from core.state import Regression, State
from core.text_report import format_result

ROOT = Path(__file__).resolve().parent.parent
VERSION_1 = {  # a state file as version 1 wrote it: no loss keys at all
    "logits": [2.0, 1.0, 0.1], "target": 0, "temperature": 1.0, "label_smoothing": 0.0,
    "reduction": "sum",
    "surface": {"loss": "mse", "axes": [0, 1], "range": [-10.0, 10.0], "grid": 200},
    "regression": {"x": [1.0], "y": [1.0], "w": 2.0, "b": 0.0, "learning_rate": 0.1,
                   "steps": 50, "w_range": [-1.0, 3.0], "b_range": [-2.0, 2.0], "grid": 101},
    "version": 1,
}


# ------------------------------------------------------------------ the State
def test_version_1_files_load_with_default_losses_and_are_written_as_version_2():
    s = State.from_dict(VERSION_1)
    # version 1's surface.loss (what the surface showed) is the loss every view now follows
    assert (s.loss, s.regression.loss, s.class_weights, s.p) == ("mse", "mse", None, 1)
    assert State.from_dict({**VERSION_1, "surface": {"axes": [0, 1]}}).loss == "cross_entropy"
    # a file with both keeps a top-level loss chosen on purpose
    assert State.from_dict({**VERSION_1, "loss": "kl_div"}).loss == "kl_div"
    # the previous release wrote both, loss nearly always the default: surface.loss says
    # what its window showed (reviewer: the MSE choice of a saved session was lost)
    written_before = {**VERSION_1, "version": 2, "loss": "cross_entropy"}
    assert State.from_dict(written_before).loss == "mse"
    assert s.regression.reduction == "sum"  # the old top-level reduction still applies
    data = json.loads(s.to_json())
    assert data["version"] == 2 and data["loss"] == "mse" and "loss" not in data["surface"]
    assert State.from_json(s.to_json()) == s


def test_every_shipped_preset_loads():
    files = sorted((RESOURCES / "presets").glob("*.json"))
    listed = {p.path.name for p in presets()}
    assert listed <= {f.name for f in files}
    for f in files:
        if f.name != "index.json":
            state = State.from_json(f.read_text(encoding="utf-8"))
            assert state.version == 2 and state.loss in CLASSIFIER_NAMES


def test_every_option_round_trips_under_its_own_name():
    s = State(logits=(1.0, 0.0, -1.0, 2.0), target=3, loss="multi_margin",
              class_weights=(1.0, 0.5, 0.0, 2.0), pos_weight=3.0, gamma=0.5, alpha=-1.0,
              margin=0.25, p=2, regression=Regression(loss="huber", delta=0.3, beta=0.0))
    data = json.loads(s.to_json())
    assert {k: data[k] for k in ("loss", "class_weights", "pos_weight", "gamma", "alpha",
                                 "margin", "p")} == {
        "loss": "multi_margin", "class_weights": [1.0, 0.5, 0.0, 2.0], "pos_weight": 3.0,
        "gamma": 0.5, "alpha": -1.0, "margin": 0.25, "p": 2}
    assert (data["regression"]["loss"], data["regression"]["delta"],
            data["regression"]["beta"]) == ("huber", 0.3, 0.0)
    assert State.from_json(s.to_json()) == s


BAD = [
    ({"loss": "nll", "target": [0.5, 0.5, 0.0]}, "loss", "class index"),
    ({"loss": "multi_margin", "target": [0.5, 0.5, 0.0]}, "loss", "class index"),
    ({"loss": "hinge"}, "loss", "'cross_entropy'"),
    ({"gamma": -0.1}, "gamma", r"\[0, 100\]"),
    ({"alpha": 1.5}, "alpha", r"\[-1, 1\]"),
    ({"pos_weight": -1}, "pos_weight", r"\[0, "),
    ({"margin": -1}, "margin", r"\[0, "),
    ({"p": 3}, "p", "1 or 2"),
    ({"p": 1.0}, "p", "1 or 2"),
    ({"class_weights": [1, -1, 1]}, r"class_weights\[1\]", r"\[0, "),
    ({"class_weights": [1, 1]}, "class_weights", "3 weights"),
    ({"class_weights": [0, 1, 1]}, r"class_weights\[0\]", "above 0"),
    ({"regression": {"delta": 0}}, "regression.delta", r"\(0, "),
    ({"regression": {"beta": -1}}, "regression.beta", r"\[0, "),
    ({"regression": {"loss": "hinge"}}, "regression.loss", "'l1'"),
    ({"version": 3}, "version", "1 or 2"),
]


@pytest.mark.parametrize(("data", "field", "allowed"), BAD, ids=[str(d) for d, _, _ in BAD])
def test_a_loss_that_does_not_apply_or_an_option_out_of_range_is_named(data, field, allowed):
    with pytest.raises(ValueError, match=rf"^{field}: .*{allowed}") as info:
        State.from_dict(data)
    assert "\n" not in str(info.value) and len(str(info.value)) < 200


def test_more_classes_pad_the_class_weights_with_1():
    s = State(class_weights=(2.0, 0.5, 1.5)).with_classes(5)
    assert s.class_weights == (2.0, 0.5, 1.5, 1.0, 1.0)
    assert State(class_weights=(2.0, 0.5, 1.5)).with_classes(2).class_weights == (2.0, 0.5)


# ------------------------------------------------------------------ flags (in process)
def test_flags_set_every_option():
    s = apply_flags(State(), loss="sigmoid_focal", regression_loss="smooth_l1",
                    pos_weight="2", gamma="0.5", alpha="-1", margin="0.5", p="2",
                    delta="0.25", beta="0", class_weights="1, 2,3")
    assert (s.loss, s.pos_weight, s.gamma, s.alpha, s.margin, s.p) == (
        "sigmoid_focal", 2.0, 0.5, -1.0, 0.5, 2)
    assert (s.regression.loss, s.regression.delta, s.regression.beta) == ("smooth_l1", 0.25, 0.0)
    assert s.class_weights == (1.0, 2.0, 3.0)


@pytest.mark.parametrize(("flags", "message"), [
    ({"gamma": "-1"}, "--gamma: "), ({"delta": "0"}, "--delta: "), ({"p": "1.5"}, "--p: "),
    ({"beta": "x"}, "--beta: "), ({"class_weights": "1,,2"}, "--class-weights: "),
    ({"loss": "nll", "target": "0.2,0.3,0.5"}, "--loss: 'nll' takes a class index"),
    ({"regression_loss": "l2"}, "--regression-loss: "),
    ({"logits": "1,2,3,4"}, "--class-weights: the state's 3 class weights"),
])
def test_bad_flags_name_the_flag(flags, message):
    base = State(class_weights=(1.0, 1.0, 1.0)) if "logits" in flags else State()
    with pytest.raises(ValueError) as info:
        apply_flags(base, **flags)
    assert str(info.value).startswith(message), info.value


# ------------------------------------------------------------------ the CLI (subprocess)
def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)


@pytest.mark.parametrize(("args", "flag"), [
    (("--target", "0.5,0.5,0", "--loss", "nll"), "--loss"), (("--gamma", "-1"), "--gamma"),
    (("--p", "3"), "--p"), (("--class-weights", "1,-2,1"), "--class-weights[1]"),
])
def test_cli_errors_are_one_line_exit_2(args, flag):
    out = run("compute", *args)
    assert out.returncode == 2 and out.stdout == ""
    lines = out.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"loss-lens: error: {flag}:"), out.stderr


def test_compute_json_has_every_applicable_loss_four_ways():
    out = run("compute", "--format", "json", "--logits", "2,-1,0.5,3", "--target", "1",
              "--class-weights", "1,2,1,1", "--alpha", "-1")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert list(data["losses"]) == list(CLASSIFIER_NAMES)
    assert list(data["regression_losses"]) == list(REGRESSION_NAMES)
    for entry in data["losses"].values():
        assert set(entry["grad"]) >= {"autograd", "backward", "formula", "finite_difference"}
        assert all(len(v) == 4 for v in entry["grad"].values())
        assert isinstance(entry["value"], float) and entry["max_abs_diff"] < 1e-6
    for entry in data["regression_losses"].values():
        for part in ("grad_w", "grad_b"):
            assert set(entry[part]) >= {"autograd", "formula", "finite_difference"}
    # the kink inspector, for the losses with kinks: one-sided slopes around torch's choice
    kinked = {name for name, entry in {**data["losses"], **data["regression_losses"]}.items()
              if "kinks" in entry}
    assert kinked == {"multi_margin", "l1", "huber", "smooth_l1"}
    for check in data["losses"]["multi_margin"]["kinks"]:
        low, high = sorted((check["left"], check["right"]))
        assert low - 1e-7 <= check["subgradient"] <= high + 1e-7
    # existing keys keep their meaning: the same numbers as the Result
    state = State(logits=(2.0, -1.0, 0.5, 3.0), target=1, class_weights=(1.0, 2.0, 1.0, 1.0),
                  alpha=-1.0)
    assert data["loss"] == json.loads(compute(state).to_json())["loss"]
    # CE with the weights, from the family, equals the window's unweighted CE here (an index
    # target's weight cancels in torch's mean), and NLL is CE split in two
    assert data["losses"]["nll"]["value"] == pytest.approx(data["loss"]["cross_entropy"])


def test_compute_json_drops_index_only_losses_with_probabilities():
    out = run("compute", "--format", "json", "--target", "0.6,0.3,0.1")
    data = json.loads(out.stdout)
    assert "nll" not in data["losses"] and "multi_margin" not in data["losses"]
    assert "kl_div" in data["losses"]


# ------------------------------------------------------------------ report and laziness
def test_report_is_unchanged_by_default_and_lists_a_chosen_loss():
    plain = format_result(compute(State()))
    assert "chosen" not in plain and plain.splitlines()[-1].startswith("  loss = ")
    chosen = format_result(compute(State(loss="multi_margin", margin=2.0,
                                         regression=Regression(loss="l1"))))
    assert chosen.startswith(plain.split("\n", 1)[0])
    assert "chosen loss: multi_margin (p = 1, margin = 2)" in chosen
    assert "chosen regression loss: l1" in chosen


def test_compute_does_not_compute_the_family_until_asked():
    result = compute(State())
    assert "loss_family" not in result.__dict__
    family = result.loss_family
    assert set(family.classifier) == set(CLASSIFIER_NAMES)
    assert result.loss_family is family


def test_the_text_report_shows_class_weighted_cross_entropy():
    """--class-weights changes CE: the report printed only the unweighted one (review)."""
    from core import compute
    from core.flags import apply_flags
    from core.state import State
    from core.text_report import format_result

    state = apply_flags(State(), target="0.2,0.3,0.5", class_weights="1,5,1")
    text = format_result(compute(state))
    assert "chosen loss: cross_entropy" in text and "3.367466" in text


def test_json_settings_say_which_loss_and_options_were_used():
    from core import compute
    from core.flags import apply_flags
    from core.state import State

    result = compute(apply_flags(State(), loss="sigmoid_focal", gamma="1.5"))
    settings = result.to_dict()["settings"]
    assert settings["loss"] == "sigmoid_focal" and settings["gamma"] == 1.5
    assert settings["regression_loss"] == "mse" and settings["class_weights"] is None


def test_export_draws_the_chosen_loss(tmp_path):
    """`export --loss`: the surface of that loss, titled with its symbol (in the SVG's
    text), in a subprocess as a user runs it."""
    out_file = tmp_path / "hinge.svg"
    out = run("export", str(out_file), "--view", "surface", "--loss", "multi_margin",
              "--margin", "2", "--p", "2")
    assert out.returncode == 0, out.stderr
    text = out_file.read_text()
    assert "Hinge" in text and "CE over" not in text
