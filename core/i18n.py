"""Marking core's user-facing sentences for translation without importing Qt.

`QT_TRANSLATE_NOOP(context, text)` returns text unchanged; pyside6-lupdate finds the call
by its name and puts text in the .ts under context, and the window shows
QCoreApplication.translate(context, text). core stays free of Qt, and the command line
keeps English.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate knows
    return text
