"""Whether a 3-D (OpenGL) view can be shown here, and if not, why.

Offscreen, Qt cannot render OpenGL and pyqtgraph.opengl crashes in renderToArray, so the
3-D toggle must never be enabled there. Elsewhere we try to create a context first.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication, QOffscreenSurface, QOpenGLContext


@cache
def opengl_unavailable_reason() -> str:
    """'' when OpenGL works; otherwise a sentence for the user saying why not."""
    tr = QCoreApplication.translate
    platform = QGuiApplication.platformName()
    if platform in ("offscreen", "minimal"):
        return tr("gl", "3-D needs OpenGL, which Qt cannot render offscreen "
                        "(pyqtgraph would crash); run with a display to use it.")
    try:
        import OpenGL.GL  # noqa: F401
        import pyqtgraph.opengl  # noqa: F401
    except Exception:
        return tr("gl", "3-D needs PyOpenGL and a working OpenGL driver; neither loaded.")
    context = QOpenGLContext()
    if not context.create():
        return tr("gl", "3-D needs OpenGL, and no OpenGL context could be created here.")
    surface = QOffscreenSurface()
    surface.create()
    if not context.makeCurrent(surface):
        return tr("gl", "3-D needs OpenGL, and the OpenGL context could not be used here.")
    context.doneCurrent()
    return ""
