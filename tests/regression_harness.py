"""A small harness that stands in for the window around the Regression tab: a StateStore,
the tab, and on every `changed` core.compute(state) -> tab.set_state + tab.set_result."""

from types import SimpleNamespace

from PySide6.QtWidgets import QApplication

from core import State, compute
from gui.controls.state_store import StateStore
from gui.look.plot_style import configure_pyqtgraph
from gui.panels.regression import RegressionTab


def regression_harness(qtbot, state: State, width: int, height: int) -> SimpleNamespace:
    """The tab shown at width × height on `state`: .store, .tab, .result() (the last
    computed), .state(), .rejected (what the tab refused) and .show(state) (a request to
    the store, then the event loop)."""
    configure_pyqtgraph()
    store = StateStore(state)
    tab = RegressionTab(store)
    qtbot.addWidget(tab)
    results, rejected = [], []

    def on_changed(state):
        result = compute(state)
        results.append(result)
        tab.set_state(state)
        tab.set_result(result)

    store.changed.connect(on_changed)
    tab.rejected.connect(rejected.append)
    tab.set_state(store.state())
    tab.resize(width, height)
    tab.show()
    store.refresh()
    QApplication.processEvents()

    def show(state):
        store.request(state, "", "test")
        QApplication.processEvents()

    return SimpleNamespace(store=store, tab=tab, result=lambda: results[-1], show=show,
                           state=store.state, rejected=rejected)
