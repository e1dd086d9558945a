"""The Regression tab: the note's MSE example made live, with any regression loss of the
family (MSE, L1, Huber with δ, SmoothL1 with β).

Data points (x, y) in a table and draggable in the plot, the line ŷ = w·x + b with its
residuals, the loss surface over (w, b) with the current point, −∇L and the gradient-descent
path, the 1-D slice L(w) with its tangent of slope ∂L/∂w, the loss at each descent step,
and for a loss with kinks the kink inspector.
Every number comes from the Result; the tab only draws it and emits edited States.

    tab.py          RegressionTab: the parts joined to the store; edits and descent
    controls.py     the column of controls: data table, line, loss and its δ/β, descent
    loss_numbers.py the loss and gradient two ways, below the controls
    kink_panel.py   the kink inspector, below them (L1, Huber, SmoothL1)
    loss_names.py   the losses' titles, symbols and torch calls as the tab shows them
    plot_panel.py   what the four plots share: title, plot, readout
    data_plot.py    the points (draggable), the line and the residuals
    mse_surface.py  the loss surface (gui.items.surface_plot) with the descent path
    slice_plot.py   L(w) at the current b with its tangent
    steps_plot.py   the loss at each descent step
"""

from gui.panels.regression.tab import RegressionTab

__all__ = ["RegressionTab"]
