"""The plots' right-click menu: in the window's language, and its export is the app's own."""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QMenu

from gui.shell import dialogs
from gui.shell.dialogs import ExportRequest


def right_click_menu(qtbot, plot_widget) -> QMenu:
    """Right-click the middle of a plot, as a user does; the menu pyqtgraph pops up."""
    box = plot_widget.getPlotItem().getViewBox()
    centre = plot_widget.mapFromScene(box.sceneBoundingRect().center())
    qtbot.mouseClick(plot_widget.viewport(), Qt.MouseButton.RightButton, pos=centre)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu), timeout=3000)
    return QApplication.activePopupWidget()


def texts(menu: QMenu) -> list[str]:
    return [a.text() for a in menu.actions() if not a.isSeparator()]


def test_the_plot_menu_is_chinese_and_exports_its_view(switched, qtbot, tmp_path, monkeypatch):
    window = switched(language="zh_CN")
    qtbot.waitUntil(lambda: window.result() is not None, timeout=10000)
    asked = []
    out = tmp_path / "softmax.png"

    def ask(parent, views, suggested, current="all", save=None, **choices):
        asked.append(current)
        request = ExportRequest(Path(out), current, 1)
        assert save(request) == ""  # the dialog's Save: written, nothing to say
        return request

    monkeypatch.setattr(dialogs, "ask_export", ask)
    menu = right_click_menu(qtbot, window.softmax_view.plot_widget)
    shown = texts(menu)
    assert shown[:4] == ["显示全部", "X 轴", "Y 轴", "鼠标模式"], shown
    assert "绘图选项" in shown
    assert "Export..." not in shown and not any("Export" in t for t in shown), shown
    export = [a for a in menu.actions() if a.text() == "导出“Softmax”的图…"]
    assert len(export) == 1, shown
    menu.close()
    export[0].trigger()
    assert asked == ["softmax"]  # the app's export dialog, with this plot's view chosen
    assert QImage(str(out)).size() == window.softmax_view.size()


def test_every_plot_of_a_later_panel_exports_its_own_view(window, qtbot, monkeypatch):
    """A panel built when its tab is first shown gets the same menu (Saturation here)."""
    asked = []
    monkeypatch.setattr(dialogs, "ask_export",
                        lambda parent, views, suggested, current="all", **dialog:
                        asked.append(current))
    window.show_view("mse_vs_ce")
    panel = window.panel("mse_vs_ce")
    menu = right_click_menu(qtbot, panel.plot_widget)
    shown = texts(menu)
    menu.close()
    assert shown[0] == "View All"
    assert "Export figure of “Saturation”…" in shown and "Export..." not in shown, shown
    panel.plot_widget.scene().contextMenu[0].trigger()
    window.jacobian_view.plot_widget.scene().contextMenu[0].trigger()
    assert asked == ["mse_vs_ce", "jacobian"]  # the app's dialog, each with its own view


def test_pyqtgraphs_own_exporter_is_not_reachable(window):
    for name in window.views:
        for scene in _scenes(window.panel(name)):
            assert [a.objectName() for a in scene.contextMenu] == [f"export_{name}",
                                                                   f"copy_{name}"]


def _scenes(widget):
    from gui.shell.plot_menus import scenes_of

    return scenes_of(widget)
