"""The printable itinerary: a PDF with one page per day."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from tests.solver.test_balance import demo_schedule
from visitplanner.domain import Project, Schedule
from visitplanner.domain.index import VisitIndex
from visitplanner.i18n import language
from visitplanner.io.project import load_project
from visitplanner.ui.print_pdf import day_html, export_itinerary_pdf, travel_legs


@pytest.fixture
def project(demo_path: Path) -> Project:
    return replace(load_project(demo_path), schedule=demo_schedule())


def _pages(data: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?!s)", data))


def test_pdf_has_one_page_per_day(qapp: object, project: Project, tmp_path: Path) -> None:
    out = tmp_path / "itinerary.pdf"
    export_itinerary_pdf(project, out)
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    assert _pages(data) == 2
    assert not list(tmp_path.glob(".*.part"))


def test_empty_programme_still_prints_each_day(
    qapp: object, project: Project, tmp_path: Path
) -> None:
    visit = project.visit
    three = replace(visit, dates=(*visit.dates, visit.dates[-1].replace(day=25)))
    out = tmp_path / "empty.pdf"
    export_itinerary_pdf(Project(three, Schedule()), out)
    assert _pages(out.read_bytes()) == 3


def test_day_page_says_who_where_and_interpreter(project: Project) -> None:
    visit = project.visit
    text = day_html(visit, VisitIndex(visit), 1, project.schedule.on_day(1))
    assert "Day 1 — Tuesday 23 March 2027" in text
    assert "09:15–11:15" in text
    assert "Mainstreaming PB: planning and implementation" in text
    assert "Hôtel de Ville, Place de l&#x27;Hôtel de Ville, 75004 Paris" in text
    assert "Cllr Morag Baird" in text and "Nathalie Girard" in text
    assert "Interpreter present:</b> Claire Dubois" in text
    # Breakfast: English speakers only, no interpreter needed.
    assert "No interpreter (everyone shares a language)" in text


def test_missing_interpreter_is_flagged(project: Project) -> None:
    visit = project.visit
    main = project.schedule.get("mainstreaming")
    assert main is not None
    alone = replace(main, attendees=tuple(a for a in main.attendees if a != "interpreter"))
    text = day_html(visit, VisitIndex(visit), 1, (alone,))
    assert "No interpreter — but one is needed" in text


def test_unwritable_path_raises(qapp: object, project: Project, tmp_path: Path) -> None:
    with pytest.raises(OSError):
        export_itinerary_pdf(project, tmp_path / "missing-folder" / "x.pdf")


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs poppler's pdftoppm")
def test_pdf_renders(qapp: object, project: Project, tmp_path: Path) -> None:
    out = tmp_path / "itinerary.pdf"
    export_itinerary_pdf(project, out)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", str(out), str(tmp_path / "p")],
        check=True,
        timeout=30,
    )
    assert list(tmp_path.glob("p*.png"))


def test_day_page_shows_travel_legs_between_venues(project: Project) -> None:
    visit = project.visit
    day1 = project.schedule.on_day(1)
    text = day_html(visit, VisitIndex(visit), 1, day1)
    steering, dinner = project.schedule.get("steering"), project.schedule.get("dinner")
    assert steering is not None and dinner is not None
    assert (steering.venue, dinner.venue) == ("city-hall", "restaurant")
    # Hôtel de Ville -> Le Procope is 20 minutes in the demo's travel table.
    assert "20 min to Le Procope" in text
    legs = travel_legs(visit, day1)
    assert legs["steering"] == (20, "restaurant")
    assert "dinner" not in legs  # nothing after dinner
    # Two activities at the same venue: no journey.
    same = tuple(replace(p, venue="city-hall") for p in day1)
    assert travel_legs(visit, same) == {}


def test_day_page_speaks_french(project: Project) -> None:
    visit = project.visit
    with language("fr"):
        text = day_html(visit, VisitIndex(visit), 1, project.schedule.on_day(1))
    assert "Jour 1 — mardi 23 mars 2027" in text
    assert "20 min de trajet vers Le Procope" in text
    assert "Interprétation assurée par :</b> Claire Dubois" in text
