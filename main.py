"""Loss Lens from a checkout: `python main.py` opens the window, `python main.py compute|export
…` run headless. The installed `loss-lens` command runs the same gui.command_line.run."""

from gui.command_line import *  # noqa: F403  (tests and scripts use main.main, main.build_parser)
from gui.command_line import run

if __name__ == "__main__":
    run()
