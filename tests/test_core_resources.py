"""Presets load, come in the note's order, and numbers export to JSON and CSV exactly."""

import csv
import io
import json

import numpy as np
import pytest

from core import State, compute
from core.numbers_export import result_csv, result_json
from core.resources import preset, presets, resource_path


def test_presets_are_valid_states_in_the_notes_order():
    items = presets()
    names = [p.name for p in items]
    assert names[:2] == ["softmax [2, 1, 0.1]", "MSE x=1, w=2"]
    assert {"confidently wrong: MSE vs CE", "huge logits ±1000", "low temperature",
            "label smoothing"} <= set(names)
    for p in items:
        assert isinstance(p.load(), State) and p.description
    assert preset("softmax").load().logits == (2.0, 1.0, 0.1)
    reg = preset("mse_x1_w2").load().regression
    assert (reg.x, reg.y, reg.w) == ((1.0,), (1.0,), 2.0)
    assert preset("label_smoothing").load().label_smoothing == 0.1


def test_unknown_names_raise():
    with pytest.raises(KeyError, match="no preset 'nope'"):
        preset("nope")
    with pytest.raises(FileNotFoundError, match=r"no resource presets/missing\.json"):
        resource_path("presets", "missing.json")


def test_csv_round_trips_every_number():
    result = compute(State(logits=(0.3, -1.2, 2.5, 0.0), target=2, temperature=0.7))
    rows = list(csv.reader(io.StringIO(result_csv(result))))
    assert rows[0][:4] == ["i", "a_i", "p_i", "y_eff_i"] and rows[0][-1] == "J_i_3"
    table = np.array([[float(v) for v in row[1:]] for row in rows[1:]])
    np.testing.assert_array_equal(table[:, 1], result.probs)
    np.testing.assert_array_equal(table[:, 5], result.grads["cross_entropy"].formula)
    np.testing.assert_array_equal(table[:, 9:], result.classifier.jacobian.formula)


def test_json_is_the_result_dict():
    result = compute(State())
    data = json.loads(result_json(result))
    # the loss family's two keys come on top of the Result's own, which keep their meaning
    added = {"losses", "regression_losses", "autograd_graph", "regression_graph"}
    assert {k: v for k, v in data.items() if k not in added} \
        == json.loads(json.dumps(result.to_dict()))
    assert set(data) - set(result.to_dict()) == added
