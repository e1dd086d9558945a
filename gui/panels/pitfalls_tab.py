"""Pitfalls: the note's four autograd errors as cards that run in torch on request.

Each card shows the code, runs it when asked, shows the exception torch really raised
(captured, never typed in), then the fix and its result next to the closed form.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from core.code_comments import translate_comments
from core.number_format import fmt_diff
from core.state import State
from gui.items.code_block import CodeBlock
from gui.look import theme
from gui.look.presentation import fixed_font

if TYPE_CHECKING:
    from core.pitfalls import PitfallRun
    from core.result import Result

# core.pitfalls.PITFALL_KEYS (a test keeps them equal): core.pitfalls imports torch, and
# the window must appear before torch has loaded.
PITFALL_KEYS = ("A", "B", "C", "D")


def _numbers(state: State) -> tuple:
    """What the pitfalls' code is run on: a run describes these numbers and no others."""
    return state.regression, state.logits, state.temperature


class PitfallCard(QGroupBox):
    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.explanation = QLabel(self)
        self.explanation.setWordWrap(True)
        self.code = CodeBlock(self.tr("The code"), self, max_lines=12)
        self.run_button = QPushButton(self.tr("Run in torch"), self)
        self.run_button.setAccessibleName(self.tr("Run pitfall %1").replace("%1", key))
        self.run_button.setToolTip(self.tr("Run this code in torch and show what it raises, "
                                           "then the fix"))
        mono = fixed_font()
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setFont(mono)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.setAccessibleName(self.tr("What torch raised"))
        self.fix = CodeBlock(self.tr("The fix"), self, max_lines=12)
        self.fix_result = QLabel(self)
        self.fix_result.setWordWrap(True)
        self.fix_result.setFont(mono)
        self.fix_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fix_result.setAccessibleName(self.tr("What the fix gives"))
        self.fix_result.setStyleSheet(f"color: {theme.fix_text().name()};")
        self.last_run: PitfallRun | None = None

        row = QHBoxLayout()
        row.addWidget(self.run_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addWidget(self.code)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(self.fix)
        layout.addWidget(self.fix_result)
        self.clear_run()

    def show_pitfall(self, state: State) -> None:
        from core.pitfalls import pitfall

        item = pitfall(self.key, state.regression, state.logits, state.temperature)
        # the texts are core's (marked with QT_TRANSLATE_NOOP there), shown translated here
        title = QCoreApplication.translate("Pitfalls", item.title)
        self.setTitle(f"({item.key}) {title}")
        self.explanation.setText(QCoreApplication.translate("Pitfalls", item.explanation))
        # the comments in the window's language; the code runs as core built it
        self.code.set_code(translate_comments(item.code, QCoreApplication.translate))
        self.fix.set_code(translate_comments(item.fix_code, QCoreApplication.translate))

    def clear_run(self) -> None:
        self.last_run = None
        # an invitation, not an error: in the text's own colour, naming the button as it reads
        self.error.setText(self.tr("Press “%1” to execute the code above.").replace(
            "%1", self.run_button.text().replace("&", "")))
        self.error.setStyleSheet("")
        self.error.setProperty("verbatim", False)
        self.fix.setVisible(False)
        self.fix_result.setVisible(False)

    def show_run(self, run: PitfallRun) -> None:
        from core.pitfalls import NO_ERROR

        self.last_run = run
        # torch's own message, word for word, in every language (the property tells the
        # language test so); only the app's sentence for "no error" is translated
        self.error.setText(QCoreApplication.translate("Pitfalls", run.outcome))
        self.error.setProperty("verbatim", run.outcome != NO_ERROR)
        self.error.setStyleSheet(f"color: {theme.error_text().name()};" if run.raised else "")
        self.fix.setVisible(True)
        self.fix_result.setVisible(True)
        check = self.tr("closed form agrees (max |diff| %1)").replace(
            "%1", fmt_diff(run.max_abs_diff))
        self.fix_result.setText(f"{run.fix_result}\n{check}")


class PitfallsTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        intro = QLabel(self.tr("The note's four autograd errors. Each card runs its code in "
                               "torch when asked and shows the exception torch really "
                               "raises, then the fix."), self)
        intro.setWordWrap(True)
        self.run_all = QPushButton(self.tr("Run a&ll"), self)
        self.run_all.setAccessibleName(self.tr("Run all pitfalls"))
        self.run_all.setToolTip(self.tr("Run the four experiments in torch"))
        self.run_all.clicked.connect(self.run_every_card)
        self.cards = {key: PitfallCard(key) for key in PITFALL_KEYS}
        for key, card in self.cards.items():
            card.run_button.clicked.connect(lambda _=False, key=key: self.run_card(key))
        body = QWidget()
        body_layout = QVBoxLayout(body)
        for card in self.cards.values():
            body_layout.addWidget(card)
        body_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        scroll.setAccessibleName(self.tr("Pitfall cards"))
        header = QHBoxLayout()
        header.addWidget(intro, 1)
        header.addWidget(self.run_all)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(header)
        layout.addWidget(scroll, 1)
        self._state: State | None = None
        self._runs_to_take_over: list[str] = []

    def ran(self, state: State) -> list[str]:
        """The keys of the cards that show a run of state's numbers (none if the tab, hidden,
        has not caught up with them: it would clear its runs when shown)."""
        if self._state is None or _numbers(self._state) != _numbers(state):
            return []
        return [key for key, card in self.cards.items() if card.last_run is not None]

    def take_over_runs(self, keys: list[str]) -> None:
        """Show these cards run, as they were in the window this one replaces: run again
        (in the current language) once the tab has the state, when it is first shown."""
        self._runs_to_take_over = list(keys)
        if self._state is not None:
            self._run_taken_over()

    def _run_taken_over(self) -> None:
        keys, self._runs_to_take_over = self._runs_to_take_over, []
        for key in keys:
            self.run_card(key)

    def set_result(self, result: Result) -> None:
        if result.state == self._state:
            return
        changed = self._state is None or _numbers(result.state) != _numbers(self._state)
        self._state = result.state
        if changed:  # new numbers: the old runs no longer describe this code
            for card in self.cards.values():
                card.show_pitfall(result.state)
                card.clear_run()
        self._run_taken_over()

    def run_card(self, key: str) -> PitfallRun | None:
        if self._state is None:
            return None
        from core.pitfalls import run_pitfall

        s = self._state
        run = run_pitfall(key, s.regression, s.logits, s.temperature)
        self.cards[key].show_run(run)
        return run

    def run_every_card(self) -> None:
        for key in self.cards:
            self.run_card(key)
