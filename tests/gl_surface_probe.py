"""Helper run as its own process on an X display: does the 3-D surface render?

Builds the window, turns on the 3-D toggle, and prints the number of distinct colours in
the OpenGL framebuffer; exits 3 if OpenGL is reported unavailable.
"""

import sys

from PySide6.QtWidgets import QApplication


def main() -> int:
    app = QApplication(sys.argv[:1])
    from gui.look.gl_support import opengl_unavailable_reason
    from gui.look.plot_style import configure_pyqtgraph

    configure_pyqtgraph()
    reason = opengl_unavailable_reason()
    if reason:
        print(reason)
        return 3
    from gui import MainWindow

    window = MainWindow()
    window.show()
    while window.result() is None:
        app.processEvents()
    window.surface_view.toggle_3d.setChecked(True)
    for _ in range(20):
        app.processEvents()
    image = window.surface_view.view_3d.grabFramebuffer()
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7)
               for y in range(0, image.height(), 7)}
    print(len(colours))
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
