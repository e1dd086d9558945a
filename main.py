"""Loss Lens: `python main.py` opens the window; `compute` and `export` run headless.

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
VALUE_FLAGS = ("--logits", "--target", "--temperature", "--label-smoothing")


class _Parser(argparse.ArgumentParser):
    """argparse that reports a bad flag in one line (no usage dump) and exits 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        fail(f"{message} (see {self.prog} --help)")


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
                       help="MSE reduction for both MSE losses")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog=PROG, description="See loss functions and their gradients. "
                     "Without a command, opens the window.")
    commands = parser.add_subparsers(dest="command", metavar="{compute}",
                                     parser_class=_Parser)
    compute = commands.add_parser(
        "compute", help="print every number for a state",
        description="Print probabilities, losses, gradients (three ways) and the Jacobian.")
    _add_state_flags(compute)
    compute.add_argument("--format", choices=("text", "json"), default="text",
                         help="text (default) for people, json for programs")
    return parser


def state_from_args(args: argparse.Namespace):  # -> core.State
    from core.flags import apply_flags
    from core.state import State
    from core.state_file import read_state

    base = read_state(args.state) if args.state else State()
    return apply_flags(base, logits=args.logits, target=args.target,
                       temperature=args.temperature, label_smoothing=args.label_smoothing,
                       reduction=args.reduction)


def run_compute(args: argparse.Namespace) -> int:
    import json

    try:
        state = state_from_args(args)
    except ValueError as exc:
        fail(str(exc))
    from core import compute

    result = compute(state)
    if args.format == "json":
        print(json.dumps(result.to_dict(), indent=2, allow_nan=False))
    else:
        from core.text_report import format_result

        print(format_result(result))
    return 0


def run_window() -> int:
    try:
        from gui.app import run_app
    except ImportError:
        fail("the window is not built yet; use `python main.py compute --help`")
    return run_app(sys.argv[:1])


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    args = build_parser().parse_args(_join_negative_values(argv))
    if args.command == "compute":
        return run_compute(args)
    return run_window()


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # e.g. `... | head`
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
    except KeyboardInterrupt:
        sys.exit(130)
