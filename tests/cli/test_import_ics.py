"""``visitplanner import-ics``: list busy time as JSON or text, or paint it over a person."""

from __future__ import annotations

import argparse
import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from visitplanner.cli import import_ics
from visitplanner.domain import Level
from visitplanner.io.project import load_project

CAL = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\n"
    "BEGIN:VEVENT\r\nUID:a\r\nSUMMARY:Council\r\n"
    "DTSTART;TZID=Europe/London:20270323T100000\r\nDTEND;TZID=Europe/London:20270323T113000\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:b\r\nSTATUS:TENTATIVE\r\n"
    "DTSTART:20270324T080000Z\r\nDTEND:20270324T090000Z\r\nEND:VEVENT\r\n"
    "END:VCALENDAR\r\n"
)


def _run(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="visitplanner")
    import_ics.register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["import-ics", *argv])
    result: int = args.func(args)
    return result


@pytest.fixture
def ics(tmp_path: Path) -> Path:
    path = tmp_path / "morag.ics"
    path.write_text(CAL, encoding="utf-8")
    return path


def test_json_lists_merged_intervals_in_the_zone(
    ics: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = _run(
        str(ics), "--zone", "Europe/London", "--window", "2027-03-23", "2027-03-24", "--json"
    )
    assert code == 0
    assert json.loads(capsys.readouterr().out) == {
        "intervals": [
            {
                "start": "2027-03-23T10:00:00+00:00",
                "end": "2027-03-23T11:30:00+00:00",
                "level": "unavailable",
            },
            {
                "start": "2027-03-24T08:00:00+00:00",
                "end": "2027-03-24T09:00:00+00:00",
                "level": "if_need_be",
            },
        ]
    }


def test_window_days_are_inclusive_and_clip(ics: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        _run(str(ics), "--zone", "Europe/Paris", "--window", "2027-03-23", "2027-03-23", "--json")
        == 0
    )
    (only,) = json.loads(capsys.readouterr().out)["intervals"]
    assert only["start"] == "2027-03-23T11:00:00+01:00"


def test_readable_list(ics: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(str(ics), "--zone", "Europe/London", "--window", "2027-03-23", "2027-03-24") == 0
    out = capsys.readouterr().out
    assert "Tue 23 Mar 2027  10:00 – 11:30  unavailable" in out
    assert "Wed 24 Mar 2027  08:00 – 09:00  if need be" in out


def test_refused_file_exits_2_naming_it_without_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "holiday.ics"
    bad.write_bytes(b"%PDF-1.4 not a calendar")
    assert _run(str(bad), "--zone", "UTC", "--window", "2027-03-23", "2027-03-24") == 2
    captured = capsys.readouterr()
    assert "holiday.ics" in captured.err and "not a calendar file" in captured.err
    assert "Traceback" not in captured.err and captured.out == ""


@pytest.mark.parametrize(
    ("extra", "words"),
    [
        (["--window", "2027-03-23", "2027-03-24"], "--zone"),
        (["--zone", "UTC"], "--window"),
        (["--zone", "Mars/Base", "--window", "2027-03-23", "2027-03-24"], "Mars/Base"),
        (["--zone", "UTC", "--window", "2027-03-24", "2027-03-23"], "before"),
        (["--zone", "UTC", "--window", "23/03/2027", "2027-03-24"], "--window"),
        (["--zone", "UTC", "--person", "x", "--window", "2027-03-23", "2027-03-24"], "together"),
    ],
)
def test_bad_arguments_exit_2_with_a_reason(
    ics: Path, extra: list[str], words: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(str(ics), *extra) == 2
    assert words in capsys.readouterr().err


def test_project_person_is_painted_and_saved(
    ics: Path, tmp_path: Path, demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "visit.json"
    shutil.copy(demo_path, project)
    before = load_project(project).visit.availability_of("councillor")
    assert _run(str(ics), "--project", str(project), "--person", "councillor") == 0
    assert "Painted 2 busy periods over Cllr Morag Baird" in capsys.readouterr().out
    after = load_project(project).visit.availability_of("councillor")
    assert len(after.ranges) == len(before.ranges) + 2
    day1 = after.day_segments(date(2027, 3, 23), "Europe/London")
    assert [(s.start, s.end, s.level) for s in day1] == [
        (0, 390, Level.UNAVAILABLE),
        (390, 600, Level.AVAILABLE),
        (600, 690, Level.UNAVAILABLE),
        (690, 1320, Level.AVAILABLE),
        (1320, 1440, Level.UNAVAILABLE),
    ]
    day2 = after.day_segments(date(2027, 3, 24), "Europe/London")
    assert (480, 540, Level.IF_NEED_BE) in [(s.start, s.end, s.level) for s in day2]


def test_unknown_person_exits_2(
    ics: Path, demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(str(ics), "--project", str(demo_path), "--person", "nobody") == 2
    assert "nobody" in capsys.readouterr().err


def test_refused_file_leaves_the_project_untouched(
    tmp_path: Path, demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "visit.json"
    shutil.copy(demo_path, project)
    before = project.read_bytes()
    bad = tmp_path / "bad.ics"
    bad.write_text("BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:No start\nEND:VEVENT\nEND:VCALENDAR\n")
    assert _run(str(bad), "--project", str(project), "--person", "councillor") == 2
    assert "the event 'No start' on line 2 has no start time" in capsys.readouterr().err
    assert project.read_bytes() == before
