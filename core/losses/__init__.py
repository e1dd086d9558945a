"""The loss family: one module per loss, one registry, the gradient four ways, kinks.

This package's __init__ imports nothing, so `core.state` can read the torch-free catalog
(`core.losses.catalog`: names, options and their ranges) without loading torch. The torch
side is `core.losses.registry` (name -> LossSpec) and `core.losses.family` (every loss of a
State, its value and gradient four ways); `Result.loss_family` computes it on first use.
"""
