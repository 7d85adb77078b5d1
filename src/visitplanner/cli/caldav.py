"""``visitplanner publish`` and ``import-caldav``: a shared calendar on a CalDAV server."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from datetime import date

from visitplanner.cli.common import EXIT_BAD_INPUT, EXIT_INFEASIBLE, EXIT_OK, open_project
from visitplanner.cli.import_ics import run_busy_import
from visitplanner.i18n import _, ngettext
from visitplanner.io.caldav_sync import CalendarServerError, PublishReport, publish, read_busy
from visitplanner.io.ics_import import BusyInterval

PASSWORD_VARIABLE = "VISITPLANNER_CALDAV_PASSWORD"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``publish`` and ``import-caldav`` subcommands."""
    p = subparsers.add_parser(
        "publish",
        help=_("write the programme into a shared calendar on a CalDAV server"),
        description=_(
            "Create, update and delete events in the calendar collection at URL so that it "
            "holds the programme. The password comes from {var} or is asked for."
        ).format(var=PASSWORD_VARIABLE),
    )
    p.add_argument("project", help=_("project file (.json)"))
    p.add_argument("--caldav", required=True, metavar="URL", help=_("calendar collection URL"))
    p.add_argument("--user", required=True, metavar="USER", help=_("user name on the server"))
    p.set_defaults(func=run_publish)
    i = subparsers.add_parser(
        "import-caldav",
        help=_("read a person's busy time from a CalDAV calendar"),
        description=_(
            "Ask the calendar at URL when its owner is busy (free-busy query, or its events) "
            "and list it, or paint it over a participant's availability."
        ),
    )
    i.add_argument("url", metavar="URL", help=_("calendar collection URL"))
    i.add_argument("--user", required=True, metavar="USER", help=_("user name on the server"))
    i.add_argument("--zone", metavar="ZONE", help=_("the person's home time zone"))
    i.add_argument("--window", nargs=2, metavar=("FIRST_DAY", "LAST_DAY"), help=_("dates"))
    i.add_argument("--json", action="store_true", help=_("print the busy time as JSON"))
    i.add_argument("--project", metavar="PROJECT", help=_("project file to update"))
    i.add_argument("--person", metavar="ID", help=_("participant whose availability is painted"))
    i.set_defaults(func=run_import)


def password() -> str:
    """The server password: from the environment, or asked for (never echoed or stored)."""
    value = os.environ.get(PASSWORD_VARIABLE)
    if value is not None:
        return value
    return getpass.getpass(_("Password for the calendar server: "))


def run_publish(args: argparse.Namespace) -> int:
    """Publish the stored programme to the CalDAV collection."""
    project = open_project(args.project)
    if project is None:
        return EXIT_BAD_INPUT
    if not project.schedule.placements:
        print(
            _("The project has no programme yet: run 'visitplanner solve' first."), file=sys.stderr
        )
        return EXIT_INFEASIBLE
    try:
        report = publish(project, args.caldav, args.user, password())
    except CalendarServerError as exc:
        print(exc.message, file=sys.stderr)
        if exc.report is not None:
            print(_("Before the error: ") + summary(exc.report), file=sys.stderr)
        return EXIT_BAD_INPUT
    print(summary(report))
    return EXIT_OK


def summary(report: PublishReport) -> str:
    """E.g. "3 events created, 1 updated, 0 deleted, 5 unchanged."."""
    return (
        ngettext("{n} event created", "{n} events created", len(report.created)).format(
            n=len(report.created)
        )
        + ", "
        + _("{updated} updated, {deleted} deleted, {unchanged} unchanged.").format(
            updated=len(report.updated),
            deleted=len(report.deleted),
            unchanged=len(report.unchanged),
        )
    )


def run_import(args: argparse.Namespace) -> int:
    """Read busy time from the server; print it; optionally paint it over a person."""

    def read(zone: str, first: date, last: date, notes: list[str]) -> list[BusyInterval]:
        return read_busy(args.url, args.user, password(), zone, first, last)

    return run_busy_import(args, read, (CalendarServerError,))
