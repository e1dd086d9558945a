"""The learning panels beside the classifier views (regression, MSE vs CE, two ways, pitfalls,
code).

May import views, controls, items and look.
"""
