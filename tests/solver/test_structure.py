"""How the rule catalogue is built: a pure checker path, and no dependence on rule order."""

from __future__ import annotations

import random
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from visitplanner.domain import Project, Visit
from visitplanner.domain.index import VisitIndex
from visitplanner.io.project import load_project, save_project
from visitplanner.solver.checker import Checker
from visitplanner.solver.result import SolveOptions, Status
from visitplanner.solver.rules import check_all, hard_rules
from visitplanner.solver.solve import solve

REPO = Path(__file__).resolve().parents[2]

BLOCK_ORTOOLS = """
import sys

class BlockOrTools:
    def find_spec(self, name, path=None, target=None):
        if name == "ortools" or name.startswith("ortools."):
            raise ImportError("OR-Tools is blocked in this test")
        return None

sys.meta_path.insert(0, BlockOrTools())
"""


def run_without_ortools(code: str) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a fresh interpreter where importing OR-Tools fails."""
    return subprocess.run(
        [sys.executable, "-c", BLOCK_ORTOOLS + code],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(REPO / "src"), "PATH": "/usr/bin:/bin"},
        cwd=REPO,
        timeout=120,
        check=False,
    )


def test_the_checker_path_never_imports_ortools() -> None:
    done = run_without_ortools(
        "import visitplanner.solver.checker, visitplanner.solver.rules, "
        "visitplanner.solver.balance, visitplanner.solver.precheck\n"
        "assert not any(m.startswith('ortools') for m in sys.modules)\n"
        "print('ok')"
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


def test_the_block_really_blocks() -> None:
    done = run_without_ortools("import visitplanner.solver.solve")
    assert done.returncode != 0 and "OR-Tools is blocked" in done.stderr


@pytest.fixture
def solved_demo(demo_path: Path, tmp_path: Path) -> Path:
    project = load_project(demo_path)
    result = solve(project.visit, SolveOptions(time_limit=20))
    assert result.schedule is not None
    path = tmp_path / "solved.json"
    save_project(replace(project, schedule=result.schedule), path)
    return path


def test_cli_check_runs_without_ortools(solved_demo: Path) -> None:
    done = run_without_ortools(
        "from visitplanner.cli.main import main\n"
        f"code = main(['check', {str(solved_demo)!r}])\n"
        "assert not any(m.startswith('ortools') for m in sys.modules)\n"
        "sys.exit(code)"
    )
    assert done.returncode == 0, done.stderr
    assert "Every rule is kept." in done.stdout


def _shuffled(seed: int) -> tuple:  # type: ignore[type-arg]
    rules = list(hard_rules())
    random.Random(seed).shuffle(rules)
    return tuple(rules)


def _violations(visit: Visit, project: Project, seed: int) -> list[tuple[str, str]]:
    report = check_all(VisitIndex(visit), project.schedule, rules=_shuffled(seed))
    return sorted((v.rule, v.message) for v in report.violations)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_catalogue_order_changes_neither_the_optimum_nor_the_checks(
    demo_path: Path, seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    visit = load_project(demo_path).visit
    plain = solve(visit, SolveOptions(time_limit=20))
    assert plain.status is Status.OPTIMAL and plain.schedule is not None
    import visitplanner.solver.build as build

    shuffled = _shuffled(seed)
    monkeypatch.setattr(build, "hard_rules", lambda: shuffled)
    other = solve(visit, SolveOptions(time_limit=20))
    assert other.status is Status.OPTIMAL and other.objective == plain.objective
    assert Checker(visit).check(other.schedule or plain.schedule).ok
    # the same checks, whatever the order: on a schedule that breaks several rules
    broken = Project(
        visit=visit,
        schedule=plain.schedule.with_placement(
            replace(plain.schedule.placements[0], start=6 * 60, end=6 * 60 + 30, venue="nowhere")
        ),
    )
    assert _violations(visit, broken, seed) == _violations(visit, broken, 0)
    assert _violations(visit, broken, seed)


def test_a_programme_that_fails_its_own_check_is_an_error_not_a_result(
    demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """If solver and checker ever disagree, the coordinator gets an error, never 'optimal'."""
    import visitplanner.solver.solve as solving
    from visitplanner.solver.checker import CheckReport, Violation

    broken = Violation("people_free", "Required people are available", "Ann is busy")
    monkeypatch.setattr(solving, "check_all", lambda *args: CheckReport((broken,)))
    result = solve(load_project(demo_path).visit, SolveOptions(time_limit=20))
    assert result.status is Status.ERROR
    assert result.schedule is None
    assert "breaks a rule (Required people are available): Ann is busy" in result.message
