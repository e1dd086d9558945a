"""gui/registry.py declares every view and panel once: the grid and the tabs, File ▸ Export,
Help ▸ Formulas and `main.py export --view` read it. A new panel is one module and one
entry: a test-only panel registered for a test shows up everywhere and exports."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

import main
from gui import registry

ROOT = Path(__file__).resolve().parent.parent
CLI_ORDER = ("all", "softmax", "jacobian", "surface", "gradients", "regression", "two_ways",
             "binary", "graph", "pitfalls", "code", "mse_vs_ce")
TABS = ["Classifier", "Regression", "Saturation", "Two ways", "Binary", "Autograd graph",
        "Pitfalls", "Code"]


def test_help_and_the_registry_load_no_qt():
    code = ("import sys, main\n"
            "main.build_parser()\n"
            "from gui import registry\n"
            "registry.export_choices(), registry.entry('pitfalls').export_size\n"
            "assert 'PySide6' not in sys.modules and 'torch' not in sys.modules\n")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                         text=True, timeout=30)
    assert out.returncode == 0, out.stderr


def test_entries_are_well_formed():
    entries = registry.entries()
    assert len({e.name for e in entries}) == len(entries)
    assert {e.place for e in entries} == {registry.GRID, registry.TAB}
    grid = registry.entries(registry.GRID)
    assert [e.name for e in grid] == ["softmax", "jacobian", "surface", "gradients"]
    assert not any(e.lazy for e in grid)  # the grid shows all four at once
    attributes = [e.attribute for e in entries if e.attribute]
    assert len(set(attributes)) == len(attributes)
    for e in entries:
        assert callable(e.widget_class().set_result), e.name


def test_orders_stay_as_they_were(window, capsys):
    assert registry.export_choices() == CLI_ORDER
    with pytest.raises(SystemExit):
        main.main(["export", "--help"])
    assert "--view {" + ",".join(CLI_ORDER) + "}" in capsys.readouterr().out
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == TABS
    assert [key for key, _ in window.export_choices()] == [
        "all", "softmax", "jacobian", "surface", "gradients", "regression", "mse_vs_ce",
        "two_ways", "binary", "graph", "pitfalls", "code"]


def test_old_attributes_reach_the_registry_panels(window):
    assert window.softmax_view is window.views["softmax"] is window.panel("softmax")
    assert not window.is_built("code")
    assert window.code_tab is window.panel("code") and window.is_built("code")


# ---------------------------------------------------------------------- a new panel
class DummyPanel(QWidget):
    """What a new panel needs: a QWidget that shows a Result in set_result."""

    def __init__(self) -> None:
        super().__init__()
        self.label = QLabel(self)
        QVBoxLayout(self).addWidget(self.label)
        self.shown: list = []
        self.prepared = 0
        self.taken_over = None

    def set_result(self, result) -> None:
        self.shown.append(result.state)
        self.label.setText(f"CE {result.classifier.cross_entropy:.4f}")


def _prepare(panel: DummyPanel) -> None:
    panel.prepared += 1


def _hand_over(old: DummyPanel, new: DummyPanel, state) -> None:
    new.taken_over = (old, state)


DUMMY = registry.Entry("dummy", "Dummy panel", f"{__name__}:DummyPanel",
                       export_size=(420, 300), before_export=_prepare, hand_over=_hand_over)


@pytest.fixture
def registered(monkeypatch):
    """DUMMY after every real entry, for one test."""
    monkeypatch.setattr(registry, "ENTRIES", (*registry.ENTRIES, DUMMY))


@pytest.fixture
def dummy_window(registered, window):
    """The one window fixture's window, built with DUMMY registered."""
    return window


def test_a_registered_panel_is_a_tab_and_an_export_choice(dummy_window, qtbot):
    window = dummy_window
    last = window.tabs.count() - 1
    assert window.tabs.tabText(last) == "Dummy panel"
    assert window.export_choices()[-1] == ("dummy", "Dummy panel")
    assert not window.is_built("dummy")  # built when first shown
    window.show_view("dummy")
    assert window.tabs.currentIndex() == last
    panel = window.panel("dummy")
    qtbot.waitUntil(lambda: panel.shown == [window.state()])
    args = main.build_parser().parse_args(["export", "x.png", "--view", "dummy"])
    assert isinstance(args, argparse.Namespace) and args.view == "dummy"


def test_a_registered_panel_exports_from_the_window(dummy_window, tmp_path):
    window = dummy_window
    out = tmp_path / "dummy.png"
    assert window.tabs.currentIndex() == 0
    assert window.files.export(out, "dummy", 1)
    panel = window.panel("dummy")
    assert panel.prepared == 1 and panel.shown == [window.state()]
    assert window.tabs.currentIndex() == 0  # the user's tab comes back
    image = QImage(str(out))
    assert (image.width(), image.height()) == (panel.width(), panel.height())


def test_a_registered_panel_hands_over_on_a_switch(dummy_window, switched):
    window = dummy_window
    old = window.panel("dummy")
    state = window.state()
    new = switched(theme_name="dark")
    assert new.tabs.tabText(new.tabs.count() - 1) == "Dummy panel"
    assert new.panel("dummy").taken_over == (old, state)


def test_a_registered_panel_exports_from_the_command_line(tmp_path):
    """`main.py export --view NAME` at the entry's export size, through the registry."""
    out = tmp_path / "dummy.png"
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QLabel\n"
        "from gui import registry\n"
        "import main\n"
        "class Panel(QLabel):\n"
        "    def set_result(self, result):\n"
        "        self.setText(str(result.state.logits))\n"
        "registry.ENTRIES += (registry.Entry('dummy', 'Dummy', '__main__:Panel',\n"
        "                                    export_size=(420, 300)),)\n"
        f"sys.exit(main.main(['export', {str(out)!r}, '--view', 'dummy']))\n")
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                         text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (420, 300)
