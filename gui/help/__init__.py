"""The Help windows: Formulas and Keyboard shortcuts.

May import panels, views, controls, items and look.
"""
