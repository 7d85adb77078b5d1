"""``visitplanner`` subcommands: solve, check, export (plus import-ics and dates)."""

from __future__ import annotations

import argparse
import sys
import threading
import time
from collections.abc import Sequence
from contextvars import copy_context
from dataclasses import replace
from pathlib import Path

from visitplanner.cli import caldav, dates, import_ics, invite, replies
from visitplanner.cli.common import (
    EXIT_BAD_INPUT,
    EXIT_INFEASIBLE,
    EXIT_INTERNAL_ERROR,
    EXIT_OK,
    EXIT_TIMED_OUT,
    open_project,
    run_guarded,
)
from visitplanner.cli.report import programme_lines, report_lines
from visitplanner.domain import Project
from visitplanner.i18n import LANGUAGES, _, format_seconds, language, ngettext, system_language
from visitplanner.io.errors import InputFileError
from visitplanner.io.project import save_project
from visitplanner.solver.checker import check
from visitplanner.solver.result import Progress, SolveOptions, Status, quality_text


class _ProgressLine:
    """Prints a progress line each second while a solve runs past one second."""

    def __init__(self) -> None:
        self.best: Progress | None = None
        self.bound: float | None = None
        self.started = time.monotonic()
        self.done = threading.Event()
        # The thread speaks the command's language (a context variable).
        self.thread = threading.Thread(target=copy_context().run, args=(self._tick,), daemon=True)

    def __enter__(self) -> _ProgressLine:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.done.set()
        self.thread.join()

    def update(self, progress: Progress) -> None:
        """Remember the best programme so far."""
        self.best = progress

    def update_bound(self, bound: float, elapsed: float) -> None:
        """Remember the best bound so far (the best score that could still exist)."""
        self.bound = bound if self.bound is None else max(self.bound, bound)

    def _tick(self) -> None:
        while not self.done.wait(1.0):
            elapsed = time.monotonic() - self.started
            best = self.best
            if best is None:
                found = _("no programme yet")
            else:
                bound = max(0.0, best.bound, self.bound if self.bound is not None else 0.0)
                found = _("best score so far {score} (none can beat {bound}: {quality})").format(
                    score=best.objective,
                    bound=f"{bound:.0f}",
                    quality=quality_text(best.objective, bound),
                )
            line = _("solving… {seconds} s, {found}").format(seconds=f"{elapsed:.0f}", found=found)
            print(f"  {line}", file=sys.stderr, flush=True)


def _write_ics(project: Project, target: str) -> Project:
    from visitplanner.io.ics_export import export_ics

    path = Path(target)
    per_person = path.suffix.lower() != ".ics"
    updated, written = export_ics(project, path, per_person=per_person)
    print(
        ngettext(
            "Wrote {n} calendar file to {path}", "Wrote {n} calendar files to {path}", len(written)
        ).format(n=len(written), path=path)
    )
    return updated


def run_solve(args: argparse.Namespace) -> int:
    """Solve, print the programme, write outputs."""
    project = open_project(args.project, args.demo)
    if project is None:
        return EXIT_BAD_INPUT
    from visitplanner.solver.solve import solve

    with _ProgressLine() as ticker:
        result = solve(
            project.visit,
            SolveOptions(
                time_limit=args.time_limit,
                seed=args.seed,
                reproducible=args.reproducible,
                previous=project.schedule,
                keep_previous=not args.keep_searching,
            ),
            on_progress=ticker.update,
            on_bound=ticker.update_bound,
        )
    if result.status is Status.INFEASIBLE:
        print(_("No programme is possible:"))
        for line in result.explanation:
            print(f"  - {line}")
        return EXIT_INFEASIBLE
    if result.status is Status.ERROR:
        print(result.message, file=sys.stderr)
        return EXIT_INTERNAL_ERROR
    if result.schedule is None:
        print(result.message)
        return EXIT_TIMED_OUT if result.status is Status.TIMED_OUT else EXIT_INFEASIBLE
    project = replace(project, schedule=result.schedule)
    print("\n".join(programme_lines(project.visit, project.schedule)))
    print(
        "\n".join(
            report_lines(project.visit, project.schedule, check(project.visit, project.schedule))
        )
    )
    print(
        "\n"
        + _("Solved in {seconds} s: score {score}, {quality}.").format(
            seconds=format_seconds(result.elapsed, 2),
            score=result.objective,
            quality=result.quality,
        )
    )
    if result.few_changes:
        print(_("Changes were kept to a minimum: --keep-searching may find a better programme."))
    try:
        if args.ics:
            project = _write_ics(project, args.ics)
        if args.out:
            save_project(project, args.out)
            print(_("Saved the project to {path}").format(path=args.out))
    except (OSError, ValueError) as exc:  # ValueError: ExportError
        print(_("Could not write the output: {reason}").format(reason=exc), file=sys.stderr)
        return EXIT_BAD_INPUT
    return EXIT_OK


def run_check(args: argparse.Namespace) -> int:
    """Print the stored schedule's problems and balance."""
    project = open_project(args.project)
    if project is None:
        return EXIT_BAD_INPUT
    report = check(project.visit, project.schedule)
    print("\n".join(programme_lines(project.visit, project.schedule)))
    print("\n".join(report_lines(project.visit, project.schedule, report)))
    from visitplanner.cli.replies import decline_lines

    declines = decline_lines(project)
    if declines:
        print("")
        print(_("Declined invitations ({n})").format(n=len(declines)))
        print("\n".join(f"  - {line}" for line in declines))
    if report.ok and not declines:
        print("\n" + _("Every rule is kept."))
        return EXIT_OK
    return EXIT_INFEASIBLE


def run_export(args: argparse.Namespace) -> int:
    """Write the stored schedule as .ics."""
    project = open_project(args.project)
    if project is None:
        return EXIT_BAD_INPUT
    if not project.schedule.placements:
        print(
            _("The project has no programme yet: run 'visitplanner solve' first."), file=sys.stderr
        )
        return EXIT_INFEASIBLE
    try:
        updated = _write_ics(project, args.ics)
        save_project(updated, args.project)
    except (OSError, ValueError, InputFileError) as exc:  # ValueError: ExportError
        print(_("Could not write the calendars: {reason}").format(reason=exc), file=sys.stderr)
        return EXIT_BAD_INPUT
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    parser = argparse.ArgumentParser(
        prog="visitplanner", description=_("Plan the programme of a study visit.")
    )
    parser.add_argument(
        "--lang", dest="lang_first", choices=LANGUAGES, help=_("language of the output")
    )
    sub = parser.add_subparsers(dest="command", required=True)
    s = sub.add_parser("solve", help=_("find the best programme and print it"))
    s.add_argument("project", nargs="?", help=_("project file (.json)"))
    s.add_argument("--demo", action="store_true", help=_("use the bundled Paris demo"))
    s.add_argument(
        "--ics", metavar="FILE.ics|DIR", help=_("write calendars (a folder: one per person)")
    )
    s.add_argument("--out", metavar="PROJECT", help=_("save the project with the new programme"))
    s.add_argument("--time-limit", type=float, default=30.0, metavar="S")
    s.add_argument("--seed", type=int, default=0, metavar="N")
    s.add_argument(
        "--reproducible",
        action="store_true",
        help=_("the same --seed always gives the same programme (searches on one core)"),
    )
    s.add_argument(
        "--keep-searching",
        action="store_true",
        help=_(
            "search on from the project's programme for a better one (by default it "
            "changes as little as possible; pinned activities stay either way)"
        ),
    )
    s.set_defaults(func=run_solve)
    c = sub.add_parser("check", help=_("list the problems of the programme stored in a project"))
    c.add_argument("project")
    c.set_defaults(func=run_check)
    e = sub.add_parser("export", help=_("write the stored programme as .ics"))
    e.add_argument("project")
    e.add_argument("--ics", required=True, metavar="FILE.ics|DIR")
    e.set_defaults(func=run_export)
    for module in (import_ics, dates, invite, replies, caldav):
        module.register(sub)
    for command in sub.choices.values():
        command.add_argument(
            "--lang",
            choices=LANGUAGES,
            help=_("language of the output (default: the system's)"),
        )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run a subcommand; returns the exit code."""
    words = list(sys.argv[1:] if argv is None else argv)
    with language(_asked_language(words) or system_language()):
        return _run(build_parser().parse_args(words))


def _asked_language(words: list[str]) -> str | None:
    """The ``--lang`` value, read before parsing so that help and errors use it too."""
    for i, word in enumerate(words):
        if word.startswith("--lang="):
            return word.split("=", 1)[1]
        if word == "--lang" and i + 1 < len(words):
            return words[i + 1]
    return None


def _run(args: argparse.Namespace) -> int:
    if getattr(args, "command", None) == "solve" and not args.demo and not args.project:
        print(_("Give a project file or --demo."), file=sys.stderr)
        return EXIT_BAD_INPUT
    return run_guarded(args.func, args)
