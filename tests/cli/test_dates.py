"""The ``visitplanner dates`` command."""

from __future__ import annotations

import argparse
import importlib.util
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from tests.solver.test_dates import MON, TUE, WED, FakeSolve, tiny_visit
from visitplanner.cli import dates as cli_dates
from visitplanner.domain import Project, Visit
from visitplanner.io.project import save_project
from visitplanner.solver.dates import DateOption, days_text, rank_dates


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="visitplanner")
    cli_dates.register(parser.add_subparsers(dest="command"))
    return parser.parse_args(argv)


@pytest.fixture
def tiny_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The tiny visit saved as a project, ranked with a fake solve."""
    path = tmp_path / "tiny.json"
    save_project(Project(tiny_visit()), path)
    fake = FakeSolve({MON: 100, TUE: 40})

    def ranked(visit: Visit, time_limit: float = 2.0) -> list[DateOption]:
        assert time_limit == 0.5
        return rank_dates(visit, time_limit, solver=fake)

    fake_rank: Callable[..., list[DateOption]] = ranked
    monkeypatch.setattr(cli_dates, "rank_dates", fake_rank)
    return path


def test_json_shape(tiny_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = parse(["dates", str(tiny_project), "--json", "--time-limit", "0.5"])
    assert args.func is cli_dates.run
    assert args.func(args) == 0
    out = json.loads(capsys.readouterr().out)
    assert out == {
        "options": [
            {
                "days": ["2027-03-16", "2027-03-17"],
                "feasible": True,
                "score": 40.0,
                "reasons": ["Ann only if need be on day 1 (Tue 16 Mar)"],
            },
            {
                "days": ["2027-03-15", "2027-03-16"],
                "feasible": True,
                "score": 100.0,
                "reasons": ["Ann only if need be on day 2 (Tue 16 Mar)"],
            },
            {
                "days": ["2027-03-17", "2027-03-18"],
                "feasible": False,
                "score": None,
                "reasons": [
                    "no slot for Talk: Bob is not free for 1 h",
                    "Bob's calendar rules out day 1 (Wed 17 Mar)",
                    "Bob's calendar rules out day 2 (Thu 18 Mar)",
                ],
            },
        ]
    }


def test_text_ranking(tiny_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = parse(["dates", str(tiny_project), "--time-limit", "0.5"])
    assert args.func(args) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "Candidate dates for Tiny, best first:"
    assert lines[1] == "  1. Tue 16 Mar - Wed 17 Mar 2027: programme fits, score 40"
    assert lines[2] == "       - Ann only if need be on day 1 (Tue 16 Mar)"
    assert "  3. Wed 17 Mar - Thu 18 Mar 2027: does not fit" in lines


def test_bad_project_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "broken.json"
    bad.write_text('{"visit": ', encoding="utf-8")
    args = parse(["dates", str(bad), "--json"])
    assert args.func(args) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("Could not open broken.json")
    assert "Traceback" not in captured.err


def test_missing_project_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = parse(["dates", str(tmp_path / "nowhere.json")])
    assert args.func(args) == 2
    assert "cannot be read" in capsys.readouterr().err


def test_days_text() -> None:
    assert days_text((WED,)) == "Wed 17 Mar 2027"
    assert days_text((date(2027, 3, 31), date(2027, 4, 1))) == ("Wed 31 Mar - Thu 1 Apr 2027")


@pytest.mark.skipif(
    importlib.util.find_spec("visitplanner.solver.solve") is None,
    reason="the real solver is not written yet",
)
def test_demo_json_with_the_real_solver(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = parse(["dates", str(demo_path), "--json", "--time-limit", "1"])
    assert args.func(args) == 0
    options = json.loads(capsys.readouterr().out)["options"]
    assert len(options) == 12  # two weekdays in a row, 15 March - 2 April
    assert all(set(o) == {"days", "feasible", "score", "reasons"} for o in options)
    assert options[0]["days"] == ["2027-03-23", "2027-03-24"]
    assert options[0]["feasible"] is True
    assert isinstance(options[0]["score"], float)
    assert all(isinstance(r, str) for o in options for r in o["reasons"])
    assert all(o["score"] is None for o in options if not o["feasible"])
