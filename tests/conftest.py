"""Shared test fixtures. Qt runs offscreen unless a test opens a real window."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[1]
DEMO = REPO / "src" / "visitplanner" / "resources" / "demo"
SHARED = REPO.parent / "shared"


@pytest.fixture
def demo_path() -> Path:
    """The bundled Paris demo project file."""
    return DEMO / "paris-pb-visit.json"


@pytest.fixture
def infeasible_demo_path() -> Path:
    """The Paris variant that cannot be scheduled."""
    return DEMO / "paris-pb-visit-infeasible.json"
