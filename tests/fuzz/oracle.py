"""What must hold for any input: it loads or is refused by name, quickly, and round-trips.

Each check returns ``"accepted"`` or ``"refused"`` and raises AssertionError
(or the unexpected exception itself) when the contract is broken.
"""

from __future__ import annotations

import contextlib
import io
import re
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from tests.fuzz.seeds import project_seeds
from visitplanner.domain import Availability
from visitplanner.io.errors import InputFileError
from visitplanner.io.ics_export import ExportError, build_calendar, check_exportable
from visitplanner.io.ics_import import read_calendar_bytes, to_availability_ranges
from visitplanner.io.project import parse_project, project_to_json, save_project

#: Processor seconds one calendar may take (the import's own budget is 2 s; the
#: margin covers the work done after the budget's last check).
CALENDAR_SECONDS = 3.0
_DATE = re.compile(rb"DTSTART[^:\r\n]*:(\d{4})(\d{2})(\d{2})")


def check_project_bytes(raw: bytes, name: str = "fuzz.json") -> str:
    """A project file loads (and then round-trips, saves and exports) or is refused."""
    try:
        project = parse_project(raw, name)
    except InputFileError as exc:
        assert name in exc.message and exc.problem, exc.message
        return "refused"
    text = project_to_json(project)
    again = parse_project(text.encode("utf-8"), name)
    assert project_to_json(again) == text, "the round trip changed the project"
    assert again == project, "the round trip changed the project"
    with tempfile.TemporaryDirectory() as folder:
        save_project(project, Path(folder) / name)
    _export_reads_back(project)
    return "accepted"


def _export_reads_back(project: object) -> None:
    from visitplanner.domain import Project

    assert isinstance(project, Project)
    try:
        check_exportable(project)
    except ExportError:
        return
    data = build_calendar(project).to_ical()
    days = project.visit.dates
    got = read_calendar_bytes(data, "all.ics", project.visit.zone, min(days), max(days))
    assert len(got) <= len(project.schedule.placements)


def calendar_window(raw: bytes) -> tuple[date, date]:
    """Three weeks around the file's first start date (or in 2026), so repeats get expanded."""
    match = _DATE.search(raw)
    first = date(2026, 3, 2)
    if match:
        with contextlib.suppress(ValueError):
            first = date(*(int(g) for g in match.groups()))
    first = min(max(first, date(1901, 1, 1)), date(2998, 1, 1))
    return first - timedelta(days=3), first + timedelta(days=18)


def check_calendar_bytes(raw: bytes, name: str = "fuzz.ics", zone: str = "Europe/London") -> str:
    """A calendar imports (busy time that can be saved) or is refused, within the budget."""
    window = calendar_window(raw)
    notes: list[str] = []
    began = time.process_time()
    try:
        got = read_calendar_bytes(raw, name, zone, *window, notes=notes)
    except InputFileError as exc:
        assert name in exc.message and exc.problem, exc.message
        outcome = "refused"
    else:
        assert all(iv.start < iv.end for iv in got)
        ranges = to_availability_ranges(got, over=Availability(), zone=zone, slot=5)
        assert all(r.start < r.end for r in ranges)
        assert all(r.start.second == 0 and r.end.second == 0 for r in ranges)
        assert all(name in note for note in notes)
        outcome = "accepted"
    spent = time.process_time() - began
    assert spent < CALENDAR_SECONDS, f"the import took {spent:.1f} s of processor time"
    return outcome


def run_cli(argv: list[str]) -> tuple[int, str]:
    """Run the command line in-process; its exit code and everything it printed."""
    from visitplanner.cli.main import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(argv)
        except SystemExit as exc:  # argparse
            code = int(exc.code or 0)
    return code, out.getvalue() + err.getvalue()


def check_cli_on_project(raw: bytes, folder: Path, solve: bool = False) -> None:
    """``check``, ``export`` (and ``solve``) exit 0-3 with no traceback."""
    path = folder / "fuzz.json"
    path.write_bytes(raw)
    commands = [["check", str(path)], ["export", str(path), "--ics", str(folder / "cals")]]
    if solve:
        commands.append(["solve", str(path), "--time-limit", "1"])
    for argv in commands:
        code, printed = run_cli(argv)
        assert code in (0, 1, 2, 3), (argv[0], code, printed[-500:])
        assert "Traceback" not in printed, printed[-2000:]


def check_cli_on_calendar(raw: bytes, folder: Path) -> None:
    """``import-ics`` exits 0 or 2 with no traceback."""
    path = folder / "fuzz.ics"
    path.write_bytes(raw)
    first, last = calendar_window(raw)
    window = ["--window", str(first), str(last)]
    project = folder / "visit.json"
    project.write_text(project_seeds()[0], encoding="utf-8")
    for argv in (
        ["import-ics", str(path), "--zone", "Europe/London", *window],
        ["import-ics", str(path), "--project", str(project), "--person", "councillor", *window],
    ):
        code, printed = run_cli(argv)
        assert code in (0, 2), (code, printed[-500:])
        assert "Traceback" not in printed, printed[-2000:]
    # whatever was painted and saved must open again
    check_project_bytes(project.read_bytes(), "visit.json")
