"""The `iru` command: one sub-command per module of this package.

Each sub-command module exposes `add_arguments(parser)` and `run(args) -> int` and is imported
only when used, so `iru figures` never loads Django and `iru --help` stays fast.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

# sub-command -> (module, one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "demo": ("iru.cli.demo", "set up and run the web app on SQLite with the synthetic authority"),
    "generate": ("iru.cli.generate", "write a realistic synthetic authority's files"),
    "import": ("iru.cli.importer", "import SSDA903, CIN census and unit files into the database"),
    "figures": ("iru.cli.figures", "print every figure of FIGURES.md for one year, as JSON"),
    "report": ("iru.cli.report", "write the annual report from the database, as HTML"),
    "export": ("iru.cli.export", "write an SSDA903 table (Reviews) from the database, as CSV"),
    "manage": ("iru.cli.manage", "run a Django management command (migrate, createsuperuser, ...)"),
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="iru", description=__doc__.splitlines()[0])
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, (_module, help_text) in COMMANDS.items():
        subparsers.add_parser(name, help=help_text, add_help=False)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    if not argv or argv[0] not in COMMANDS:
        parser.parse_args(argv)  # prints usage and exits 2 on an unknown command
        return 2
    name, rest = argv[0], argv[1:]
    module = importlib.import_module(COMMANDS[name][0])
    sub = argparse.ArgumentParser(prog=f"iru {name}", description=COMMANDS[name][1])
    module.add_arguments(sub)
    args = sub.parse_args(rest)
    try:
        code: int = module.run(args)
    except BrokenPipeError:
        # The reader went away (`iru figures ... | head`): not an error worth a traceback.
        # Point stdout at /dev/null so the interpreter's final flush does not fail again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    return code


if __name__ == "__main__":
    sys.exit(main())
