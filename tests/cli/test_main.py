"""The command-line contract: solve, check, export and their exit codes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from benchmarks.visits import generate_visit
from icalendar import Calendar

from visitplanner.cli.main import main
from visitplanner.io.project import load_project, save_project


def test_solve_demo_prints_the_programme_day_by_day(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["solve", "--demo", "--time-limit", "30", "--reproducible"]) == 0
    out = capsys.readouterr().out
    assert "Day 1 (Tue 23 Mar)" in out and "Day 2 (Wed 24 Mar)" in out
    assert "Meeting the PB Steering Group" in out
    assert "Europe/Paris" in out
    assert "best possible." in out
    assert "Informal time with hosts" in out


def test_solve_infeasible_variant_explains_and_exits_1(
    infeasible_demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["solve", str(infeasible_demo_path)]) == 1
    out = capsys.readouterr().out
    assert "No programme is possible" in out
    assert "Cllr Morag Baird" in out and "13:00" in out
    assert "PB Steering Group" in out and "14:00-15:30" in out


def test_solve_out_of_time_without_a_programme_exits_3(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    big = tmp_path / "week.json"
    save_project(generate_visit(5, 60, 24, 5, 2, 0.7, seed=1), big)
    assert main(["solve", str(big), "--time-limit", "0.01", "--reproducible"]) == 3
    out = capsys.readouterr().out
    assert "No programme found within 0.01 s — try a longer time limit" in out
    assert "No programme is possible" not in out


def test_bad_project_exits_2_naming_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "broken-visit.json"
    bad.write_text('{"format": "visitplanner-project", "version": 1, "visit": ')
    assert main(["solve", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "broken-visit.json" in err
    assert "Traceback" not in err


def test_solve_writes_project_and_calendars(tmp_path: Path, demo_path: Path) -> None:
    out = tmp_path / "solved.json"
    ics_dir = tmp_path / "calendars"
    assert main(["solve", str(demo_path), "--out", str(out), "--ics", str(ics_dir)]) == 0
    project = load_project(out)
    assert len(project.schedule) == 11
    assert (ics_dir / "all.ics").exists()
    cal = Calendar.from_ical((ics_dir / "all.ics").read_bytes())
    assert len(list(cal.walk("VEVENT"))) == 11
    assert (ics_dir / "morag-baird.ics").exists()


def test_check_reports_problems_of_a_stored_schedule(
    tmp_path: Path, demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    solved = tmp_path / "solved.json"
    assert main(["solve", str(demo_path), "--out", str(solved)]) == 0
    capsys.readouterr()
    assert main(["check", str(solved)]) == 0
    assert "Every rule is kept." in capsys.readouterr().out
    data = json.loads(solved.read_text())
    for item in data["schedule"]:
        if item["activity"] == "digitising":
            item["day"], item["start"], item["end"] = 1, "09:00", "10:30"
    solved.write_text(json.dumps(data))
    assert main(["check", str(solved)]) == 1
    out = capsys.readouterr().out
    assert "Required people are available" in out
    assert "Sophie Laurent" in out
    assert "not free at all on day 1" in out


def test_export_writes_one_calendar_file(tmp_path: Path, demo_path: Path) -> None:
    solved = tmp_path / "solved.json"
    shutil.copy(demo_path, solved)
    assert main(["export", str(solved), "--ics", str(tmp_path / "x.ics")]) == 1
    assert main(["solve", str(solved), "--out", str(solved)]) == 0
    assert main(["export", str(solved), "--ics", str(tmp_path / "x.ics")]) == 0
    cal = Calendar.from_ical((tmp_path / "x.ics").read_bytes())
    assert len(list(cal.walk("VEVENT"))) == 11


@pytest.mark.parametrize(("flags", "keeps"), [([], True), (["--keep-searching"], False)])
def test_solve_changes_little_unless_asked_to_keep_searching(
    flags: list[str], keeps: bool, demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from visitplanner.solver import solve as solve_module
    from visitplanner.solver.result import SolveOptions, SolveResult, Status

    asked: list[SolveOptions] = []

    def spy(visit: object, options: SolveOptions, **_kwargs: object) -> SolveResult:
        asked.append(options)
        return SolveResult(Status.TIMED_OUT, time_limit=options.time_limit)

    monkeypatch.setattr(solve_module, "solve", spy)
    assert main(["solve", str(demo_path), "--time-limit", "1", *flags]) == 3
    project = load_project(demo_path)
    assert [(o.previous, o.keep_previous) for o in asked] == [(project.schedule, keeps)]


def test_a_re_solve_says_changes_were_kept_to_a_minimum(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, solved = tmp_path / "two-days.json", tmp_path / "solved.json"
    save_project(generate_visit(2, 12, 7, 3, 1, 0.8, seed=1), first)
    assert main(["solve", str(first), "--out", str(solved), "--reproducible"]) == 0
    assert "Changes were kept to a minimum" not in capsys.readouterr().out
    assert main(["solve", str(solved), "--reproducible"]) == 0
    out = capsys.readouterr().out
    assert "Changes were kept to a minimum: --keep-searching may find a better programme." in out
    assert main(["solve", str(solved), "--keep-searching", "--reproducible"]) == 0
    assert "Changes were kept to a minimum" not in capsys.readouterr().out
