"""A planned demo project for invitation, reply and calendar-server tests (no solver)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from visitplanner.domain import Placement, Project, Schedule
from visitplanner.domain.visit import Coordinator
from visitplanner.io.project import load_project

VISITORS = ("councillor", "gla-pb", "gla-ce", "gla-3s", "fife-pb", "fife-digital", "fife-eq")
COORDINATOR = Coordinator("Fiona Grant", "fiona.grant@wws.example")


def planned_project(demo_path: Path) -> Project:
    """The demo visit with a coordinator, a French title and a small hand-made schedule."""
    base = load_project(demo_path)
    visit = base.visit
    activities = tuple(
        replace(
            a,
            title_fr="Généraliser le BP : planification et mise en œuvre",
            notes_fr="Comment Paris a fait passer le BP d'une expérience à 100 M EUR par an.",
        )
        if a.id == "mainstreaming"
        else a
        for a in visit.activities
    )
    mainstreaming = visit.activity("mainstreaming").required
    placements = (
        Placement("mainstreaming", "mainstreaming", 1, 540, 660, "city-hall", mainstreaming),
        Placement(
            "lunch@1",
            "lunch",
            1,
            720,
            780,
            "pb-office",
            ("observer", "interpreter", *VISITORS, "paris-planning"),
        ),
        Placement(
            "dinner", "dinner", 1, 1170, 1290, "restaurant", ("observer", "interpreter", *VISITORS)
        ),
    )
    return replace(
        base,
        visit=replace(visit, coordinator=COORDINATOR, activities=activities),
        schedule=Schedule(placements).sorted(),
    )
