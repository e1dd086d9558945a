"""The `loss-lens` command (and `python main.py` in a checkout): no subcommand opens the
window; `compute` and `export` run headless; `install-desktop` adds the menu entry.

Kept thin and fast: torch and Qt are imported only by the command that needs them, so
`--help` and argument errors answer at once.
"""

from __future__ import annotations

import argparse
import os
import sys

PROG = "loss-lens"
EXIT_BAD_INPUT = 2
# Flags whose value may start with '-' (negative numbers): argparse would read "-1,2" as a flag.
VALUE_FLAGS = ("--logits", "--target", "--temperature", "--label-smoothing", "--size",
               "--scale", "--pos-weight", "--gamma", "--alpha", "--margin", "--p", "--delta",
               "--beta", "--class-weights")
# The loss options: (flag, State name, metavar, help); each is checked by the State.
LOSS_OPTION_FLAGS = (
    ("--pos-weight", "pos_weight", "W", "BCE-with-logits' positive weight (default 1)"),
    ("--gamma", "gamma", "G", "focal loss γ ≥ 0 (default 2)"),
    ("--alpha", "alpha", "A", "focal loss α in [-1, 1], < 0 for none (default 0.25)"),
    ("--margin", "margin", "M", "multi_margin's margin ≥ 0 (default 1)"),
    ("--delta", "delta", "D", "Huber's δ > 0 (default 1)"),
    ("--beta", "beta", "B", "SmoothL1's β ≥ 0 (default 1)"),
)


class _Parser(argparse.ArgumentParser):
    """argparse that reports a bad flag in one line (no usage dump) and exits 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        fail(f"{_short_words(message)} (see {self.prog} --help)")


def _short_words(message: str, longest: int = 50, limit: int = 300) -> str:
    """argparse's message made one short line: it echoes values whole ('invalid choice:
    <130,000 characters>', 'unrecognized arguments: a<newline>b')."""
    import re

    from core.state import printable

    text = re.sub(rf"\S{{{longest + 1},}}", lambda m: m.group()[:longest - 1] + "…",
                  printable(message))
    return text if len(text) <= limit else text[:limit - 1] + "…"


def fail(message: str) -> None:
    print(f"{PROG}: error: {message}", file=sys.stderr)
    sys.exit(EXIT_BAD_INPUT)


def _join_negative_values(argv: list[str]) -> list[str]:
    """['--logits', '-1,2'] -> ['--logits=-1,2'] so negative numbers need no '='."""
    out: list[str] = []
    i = 0
    while i < len(argv):
        arg = argv[i]
        nxt = argv[i + 1] if i + 1 < len(argv) else None
        if arg in VALUE_FLAGS and nxt is not None and nxt.startswith("-") and nxt[1:2] != "-":
            out.append(f"{arg}={nxt}")
            i += 2
            continue
        out.append(arg)
        i += 1
    return out


def _add_state_flags(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("state (flags override the state file)")
    group.add_argument("--state", metavar="FILE", help="a state JSON file to start from")
    group.add_argument("--logits", metavar="A0,A1,...", help="logits, e.g. 2,1,0.1")
    group.add_argument("--target", metavar="C|P0,P1,...",
                       help="a class index (0) or probabilities (0.7,0.2,0.1)")
    group.add_argument("--temperature", metavar="T", help="softmax temperature, ≥ 0.001")
    group.add_argument("--label-smoothing", metavar="E", help="label smoothing ε in [0, 1)")
    group.add_argument("--reduction", choices=("mean", "sum"),
                       help="the classifier's MSE reduction")
    group.add_argument("--regression-reduction", choices=("mean", "sum"),
                       help="the regression's MSE reduction (a state file without one "
                            "takes the file's reduction)")
    from core.losses.catalog import CLASSIFIER_NAMES, REGRESSION_NAMES  # torch-free

    group.add_argument("--loss", metavar="NAME",
                       help="the classifier loss: " + ", ".join(CLASSIFIER_NAMES))
    group.add_argument("--regression-loss", metavar="NAME",
                       help="the regression loss: " + ", ".join(REGRESSION_NAMES))
    for flag, dest, metavar, text in LOSS_OPTION_FLAGS:
        group.add_argument(flag, dest=dest, metavar=metavar, help=text)
    group.add_argument("--p", metavar="1|2", help="multi_margin's power (default 1)")
    group.add_argument("--class-weights", metavar="W0,W1,...",
                       help="cross-entropy's class weights, each ≥ 0 (default none)")
    from core.resources import presets

    group.add_argument("--preset", metavar="NAME",
                       help="start from a preset: "
                            + ", ".join(p.key for p in presets()))


def _add_picture_flags(parser: argparse.ArgumentParser, views: list[str], size: str) -> None:
    """What `export` and `animate` draw: the view, its size, language, theme and look."""
    parser.add_argument("--view", choices=views, default="all",
                        help="the whole window (all, default) or one view")
    parser.add_argument("--size", metavar="WxH", type=_size,
                        help=f"{size} (default 1280x800, one view its own size, e.g. 800x600)")
    parser.add_argument("--lang", choices=("en", "zh_CN"), default="en",
                        help="the language of the texts (default en)")
    parser.add_argument("--theme", choices=("light", "dark"), default="light",
                        help="light (default) or dark background")
    parser.add_argument("--presentation", action="store_true",
                        help="larger text and thicker lines, for slides and projectors")


def build_parser() -> argparse.ArgumentParser:
    from gui.registry import export_choices  # Qt-free: the views' names, in their order

    parser = _Parser(prog=PROG, description="See loss functions and their gradients. "
                     "Without a command, opens the window.")
    commands = parser.add_subparsers(
        dest="command", metavar="{compute,export,animate,install-desktop,uninstall-desktop}",
        parser_class=_Parser)
    compute = commands.add_parser(
        "compute", help="print every number for a state",
        description="Print probabilities, losses, gradients (three ways) and the Jacobian.")
    _add_state_flags(compute)
    compute.add_argument("--format", choices=("text", "json"), default="text",
                         help="text (default) for people, json for programs")

    export = commands.add_parser(
        "export", help="write a figure (PNG, SVG or PDF) without a display",
        description="Render the window or one view offscreen and write it as PNG, SVG or PDF.")
    export.add_argument("out", metavar="OUT.png|OUT.svg|OUT.pdf", help="the file to write")
    _add_state_flags(export)
    _add_picture_flags(export, export_choices(), "pixels before scaling")
    export.add_argument("--scale", metavar="S", type=_scale, default=1.0,
                        help="PNG pixels per screen pixel, e.g. 2 for print (default 1)")

    animate = commands.add_parser(
        "animate", help="write a GIF or MP4 of a view while one number moves",
        description="Render a view at each step of one state field moving from START to "
        "END (e.g. --vary temperature=0.5:4) and write the frames as GIF or MP4.")
    animate.add_argument("out", metavar="OUT.gif|OUT.mp4", help="the file to write")
    animate.add_argument("--vary", metavar="NAME=START:END", required=True,
                         help="the state field that moves, as named in a state file: "
                         "temperature, label_smoothing, logits.0, regression.w, …")
    animate.add_argument("--frames", metavar="K", type=int, default=40,
                         help="pictures from START to END, both included (default 40)")
    animate.add_argument("--fps", metavar="F", type=float, default=10,
                         help="frames per second (default 10)")
    _add_state_flags(animate)
    _add_picture_flags(animate, export_choices(), "pixels of each frame")

    commands.add_parser(
        "install-desktop", help="add Loss Lens to this user's application menu",
        description="Write the desktop entry and icon under $XDG_DATA_HOME (default "
        "~/.local/share); the entry runs the command that runs now.")
    commands.add_parser(
        "uninstall-desktop", help="remove what install-desktop wrote",
        description="Remove the desktop entry and icon install-desktop wrote.")
    return parser


def _size(text: str) -> tuple[int, int]:
    from core.state import shown

    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected WIDTHxHEIGHT like 1280x800, got {shown(text)}") from None
    if not (200 <= w <= 8000 and 150 <= h <= 8000):
        raise argparse.ArgumentTypeError(
            f"{shown(text)}: width 200–8000, height 150–8000 pixels")
    return w, h


def _scale(text: str) -> float:
    from core.state import shown

    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected a number like 2, got {shown(text)}") from None
    if not 0.25 <= value <= 8:
        raise argparse.ArgumentTypeError(f"{shown(text)}: the scale must be from 0.25 to 8")
    return value


def state_from_args(args: argparse.Namespace):  # -> core.State
    from core.flags import apply_flags
    from core.state import State, shown
    from core.state_file import read_state

    # An empty name is a mistake (an unset shell variable), not "no file": say so.
    if args.state == "":
        raise ValueError("--state: expected a file name, got an empty string")
    if getattr(args, "preset", None) is not None:
        if args.preset == "":
            raise ValueError("--preset: expected a preset name, got an empty string")
        if args.state is not None:
            raise ValueError("--preset and --state: choose one")
        from core.resources import preset, presets

        try:
            base = preset(args.preset).load()
        except KeyError:
            raise ValueError(f"--preset: no preset {shown(args.preset)} "
                             f"({_preset_hint(args.preset, [p.key for p in presets()])})"
                             ) from None
    else:
        base = read_state(args.state) if args.state is not None else State()
    return apply_flags(base, logits=args.logits, target=args.target,
                       temperature=args.temperature, label_smoothing=args.label_smoothing,
                       reduction=args.reduction,
                       regression_reduction=args.regression_reduction, loss=args.loss,
                       regression_loss=args.regression_loss,
                       class_weights=args.class_weights, p=args.p,
                       **{dest: getattr(args, dest) for _, dest, _, _ in LOSS_OPTION_FLAGS})


def _preset_hint(name: str, known: list[str]) -> str:
    """The presets a typo or a part of a name points to; else where they are listed (all
    of them no longer fit one line of an error)."""
    import difflib

    close = [k for k in known if name and name.lower() in k]
    close = close or difflib.get_close_matches(name, known, n=3, cutoff=0.5)
    if close:
        return f"did you mean {' or '.join(close[:3])}?"
    return f"the {len(known)} presets are listed by --help"


def run_compute(args: argparse.Namespace) -> int:
    try:
        state = state_from_args(args)
    except ValueError as exc:
        fail(str(exc))
    from core import compute

    result = compute(state)
    if args.format == "json":
        from core.numbers_export import result_json

        sys.stdout.write(result_json(result))
    else:
        from core.text_report import format_result

        print(format_result(result))
    return 0


def run_export(args: argparse.Namespace) -> int:
    try:
        state = state_from_args(args)
    except ValueError as exc:
        fail(str(exc))
    from gui.shell.figure_export import ExportError
    from gui.shell.headless_export import export_figure

    try:
        path = export_figure(state, args.out, view=args.view, size=args.size, scale=args.scale,
                             language=args.lang, theme=args.theme,
                             presentation=args.presentation)
    except ExportError as exc:
        fail(str(exc))
    print(path)
    return 0


def run_animate(args: argparse.Namespace) -> int:
    try:
        from core.state_vary import parse_vary, vary_states

        states = vary_states(state_from_args(args), parse_vary(args.vary), args.frames)
    except ValueError as exc:
        fail(str(exc))
    from gui.shell.animation_export import check_fps, export_animation
    from gui.shell.figure_export import ExportError

    def progress(done: int, total: int) -> bool:
        if sys.stderr.isatty():
            print(f"\rframe {done}/{total}", end="" if done < total else "\n",
                  file=sys.stderr, flush=True)
        return True

    try:
        check_fps(args.fps, os.path.splitext(args.out)[1].lower().lstrip("."))
        path = export_animation(states, args.out, view=args.view, size=args.size,
                                fps=args.fps, language=args.lang, theme=args.theme,
                                presentation=args.presentation, progress=progress)
    except ExportError as exc:
        fail(str(exc))
    print(path)
    return 0


def run_desktop_entry(install: bool) -> int:
    from gui import desktop_entry

    try:
        paths = desktop_entry.install() if install else desktop_entry.uninstall()
    except OSError as exc:
        fail(f"could not write the desktop entry: {exc.strerror or exc}: "
             f"{_short_words(str(exc.filename or ''))}")
    for path in paths:
        print(path)
    if install:
        print("Loss Lens is in the application menu (log out and in if it does not show yet)")
    elif not paths:
        print("no desktop entry was installed")
    return 0


def _no_display() -> str | None:
    """Why the window cannot open, or None: without a usable display Qt aborts (SIGABRT)
    with "Reinstalling the application may fix this problem", so ask before it starts."""
    from gui.shell.display_check import display_problem

    return display_problem()


def run_window() -> int:
    problem = _no_display()
    if problem:
        fail(f"no display found to open the window on: {problem}. Run headless with "
             "`python main.py compute …` or `python main.py export FIG.png`, or open the "
             "window under Xvfb (`xvfb-run python main.py`)")
    try:
        from gui.shell.app import run_app
    except ImportError:
        fail("the window is not built yet; use `python main.py compute --help`")
    return run_app(sys.argv[:1])


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    args = build_parser().parse_args(_join_negative_values(argv))
    if args.command == "compute":
        return run_compute(args)
    if args.command == "export":
        return run_export(args)
    if args.command == "animate":
        return run_animate(args)
    if args.command in ("install-desktop", "uninstall-desktop"):
        return run_desktop_entry(args.command == "install-desktop")
    return run_window()


def _internal_error(exc: BaseException) -> int:
    """An unexpected failure: one line for the user; LOSS_LENS_DEBUG=1 shows the traceback."""
    if os.environ.get("LOSS_LENS_DEBUG"):
        raise exc
    print(f"{PROG}: internal error: {type(exc).__name__}: {exc} "
          f"(run with LOSS_LENS_DEBUG=1 for details)", file=sys.stderr)
    return 1


def run() -> None:
    """The console script's entry point: exits with main()'s code, and turns what would be
    a traceback into one line."""
    try:
        sys.exit(main())
    except BrokenPipeError:  # e.g. `... | head`
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as exc:
        sys.exit(_internal_error(exc))
