"""Results hand out read-only float64 arrays: views share them and none may change another's."""

from __future__ import annotations

import numpy as np
import torch


def frozen(values: torch.Tensor | np.ndarray) -> np.ndarray:
    """A read-only float64 numpy copy of a tensor or array."""
    if isinstance(values, torch.Tensor):
        values = values.detach().numpy()
    out = np.array(values, dtype=np.float64, copy=True)
    out.setflags(write=False)
    return out
