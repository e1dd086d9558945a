"""The window's tabs: a tab bar the width of the window, and below it the controls column
at the left of the current page.

A QTabWidget beside the column moved, tab bar and all, when the column was hidden on a
tab that reads none of it (control_scope): the tab bar jumped 300 px to the left, under
the pointer, and a click meant for Classifier landed on another tab. Here the bar sits
above both and never moves; a tab that does not read the column still gets its width.

ViewTabs keeps the part of QTabWidget's API the window uses (currentIndex,
setCurrentIndex, currentWidget, widget, indexOf, count, tabText, tabBar, currentChanged):
widget(i) is the page itself, as ControlScope.tab_name needs. Ctrl+Tab and Ctrl+Shift+Tab
switch tabs as in a QTabWidget, from anywhere below the bar (the column included), and so
do Ctrl+PageDown and Ctrl+PageUp.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QSplitter, QStackedWidget, QTabBar, QVBoxLayout, QWidget


class ViewTabs(QWidget):
    """[tab bar] over a splitter [column | the current page]; the column is hidden by
    whoever decides it (control_scope), and the splitter then gives its width to the page
    and gives it back, at the width the user dragged it to, when it is shown again."""

    currentChanged = Signal(int)

    def __init__(self, column: QWidget, parent: QWidget | None = None):
        super().__init__(parent)
        # made in the order the keyboard's Tab visits them: the bar, the column, the page
        self._bar = QTabBar(self)
        self._bar.setDocumentMode(True)  # as QTabWidget.setDocumentMode(True) sets its bar
        self._bar.setExpanding(False)
        self._bar.setDrawBase(True)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(column)
        self._stack = QStackedWidget(self.splitter)
        self.splitter.addWidget(self._stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._bar)
        layout.addWidget(self.splitter, 1)
        self.setFocusProxy(self._bar)  # as a QTabWidget: focusing it focuses its bar
        self._bar.currentChanged.connect(self._show)
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        # shortcuts, not keys: a focused slider would take Ctrl+PageDown as PageDown
        QShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_PageDown), self,
                  lambda: self._step(1), context=context)
        QShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_PageUp), self,
                  lambda: self._step(-1), context=context)

    # ------------------------------------------------------------------ QTabWidget's API
    def addTab(self, page: QWidget, text: str) -> int:
        self._stack.addWidget(page)
        return self._bar.addTab(text)

    def count(self) -> int:
        return self._bar.count()

    def currentIndex(self) -> int:
        return self._bar.currentIndex()

    def setCurrentIndex(self, index: int) -> None:
        self._bar.setCurrentIndex(index)

    def currentWidget(self) -> QWidget | None:
        return self._stack.currentWidget()

    def setCurrentWidget(self, page: QWidget) -> None:
        self.setCurrentIndex(self.indexOf(page))

    def widget(self, index: int) -> QWidget | None:
        return self._stack.widget(index)

    def indexOf(self, page: QWidget) -> int:
        return self._stack.indexOf(page)

    def tabText(self, index: int) -> str:
        return self._bar.tabText(index)

    def setTabText(self, index: int, text: str) -> None:
        self._bar.setTabText(index, text)

    def tabToolTip(self, index: int) -> str:
        return self._bar.tabToolTip(index)

    def setTabToolTip(self, index: int, tip: str) -> None:
        self._bar.setTabToolTip(index, tip)

    def tabBar(self) -> QTabBar:
        return self._bar

    # ------------------------------------------------------------------ internals
    def _show(self, index: int) -> None:
        if 0 <= index < self._stack.count():
            self._stack.setCurrentIndex(index)
        self.currentChanged.emit(index)

    def _step(self, step: int) -> None:
        """The next (step 1) or previous (−1) enabled tab, round the end."""
        count = self.count()
        index = self.currentIndex()
        for _ in range(count - 1):
            index = (index + step) % count
            if self._bar.isTabEnabled(index):
                self.setCurrentIndex(index)
                return

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Ctrl+Tab and Ctrl+Shift+Tab, which the focused widget passed on (as in
        QTabWidget.keyPressEvent)."""
        control = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if control and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            back = (event.key() == Qt.Key.Key_Backtab
                    or event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            self._step(-1 if back else 1)
            return
        super().keyPressEvent(event)
