"""The Code tab's script speaks the window's language in its comments, and only there."""

import contextlib
import io
import re

import pytest
import shiboken6

from core import State
from core.code_generator import generate_script


@pytest.fixture
def window(qtbot, no_dialogs, isolated_settings):
    """conftest's window, closed here rather than by qtbot: a language switch deletes it."""
    from gui import MainWindow

    win = MainWindow()
    win.show()
    qtbot.waitUntil(lambda: win.result() is not None, timeout=10000)
    yield win
    if shiboken6.isValid(win):
        win.close()
        win.deleteLater()


def run(script: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(script, "<script>", "exec"), {"__name__": "__main__"})
    return out.getvalue()


def comments(script: str) -> list[str]:
    return [line.split("#", 1)[1] for line in script.splitlines() if "#" in line]


def code(script: str) -> list[str]:
    """The script after its docstring, without comments."""
    body = script[script.index("import json"):]
    return [line.split("  # ")[0] for line in body.splitlines()
            if not line.lstrip().startswith("#")]


HAN = re.compile("[\u4e00-\u9fff]")


def test_chinese_window_writes_chinese_comments_and_the_same_numbers(switched, qtbot):
    zh = switched(language="zh_CN")
    qtbot.waitUntil(lambda: zh.result() is not None, timeout=10000)
    zh.show_view("code")
    qtbot.waitUntil(lambda: bool(zh.code_tab.code.text()), timeout=5000)
    chinese = zh.code_tab.code.text()
    english = generate_script(zh.state())  # as the command line and tests write it
    assert "# 全程使用 float64" in chinese and "# ----" in chinese
    han = [c for c in comments(chinese) if HAN.search(c)]
    assert len(han) >= 15, han
    assert not any(HAN.search(c) for c in comments(english))
    # code stays code: the same lines once the docstring and comments are gone
    assert code(chinese) == code(english)
    assert run(chinese) == run(english)


def test_english_script_is_unchanged_without_a_translator():
    script = generate_script(State())
    assert "# float64 everywhere, so the numbers match the app's to the last digit." in script
    assert script.startswith('"""Loss Lens, as a plain PyTorch script.\n\nGenerated from')
