"""``visitplanner invite``: one e-mail invitation per participant, optionally sent by SMTP."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from email.utils import parseaddr
from pathlib import Path

from visitplanner.cli.common import EXIT_BAD_INPUT, EXIT_INFEASIBLE, EXIT_OK, open_project, refuse
from visitplanner.domain.visit import Coordinator
from visitplanner.i18n import _, ngettext
from visitplanner.io.itip_invite import (
    InvitationError,
    build_invitations,
    send_invitations,
    write_invitations,
)
from visitplanner.io.project import save_project


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``invite`` subcommand."""
    p = subparsers.add_parser(
        "invite",
        help=_("write (and optionally send) an e-mail invitation to each participant"),
        description=_(
            "Write one e-mail (.eml) per participant with an address, in their language, "
            "with their programme as a calendar invitation; meetings they no longer attend "
            "are cancelled. The project remembers what was sent."
        ),
    )
    p.add_argument("project", help=_("project file (.json)"))
    p.add_argument("--out", required=True, metavar="DIR", help=_("folder for the .eml files"))
    p.add_argument("--smtp", metavar="HOST:PORT", help=_("also send them through this mail server"))
    p.add_argument(
        "--coordinator",
        metavar='"NAME <E-MAIL>"',
        help=_("who the invitations come from (saved in the project)"),
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Build, write (and send) the invitations; save the project."""
    project = open_project(args.project)
    if project is None:
        return EXIT_BAD_INPUT
    if not project.schedule.placements and not project.invited:
        print(
            _("The project has no programme yet: run 'visitplanner solve' first."), file=sys.stderr
        )
        return EXIT_INFEASIBLE
    if args.coordinator:
        name, address = parseaddr(args.coordinator)
        if "@" not in address:
            return refuse(
                _('Give the coordinator as "Name <e-mail>", e.g. "Ann Lee <ann@example.org>".')
            )
        visit = replace(project.visit, coordinator=Coordinator(name, address))
        project = replace(project, visit=visit)
    server = _server(args.smtp) if args.smtp else None
    if args.smtp and server is None:
        return refuse(_("Give the mail server as HOST:PORT, e.g. localhost:25."))
    try:
        updated, invitations = build_invitations(project)
        written = write_invitations(invitations, Path(args.out))
    except InvitationError as exc:
        return refuse(exc.message)
    except OSError as exc:
        return refuse(_("Could not write the invitations: {reason}").format(reason=exc))
    requests = sum(1 for i in invitations if i.method == "REQUEST")
    cancels = len(invitations) - requests
    print(
        ngettext("Wrote {n} invitation", "Wrote {n} invitations", requests).format(n=requests)
        + ", "
        + ngettext("{n} cancellation", "{n} cancellations", cancels).format(n=cancels)
        + " "
        + _("to {folder}.").format(folder=args.out)
    )
    for path in written:
        print(f"  {path.name}")
    status = EXIT_OK
    if server is not None:
        try:
            sent = send_invitations(invitations, *server)
            print(ngettext("Sent {n} message.", "Sent {n} messages.", sent).format(n=sent))
        except InvitationError as exc:
            print(exc.message, file=sys.stderr)
            status = EXIT_BAD_INPUT
    try:
        save_project(updated, args.project)
    except OSError as exc:
        return refuse(_("Could not save {path}: {reason}").format(path=args.project, reason=exc))
    return status


def _server(text: str) -> tuple[str, int] | None:
    host, _sep, port = text.rpartition(":")
    if not host or not port.isdigit() or not 0 < int(port) < 65536:
        return None
    return host.strip("[]"), int(port)
