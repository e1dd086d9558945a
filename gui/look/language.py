"""The interface language: English (the source texts) or Simplified Chinese, via Qt's translators.

The app's own texts come from resources/translations/loss_lens_<code>.qm (built from the
.ts by `make`, see tools/translations.py); Qt's standard buttons and dialogs from Qt's own
qtbase_<code>.qm. Formulas and numbers are the same in every language.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFontDatabase

from core.resources import RESOURCES

LANGUAGES = {"en": "English", "zh_CN": "简体中文"}  # each named in its own language
TRANSLATIONS = RESOURCES / "translations"

_installed: list[QTranslator] = []
_current = "en"


class LanguageError(ValueError):
    """A language that is unknown or whose translations cannot be loaded."""


def system_language() -> str:
    """zh_CN for any Chinese system locale, English otherwise."""
    return "zh_CN" if QLocale.system().name().startswith("zh") else "en"


def current_language() -> str:
    return _current


def qm_path(code: str) -> Path:
    """The compiled translations for code; `make` builds them (tools/translations.py)."""
    return TRANSLATIONS / f"loss_lens_{code}.qm"


def install_language(code: str) -> None:
    """Make code the language of every text created from now on."""
    global _current
    if code not in LANGUAGES:
        raise LanguageError(f"unknown language {code!r}; choose one of "
                            f"{', '.join(LANGUAGES)}")
    app = QCoreApplication.instance()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if code != "en":
        ours = QTranslator(app)
        qm = qm_path(code)
        if not ours.load(str(qm)):
            raise LanguageError(f"no translations for {LANGUAGES[code]} ({qm} is missing; "
                                f"run `make` to build it)")
        qt = QTranslator(app)
        if qt.load(f"qtbase_{code}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            _installed.append(qt)
        _installed.append(ours)
        for translator in _installed:
            app.installTranslator(translator)
    _current = code


def missing_font(code: str) -> str:
    """A one-line warning if no installed font can draw code's script, else ''.

    In English on purpose: the Chinese version is exactly what could not be read.
    """
    if code == "zh_CN" and not QFontDatabase.families(
            QFontDatabase.WritingSystem.SimplifiedChinese):
        return ("No installed font can draw Chinese, so its text shows as boxes. "
                "On Debian or Ubuntu: sudo apt-get install fonts-wqy-microhei")
    return ""


def reduction_label(reduction: str) -> str:
    """The word shown for a State's reduction ("mean" or "sum"), in the current language."""
    labels = {"mean": QCoreApplication.translate("Reduction", "mean"),
              "sum": QCoreApplication.translate("Reduction", "sum")}
    return labels.get(reduction, reduction)


def short_name(loss: str, kind: str = "classifier") -> str:
    """A loss's symbol in labels (CE, FL, Hinge): the same in every language."""
    from core.losses.catalog import CLASSIFIER, REGRESSION

    for info in CLASSIFIER if kind == "classifier" else REGRESSION:
        if info.name == loss:
            return info.short
    return loss


def loss_title(loss: str, kind: str = "classifier") -> str:
    """A loss's name in the current language (the catalog's title, context "Losses")."""
    from core.losses.catalog import CLASSIFIER, REGRESSION

    for info in CLASSIFIER if kind == "classifier" else REGRESSION:
        if info.name == loss:
            return QCoreApplication.translate("Losses", info.title)
    return loss
