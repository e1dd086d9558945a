"""Every view and panel of the window, each declared once.

The classifier grid and the tabs, File ▸ Export's choices, Help ▸ Formulas' links, the
export sizes and `main.py export --view` all read ENTRIES, so they always agree. A new
panel is one module (a QWidget with set_result(Result)) and one Entry here.

Importable without Qt, for `main.py --help`: a widget's class is named by a dotted path
and imported when the window first builds it; a label is translated when it is shown.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from typing import Any

CONTEXT = "Views"  # the labels' translation context (resources/translations/*.ts)
GRID = "grid"  # on the Classifier tab, in its 2×2 grid, all four shown at once
TAB = "tab"  # on a tab of its own, after the Classifier tab
DEFAULT_EXPORT_SIZE = (800, 600)  # pixels of `main.py export --view NAME` without --size


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks a label for lupdate (tools/translations.py), which finds this call by its
    name; Entry.title() translates it when it is shown."""
    return text


@dataclass(frozen=True)
class Entry:
    """A view or panel: what it is called, where it lives, how it is built and what it
    draws for a figure. Its widget shows a Result: set_result(result)."""

    name: str  # the export name: `main.py export --view NAME`, a preset's "view"
    label: str  # English source text, marked with QT_TRANSLATE_NOOP(CONTEXT, …)
    widget: str  # "package.module:Class", imported when the widget is first built
    place: str = TAB  # GRID or TAB
    needs_store: bool = False  # built as Class(store): it edits the state (a StateEditor)
    lazy: bool = True  # built when first shown or exported (grid views: with the window)
    export_size: tuple[int, int] = DEFAULT_EXPORT_SIZE  # a figure of it alone
    # called with the built widget before it is drawn for a figure
    before_export: Callable[[Any], None] | None = None
    # a language or theme switch rebuilds the window: (old widget, new widget, State)
    hand_over: Callable[[Any, Any, Any], None] | None = None
    # the window's attribute for it (window.softmax_view); newer code says window.panel(name)
    attribute: str | None = None
    # `export --help` lists views by this, then in ENTRIES' order
    help_order: int = 0

    def title(self) -> str:
        """The label in the current language (needs Qt)."""
        from PySide6.QtCore import QCoreApplication

        return QCoreApplication.translate(CONTEXT, self.label)

    def widget_class(self) -> type:
        module, _, cls = self.widget.partition(":")
        return getattr(import_module(module), cls)

    def build(self, store=None):  # -> QWidget
        cls = self.widget_class()
        return cls(store) if self.needs_store else cls()


def _run_every_card(pitfalls) -> None:
    """A figure of the pitfalls shows what torch raised."""
    pitfalls.run_every_card()


def _keep_runs(old, new, state) -> None:
    """The cards the user ran stay run."""
    new.take_over_runs(old.ran(state))


def _keep_graph_choice(old, new, state) -> None:
    """The graph chosen on the Graph tab (and pitfall D's row) stays."""
    new.take_over(old)


ENTRIES: tuple[Entry, ...] = (
    Entry("softmax", QT_TRANSLATE_NOOP("Views", "Softmax"),
          "gui.views.softmax_view:SoftmaxView",
          place=GRID, lazy=False, attribute="softmax_view"),
    Entry("jacobian", QT_TRANSLATE_NOOP("Views", "Jacobian"),
          "gui.views.jacobian_view:JacobianView",
          place=GRID, lazy=False, attribute="jacobian_view"),
    # its map keeps equal scales: 620 wide (not 800) is what a square map needs beside its
    # axes and colour bar at 600 high, so no empty bands flank it (measured: the map
    # fills ≥ 98% of the plot's width and height, in English, Chinese, presentation mode)
    Entry("surface", QT_TRANSLATE_NOOP("Views", "Loss surface"),
          "gui.views.surface_view:SurfaceView",
          place=GRID, lazy=False, export_size=(620, 600), attribute="surface_view"),
    Entry("gradients", QT_TRANSLATE_NOOP("Views", "Gradients & checks"),
          "gui.views.gradients_view:GradientsView",
          place=GRID, lazy=False, attribute="gradients_view"),
    Entry("regression", QT_TRANSLATE_NOOP("Views", "Regression"),
          "gui.panels.regression:RegressionTab",
          needs_store=True, export_size=(1100, 700), attribute="regression_tab"),
    # listed last by `export --help`, where it came after Code (README's usage line)
    Entry("mse_vs_ce", QT_TRANSLATE_NOOP("Views", "Saturation"),
          "gui.panels.mse_vs_ce_view:MseVsCeView", needs_store=True,
          attribute="mse_vs_ce_view", help_order=1),
    Entry("two_ways", QT_TRANSLATE_NOOP("Views", "Two ways"),
          "gui.panels.two_ways_tab:TwoWaysTab",
          export_size=(1000, 820), attribute="two_ways_tab"),
    Entry("binary", QT_TRANSLATE_NOOP("Views", "Binary"),
          "gui.panels.binary_panel:BinaryPanel",
          needs_store=True, export_size=(1100, 760), attribute="binary_panel"),
    Entry("graph", QT_TRANSLATE_NOOP("Views", "Autograd graph"),
          "gui.panels.graph_panel:GraphPanel",
          export_size=(1000, 1150), hand_over=_keep_graph_choice, attribute="graph_panel"),
    Entry("pitfalls", QT_TRANSLATE_NOOP("Views", "Pitfalls"),
          "gui.panels.pitfalls_tab:PitfallsTab",
          export_size=(900, 1300), before_export=_run_every_card, hand_over=_keep_runs,
          attribute="pitfalls_tab"),
    Entry("code", QT_TRANSLATE_NOOP("Views", "Code"),
          "gui.panels.code_tab:CodeTab",
          export_size=(900, 900), attribute="code_tab"),
)


def entries(place: str | None = None) -> tuple[Entry, ...]:
    """Every entry in order, or those at `place` (GRID or TAB)."""
    return tuple(e for e in ENTRIES if place is None or e.place == place)


def entry(name: str) -> Entry:
    for candidate in ENTRIES:
        if candidate.name == name:
            return candidate
    raise KeyError(f"no view {name!r}; choose from all, {', '.join(names())}")


def names() -> list[str]:
    return [e.name for e in ENTRIES]


def export_choices() -> tuple[str, ...]:
    """`main.py export --view`: the whole window, then each view."""
    return ("all", *(e.name for e in sorted(ENTRIES, key=lambda e: e.help_order)))


def view_labels() -> dict[str, str]:
    """Export name → label in the current language (needs Qt)."""
    return {e.name: e.title() for e in ENTRIES}
