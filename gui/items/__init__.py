"""Painted pyqtgraph/Qt pieces reused by views and panels (heatmap, marker, text and number
grids, readouts, code block, contours, axis cache).

May import look only.
"""
