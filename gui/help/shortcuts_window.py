"""Help ▸ Keyboard shortcuts: the window's own action shortcuts, read live, and the keys the
controls understand.

Action rows come from the main window's QActions, so a shortcut added or changed there shows
up here without an edit. The fixed rows describe keys handled by the widgets themselves;
each was checked against the code that handles it (FineSlider in gui/float_control.py, the
Jacobian map's event filter in gui/jacobian_view.py, NumberGrid in gui/number_grid.py).
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QMainWindow,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from gui.help.help_window import HelpWindow

MAX_SIZE = QSize(900, 760)

# "文件(&F)": translations often append the mnemonic in brackets; drop it whole
_BRACKETED_MNEMONIC = re.compile(r"\s*\(&[^&\s]\)")
_MNEMONIC = re.compile(r"&(.)")  # "&&" is a literal ampersand, "&x" underlines x


translate = QCoreApplication.translate  # lupdate reads translate("ShortcutsWindow", "…")


def strip_mnemonics(text: str) -> str:
    """An action's text as a sentence: '&Open state…' → 'Open state…'."""
    return _MNEMONIC.sub(r"\1", _BRACKETED_MNEMONIC.sub("", text)).strip()


def keys_text(action: QAction) -> str:
    """All of an action's shortcuts, as the platform writes them, e.g. 'Ctrl+Shift+Z, Ctrl+Y'."""
    return ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText)
                     for s in action.shortcuts() if not s.isEmpty())


def fixed_rows() -> list[tuple[str, str]]:
    """Keys the widgets handle themselves (no QAction to read them from)."""
    return [
        (translate("ShortcutsWindow", "← / → or ↓ / ↑"),
         translate("ShortcutsWindow", "On a focused slider: move one step (1/200 of its range).")),
        (translate("ShortcutsWindow", "Shift+← / → or Shift+↓ / ↑"),
         translate("ShortcutsWindow", "On a focused slider: move finely, one tenth of a step.")),
        (translate("ShortcutsWindow", "PageUp / PageDown"),
         translate("ShortcutsWindow", "On a focused slider: move ten steps.")),
        (translate("ShortcutsWindow", "Home / End"),
         translate("ShortcutsWindow", "On a focused slider: go to its minimum or maximum.")),
        (translate("ShortcutsWindow", "↑ / ↓"),
         translate(
             "ShortcutsWindow",
             "In a number box: step the value up or down. Type a value and press Enter to apply "
             "it.")),
        (translate("ShortcutsWindow", "Tab / Shift+Tab"),
         translate("ShortcutsWindow", "Move to the next or previous control.")),
        (translate("ShortcutsWindow", "↑ / ↓"),
         translate(
             "ShortcutsWindow",
             "In the focused Jacobian map: select the next or previous row and check it against "
             "autograd.")),
        (translate("ShortcutsWindow", "Esc"),
         translate("ShortcutsWindow", "In the focused Jacobian map: clear the selected row.")),
        (translate("ShortcutsWindow", "↑ / ↓, PageUp / PageDown, Home / End"),
         translate("ShortcutsWindow", "In the focused gradients table: scroll its rows.")),
        (translate("ShortcutsWindow", "Alt+underlined letter"),
         translate(
             "ShortcutsWindow",
             "Open that menu, or move to the control whose label has that letter underlined.")),
    ]


def _menu_order(main_window: QMainWindow) -> list[QAction]:
    """Every action reachable from the menu bar, in the order the menus show them."""
    ordered: list[QAction] = []

    def walk(actions: list[QAction]) -> None:
        for action in actions:
            menu = action.menu()
            if isinstance(menu, QMenu):
                walk(menu.actions())
            elif not action.isSeparator():
                ordered.append(action)

    walk(main_window.menuBar().actions())
    return ordered


def _description(main_window: QMainWindow, action: QAction) -> str:
    # QUndoStack's actions append the next command to their text ("Undo Set logit a0"):
    # describe what the key does in general instead.
    if action is getattr(main_window, "undo_action", None):
        return translate("ShortcutsWindow", "Undo the last change")
    if action is getattr(main_window, "redo_action", None):
        return translate("ShortcutsWindow", "Redo the last undone change")
    return strip_mnemonics(action.text())


def shortcut_rows(main_window: QMainWindow) -> list[tuple[str, str]]:
    """(keys, what they do): the window's action shortcuts in menu order, then fixed keys."""
    found = main_window.findChildren(QAction)
    in_menus = _menu_order(main_window)
    seen_actions = set()
    ordered: list[QAction] = []
    for action in in_menus:
        if id(action) not in seen_actions:
            seen_actions.add(id(action))
            ordered.append(action)
    rest = [a for a in found if id(a) not in seen_actions]
    rest.sort(key=lambda a: _description(main_window, a).casefold())

    rows: list[tuple[str, str]] = []
    for action in ordered + rest:
        keys = keys_text(action)
        description = _description(main_window, action)
        if keys and description and (keys, description) not in rows:
            rows.append((keys, description))
    return rows + [row for row in fixed_rows() if row not in rows]


class ShortcutsWindow(HelpWindow):
    """Non-modal, so it can stay open while the learner tries the keys."""

    def __init__(self, main_window: QMainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.main_window = main_window
        self.setWindowTitle(self.tr("Keyboard shortcuts"))

        self.table = QTableWidget(0, 2, self)
        self.table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("Action")])
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)

        self.set_content(self.table)
        self.refresh()
        self.resize(self._fitting_size())

    def rows(self) -> list[tuple[str, str]]:
        """What the table shows, row by row."""
        return [(self.table.item(r, 0).text(), self.table.item(r, 1).text())
                for r in range(self.table.rowCount())]

    def refresh(self) -> None:
        """Read the actions again: their shortcuts may have changed since the last showing."""
        rows = shortcut_rows(self.main_window)
        self.table.setRowCount(len(rows))
        for r, (keys, description) in enumerate(rows):
            for c, text in enumerate((keys, description)):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                item.setToolTip(text)
                self.table.setItem(r, c, item)

    def _fitting_size(self) -> QSize:
        """Wide enough for the keys and a readable description, tall enough for every row."""
        self.table.resizeColumnsToContents()
        keys_width = self.table.columnWidth(0)
        text_width = max(self.fontMetrics().horizontalAdvance("M" * 34),
                         min(self.table.sizeHintForColumn(1), 520))
        width = keys_width + text_width + 2 * self.table.frameWidth() + 40
        self.table.setColumnWidth(1, text_width)
        self.table.resizeRowsToContents()
        height = (self.table.horizontalHeader().height() + 2 * self.table.frameWidth()
                  + sum(self.table.rowHeight(r) for r in range(self.table.rowCount()))
                  + 70)  # the Close button and the margins
        return QSize(min(width, MAX_SIZE.width()), min(height, MAX_SIZE.height()))

    def showEvent(self, event: QShowEvent) -> None:
        self.refresh()
        super().showEvent(event)
