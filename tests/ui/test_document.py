"""The document: projects swapped through the undo stack, saved state, signals."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from tests.ui.test_calendar_fixtures import with_paris_plan
from visitplanner.domain import Project, Venue
from visitplanner.io.project import load_project
from visitplanner.ui import commands
from visitplanner.ui.document import Document


@pytest.fixture
def paris(demo_path: Path) -> Project:
    return with_paris_plan(load_project(demo_path))


def test_push_undo_redo_swap_projects_and_emit(qtbot, paris: Project) -> None:  # type: ignore[no-untyped-def]
    doc = Document(paris)
    seen: list[Project] = []
    doc.changed.connect(seen.append)
    moved = commands.moved(paris, "evaluation", 2, 14 * 60)
    with qtbot.waitSignal(doc.modified_changed) as blocker:
        assert doc.push(moved, "Move evaluation")
    assert blocker.args == [True]
    assert doc.project.schedule.get("evaluation").day == 2
    doc.undo_stack.undo()
    assert doc.project == paris and not doc.modified
    doc.undo_stack.redo()
    assert doc.project == moved and doc.modified
    assert seen == [moved, paris, moved]


def test_pushing_an_unchanged_project_records_nothing(paris: Project) -> None:
    doc = Document(paris)
    assert not doc.push(paris, "nothing")
    assert doc.undo_stack.count() == 0


def test_save_marks_clean_and_names_the_document(tmp_path: Path, paris: Project) -> None:
    doc = Document(paris)
    assert doc.name == paris.visit.title
    with pytest.raises(ValueError, match="choose where"):
        doc.save()
    doc.push(commands.pinned(paris, "steering", True), "Pin")
    target = doc.save(tmp_path / "paris.json")
    assert not doc.modified and doc.path == target and doc.name == "paris"
    assert load_project(target) == doc.project


def test_a_recovered_document_counts_as_unsaved(tmp_path: Path, paris: Project) -> None:
    doc = Document(paris)
    doc.reset(paris, tmp_path / "x.json", modified=True)
    assert doc.modified and doc.undo_stack.count() == 0
    doc.save()
    assert not doc.modified


def test_commands_edit_the_schedule(paris: Project) -> None:
    key = "debrief"
    original = paris.schedule.get(key)
    assert commands.resized(paris, key, original.start + 45).schedule.get(key).length == 45
    assert commands.pinned(paris, key, True).schedule.get(key).pinned
    assert commands.unscheduled(paris, key).schedule.get(key) is None
    with pytest.raises(KeyError, match="not in the programme"):
        commands.moved(commands.unscheduled(paris, key), key, 1, 600)


def test_visit_edits_drop_placements_that_no_longer_fit(paris: Project) -> None:
    visit = paris.visit
    fewer_venues = replace(visit, venues=tuple(v for v in visit.venues if v.id != "restaurant"))
    edited = commands.with_visit(paris, fewer_venues)
    assert edited.schedule.get("dinner") is None
    assert len(edited.schedule) == len(paris.schedule) - 1
    no_observer = replace(
        visit,
        participants=tuple(p for p in visit.participants if p.id != "observer"),
        venues=(*visit.venues, Venue("cafe", "Café")),
    )
    edited = commands.with_visit(paris, no_observer)
    assert all("observer" not in p.attendees for p in edited.schedule)
    one_day = replace(visit, dates=visit.dates[:1])
    assert all(p.day == 1 for p in commands.with_visit(paris, one_day).schedule)
