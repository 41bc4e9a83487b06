"""`iru manage ...`: Django's management commands, with the local settings by default."""

from __future__ import annotations

import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("arguments", nargs=argparse.REMAINDER, help="e.g. migrate, createsuperuser")


def run(args: argparse.Namespace) -> int:
    from iru.web.runtime import setup_django

    setup_django()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["iru manage", *args.arguments])
    return 0
