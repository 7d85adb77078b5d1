"""Calendar export files: named after people, confined to the folder, all or nothing."""

from __future__ import annotations

import os
import stat
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import icalendar
import pytest

from visitplanner.domain import Project
from visitplanner.io import export_files
from visitplanner.io.ics_export import ExportError, export_ics, export_plan, person_file_names
from visitplanner.io.ics_import import read_calendar_bytes

NOW = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
def project(demo_path: Path) -> Project:
    """The demo with the hand-made schedule of the export tests (no solver involved)."""
    from tests.io.test_ics_export import project as export_project

    return export_project.__wrapped__(demo_path)  # type: ignore[attr-defined,no-any-return]


def _rename(project: Project, index: int, **changes: str) -> Project:
    people = list(project.visit.participants)
    people[index] = replace(people[index], **changes)  # type: ignore[arg-type]
    return replace(project, visit=replace(project.visit, participants=tuple(people)))


def test_files_are_named_after_people_and_calendars_too(project: Project, tmp_path: Path) -> None:
    _, written = export_ics(project, tmp_path / "new" / "folder", per_person=True, now=NOW)
    assert (tmp_path / "new" / "folder" / "morag-baird.ics") in written
    cal = icalendar.Calendar.from_ical(
        (tmp_path / "new" / "folder" / "morag-baird.ics").read_bytes()
    )
    assert "Cllr Morag Baird" in str(cal["X-WR-CALNAME"])
    assert sorted(p.name for p in (tmp_path / "new" / "folder").iterdir()) == sorted(
        p.name for p in written
    )


def test_the_plan_says_what_would_be_written_and_overwritten(
    project: Project, tmp_path: Path
) -> None:
    folder = tmp_path / "cals"
    plan = export_plan(project, folder, per_person=True)
    assert plan.existing == ()
    assert set(plan.files) == {folder / "all.ics"} | {
        folder / n for n in person_file_names(project).values()
    }
    folder.mkdir()
    (folder / "morag-baird.ics").write_text("old", encoding="utf-8")
    assert export_plan(project, folder, per_person=True).existing == (folder / "morag-baird.ics",)
    single = export_plan(project, tmp_path / "one.ics")
    assert single.files == (tmp_path / "one.ics",) and single.existing == ()
    _, written = export_ics(project, folder, per_person=True, now=NOW)
    assert tuple(written) == plan.files


@pytest.mark.parametrize(
    "name", ["../../etc/passwd", "/abs/path", "a\\b", "..", "C:\\x", "x" * 400, "\x00\n", "   "]
)
def test_no_name_leads_outside_the_folder(project: Project, tmp_path: Path, name: str) -> None:
    folder = tmp_path / "out"
    odd = _rename(project, 0, name=name, id=name)
    _, written = export_ics(odd, folder, per_person=True, now=NOW)
    for path in written:
        assert path.parent == folder
        assert len(path.name) <= 80
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_a_line_break_or_nul_in_a_name_or_address_exports_something_readable(
    project: Project, tmp_path: Path
) -> None:
    odd = _rename(project, 0, name="Morag\nBaird\x00", email="morag\n@example.org")
    _, written = export_ics(odd, tmp_path, per_person=True, now=NOW)
    day = project.visit.dates[0]
    for path in written:
        read_calendar_bytes(path.read_bytes(), path.name, "Europe/Paris", day, day)


def test_nothing_is_written_when_the_project_cannot_be_exported(
    project: Project, tmp_path: Path
) -> None:
    far = replace(project, visit=replace(project.visit, dates=(date(9999, 12, 31),)))
    with pytest.raises(ExportError):
        export_ics(far, tmp_path / "cals", per_person=True, now=NOW)
    with pytest.raises(ExportError):
        export_ics(far, tmp_path / "one.ics", now=NOW)
    assert not (tmp_path / "cals").exists() or not list((tmp_path / "cals").iterdir())
    assert not (tmp_path / "one.ics").exists()


def test_a_failure_while_writing_leaves_the_old_files_and_no_litter(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "cals"
    export_ics(project, folder, per_person=True, now=NOW)
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    calls = {"n": 0}
    real = export_files._write_new

    def flaky(path: Path, data: bytes, mode: int | None) -> None:
        calls["n"] += 1
        if calls["n"] == 5:
            raise OSError(28, "No space left on device")
        real(path, data, mode)

    monkeypatch.setattr(export_files, "_write_new", flaky)
    moved = _rename(project, 0, name="Someone Else")
    with pytest.raises(OSError, match="No space"):
        export_ics(moved, folder, per_person=True, now=NOW)
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


def test_exported_files_get_normal_permissions_and_keep_existing_ones(
    project: Project, tmp_path: Path
) -> None:
    old = os.umask(0o022)
    try:
        export_ics(project, tmp_path / "cals", per_person=True, now=NOW)
        export_ics(project, tmp_path / "one.ics", now=NOW)
        modes = {stat.S_IMODE(p.stat().st_mode) for p in (tmp_path / "cals").iterdir()}
        assert modes == {0o644}
        assert stat.S_IMODE((tmp_path / "one.ics").stat().st_mode) == 0o644
        (tmp_path / "cals" / "all.ics").chmod(0o600)
        export_ics(project, tmp_path / "cals", per_person=True, now=NOW)
        assert stat.S_IMODE((tmp_path / "cals" / "all.ics").stat().st_mode) == 0o600
    finally:
        os.umask(old)
