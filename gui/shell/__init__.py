"""The application around the views: start-up, the main window frame, menus and actions, file
actions, dialogs, settings, torch loading, exports.

Top layer: may import everything below (help, panels, views, controls, items, look).
"""
