"""``visitplanner dates PROJECT``: rank the candidate dates of a visit, best first."""

from __future__ import annotations

import argparse
import json
import math
import sys
from typing import Any

from visitplanner.i18n import _
from visitplanner.io.errors import InputFileError
from visitplanner.io.project import load_project
from visitplanner.solver.dates import DateOption, days_text, rank_dates


def register(subparsers: Any) -> argparse.ArgumentParser:
    """Add the ``dates`` command to ``subparsers`` (from ``add_subparsers()``)."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "dates",
        help=_("compare the candidate dates of a visit"),
        description=_("Try each run of candidate days and rank them, best first."),
    )
    parser.add_argument("project", help=_("project file (.json)"))
    parser.add_argument("--json", action="store_true", help=_("print the ranking as JSON"))
    parser.add_argument(
        "--time-limit",
        type=float,
        default=2.0,
        metavar="S",
        help=_("seconds of solving per run of days (default 2)"),
    )
    parser.set_defaults(func=run)
    return parser


def run(args: argparse.Namespace) -> int:
    """Print the ranking; 0 on success, 2 when the project file is refused."""
    try:
        project = load_project(args.project)
    except InputFileError as exc:
        print(exc.message, file=sys.stderr)
        return 2
    visit = project.visit
    options = rank_dates(visit, time_limit=args.time_limit)
    if args.json:
        print(json.dumps({"options": [option_json(o) for o in options]}, indent=2))
        return 0
    if not options:
        print(_("There are no candidate dates to compare: set a window of possible dates first."))
        return 0
    print(_("Candidate dates for {visit}, best first:").format(visit=visit.title))
    for number, option in enumerate(options, start=1):
        print(option_text(number, option))
    return 0


def option_json(option: DateOption) -> dict[str, Any]:
    """One option as JSON; the score is ``null`` when no programme was found."""
    return {
        "days": [d.isoformat() for d in option.days],
        "feasible": option.feasible,
        "score": option.score if math.isfinite(option.score) else None,
        "reasons": list(option.reasons),
    }


def option_text(number: int, option: DateOption) -> str:
    """A numbered option with its reasons, for the terminal."""
    fits = _("programme fits") if option.feasible else _("does not fit")
    score = _(", score {score:g}").format(score=option.score) if math.isfinite(option.score) else ""
    lines = [f"{number:>3}. {days_text(option.days)}: {fits}{score}"]
    lines += [f"       - {reason}" for reason in option.reasons]
    return "\n".join(lines)
