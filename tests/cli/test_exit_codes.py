"""Exit codes: 0 ok, 1 infeasible or a rule broken, 2 bad input, 4 internal error (no traceback)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO
from visitplanner.cli import main as cli_main
from visitplanner.cli.common import EXIT_BAD_INPUT, EXIT_INTERNAL_ERROR
from visitplanner.cli.main import main


def test_an_unexpected_error_exits_4_with_a_short_message(
    demo_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object) -> None:
        raise ValueError("something inside\nwent wrong")

    monkeypatch.setattr(cli_main, "check", broken)
    assert main(["check", str(demo_path)]) == EXIT_INTERNAL_ERROR
    err = capsys.readouterr().err
    assert "Internal error" in err and "something inside went wrong" in err
    assert "Traceback" not in err and len(err.splitlines()) == 1


def test_a_project_far_in_the_future_is_refused_with_exit_2(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = json.loads(demo_path.read_text(encoding="utf-8"))
    data["visit"]["dates"] = ["9999-12-30", "9999-12-31"]
    bad = tmp_path / "far.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    for command in (
        ["check", str(bad)],
        ["solve", str(bad)],
        ["export", str(bad), "--ics", str(tmp_path / "x.ics")],
    ):
        assert main(command) == EXIT_BAD_INPUT
        assert "far.json" in capsys.readouterr().err
    assert not (tmp_path / "x.ics").exists()


def test_the_real_command_prints_no_traceback_on_a_bad_file(tmp_path: Path) -> None:
    bad = tmp_path / "huge-number.json"
    bad.write_text('{"version": ' + "9" * 5000 + "}", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "visitplanner", "check", str(bad)],
        capture_output=True,
        text=True,
        timeout=120,
        env={"PYTHONPATH": str(REPO / "src"), "PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert done.returncode == EXIT_BAD_INPUT
    assert "huge-number.json" in done.stderr and "Traceback" not in done.stderr


def test_a_model_the_solver_refuses_is_an_internal_error_not_a_timeout(
    demo_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A weight of 2**62 made CP-SAT answer MODEL_INVALID, reported as "timed out after 0.1 s".

    Files can no longer hold such weights (refused at read time), so the project
    is changed after loading.
    """
    from dataclasses import replace

    from visitplanner.cli import common
    from visitplanner.domain import Weights

    real = common.load_project

    def heavy(path: object) -> object:
        project = real(path)  # type: ignore[arg-type]
        weights = Weights({**project.visit.weights.values, "formal_spread": 2**62})
        return replace(project, visit=replace(project.visit, weights=weights))

    monkeypatch.setattr(common, "load_project", heavy)
    assert main(["solve", str(demo_path), "--time-limit", "5"]) == EXIT_INTERNAL_ERROR
    err = capsys.readouterr().err
    assert "Internal error" in err and "CP-SAT refused the model" in err
    assert "timed out" not in err and "Traceback" not in err
