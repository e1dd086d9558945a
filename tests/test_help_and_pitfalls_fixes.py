"""Help ▸ Formulas steps aside for the view it shows; the Pitfalls and Two ways snippets say
what they print and why their argument order differs."""

import contextlib
import io
import re

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QTextCursor

from core import State
from core.pitfalls import pitfall
from core.two_ways import two_ways
from gui.help.formulas_window import SMALLEST, beside

SCREEN = QRect(0, 0, 1280, 800)


def click_link(qtbot, browser, text: str) -> None:
    """Click the link whose text is `text`, as a user does."""
    found = browser.document().find(text)
    assert not found.isNull(), text
    cursor = QTextCursor(found)
    cursor.setPosition(found.selectionStart() + 2)
    browser.setTextCursor(cursor)
    browser.ensureCursorVisible()
    point = browser.cursorRect(cursor).center()
    qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=point)


def test_show_in_view_moves_the_formulas_off_the_view(window, qtbot):
    window.resize(1280, 800)
    window.move(0, 0)
    window.show_formulas()
    formulas = window.formulas_window
    formulas.move(window.softmax_view.mapToGlobal(QPoint(0, 0)))  # right over the view
    qtbot.waitUntil(formulas.isVisible)
    view = window.softmax_view
    rect = QRect(view.mapToGlobal(QPoint(0, 0)), view.size())
    assert formulas.frameGeometry().intersects(rect)
    label = formulas.view_label("softmax")
    click_link(qtbot, formulas.browser, formulas.tr("Show in view: %1").replace("%1", label))
    if formulas.isMinimized():  # a small screen: out of the way altogether
        return
    assert not formulas.frameGeometry().intersects(rect), (formulas.frameGeometry(), rect)


def test_beside_finds_room_on_a_1280x800_screen():
    # the Softmax view of a 1280×800 window: top middle; the window fits to its right
    softmax = QRect(260, 90, 500, 330)
    place = beside(softmax, SCREEN, QSize(640, 720), SMALLEST)
    assert place is not None and not place.intersects(softmax) and SCREEN.contains(place)
    assert place.width() >= SMALLEST.width() and place.height() >= SMALLEST.height()
    # a whole tab leaves no readable room: the window is minimised instead
    assert beside(QRect(250, 60, 1030, 720), SCREEN, QSize(640, 720), SMALLEST) is None


def run(code: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, "<snippet>", "exec"), {"__name__": "__main__"})
    return out.getvalue()


def test_two_ways_snippets_print_what_their_comments_say():
    reg = State().regression.__class__(x=(1.0, 2.0, 3.5), y=(0.5, -1.0, 2.0), w=-0.7, b=0.3)
    ways = two_ways(reg)
    for code in (ways.code_autograd, ways.code_backward, ways.code_accumulation):
        said = [line.split("  # ", 1)[1] for line in code.splitlines()
                if line.startswith("print(")]
        assert said and run(code).splitlines() == said


def test_pitfall_snippets_say_why_their_argument_order_differs():
    s = State()
    for key in ("A", "B"):
        item = pitfall(key, s.regression, s.logits, s.temperature)
        for code in (item.code, item.fix_code):
            assert "F.mse_loss(y, x * w)" in code
            assert re.search(r"#.*note's line.*\n#.*symmetric", code)
    assert "F.mse_loss(w * x + b, y" in two_ways(s.regression).code_autograd


def test_the_pitfall_prompt_is_neutral_and_names_the_button(window, qtbot):
    window.show_view("pitfalls")
    card = window.pitfalls_tab.cards["A"]
    qtbot.waitUntil(lambda: card.error.text() != "", timeout=5000)
    assert card.error.text().startswith(f"Press “{card.run_button.text()}”")
    assert card.run_button.text() == "Run in torch"
    assert card.error.styleSheet() == ""  # the text's own colour, not the error red
    qtbot.mouseClick(card.run_button, Qt.MouseButton.LeftButton)
    assert card.last_run.raised and "color" in card.error.styleSheet()
