"""The classifier views that render a Result (softmax, Jacobian, loss surface, gradients, 3-D).

May import items and look.
"""
