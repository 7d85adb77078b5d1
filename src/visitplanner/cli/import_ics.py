"""``visitplanner import-ics``: read people's calendars and list (or apply) their busy time."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

from babel.dates import format_date

from visitplanner.cli.common import EXIT_BAD_INPUT, EXIT_OK, open_project, refuse
from visitplanner.domain import Level, Participant, Project
from visitplanner.i18n import N_, _, babel_locale, ngettext
from visitplanner.io.errors import InputFileError
from visitplanner.io.ics_import import BusyInterval, import_calendars, to_availability_ranges
from visitplanner.io.project import save_project

_LEVEL_WORDS = {Level.UNAVAILABLE: N_("unavailable"), Level.IF_NEED_BE: N_("if need be")}


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``import-ics`` subcommand."""
    p = subparsers.add_parser(
        "import-ics",
        help=_("read calendars (.ics) and list the busy time, or paint it over a person"),
        description=_(
            "Read calendar files (events, free/busy, availability) and list the busy time "
            "between two dates, or paint it over a participant's availability in a project."
        ),
    )
    p.add_argument("files", nargs="+", metavar="FILE", help=_("calendar files (.ics)"))
    p.add_argument(
        "--zone", metavar="ZONE", help=_("the person's home time zone, e.g. Europe/London")
    )
    p.add_argument(
        "--window",
        nargs=2,
        metavar=("FIRST_DAY", "LAST_DAY"),
        help=_("dates to import, inclusive (YYYY-MM-DD YYYY-MM-DD)"),
    )
    p.add_argument("--json", action="store_true", help=_("print the busy time as JSON"))
    p.add_argument("--project", metavar="PROJECT", help=_("project file to update"))
    p.add_argument("--person", metavar="ID", help=_("participant whose availability is painted"))
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Import the files; print the busy time; optionally paint it over a person and save."""

    def read(zone: str, first: date, last: date, notes: list[str]) -> list[BusyInterval]:
        return import_calendars([Path(f) for f in args.files], zone, first, last, notes=notes)

    return run_busy_import(args, read, (InputFileError,))


BusyReader = Callable[[str, date, date, list[str]], list[BusyInterval]]
"""Reads busy time: (home zone, first day, last day, notes to fill) -> busy intervals."""


def run_busy_import(
    args: argparse.Namespace, read: BusyReader, refused: tuple[type[Exception], ...]
) -> int:
    """What ``import-ics`` and ``import-caldav`` share: find the person, the zone and the
    dates, read the busy time, print it, and paint it over the person when asked.

    ``refused`` are the reader's errors that carry a ``message`` for the user (exit 2).
    """
    project: Project | None = None
    person: Participant | None = None
    if (args.project is None) != (args.person is None):
        return refuse(_("--project and --person go together: give both or neither."))
    if args.project is not None:
        project = open_project(args.project)
        if project is None:
            return EXIT_BAD_INPUT
        person = _find_person(project, args.person)
        if person is None:
            return refuse(
                _("There is no participant '{id}' in {path}.").format(
                    id=args.person, path=args.project
                )
            )
    zone = args.zone or (person.home_zone if person else None)
    if zone is None:
        return refuse(_("Say which time zone the person lives in with --zone, e.g. Europe/London."))
    window = _window(args.window, project)
    if window is None:
        return refuse(
            _("Give the dates with --window FIRST_DAY LAST_DAY, e.g. 2027-03-15 2027-04-02.")
        )
    notes: list[str] = []
    try:
        intervals = read(zone, *window, notes)
    except refused as exc:
        return refuse(str(getattr(exc, "message", exc)))
    except ValueError as exc:
        return refuse(_("Cannot import: {reason}.").format(reason=exc))
    for note in notes:
        print(note, file=sys.stderr)
    if args.json:
        print(json.dumps({"intervals": [_as_json(iv) for iv in intervals]}, indent=2))
    else:
        print("\n".join(_readable(intervals, zone, window)))
    if project is not None and person is not None:
        return _apply(project, person, intervals, zone, args.project, quiet=args.json)
    return EXIT_OK


def _find_person(project: Project, key: str) -> Participant | None:
    people = project.visit.participants
    by_id = [p for p in people if p.id == key]
    by_name = [p for p in people if p.name == key]
    if by_id:
        return by_id[0]
    return by_name[0] if len(by_name) == 1 else None


def _window(given: list[str] | None, project: Project | None) -> tuple[date, date] | None:
    if given is not None:
        try:
            first, last = date.fromisoformat(given[0]), date.fromisoformat(given[1])
        except ValueError:
            return None
        return first, last
    if project is None:
        return None
    visit = project.visit
    if visit.candidate_dates is not None:
        return visit.candidate_dates.first, visit.candidate_dates.last
    if visit.dates:
        return min(visit.dates), max(visit.dates)
    return None


def _day(day: date, year: bool = True) -> str:
    """E.g. "Tue 23 Mar 2027" / "mar. 23 mars 2027"."""
    return format_date(day, "EEE dd MMM y" if year else "EEE dd MMM", locale=babel_locale())


def _as_json(iv: BusyInterval) -> dict[str, str]:
    return {"start": iv.start.isoformat(), "end": iv.end.isoformat(), "level": iv.level.value}


def _readable(intervals: list[BusyInterval], zone: str, window: tuple[date, date]) -> list[str]:
    head = _("Busy time from {first} to {last} ({zone}):").format(
        first=_day(window[0]), last=_day(window[1]), zone=zone
    )
    if not intervals:
        return [head, "  " + _("none: the calendars show no busy time on these dates.")]
    lines = [head]
    for iv in intervals:
        end = (
            f"{iv.end:%H:%M}"
            if iv.end.date() == iv.start.date()
            else f"{_day(iv.end.date(), year=False)} {iv.end:%H:%M}"
        )
        lines.append(
            f"  {_day(iv.start.date())}  {iv.start:%H:%M} – {end}  {_(_LEVEL_WORDS[iv.level])}"
        )
    return lines


def _apply(
    project: Project,
    person: Participant,
    intervals: list[BusyInterval],
    zone: str,
    path: str,
    quiet: bool,
) -> int:
    visit = project.visit
    current = visit.availability_of(person.id)
    ranges = to_availability_ranges(intervals, over=current, zone=zone, slot=visit.slot)
    availability = dict(visit.availability)
    availability[person.id] = current.painted(ranges)
    updated = replace(project, visit=replace(visit, availability=availability))
    try:
        save_project(updated, path)
    except OSError as exc:
        return refuse(
            _("Could not save {path}: {reason}").format(path=path, reason=exc.strerror or exc)
        )
    if not quiet:
        print(
            ngettext(
                "Painted {n} busy period over {name}'s availability; saved {path}.",
                "Painted {n} busy periods over {name}'s availability; saved {path}.",
                len(ranges),
            ).format(n=len(ranges), name=person.name, path=path)
        )
    return EXIT_OK
