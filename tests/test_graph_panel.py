"""The Graph tab (issue 17) the way people use it: opened by a click on its tab, logits
typed into the real entries, Step / Play / Reset pressed with the mouse, the selector and
the row spinner driven by keys. Every number on it is checked against core's AutogradGraph
(and the pitfalls' FreedGraph, LateRequiresGrad, SoftmaxRow), never against a literal."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from core.autograd_graph import classifier_graph
from core.graph_pitfalls import freed_graph, late_requires_grad, softmax_row_graph
from gui import registry
from gui.items.graph_items import BAND, NOW, SAVED
from gui.panels.graph_panel import MODES, STEP_MS
from gui.shell import dialogs
from tests.modal_dialogs import run_in_modal

REAL_DIALOGS = dict(vars(dialogs))  # before no_dialogs patches the module

ROOT = Path(__file__).resolve().parents[1]
NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?")
LOSSES = ["cross_entropy", "mse", "sigmoid_focal", "multi_margin"]


def numbers(text: str) -> np.ndarray:
    """The numbers written in a text (the app's − read back as -)."""
    return np.array([float(x) for x in NUMBER.findall(text.replace("−", "-"))])


def close(text: str, values, rtol: float = 6e-3, atol: float = 1e-12) -> bool:
    """text writes exactly `values` (to its 3–4 significant digits)."""
    got = numbers(text)
    want = np.ravel(np.asarray(values, dtype=float))
    return got.shape == want.shape and bool(np.allclose(got, want, rtol=rtol, atol=atol))


def open_tab(window, qtbot):
    """Click the Graph tab in the real tab bar."""
    tabs = window.tabs
    bar = tabs.tabBar()
    title = registry.entry("graph").title()
    index = next(i for i in range(tabs.count()) if tabs.tabText(i) == title)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    QApplication.processEvents()
    assert tabs.currentIndex() == index
    panel = window.panel("graph")
    qtbot.waitUntil(lambda: panel.drawings() != [], timeout=5000)
    return panel


def drawn(window, qtbot, check) -> None:
    qtbot.waitUntil(lambda: window.result() is not None and check(window.result()),
                    timeout=5000)
    QApplication.processEvents()


def type_into(qtbot, entry, text: str) -> None:
    line = entry.lineEdit()
    qtbot.mouseClick(line, Qt.MouseButton.LeftButton)
    qtbot.keyClick(line, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(line, text)
    qtbot.keyClick(line, Qt.Key.Key_Return)
    QApplication.processEvents()


def choose(qtbot, panel, mode: str) -> None:
    """The selector, by keys as someone without a mouse would."""
    combo = panel.mode
    combo.setFocus()
    target = MODES.index(mode)
    while combo.currentIndex() != target:
        key = Qt.Key.Key_Down if combo.currentIndex() < target else Qt.Key.Key_Up
        qtbot.keyClick(combo, key)
    QApplication.processEvents()


def edge_texts(panel, drawing: int = 0) -> dict[tuple[int, int], str]:
    """Each edge's label: the band row of its target, in the order of its incoming edges."""
    graph = panel.drawings()[drawing].graph
    found = {}
    for node in graph.nodes:
        bands = panel.node_items[drawing][node.id].row_texts(BAND)
        incoming = [e for e in graph.edges if e.target == node.id]
        if node.id == graph.nodes[0].id:
            bands = bands[1:]  # the seed of backward
        for e, text in zip(incoming, bands, strict=True):
            found[(e.source, e.target)] = text.split(": ", 1)[-1]
    return found


def check_numbers(panel, graph) -> None:
    """Each edge label and each saved tensor on the panel is the graph's."""
    labels = edge_texts(panel)
    for e in graph.edges:
        assert close(labels[(e.source, e.target)], e.grad), (e, labels[(e.source, e.target)])
    for node in graph.nodes:
        saved = panel.node_items[0][node.id].row_texts(SAVED)
        for s in node.saved:
            if s.is_tensor and not s.truncated:
                text = next(t for t in saved if t.startswith(f"{s.short_name} = "))
                assert close(text.split(" = ", 1)[1], s.values), (node.name, s.name, text)


def test_a_typed_logit_updates_the_numbers_not_the_layout(window, qtbot):
    panel = open_tab(window, qtbot)
    graph = window.result().autograd_graph
    assert [d.graph for d in panel.drawings()] == [graph]
    check_numbers(panel, graph)
    layout = panel.layouts[0]
    items = dict(panel.node_items[0])
    type_into(qtbot, window.logits_editor.rows[1].entry, "-2.5")
    drawn(window, qtbot, lambda r: r.state.logits[1] == -2.5)
    new = window.result().autograd_graph
    assert new is not graph and new.shape_key() == graph.shape_key()
    check_numbers(panel, new)
    last = new.edges[-1]  # into the leaf: ∂L/∂a, which the new logit changed
    assert not close(edge_texts(panel)[(last.source, last.target)], graph.edges[-1].grad)
    assert panel.layouts[0] is layout  # not laid out again: the same cached object
    assert panel.node_items[0] == items  # the same boxes, their numbers rewritten
    # the loss changes the graph's shape: new boxes, a new layout
    window.set_state(window.state().replace(loss="sigmoid_focal"))
    drawn(window, qtbot, lambda r: r.state.loss == "sigmoid_focal")
    assert panel.layouts[0] is not layout
    focal = window.result().autograd_graph
    assert len(panel.node_items[0]) == len(focal.nodes) > len(graph.nodes)
    check_numbers(panel, focal)


@pytest.mark.parametrize("loss", LOSSES)
def test_stepping_follows_autograd_and_ends_at_the_closed_form(window, qtbot, loss):
    window.set_state(window.state().replace(logits=(1.5, -0.5, 0.25, 2.0), target=2,
                                            loss=loss))
    panel = open_tab(window, qtbot)
    drawn(window, qtbot, lambda r: r.state.loss == loss)
    graph = window.result().autograd_graph
    assert panel.stepped().graph is graph
    by_id = {n.id: n for n in graph.nodes}
    for k, step in enumerate(graph.steps):
        QTest.mouseClick(panel.step_button, Qt.MouseButton.LeftButton)
        assert panel.current_node() == graph.order[k] == step.node
        now = [i for i, item in panel.node_items[0].items() if item.role == NOW]
        assert now == [step.node]
        text = panel.readout.text()
        assert by_id[step.node].name in text.splitlines()[0]
        assert close(text.splitlines()[0].split("g = ", 1)[1], step.grad_output)
        products = [line.split("g·J = ", 1)[1] for line in text.splitlines() if "g·J = " in line]
        expected = [p for p in graph.local_step(k).products if p is not None]
        assert len(products) == len(expected)
        for shown, product in zip(products, expected, strict=True):
            assert close(shown, product, rtol=6e-4), (k, shown, product)
    QTest.mouseClick(panel.step_button, Qt.MouseButton.LeftButton)
    assert panel.current_node() is None
    end = panel.readout.text().splitlines()[0]
    grad, closed = graph.leaf_grads["a"], graph.closed_form["a"]
    np.testing.assert_allclose(grad, closed, rtol=1e-9, atol=1e-12)
    shown_grad, shown_closed = end.split("a.grad = ", 1)[1].split(" = closed form ")
    assert close(shown_grad, grad, rtol=6e-4) and close(shown_closed.split(" (")[0], closed,
                                                         rtol=6e-4)
    # the closed form and torch.autograd.grad agree with .grad, by the differences shown
    assert float(numbers(end.rsplit("max |diff| ", 1)[1])[0]) <= 1e-12
    other = panel.readout.text().splitlines()[1]
    autograd, here, views = numbers(other.split("differs by ", 1)[1])
    assert 0 <= autograd <= 1e-12
    assert here == pytest.approx(graph.loss, rel=1e-5)
    assert views == pytest.approx(window.result().chosen_gradient.value, rel=1e-5)
    assert "chosen" not in vars(window.result())  # the four ways (O(N²)) were not asked for


def test_the_end_text_reports_a_disagreement(window, qtbot, monkeypatch):
    """The differences shown are the graph's: a wrong autograd.grad would read as one."""
    panel = open_tab(window, qtbot)
    graph = window.result().autograd_graph
    monkeypatch.setitem(graph.autograd_grads, "a", graph.leaf_grads["a"] + 0.25)
    panel._show_numbers()
    other = panel.readout.text().splitlines()[1]
    assert numbers(other.split("differs by ", 1)[1])[0] == pytest.approx(0.25)


def test_captions_name_the_loss_as_the_chooser_does(window, qtbot):
    from gui.look.language import loss_title, short_name

    window.set_state(window.state().replace(loss="sigmoid_focal"))
    panel = open_tab(window, qtbot)
    drawn(window, qtbot, lambda r: r.state.loss == "sigmoid_focal")
    caption = panel.captions[0].text()
    assert loss_title("sigmoid_focal") in caption and short_name("sigmoid_focal") in caption
    assert "sigmoid_focal" not in caption
    choose(qtbot, panel, "regression")
    loss = window.state().regression.loss
    caption = panel.captions[0].text()
    assert loss_title(loss, "regression") in caption
    assert short_name(loss, "regression") in caption


def test_pitfalls_are_the_results_and_b_survives_a_logit_change(window, qtbot):
    """The panel reads the pitfalls from the Result; B reads the regression alone, so a
    logit typed in does not rebuild it."""
    panel = open_tab(window, qtbot)
    choose(qtbot, panel, "pitfall_b")
    result = window.result()
    b = result.late_requires_grad
    assert [d.graph for d in panel.drawings()] == [b.before, b.after]
    logits = (0.33, *window.state().logits[1:])  # (the logit entries are greyed here)
    window.set_state(window.state().replace(logits=logits))
    drawn(window, qtbot, lambda r: r.state.logits[0] == 0.33)
    assert window.result() is not result
    assert window.result().late_requires_grad is b
    assert panel.drawings()[1].graph is b.after
    choose(qtbot, panel, "pitfall_c")
    assert panel.stepped().graph is window.result().freed_graph.graph
    choose(qtbot, panel, "pitfall_d")
    assert panel.stepped().graph is window.result().softmax_rows[panel.row_spin.value()].graph


def test_the_state_changing_mid_step_keeps_the_step(window, qtbot):
    panel = open_tab(window, qtbot)
    for _ in range(3):
        QTest.mouseClick(panel.step_button, Qt.MouseButton.LeftButton)
    node = panel.current_node()
    type_into(qtbot, window.logits_editor.rows[0].entry, "0.75")
    drawn(window, qtbot, lambda r: r.state.logits[0] == 0.75)
    assert panel.position == 2 and panel.current_node() == node
    step = window.result().autograd_graph.steps[2]
    assert close(panel.readout.text().splitlines()[0].split("g = ", 1)[1], step.grad_output)


def test_reset_and_play_walk_backward_to_the_end(window, qtbot):
    panel = open_tab(window, qtbot)
    assert panel.timer.interval() == STEP_MS
    QTest.mouseClick(panel.reset_button, Qt.MouseButton.LeftButton)
    graph = panel.stepped().graph
    assert panel.current_node() is None and panel.position == -1
    assert all(text == panel.tr("not yet") for text in edge_texts(panel).values())
    leaf = graph.leaf_node("a").id
    assert panel.node_items[0][leaf].row_texts("grad") == ["a.grad = None"]
    panel.timer.setInterval(60)  # the same timer, faster, so the test is short
    QTest.mouseClick(panel.play_button, Qt.MouseButton.LeftButton)
    assert panel.timer.isActive() and not panel.step_button.isEnabled()
    seen = set()
    qtbot.waitUntil(lambda: seen.add(panel.current_node()) or panel.position == len(graph.steps),
                    timeout=5000)
    assert not panel.timer.isActive() and panel.step_button.isEnabled()
    assert seen - {None} <= set(graph.order) and len(seen - {None}) >= 2
    assert "closed form" in panel.readout.text()
    check_numbers(panel, graph)


def test_pitfall_c_shows_freed_tensors_and_torchs_error(window, qtbot):
    panel = open_tab(window, qtbot)
    choose(qtbot, panel, "pitfall_c")
    c = freed_graph(window.state())
    assert c.error and c.error_type
    note = panel.note.text()
    assert c.error in note and c.error_type in note
    assert close(note.split("accumulates: ", 1)[1].split(" after the first")[0], c.grad_first,
                 rtol=6e-4)
    np.testing.assert_allclose(c.grad_second, 2 * c.grad_first)
    assert close(note.split("after the first, ", 1)[1].split(" after the second")[0],
                 c.grad_second, rtol=6e-4)
    freed_rows = [t for items in panel.node_items for item in items.values()
                  for t in item.row_texts("freed")]
    expected = sum(s.freed for n in c.graph.nodes for s in n.saved)
    assert expected and len(freed_rows) == expected
    assert all(t.endswith(": freed") for t in freed_rows)


def test_pitfall_b_shows_the_graph_without_w_then_with_it(window, qtbot):
    panel = open_tab(window, qtbot)
    choose(qtbot, panel, "pitfall_b")
    b = late_requires_grad(window.state())
    before, after = panel.drawings()
    assert before.graph.shape_key() == b.before.shape_key()
    assert after.graph.shape_key() == b.after.shape_key()

    def titles(k: int) -> list[str]:
        return [t for item in panel.node_items[k].values() for t in item.row_texts("title")]

    assert not any("leaf w" in t for t in titles(0)) and any("leaf b" in t for t in titles(0))
    assert any("leaf w" in t for t in titles(1)) and any("leaf b" in t for t in titles(1))
    assert b.error in panel.note.text()


def test_pitfall_d_the_vjp_is_the_jacobian_row(window, qtbot):
    panel = open_tab(window, qtbot)
    choose(qtbot, panel, "pitfall_d")
    assert panel.row_spin.isVisible()
    type_into(qtbot, panel.row_spin, "1")
    assert panel.row_spin.value() == 1
    d = softmax_row_graph(window.state(), 1)
    np.testing.assert_allclose(d.vjp, d.jacobian_row, atol=1e-15)
    note = panel.note.text()
    assert d.error in note
    vjp_text = note.split("∂p/∂a = ", 1)[1].split(", row 1")[0]
    assert close(vjp_text, d.vjp, rtol=6e-4)
    assert close(note.split("its formula: ", 1)[1].split("; max")[0], d.jacobian_row, rtol=6e-4)
    graph = panel.stepped().graph
    assert graph.shape_key() == d.graph.shape_key()
    leaf = graph.leaf_node("a").id
    assert close(panel.node_items[0][leaf].row_texts("grad")[0].split(" = ", 1)[1], d.vjp)
    # the seed of backward is the one-hot e_1
    seed = panel.node_items[0][graph.nodes[0].id].row_texts(BAND)[0]
    assert close(seed.split(" = ", 2)[2], [0.0, 1.0, 0.0])


def test_regression_graph_has_both_leaves(window, qtbot):
    panel = open_tab(window, qtbot)
    choose(qtbot, panel, "regression")
    graph = window.result().regression_graph
    assert panel.stepped().graph is graph
    for _ in range(len(graph.steps) + 1):
        QTest.mouseClick(panel.step_button, Qt.MouseButton.LeftButton)
    end = panel.readout.text()
    for leaf in ("w", "b"):
        part = end.split(f"{leaf}.grad = ", 1)[1].split(" (max")[0]
        shown, closed = part.split(" = closed form ")
        assert close(shown, graph.leaf_grads[leaf], rtol=6e-4)
        assert close(closed, graph.closed_form[leaf], rtol=6e-4)


def test_core_graph_equals_the_panels(window, qtbot):
    """The panel draws the Result's graph: the same as core's for the same State."""
    panel = open_tab(window, qtbot)
    again = classifier_graph(window.state())
    assert panel.stepped().graph.shape_key() == again.shape_key()
    check_numbers(panel, again)


def test_export_from_the_command_line(tmp_path):
    out = tmp_path / "g.png"
    run = subprocess.run([sys.executable, "main.py", "export", str(out), "--view", "graph"],
                         cwd=ROOT, capture_output=True, text=True, timeout=180,
                         env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert run.returncode == 0, run.stderr
    from PIL import Image

    with Image.open(out) as image:
        assert image.size == registry.entry("graph").export_size
        colours = image.convert("RGB").getcolors(maxcolors=1 << 20)
        assert colours is not None and len(colours) > 50  # drawn, not blank


def test_a_figure_shows_the_graph_and_readout_not_the_buttons(window, qtbot):
    from gui.shell.figure_mode import figure_mode

    window.set_state(window.state().replace(loss="sigmoid_focal"))  # a tall graph
    panel = open_tab(window, qtbot)
    choose(qtbot, panel, "pitfall_c")
    drawn(window, qtbot, lambda r: r.state.loss == "sigmoid_focal")
    assert panel.view.viewport().size() != panel.view.size()  # on screen it scrolls
    with figure_mode(panel):
        assert panel.controls.isHidden() and not panel.step_button.isVisible()
        assert panel.view.isVisible() and panel.readout.isVisible() and panel.note.isVisible()
        view = panel.view
        assert view.viewport().size() == view.size()  # no scroll bars take room
        # the whole graph in sight, however tall
        shown = panel.view.mapToScene(panel.view.viewport().rect()).boundingRect()
        assert shown.contains(panel.scene.itemsBoundingRect())
    assert not panel.controls.isHidden() and panel.step_button.isVisible()


def test_now_and_leaf_mean_the_same_in_both_themes(window, qtbot, switched):
    from gui.look.plot_style import HIGHLIGHT_COLOR, PROB_COLOR

    light = open_tab(window, qtbot)._palette
    dark_window = switched(theme_name="dark")
    qtbot.waitUntil(lambda: dark_window.result() is not None, timeout=10000)
    dark = open_tab(dark_window, qtbot)._palette
    assert light.now == dark.now == HIGHLIGHT_COLOR
    assert light.leaf == dark.leaf == PROB_COLOR
    assert light.background != dark.background and light.ink != dark.ink


@pytest.mark.parametrize("mode", MODES)
def test_it_fits_a_1024_by_680_window(window, qtbot, mode):
    """Small screens: the tab asks no more room than the window has and never scrolls
    sideways; the graph itself scrolls (and zooms) inside its own view if it must."""
    window.resize(1024, 680)
    panel = open_tab(window, qtbot)
    choose(qtbot, panel, mode)
    for _ in range(3):
        QApplication.processEvents()
    minimum = window.minimumSizeHint()
    assert minimum.width() <= 1000 and minimum.height() <= 656, minimum
    assert window.size().width() == 1024
    scroll = window.lazy_panels["graph"].scroll_area
    assert not scroll.horizontalScrollBar().isVisible()
    assert panel.view.height() >= 200 and panel.view.width() >= 500
    assert panel.view.transform().m11() >= 0.8 - 1e-9  # text kept readable


def test_a_language_switch_keeps_the_graph_chosen(window, qtbot, switched):
    panel = open_tab(window, qtbot)
    choose(qtbot, panel, "pitfall_d")
    type_into(qtbot, panel.row_spin, "2")
    zh = switched(language="zh_CN")
    qtbot.waitUntil(lambda: zh.result() is not None, timeout=10000)
    new = zh.panel("graph")
    assert new is not panel
    assert new.current_mode() == "pitfall_d" and new.row_spin.value() == 2
    assert zh.tabs.currentWidget() is zh.lazy_panels["graph"]
    qtbot.waitUntil(lambda: new.drawings() != [], timeout=5000)
    assert new.stepped().graph.shape_key() == softmax_row_graph(zh.state(), 2).graph.shape_key()


# --------------------------------------------------------------------------- the trial's fixes
@pytest.fixture
def real_export(window, monkeypatch):
    """The window with the real export dialog (the other dialogs still refused), and every
    figure it writes recorded: the widget drawn, its step readout and the graph's scale."""
    from gui.shell import file_actions

    for name in ("ask_export", "ExportDialog", "ExportRequest"):
        monkeypatch.setattr(dialogs, name, REAL_DIALOGS[name])
    drawn_figures = []
    real_export_widget = file_actions.export_widget

    def recording(target, path, *args, **kwargs):
        from gui.shell.figure_mode import figure_mode

        with figure_mode(target):  # as export_widget draws it (figure mode nests)
            drawn_figures.append({"size": (target.width(), target.height()),
                                  "readout": target.readout.text(),
                                  "position": target.position,
                                  "scale": target.view.transform().m11(),
                                  "smallest_px": smallest_text_px(target)})
        return real_export_widget(target, path, *args, **kwargs)

    monkeypatch.setattr(file_actions, "export_widget", recording)
    window.drawn_figures = drawn_figures
    return window


def smallest_text_px(panel) -> float:
    from PySide6.QtGui import QFontInfo

    from gui.items.graph_items import MEANING

    return min(QFontInfo(panel._fonts[k]).pixelSize() for k in (MEANING, SAVED))


def export_by_dialog(qtbot, window, path, fixed_size: bool) -> tuple[int, int] | None:
    """File ▸ Export figure by Ctrl+E on the graph's tab, "Lay out at" ticked or not,
    saved with its button; the size the dialog offered."""
    from PySide6.QtWidgets import QDialogButtonBox

    def fill(dialog):
        assert dialog.view.currentData() == "graph"  # opened on its tab: the graph
        if dialog.fixed_size.isChecked() != fixed_size:
            QTest.mouseClick(dialog.fixed_size, Qt.MouseButton.LeftButton,
                             pos=dialog.fixed_size.rect().center())
        dialog.path.selectAll()
        QTest.keyClicks(dialog.path, str(path))
        offered = (dialog.width_box.value(), dialog.height_box.value())
        QTest.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save),
                         Qt.MouseButton.LeftButton)
        assert dialog.message.text() == ""
        return offered

    def ctrl_e():
        window.activateWindow()  # (offscreen, the export's unseen window took activation)
        QApplication.processEvents()
        QTest.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)

    seen = run_in_modal(REAL_DIALOGS["ExportDialog"], ctrl_e, fill)
    assert not seen["open"]
    return seen["result"]


def tab_picture(window):
    for _ in range(4):
        QApplication.processEvents()
    return window.lazy_panels["graph"].grab().toImage()


@pytest.mark.parametrize("mode", ["classifier", "pitfall_c"])
def test_an_export_leaves_the_tab_as_it_was_and_shows_the_step_on_screen(
        real_export, qtbot, tmp_path, mode):
    """The trial: Export figure, View = Autograd graph, PNG, "Lay out at 1000×1150", Save
    left the tab with an outer scroll bar, the buttons scrolling away, the readout gone
    and the graph cut at the left; and the figure said "Backward done" at step 3."""
    window = real_export
    window.set_state(window.state().replace(loss="sigmoid_focal"))
    window.resize(1024, 680)
    panel = open_tab(window, qtbot)
    choose(qtbot, panel, mode)
    drawn(window, qtbot, lambda r: r.state.loss == "sigmoid_focal")
    QTest.mouseClick(panel.reset_button, Qt.MouseButton.LeftButton)
    for _ in range(3):
        QTest.mouseClick(panel.step_button, Qt.MouseButton.LeftButton)
    on_screen = panel.readout.text()
    assert on_screen.startswith("Step 3 of")
    before = tab_picture(window)
    scroll = window.lazy_panels["graph"].scroll_area
    offered = export_by_dialog(qtbot, window, tmp_path / "at-size.png", fixed_size=True)
    assert offered == registry.entry("graph").export_size
    assert tab_picture(window) == before  # exactly as before
    assert not scroll.verticalScrollBar().isVisible()
    assert not scroll.horizontalScrollBar().isVisible()
    figure = window.drawn_figures[-1]
    assert figure["size"] == offered
    assert figure["readout"] == on_screen and figure["position"] == panel.position == 2
    export_by_dialog(qtbot, window, tmp_path / "shown.png", fixed_size=False)
    assert tab_picture(window) == before
    assert window.drawn_figures[-1]["readout"] == on_screen
    # a tab switch and back: still the same
    window.show_view("softmax")
    open_tab(window, qtbot)
    assert tab_picture(window) == before


@pytest.mark.parametrize("kind", ["png", "svg"])
def test_the_default_figure_of_the_graph_is_readable(real_export, qtbot, tmp_path, kind):
    """The 1× export at the on-screen size fitted the whole focal graph into 720×598:
    ~3 px text. The figure grows until its smallest node text is FIGURE_TEXT_PX."""
    from gui.panels.graph_panel import FIGURE_TEXT_PX

    window = real_export
    window.set_state(window.state().replace(loss="sigmoid_focal"))
    window.resize(1024, 680)
    panel = open_tab(window, qtbot)
    drawn(window, qtbot, lambda r: r.state.loss == "sigmoid_focal")
    out = tmp_path / f"graph.{kind}"
    export_by_dialog(qtbot, window, out, fixed_size=False)
    figure = window.drawn_figures[-1]
    assert figure["scale"] * figure["smallest_px"] >= FIGURE_TEXT_PX - 0.05, figure
    assert figure["size"][0] >= panel.width() and figure["size"][1] > panel.height()
    if kind == "png":
        from PIL import Image

        with Image.open(out) as image:
            assert image.size == figure["size"]
    else:
        assert f'width="{figure["size"][0]}' in out.read_text()[:2000]


def test_pitfall_c_frees_a_nodes_tensors_only_once_it_has_run(window, qtbot):
    panel = open_tab(window, qtbot)
    choose(qtbot, panel, "pitfall_c")
    graph = panel.stepped().graph
    QTest.mouseClick(panel.reset_button, Qt.MouseButton.LeftButton)

    def check() -> None:
        ran = panel._ran(panel.stepped())
        for node in graph.nodes:
            item = panel.node_items[0][node.id]
            held = [s for s in node.saved_before if s.is_tensor]
            freed = item.row_texts("freed")
            if ran(node.id) == "done":
                assert len(freed) == sum(s.freed for s in node.saved), node.name
            else:  # not yet run, or running: the values forward saved
                assert freed == [], (panel.position, node.name, freed)
                saved = item.row_texts(SAVED)
                for s in held:
                    text = next(t for t in saved if t.startswith(f"{s.short_name} = "))
                    assert close(text.split(" = ", 1)[1], s.values), (node.name, text)

    check()
    assert any(s.freed for n in graph.nodes for s in n.saved)
    for _ in range(len(graph.steps) + 1):
        QTest.mouseClick(panel.step_button, Qt.MouseButton.LeftButton)
        check()
    assert panel.position == len(graph.steps)


def test_freed_tensors_look_unlike_meaning_lines(window, qtbot):
    from gui.items.graph_items import FREED, MEANING

    panel = open_tab(window, qtbot)
    freed, meaning = panel._fonts[FREED], panel._fonts[MEANING]
    assert freed.strikeOut() and not freed.italic()
    assert meaning.italic() and not meaning.strikeOut()
    key = panel.key.text()
    assert "grey italic" not in key and "<s>" in key and "a saved tensor freed" in key


def wheel(view, delta: int, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent

    viewport = view.viewport()
    at = QPointF(viewport.rect().center())
    event = QWheelEvent(at, QPointF(viewport.mapToGlobal(at.toPoint())), QPoint(0, 0),
                        QPoint(0, delta), Qt.MouseButton.NoButton, modifiers,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(viewport, event)
    QApplication.processEvents()


def test_the_wheel_scrolls_and_ctrl_wheel_zooms(window, qtbot):
    window.set_state(window.state().replace(loss="sigmoid_focal"))  # a tall graph
    window.resize(1024, 680)
    panel = open_tab(window, qtbot)
    drawn(window, qtbot, lambda r: r.state.loss == "sigmoid_focal")
    view = panel.view
    bar = view.verticalScrollBar()
    assert bar.isVisible() and bar.value() == bar.minimum()
    scale = view.transform().m11()
    wheel(view, -120)  # down
    assert view.transform().m11() == scale and bar.value() > bar.minimum()
    wheel(view, 120, Qt.KeyboardModifier.ControlModifier)
    assert view.transform().m11() == pytest.approx(scale * 1.15)
    assert "Ctrl+wheel" in view.toolTip()


@pytest.mark.parametrize("loss", LOSSES)
def test_the_graph_fits_the_width_of_a_1024_by_680_window(window, qtbot, loss):
    window.set_state(window.state().replace(loss=loss))
    window.resize(1024, 680)
    panel = open_tab(window, qtbot)
    drawn(window, qtbot, lambda r: r.state.loss == loss)
    for _ in range(3):
        QApplication.processEvents()
    view = panel.view
    assert not view.horizontalScrollBar().isVisible()
    caption = view.mapFromScene(panel.captions[0].sceneBoundingRect().topLeft())
    assert caption.x() >= 0  # the title's start in sight
    assert view.transform().m11() >= 0.75 - 1e-9


def test_saved_options_say_what_they_mean(window, qtbot):
    from core.graph_nodes import REDUCTIONS

    window.set_state(window.state().replace(loss="nll"))
    panel = open_tab(window, qtbot)
    drawn(window, qtbot, lambda r: r.state.loss == "nll")
    graph = panel.stepped().graph
    assert REDUCTIONS == {0: "none", 1: "mean", 2: "sum"}

    def rows(name: str) -> str:
        node = next(n for n in graph.nodes if n.name == name)
        return " ".join(panel.node_items[0][node.id].row_texts(SAVED))

    assert "reduction = 1 (mean)" in rows("NllLossBackward0")
    assert "weight: none given" in rows("NllLossBackward0")
    div = rows("DivBackward0")
    assert "self: not saved" in div and "= None" not in div
    assert not any("= None" in t for item in panel.node_items[0].values()
                   for t in item.row_texts(SAVED))


def test_pitfall_notes_end_torchs_message_before_the_next_sentence(window, qtbot):
    panel = open_tab(window, qtbot)
    choose(qtbot, panel, "pitfall_d")
    d = window.result().softmax_rows[panel.row_spin.value()]
    assert not d.error.endswith(".")  # torch's own text has no full stop
    assert f"{d.error}. With grad_outputs" in panel.note.text()


def test_two_children_of_the_same_name_are_told_apart(window, qtbot):
    window.set_state(window.state().replace(loss="sigmoid_focal"))
    panel = open_tab(window, qtbot)
    drawn(window, qtbot, lambda r: r.state.loss == "sigmoid_focal")
    graph = panel.stepped().graph
    QTest.mouseClick(panel.reset_button, Qt.MouseButton.LeftButton)
    twins = 0
    for _ in graph.steps:
        QTest.mouseClick(panel.step_button, Qt.MouseButton.LeftButton)
        targets = [line.split(":", 1)[0] for line in panel.readout.text().splitlines()
                   if line.startswith("to ")]
        assert len(set(targets)) == len(targets), targets
        twins += len({t.split(" #")[0] for t in targets}) < len(targets)
    assert twins  # the focal graph's AddBackward0 feeds two MulBackward0


def test_the_regression_end_line_is_cores(window, qtbot, monkeypatch):
    panel = open_tab(window, qtbot)
    choose(qtbot, panel, "regression")
    graph = panel.stepped().graph
    monkeypatch.setitem(graph.autograd_grads, "w", graph.leaf_grads["w"] + 0.25)
    panel._show_numbers()
    last = panel.readout.text().splitlines()[-1]
    assert numbers(last.split("max |diff| ", 1)[1])[0] == pytest.approx(0.25)
