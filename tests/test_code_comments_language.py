"""The Code tab's script speaks the window's language in its comments, and only there."""

import contextlib
import io
import re

import pytest

from core import State
from core.code_generator import generate_script
from core.state import Regression


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


def _snippets(state):
    from core import compute
    from core.pitfalls import PITFALL_KEYS, pitfall

    t = compute(state).two_ways
    out = [t.code_autograd, t.code_backward, t.code_accumulation]
    for key in PITFALL_KEYS:
        p = pitfall(key, state.regression, state.logits, state.temperature)
        out += [p.code, p.fix_code]
    return out


@pytest.mark.parametrize("state", [State(), State(regression=Regression(
    x=(1.0, 2.0), y=(1.0, 3.0), w=0.5, b=0.25, reduction="sum"), logits=(-1.0, 4.0))])
def test_every_snippet_comment_is_marked_for_translation(state):
    """A comment added to a snippet without its entry in core.code_comments would stay
    English in every language: this fails first."""
    from core.code_comments import COMMENTS, comments, needs_translation

    found = {c for code in _snippets(state) for c in comments(code) if needs_translation(c)}
    assert found and found <= set(COMMENTS), found - set(COMMENTS)


def test_chinese_pitfalls_and_two_ways_show_chinese_comments_and_the_same_code(switched,
                                                                               qtbot):
    from core.code_comments import needs_translation

    zh = switched(language="zh_CN")
    qtbot.waitUntil(lambda: zh.result() is not None, timeout=10000)
    zh.show_view("two_ways")
    tab = zh.two_ways_tab
    qtbot.waitUntil(lambda: bool(tab.way1.text()), timeout=5000)
    zh.show_view("pitfalls")
    blocks = [b.text() for b in zh.panel("pitfalls").findChildren(type(tab.way1))]
    shown = [tab.way1.text(), tab.way2.text(), tab.accumulation.text(), *blocks]
    english = [c for c in comments("\n".join(shown)) if needs_translation(c)
               and not HAN.search(c)]
    assert not english, english
    assert len(blocks) == 8  # four cards, each with its code and its fix
    # the code itself is what core built (and what runs): only comments differ
    built = _snippets(zh.state())
    assert sorted(code_lines(t) for t in shown) == sorted(code_lines(t) for t in built)


def code_lines(text: str) -> list[str]:
    return [line.split("  # ")[0] for line in text.splitlines()
            if not line.lstrip().startswith("#")]
