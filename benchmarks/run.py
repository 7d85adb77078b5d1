"""Run every benchmark and print one line per figure: ``name: value unit``.

Usage: ``python benchmarks/run.py`` (from the repository root, in the project's venv).
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

MODULES = ("core_bench", "ui_bench", "corpus_import", "dates_bench", "collab_bench")


def main() -> int:
    """Print every figure; a missing or failing benchmark is reported, not hidden."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    failed = 0
    for name in MODULES:
        try:
            module = importlib.import_module(name)
            figures = module.measure()
        except Exception as exc:
            print(f"{name}: failed ({exc})", file=sys.stderr)
            failed += 1
            continue
        for figure, value, unit in figures:
            print(f"{figure}: {value:.3f} {unit}", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
