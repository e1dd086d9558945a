"""Helper run as its own process: wait until the X screen shows a window, then save it.

Used by the Xvfb smoke test, so the screenshot is taken from outside the app, as a user's
screen would show it. Exits 0 once a non-blank screen is saved, 1 on timeout.
"""

import sys
import time

from PySide6.QtGui import QGuiApplication


def main(out: str, timeout: float) -> int:
    app = QGuiApplication(sys.argv[:1])  # noqa: F841 - keeps the connection open
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        image = QGuiApplication.primaryScreen().grabWindow(0).toImage()
        colours = {image.pixel(x, y) for x in range(0, image.width(), 23)
                   for y in range(0, image.height(), 23)}
        if len(colours) > 50:  # an empty X root is one colour; the window has many
            time.sleep(0.2)
            QGuiApplication.primaryScreen().grabWindow(0).save(out)
            return 0
        time.sleep(0.25)
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], float(sys.argv[2])))
