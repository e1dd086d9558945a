"""Whether a 3-D (OpenGL) view can be shown here, and if not, why.

Offscreen, Qt cannot render OpenGL and pyqtgraph.opengl crashes in renderToArray, so the
3-D toggle must never be enabled there. Elsewhere we try to create a context first.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication, QOffscreenSurface, QOpenGLContext


@cache
def _missing() -> str:
    """What OpenGL lacks here ('' if nothing), found once: probing creates a context."""
    if QGuiApplication.platformName() in ("offscreen", "minimal"):
        return "offscreen"
    try:
        import OpenGL.GL  # noqa: F401
        import pyqtgraph.opengl  # noqa: F401
    except Exception:
        return "library"
    context = QOpenGLContext()
    if not context.create():
        return "context"
    surface = QOffscreenSurface()
    surface.create()
    if not context.makeCurrent(surface):
        return "current"
    context.doneCurrent()
    return ""


def opengl_unavailable_reason() -> str:
    """'' when OpenGL works; otherwise a sentence for the user, in the current language."""
    translate = QCoreApplication.translate  # lupdate reads translate("gl", "…")
    reasons = {
        "offscreen": translate("gl", "3-D needs OpenGL, which Qt cannot render offscreen "
                                     "(pyqtgraph would crash); run with a display to use it."),
        "library": translate("gl", "3-D needs PyOpenGL and a working OpenGL driver; neither "
                                   "loaded."),
        "context": translate("gl", "3-D needs OpenGL, and no OpenGL context could be created "
                                   "here."),
        "current": translate("gl", "3-D needs OpenGL, and the OpenGL context could not be used "
                                   "here."),
    }
    return reasons.get(_missing(), "")
