"""Project files with French titles, a coordinator and stored replies; per-person languages."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import icalendar
import jsonschema
import pytest

from tests.io.collab_project import planned_project
from tests.io.test_project_file import SCHEMA_PATH
from visitplanner.domain import Project
from visitplanner.domain.replies import Reply, ReplyStatus
from visitplanner.io.errors import InputFileError
from visitplanner.io.ics_export import export_ics, export_stamps, person_file_names
from visitplanner.io.project import load_project, parse_project, project_to_json, save_project
from visitplanner.io.project_write import project_to_dict

NOW = datetime(2027, 3, 1, 9, 30, tzinfo=UTC)


def _full(demo_path: Path) -> Project:
    project = planned_project(demo_path)
    venues = tuple(
        replace(
            v,
            name_fr="Hôtel de Ville de Paris",
            notes="Enter by the north door.",
            notes_fr="Entrée par la porte nord.",
        )
        if v.id == "city-hall"
        else v
        for v in project.visit.venues
    )
    return replace(
        project,
        visit=replace(project.visit, venues=venues),
        replies=(Reply("dinner", "gla-pb", ReplyStatus.TENTATIVE, 1, 1170, 1290),),
        invited={"dinner": ("gla-pb", "observer")},
    )


def test_round_trip_exact_and_schema_valid(demo_path: Path) -> None:
    project = _full(demo_path)
    text = project_to_json(project)
    again = parse_project(text.encode("utf-8"))
    assert again == project
    assert project_to_json(again) == text
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(project_to_dict(project))


def test_older_files_without_the_new_fields_still_load(demo_path: Path) -> None:
    data = json.loads(demo_path.read_text(encoding="utf-8"))
    for name in ("replies", "invited"):
        data.pop(name, None)
    project = parse_project(json.dumps(data).encode("utf-8"))
    assert project.replies == () and project.invited == {}
    assert project.visit.coordinator.email == ""
    assert all(a.title_fr == "" for a in project.visit.activities)


def test_empty_translations_are_not_written(demo_path: Path) -> None:
    data = project_to_dict(planned_project(demo_path))
    assert all("name_fr" not in v for v in data["venues"])
    assert all("title_fr" not in a for a in data["activities"] if a["id"] != "mainstreaming")


def test_a_reply_naming_an_unknown_person_is_refused(demo_path: Path) -> None:
    data = project_to_dict(_full(demo_path))
    data["replies"][0]["person"] = "nobody"
    with pytest.raises(InputFileError) as refused:
        parse_project(json.dumps(data).encode("utf-8"), "visit.json")
    assert "replies[0].person" in refused.value.message


def test_per_person_calendars_in_each_persons_first_language(
    demo_path: Path, tmp_path: Path
) -> None:
    project = _full(demo_path)
    export_ics(project, tmp_path, per_person=True, now=NOW)

    def summaries(name: str) -> dict[str, tuple[str, str, str]]:
        cal = icalendar.Calendar.from_ical((tmp_path / name).read_bytes())
        return {
            str(e["UID"]).split(".")[0]: (
                str(e["SUMMARY"]),
                str(e["LOCATION"]),
                str(e["DESCRIPTION"]),
            )
            for e in cal.walk("VEVENT")
        }

    names = person_file_names(project)
    french = summaries(names["paris-planning"])["mainstreaming"]
    english = summaries(names["gla-pb"])["mainstreaming"]
    assert french[0].startswith("Généraliser le BP")
    assert french[1].startswith("Hôtel de Ville de Paris")
    assert "Réunion formelle — mardi 23 mars 2027" in french[2]
    assert english[0] == "Mainstreaming PB: planning and implementation"
    assert "Formal meeting — Tuesday 23 March 2027" in english[2]


def test_changing_only_a_french_title_bumps_sequence(demo_path: Path) -> None:
    project = planned_project(demo_path)
    stamped = replace(project, exports=export_stamps(project))
    activities = tuple(
        replace(a, title_fr="Autre titre") if a.id == "dinner" else a
        for a in stamped.visit.activities
    )
    changed = replace(stamped, visit=replace(stamped.visit, activities=activities))
    after = export_stamps(changed)
    assert after["dinner"].sequence == 1
    assert after["mainstreaming"].sequence == 0


def test_two_interpreters_round_trip_and_one_is_left_out(demo_path: Path, tmp_path: Path) -> None:
    project = load_project(demo_path)
    visit = project.visit
    two = replace(
        visit,
        activities=tuple(
            replace(a, interpreters=2) if a.id == "steering" else a for a in visit.activities
        ),
    )
    path = tmp_path / "two.json"
    save_project(replace(project, visit=two), path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert [a.get("interpreters") for a in data["activities"] if "interpreters" in a] == [2]
    jsonschema.validate(data, json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))
    again = load_project(path).visit
    assert {a.id: a.interpreters for a in again.activities} == {
        a.id: (2 if a.id == "steering" else 1) for a in visit.activities
    }
