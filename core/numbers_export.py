"""The numbers behind a figure, as files: the Result as JSON, and one CSV table per class.

The CSV has one row per class i: a_i, p_i, y_eff_i, ∂CE/∂a_i and ∂MSE/∂a_i three ways each,
then the Jacobian row ∂p_i/∂a_j for every j. Numbers are written with repr(), so reading
them back gives the same float64 bits.
"""

from __future__ import annotations

import csv
import io
import json

from core.result import Result


def result_json(result: Result) -> str:
    """The same text as `main.py compute --format json` (indented up to 100 kB, compact and
    fast above): the Result, then "losses" (every classifier loss of the family that
    applies to the State) and "regression_losses", each value with its gradient four ways,
    then "autograd_graph" and "regression_graph": torch's grad_fn nodes of the selected
    classifier and regression losses with the gradients backward passed through them."""
    from core.autograd_graph import classifier_graph, regression_graph

    text = result.to_json()
    family = result.loss_family.to_dict()
    family["autograd_graph"] = classifier_graph(result.state).to_dict()
    family["regression_graph"] = regression_graph(result.state).to_dict()
    if text.startswith("{\n"):  # indented, so small: read back, extend, write again
        data = json.loads(text)
        data.update(family)
        return json.dumps(data, indent=2, allow_nan=False) + "\n"
    extra = json.dumps(family, separators=(",", ":"), allow_nan=False)
    return text[:-1] + "," + extra[1:] + "\n"


def result_csv(result: Result) -> str:
    c = result.classifier
    n = len(c.probs)
    header = ["i", "a_i", "p_i", "y_eff_i",
              "dCE_da_i_autograd", "dCE_da_i_backward", "dCE_da_i_formula",
              "dMSE_da_i_autograd", "dMSE_da_i_backward", "dMSE_da_i_formula",
              *[f"J_i_{j}" for j in range(n)]]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    ce, mse = c.grad_cross_entropy, c.grad_mse
    for i in range(n):
        values = [c.logits[i], c.probs[i], c.target_effective[i],
                  ce.autograd[i], ce.backward[i], ce.formula[i],
                  mse.autograd[i], mse.backward[i], mse.formula[i], *c.jacobian.formula[i]]
        writer.writerow([i, *(repr(float(v)) for v in values)])
    return out.getvalue()
