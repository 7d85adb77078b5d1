"""The layering contract: Qt only in ui, a pure domain, and a headless core."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def test_import_linter_contracts_are_kept() -> None:
    lint = Path(sys.executable).with_name("lint-imports")
    if not lint.exists():
        pytest.skip("import-linter is not installed (pip install -e '.[test]')")
    done = subprocess.run(
        [str(lint), str(REPO / "pyproject.toml")],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


HEADLESS = """
import sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name == "PySide6" or name.startswith("PySide6."):
            raise ImportError("Qt is not installed here")
sys.meta_path.insert(0, Block())
import visitplanner.solver.solve, visitplanner.io.project, visitplanner.io.ics_export
import visitplanner.cli.main
from visitplanner.cli.main import main
code = main(["solve", "--demo", "--time-limit", "20"])
assert code == 0, code
assert not any(m.startswith("PySide6") for m in sys.modules)
print("headless ok")
"""


def test_solver_io_and_cli_run_without_qt() -> None:
    done = subprocess.run(
        [sys.executable, "-c", HEADLESS], capture_output=True, text=True, check=False, cwd=REPO
    )
    assert done.returncode == 0, done.stderr
    assert "headless ok" in done.stdout


def test_domain_imports_no_solver_or_files() -> None:
    code = (
        "import sys, visitplanner.domain, visitplanner.domain.index;"
        "bad=[m for m in sys.modules if m.split('.')[0] in ('ortools','icalendar','PySide6')];"
        "print(bad); assert not bad"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
