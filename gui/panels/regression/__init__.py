"""The Regression (MSE) tab: the note's MSE example made live.

Data points (x, y) in a table and draggable in the plot, the line ŷ = w·x + b with its
residuals, the MSE surface over (w, b) with the current point, −∇L and the gradient-descent
path, the 1-D slice L(w) with its tangent of slope ∂L/∂w, and the loss at each descent step.
Every number comes from the Result; the tab only draws it and emits edited States.

    tab.py          RegressionTab: the parts joined to the store; edits and descent
    controls.py     the column of controls: data table, line, descent
    loss_numbers.py the loss and gradient two ways, below the controls
    plot_panel.py   what the four plots share: title, plot, readout
    data_plot.py    the points (draggable), the line and the residuals
    mse_surface.py  the MSE surface (gui.items.surface_plot) with the descent path
    slice_plot.py   L(w) at the current b with its tangent
    steps_plot.py   the loss at each descent step
"""

from gui.panels.regression.tab import RegressionTab

__all__ = ["RegressionTab"]
