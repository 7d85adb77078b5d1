"""Project files to start mutating from: the demos, and the demo with a programme."""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from pathlib import Path

from visitplanner.domain import Placement, Schedule
from visitplanner.io.project import load_project, project_to_json

DEMO = Path(__file__).resolve().parents[2] / "src" / "visitplanner" / "resources" / "demo"


@cache
def project_seeds() -> tuple[str, ...]:
    """Texts of the seed project files."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(DEMO.glob("*.json"))]
    demo = load_project(DEMO / "paris-pb-visit.json")
    visit = demo.visit
    placements = (
        Placement("breakfast@1", "breakfast", 1, 450, 495, "hotel", ("observer",)),
        Placement(
            "mainstreaming", "mainstreaming", 1, 540, 660, "city-hall",
            visit.activity("mainstreaming").required, pinned=True,
        ),
        Placement(
            "digitising", "digitising", 2, 600, 690, "city-hall",
            visit.activity("digitising").required,
        ),
    )  # fmt: skip
    texts.append(project_to_json(replace(demo, schedule=Schedule(placements))))
    return tuple(texts)
