"""Loss Lens core: the State, and compute(state) -> Result. No Qt here, ever.

`compute` and `Result` import torch (about 1.5 s), so they load on first use: `import core`
alone is instant, which lets the window appear before torch is ready.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core.state import Regression, State, Surface

if TYPE_CHECKING:
    from core.pipeline import compute
    from core.result import Result

__all__ = ["Regression", "Result", "State", "Surface", "compute"]


def __getattr__(name: str) -> Any:
    if name == "compute":
        from core.pipeline import compute
        return compute
    if name == "Result":
        from core.result import Result
        return Result
    raise AttributeError(f"module 'core' has no attribute {name!r}")
