"""The generated script's section for the chosen classifier loss: run in a subprocess for
every loss of the family with options away from their defaults, it prints core's numbers
(core.losses.family) — the value by torch's call, the gradient by autograd and by the closed
form written out in the script. (tests/test_core_code_generator.py covers the rest.)"""

import json

import numpy as np
import pytest

from core import State
from core.code_generator import generate_script
from core.losses.catalog import CLASSIFIER, CLASSIFIER_NAMES, OPTIONS
from core.losses.family import classifier_loss
from tests.generated_scripts import run_generated_scripts

# Every classifier loss with its options away from their defaults, T ≠ 1 and label
# smoothing where the loss reads it; cross-entropy's weights with both kinds of target.
LOGITS = (1.5, -0.5, 0.3, 2.2)
SOFT = (0.1, 0.6, 0.05, 0.25)
STATES = {
    "default": State(),
    "cross_entropy-weights-index": State(logits=LOGITS, target=2, temperature=1.7,
                                         label_smoothing=0.1, loss="cross_entropy",
                                         class_weights=(1.0, 2.0, 0.5, 3.0)),
    "cross_entropy-weights-soft": State(logits=LOGITS, target=SOFT, temperature=0.6,
                                        label_smoothing=0.2, loss="cross_entropy",
                                        class_weights=(0.0, 2.0, 0.5, 1.5)),
    "mse-sum": State(logits=LOGITS, target=SOFT, temperature=2.5, label_smoothing=0.15,
                     reduction="sum", loss="mse"),
    "nll": State(logits=LOGITS, target=3, temperature=0.8, label_smoothing=0.1, loss="nll"),
    "kl_div": State(logits=LOGITS, target=(0.0, 0.7, 0.1, 0.2), temperature=1.5,
                    label_smoothing=0.1, loss="kl_div"),
    "binary_cross_entropy_with_logits": State(
        logits=LOGITS, target=1, temperature=1.3, label_smoothing=0.1,
        loss="binary_cross_entropy_with_logits", pos_weight=3.0),
    "binary_cross_entropy": State(logits=LOGITS, target=SOFT, temperature=0.9,
                                  label_smoothing=0.05, loss="binary_cross_entropy"),
    "sigmoid_focal-gamma-half-no-alpha": State(logits=LOGITS, target=0, temperature=2.0,
                                               label_smoothing=0.1, loss="sigmoid_focal",
                                               gamma=0.5, alpha=-1.0),
    "sigmoid_focal-gamma-0": State(logits=LOGITS, target=SOFT, temperature=0.7,
                                   loss="sigmoid_focal", gamma=0.0, alpha=0.75),
    "multi_margin-squared": State(logits=LOGITS, target=1, temperature=0.7,
                                  label_smoothing=0.1, loss="multi_margin", margin=2.0, p=2),
    "multi_margin-hinge": State(logits=LOGITS, target=0, temperature=1.25,
                                loss="multi_margin", margin=0.5, p=1),
}


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    """Every script run in one fresh interpreter (tests/generated_scripts.py), as the user
    would run it."""
    return run_generated_scripts(STATES, tmp_path_factory.mktemp("loss_scripts"),
                                 timeout=120)


def test_every_classifier_loss_is_run_with_its_options_changed():
    assert {s.loss for s in STATES.values()} == set(CLASSIFIER_NAMES)
    assert all(s.temperature != 1.0 for s in STATES.values() if s != State())
    for info in CLASSIFIER:  # each option away from its default in some state of its loss
        states = [s for s in STATES.values() if s.loss == info.name and s != State()]
        for option in info.options:
            default = None if option == "class_weights" else OPTIONS[option].default
            assert any(getattr(s, option) != default for s in states), (info.name, option)


@pytest.mark.parametrize("name", list(STATES))
def test_script_reproduces_the_chosen_loss(outputs, name):
    state = STATES[name]
    got = json.loads(outputs[name].strip().splitlines()[-1])
    core = classifier_loss(state, state.loss)
    assert got["loss"] == state.loss
    np.testing.assert_allclose(got["loss_value"], core.value, rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(got["grad_loss"], core.grad.autograd, rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(got["grad_loss_closed_form"], core.grad.formula, rtol=1e-12,
                               atol=1e-12)
    # the closed form written out in the script is the gradient: autograd agrees with it
    np.testing.assert_allclose(got["grad_loss_closed_form"], got["grad_loss"], rtol=1e-9,
                               atol=1e-12)
    assert f"= {core.value}" in outputs[name]  # the readable part shows it too


def test_the_script_writes_the_losss_options_exactly():
    script = generate_script(STATES["cross_entropy-weights-index"])
    assert "class_weights = torch.tensor([1.0, 2.0, 0.5, 3.0], dtype=torch.float64)" in script
    assert "weight=class_weights" in script
    assert "class_weights = None" in generate_script(State())
    focal = generate_script(STATES["sigmoid_focal-gamma-half-no-alpha"])
    assert "gamma = 0.5  #" in focal and "alpha = -1.0  #" in focal
    assert "import torchvision" not in focal and "def sigmoid_focal_loss(" in focal
    hinge = generate_script(STATES["multi_margin-squared"])
    assert "margin = 2.0  #" in hinge and "hinge_p = 2  #" in hinge
    assert "F.multi_margin_loss(z[None], ce_target, p=hinge_p, margin=margin)" in hinge
    assert "pos_weight = 3.0  #" in generate_script(STATES["binary_cross_entropy_with_logits"])
    assert ('F.kl_div(F.log_softmax(z, dim=0)[None], y_eff[None], reduction="batchmean")'
            in generate_script(STATES["kl_div"]))
    assert "F.nll_loss(F.log_softmax(z, dim=0)[None], ce_target)" in generate_script(
        STATES["nll"])


def test_class_weights_of_any_length_wrap_under_their_bracket():
    state = State(logits=tuple(float(i % 5) for i in range(30)), target=4,
                  class_weights=tuple(1.0 + i / 7 for i in range(30)))
    script = generate_script(state)
    compile(script, "<generated>", "exec")
    assert max(len(line) for line in script.splitlines()) <= 100


def comment_texts(script: str) -> list[str]:
    """Every comment of the script as one text: a heading (after its rule), a run of
    full-line comments joined by newlines, or a trailing comment."""
    texts: list[str] = []
    run: list[str] = []
    for line in [*script.splitlines(), ""]:
        stripped = line.strip()
        if stripped.startswith("# ---"):
            texts.append(stripped.lstrip("# -"))
        elif stripped.startswith("#"):
            run.append(stripped[2:])
            continue
        elif "  # " in line:
            texts.append(line.split("  # ", 1)[1])
        if run:
            texts.append("\n".join(run))
            run = []
    return texts


@pytest.mark.parametrize("name", list(STATES))
def test_every_comment_of_the_loss_section_is_marked_for_translation(name):
    """A comment added to the chosen loss's section without QT_TRANSLATE_NOOP would stay
    English in the Chinese Code tab: this fails first."""
    import core.loss_script as loss_script
    from core.code_comments import needs_translation

    marked = {loss_script.HEADING, *loss_script.COMMENTS.values(),
              *(i.title for i in CLASSIFIER), *(o.meaning for o in OPTIONS.values())}
    script = generate_script(STATES[name])
    section = script[script.index(loss_script.HEADING):script.index("the numbers\n")]
    found = [t for t in comment_texts("# --- " + section) if needs_translation(t)]
    assert len(found) >= 5 and not set(found) - marked, set(found) - marked


def test_a_translated_script_translates_the_losss_comments_and_keeps_its_code():
    def shout(context, text):
        return text.upper()

    state = STATES["sigmoid_focal-gamma-half-no-alpha"]
    english, loud = generate_script(state), generate_script(state, shout)
    assert "# SIGMOID FOCAL LOSS" in loud and "7. THE LOSS YOU CHOSE" in loud
    assert "alpha = -1.0  # BALANCE" in loud

    def code(script):
        body = script[script.index("import json"):]
        return [line.split("  # ")[0] for line in body.splitlines()
                if not line.lstrip().startswith("#")]

    assert code(loud) == code(english)
