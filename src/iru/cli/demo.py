"""`iru demo`: from nothing to the web app on SQLite, with the synthetic authority and one
demo user per role. `--no-serve` does everything but serve (the tests use it).
"""

from __future__ import annotations

import argparse
import json
import secrets
import shutil
import sys
from datetime import date
from pathlib import Path

SEED = 2016
DEMO_LABEL = "demo seed="  # how every import `iru demo` makes is labelled
MARKER = ".iru-demo.json"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--no-serve", action="store_true", help="set up, but do not serve")
    parser.add_argument(
        "--today",
        type=date.fromisoformat,
        help="YYYY-MM-DD: the data runs up to it and the pages count from it (default: today)",
    )
    parser.add_argument("--scale", default="default", help=argparse.SUPPRESS)
    parser.add_argument("--data-dir", type=Path, help=argparse.SUPPRESS)


def run(args: argparse.Namespace) -> int:
    import os

    from iru.web.runtime import setup_django

    if args.today:  # the served pages count from the demo's day too (settings.local)
        os.environ["IRU_DEMO_TODAY"] = args.today.isoformat()
    setup_django()
    from django.conf import settings
    from django.core.management import call_command

    from iru.cli.importer import ImportStopped
    from iru.web import clock
    from iru.web.runtime import database_made_before_message, migrations_of_apps_gone

    if migrations_of_apps_gone():
        database = settings.DATABASES["default"]["NAME"]
        print(f"iru demo: {database_made_before_message(database)}", file=sys.stderr)
        return 2
    call_command("migrate", interactive=False, verbosity=0)
    today = args.today or clock.today()  # the command may read the clock; the library never
    data_dir = args.data_dir or Path(settings.VAR_DIR) / "demo-data"
    try:
        load_demo_data(data_dir, scale=args.scale, today=today)
    except ImportStopped as stopped:
        print(f"iru demo: {stopped}", file=sys.stderr)
        return 2
    from iru.web.schedule.services import schedule_ensure_current

    schedule_ensure_current(today=today)  # the stored next meetings hold for the demo's day
    print_sign_ins(demo_users(today=today))
    if args.no_serve:
        return 0
    Path(settings.STATIC_ROOT).mkdir(parents=True, exist_ok=True)
    print(f"\nServing http://127.0.0.1:{args.port}/ (Ctrl-C to stop)")
    call_command("runserver", f"127.0.0.1:{args.port}", use_reloader=False)
    return 0


def load_demo_data(data_dir: Path, *, scale: str, today: date) -> None:
    """Generate and import the synthetic authority, unless already done with this seed and day."""
    from django.core.management import call_command

    from iru.cli.importer import import_path, print_summary
    from iru.web.imports.selectors import demo_already_imported, only_imports_labelled

    label = f"{DEMO_LABEL}{SEED} scale={scale} today={today.isoformat()}"
    if demo_already_imported(label):
        print(f"The synthetic authority ({label}) is already imported.")
        return
    if only_imports_labelled(DEMO_LABEL):
        # The authority of another day is another draw of the same children: its unit records
        # reuse IDs for other meetings, so it is imported into an empty demo database, never
        # over the old one. A database holding any import but the demo's is never emptied.
        print("The demo database holds the synthetic authority of another day: emptying it.")
        call_command("flush", interactive=False, verbosity=0)
    _generate(data_dir, scale=scale, today=today)
    print(f"Importing {data_dir} ...")
    print_summary(import_path(data_dir, label=label, today=today))


def _generate(data_dir: Path, *, scale: str, today: date) -> None:
    from iru.cli.importer import ImportStopped
    from iru.data.synthetic import generate

    wanted = {"seed": SEED, "scale": scale, "today": today.isoformat()}
    marker = data_dir / MARKER
    if marker.is_file() and json.loads(marker.read_text()) == wanted:
        return
    if data_dir.exists():
        if not marker.is_file():  # never delete a folder the demo did not write
            raise ImportStopped(f"{data_dir} exists and was not written by `iru demo`")
        shutil.rmtree(data_dir)
    print(f"Generating the synthetic authority ({scale}, seed {SEED}) in {data_dir} ...")
    try:
        generate(data_dir, seed=SEED, scale=scale, today=today)
    except Exception as error:  # a demo prints one line, never a traceback
        raise ImportStopped(f"generating the synthetic authority failed: {error!r}") from error
    marker.write_text(json.dumps(wanted))


def demo_users(*, today: date) -> list[tuple[str, str, str]]:
    """One user per role (two chairs: an IRO and a conference chair, so both kinds of meeting
    can be tried), each with a fresh random password: (username, password, who)."""
    from iru.web.caseloads.selectors import demo_staff
    from iru.web.people.models import User
    from iru.web.people.services import user_set_up

    made = []
    for role, username, case in (
        (User.Role.CHAIR, "demo-chair", "lac"),  # an IRO: looked-after children's reviews
        (User.Role.CHAIR, "demo-conference-chair", "cp"),  # child protection conferences
        (User.Role.TEAM_MANAGER, "demo-team-manager", None),
        (User.Role.ADMIN, "demo-admin", None),
        (User.Role.HEAD_OF_SERVICE, "demo-head-of-service", None),
    ):
        staff = demo_staff(role=role, today=today, case=case)
        password = secrets.token_urlsafe(12)
        user_set_up(username=username, role=role, staff=staff, password=password)
        what = {"lac": ", IRO", "cp": ", conference chair"}.get(case or "", "")
        who = f"{role.label}{what}" + (f": {staff.full_name}" if staff else "")
        made.append((username, password, who))
    return made


def print_sign_ins(users: list[tuple[str, str, str]]) -> None:
    print("\nSign in as (passwords are new on every run):")
    for username, password, who in users:
        print(f"  {username:<22} {password:<18} {who}")
