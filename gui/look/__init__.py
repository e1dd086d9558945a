"""How the app looks and speaks: theme, plot style, language, OpenGL support.

Bottom layer: imports no other part of gui.
"""
