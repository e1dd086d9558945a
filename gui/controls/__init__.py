"""Editors that turn input into States: the logits, target, loss and global controls, exact
number entries, the state store they edit.

May import items and look.
"""
