"""``visitplanner replies``: read answers to invitations and store them in the project."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from visitplanner.cli.common import EXIT_BAD_INPUT, EXIT_OK, open_project
from visitplanner.domain import Project
from visitplanner.domain.clock import hhmm
from visitplanner.domain.replies import (
    activity_of,
    declines_as_unavailability,
    required_declines,
    with_replies,
)
from visitplanner.i18n import N_, _, current_language, format_day, ngettext
from visitplanner.io.errors import InputFileError
from visitplanner.io.ics_export import event_uid
from visitplanner.io.itip_replies import Answer, MatchedReplies, match_replies, read_reply_file
from visitplanner.io.project import save_project

_STATUS_WORDS = {
    "accepted": N_("accepted"),
    "declined": N_("declined"),
    "tentative": N_("may come"),
    "needs-action": N_("has not answered"),
}


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``replies`` subcommand."""
    p = subparsers.add_parser(
        "replies",
        help=_("read answers to invitations (.ics or .eml) and match them to the programme"),
        description=_(
            "Read the replies people's calendar programs sent (Thunderbird, Outlook, Google…), "
            "match them to the programme by meeting and address, and list them."
        ),
    )
    p.add_argument("project", help=_("project file (.json)"))
    p.add_argument("files", nargs="+", metavar="FILE", help=_("reply files (.ics or .eml)"))
    p.add_argument("--out", metavar="PROJECT", help=_("save the project with the answers"))
    p.add_argument("--json", action="store_true", help=_("print the answers as JSON"))
    p.add_argument(
        "--block-declined",
        action="store_true",
        help=_("mark required people unavailable when they declined, ready to re-plan"),
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Read every file (all or nothing), print the answers, optionally store them."""
    project = open_project(args.project)
    if project is None:
        return EXIT_BAD_INPUT
    answers: list[Answer] = []
    for name in args.files:
        try:
            answers.extend(read_reply_file(Path(name)))
        except InputFileError as exc:
            print(exc.message, file=sys.stderr)
            return EXIT_BAD_INPUT
    matched = match_replies(project, answers)
    updated = with_replies(project, matched.replies)
    if args.json:
        print(json.dumps(_as_json(project, matched), indent=2, ensure_ascii=False))
    else:
        print("\n".join(_readable(project, matched)))
    if args.block_declined:
        declines = required_declines(updated)
        updated = declines_as_unavailability(updated, declines)
        if not args.json:
            print(
                ngettext(
                    "Marked {n} declined time as unavailable.",
                    "Marked {n} declined times as unavailable.",
                    len(declines),
                ).format(n=len(declines))
            )
    if args.out:
        try:
            save_project(updated, args.out)
        except OSError as exc:
            print(_("Could not save {path}: {reason}").format(path=args.out, reason=exc))
            return EXIT_BAD_INPUT
        if not args.json:
            print(_("Saved the answers in {path}.").format(path=args.out))
    return EXIT_OK


def _as_json(project: Project, matched: MatchedReplies) -> dict[str, object]:
    return {
        "replies": [
            {
                "uid": event_uid(project, r.key),
                "activity": activity_of(r.key),
                "occurrence": r.key,
                "person": r.person,
                "status": r.status.value,
            }
            for r in matched.replies
        ],
        "unmatched": [
            {"file": u.file, "uid": u.uid, "attendee": u.address, "reason": u.reason}
            for u in matched.unmatched
        ],
    }


def _readable(project: Project, matched: MatchedReplies) -> list[str]:
    visit = project.visit
    names = {p.id: p.name for p in visit.participants}
    lines = [_("Answers ({n}):").format(n=len(matched.replies))]
    for r in matched.replies:
        title = visit.activity(activity_of(r.key)).title_in(current_language())
        when = f"{format_day(visit.dates[r.day - 1])}, {hhmm(r.start)}-{hhmm(r.end)}"
        who = f"{names.get(r.person, r.person)} {_(_STATUS_WORDS[r.status.value])}"
        lines.append("  " + _("{label}: {value}").format(label=who, value=f"{title} ({when})"))
    if matched.unmatched:
        lines.append(_("Not about this programme ({n}):").format(n=len(matched.unmatched)))
        lines.extend(
            f"  {Path(u.file).name}: {u.address or '?'} — {u.uid or '?'} ({u.reason})"
            for u in matched.unmatched
        )
    return lines


def decline_lines(project: Project) -> list[str]:
    """One line per required person who declined a meeting as it is now placed."""
    visit = project.visit
    names = {p.id: p.name for p in visit.participants}
    out = []
    for r in required_declines(project):
        title = visit.activity(activity_of(r.key)).title_in(current_language())
        out.append(
            _("{person} declined “{title}” ({day}, {start}-{end}) and is required.").format(
                person=names.get(r.person, r.person),
                title=title,
                day=format_day(visit.dates[r.day - 1]),
                start=hhmm(r.start),
                end=hhmm(r.end),
            )
        )
    return out
