"""The learning panels beside the classifier views (regression, MSE vs CE, two ways, pitfalls,
code).

A new panel is a module here (a QWidget with set_result(Result)) and one entry in
gui/registry.py: the window, File ▸ Export and `main.py export --view` then know it.

May import views, controls, items and look.
"""
