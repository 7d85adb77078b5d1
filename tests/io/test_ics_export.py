"""Tests for the .ics export: content, stable UIDs, SEQUENCE, per-person files, other parsers."""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
import pytest
import vobject
from hypothesis import HealthCheck, given, settings

from tests.io.test_project_file import projects
from visitplanner.domain import Placement, Project, Schedule, Side
from visitplanner.io.ics_export import (
    build_calendar,
    event_uid,
    export_ics,
    export_stamps,
    person_file_names,
)
from visitplanner.io.project import load_project, parse_project, project_to_json

NOW = datetime(2027, 3, 1, 9, 30, tzinfo=UTC)
PARIS = ZoneInfo("Europe/Paris")
ICALJS = Path(__file__).parent / "icaljs"
VISITORS = ("councillor", "gla-pb", "gla-ce", "gla-3s", "fife-pb", "fife-digital", "fife-eq")


@pytest.fixture
def project(demo_path: Path) -> Project:
    """The demo visit with a small hand-made schedule (no solver involved)."""
    base = load_project(demo_path)
    visit = base.visit
    mainstreaming = visit.activity("mainstreaming").required
    digitising = visit.activity("digitising").required
    placements = (
        Placement("breakfast@1", "breakfast", 1, 450, 495, "hotel", ("observer", *VISITORS)),
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
        Placement("digitising", "digitising", 2, 540, 630, "pb-office", digitising, pinned=True),
    )
    return replace(base, schedule=Schedule(placements).sorted())


def _parse(raw: bytes) -> icalendar.Calendar:
    cal = icalendar.Calendar.from_ical(raw)
    assert isinstance(cal, icalendar.Calendar)
    return cal


def _events(cal: icalendar.Calendar) -> dict[str, icalendar.Event]:
    return {str(e["UID"]): e for e in cal.walk("VEVENT")}


def _emails(project: Project, pids: tuple[str, ...]) -> set[str]:
    by_id = {p.id: p for p in project.visit.participants}
    return {f"mailto:{by_id[pid].email}" for pid in pids}


def test_round_trip_times_uids_and_attendees(project: Project, tmp_path: Path) -> None:
    target = tmp_path / "visit.ics"
    _, written = export_ics(project, target, now=NOW)
    assert written == [target]
    cal = _parse(target.read_bytes())
    events = _events(cal)
    assert set(events) == {event_uid(project, p.key) for p in project.schedule}
    for p in project.schedule:
        event = events[f"{p.key}.{project.uid}@visitplanner"]
        activity = project.visit.activity(p.activity_id)
        day = project.visit.dates[p.day - 1]
        assert event.start == datetime(day.year, day.month, day.day, tzinfo=PARIS).replace(
            hour=p.start // 60, minute=p.start % 60
        )
        assert event.end - event.start == timedelta(minutes=p.length)
        assert event["DTSTART"].params["TZID"] == "Europe/Paris"
        assert event["DTEND"].params["TZID"] == "Europe/Paris"
        assert str(event["SUMMARY"]) == activity.title
        assert event["DTSTAMP"].dt == NOW
        attendees = event.get("ATTENDEE")
        assert isinstance(attendees, list)
        assert {str(a) for a in attendees} == _emails(project, p.attendees)
        for a in attendees:
            pid = next(x.id for x in project.visit.participants if f"mailto:{x.email}" == str(a))
            want = "REQ-PARTICIPANT" if pid in activity.required else "OPT-PARTICIPANT"
            assert a.params["ROLE"] == want
            assert a.params["CN"] == project.visit.participant(pid).name
        want_cat = "Formal" if activity.is_formal else "Informal"
        assert event.categories == [want_cat]
        venue = project.visit.venue(p.venue)
        assert str(event["LOCATION"]) == f"{venue.name}, {venue.address}"
    assert cal.timezones and cal.timezones[0].tz_name == "Europe/Paris"
    assert not cal.get_missing_tzids()
    assert str(cal["X-WR-CALNAME"]) == project.visit.title
    assert "Visit Planner" in str(cal["PRODID"])


def test_utc_instants_match_paris_time(project: Project) -> None:
    """23-24 March 2027 is before the clocks change: Paris is UTC+1."""
    events = _events(_parse(build_calendar(project, now=NOW).to_ical()))
    mainstreaming = events[event_uid(project, "mainstreaming")]
    assert mainstreaming.start.astimezone(UTC) == datetime(2027, 3, 23, 8, 0, tzinfo=UTC)


def test_end_of_day_becomes_midnight_next_day(project: Project) -> None:
    late = Placement("dinner", "dinner", 1, 1290, 1440, "restaurant", ("observer",))
    moved = replace(project, schedule=project.schedule.with_placement(late))
    event = _events(_parse(build_calendar(moved, now=NOW).to_ical()))[event_uid(project, "dinner")]
    assert event.end == datetime(2027, 3, 24, 0, 0, tzinfo=PARIS)


def test_description_says_who_interpreter_and_notes(project: Project) -> None:
    events = _events(_parse(build_calendar(project, now=NOW).to_ical()))
    lunch = str(events[event_uid(project, "lunch@1")]["DESCRIPTION"])
    assert "Interpreter present: Claire Dubois." in lunch
    assert "Nathalie Girard (Planning officer, Ville de Paris) — optional" in lunch
    assert "Dr Fiona Grant (Research associate, What Works Scotland) — required" in lunch
    assert "Paris officers join if they are free." in lunch
    breakfast = str(events[event_uid(project, "breakfast@1")]["DESCRIPTION"])
    assert "No interpreter needed" in breakfast
    dinner = str(events[event_uid(project, "dinner")]["DESCRIPTION"])
    assert "everyone shares a language" in dinner and "Claire Dubois" in dinner


def test_description_warns_when_interpreter_missing(project: Project) -> None:
    no_interp = Placement(
        "lunch@1", "lunch", 1, 720, 780, "pb-office", ("observer", "paris-planning")
    )
    changed = replace(project, schedule=project.schedule.with_placement(no_interp))
    event = _events(_parse(build_calendar(changed, now=NOW).to_ical()))[
        event_uid(project, "lunch@1")
    ]
    assert "No interpreter present, although not everyone shares a language" in str(
        event["DESCRIPTION"]
    )


def test_organizer_is_first_host_with_email(project: Project) -> None:
    event = next(iter(_events(_parse(build_calendar(project, now=NOW).to_ical())).values()))
    assert str(event["ORGANIZER"]) == "mailto:julien.moreau@paris.example"
    assert event["ORGANIZER"].params["CN"] == "Julien Moreau"


def test_organizer_falls_back_to_project_address(project: Project) -> None:
    people = tuple(
        replace(p, email="") if p.side is Side.HOST else p for p in project.visit.participants
    )
    hostless = replace(project, visit=replace(project.visit, participants=people))
    cal = _parse(build_calendar(hostless, now=NOW).to_ical())
    event = next(iter(_events(cal).values()))
    assert str(event["ORGANIZER"]) == "mailto:visit-paris-pb-2027@visitplanner.invalid"
    # hosts without an email are still named, just not invited by address
    mainstreaming = _events(cal)[event_uid(project, "mainstreaming")]
    assert "mailto:julien.moreau@paris.example" not in {str(a) for a in mainstreaming["ATTENDEE"]}
    assert "Julien Moreau" in str(mainstreaming["DESCRIPTION"])


def test_group_attendee_has_group_cutype(project: Project) -> None:
    steering = project.visit.activity("steering")
    placed = Placement("steering", "steering", 1, 1050, 1140, "city-hall", steering.required)
    changed = replace(project, schedule=project.schedule.with_placement(placed))
    event = _events(_parse(build_calendar(changed, now=NOW).to_ical()))[
        event_uid(project, "steering")
    ]
    cutypes = {str(a): a.params["CUTYPE"] for a in event["ATTENDEE"]}
    assert cutypes["mailto:budgetparticipatif@paris.example"] == "GROUP"
    assert cutypes["mailto:julien.moreau@paris.example"] == "INDIVIDUAL"


def _sequences(raw: bytes) -> dict[str, int]:
    return {uid: int(e["SEQUENCE"]) for uid, e in _events(_parse(raw)).items()}


def test_reexport_keeps_uids_and_sequence(project: Project, tmp_path: Path) -> None:
    first, _ = export_ics(project, tmp_path / "a.ics", now=NOW)
    assert {s.sequence for s in first.exports.values()} == {0}
    assert set(first.exports) == {p.key for p in project.schedule}
    second, _ = export_ics(first, tmp_path / "b.ics", now=NOW)
    assert second.exports == first.exports
    assert (tmp_path / "a.ics").read_bytes() == (tmp_path / "b.ics").read_bytes()
    assert set(_sequences((tmp_path / "b.ics").read_bytes()).values()) == {0}


def test_moved_event_bumps_its_sequence_only(project: Project, tmp_path: Path) -> None:
    exported, _ = export_ics(project, tmp_path / "a.ics", now=NOW)
    moved_placement = exported.schedule.get("digitising")
    assert moved_placement is not None
    moved = replace(
        exported, schedule=exported.schedule.with_placement(moved_placement.moved(2, 600))
    )
    after, _ = export_ics(moved, tmp_path / "b.ics", now=NOW)
    seqs = _sequences((tmp_path / "b.ics").read_bytes())
    assert seqs.pop(event_uid(project, "digitising")) == 1
    assert set(seqs.values()) == {0}
    assert set(_sequences((tmp_path / "a.ics").read_bytes())) == set(
        _sequences((tmp_path / "b.ics").read_bytes())
    )
    # exporting the moved schedule again does not bump it a second time
    again, _ = export_ics(after, tmp_path / "c.ics", now=NOW)
    assert again.exports == after.exports
    assert _sequences((tmp_path / "c.ics").read_bytes())[event_uid(project, "digitising")] == 1
    # moving it once more bumps it to 2
    moved_again = replace(
        again, schedule=again.schedule.with_placement(moved_placement.moved(2, 660))
    )
    assert export_stamps(moved_again)["digitising"].sequence == 2


def test_changed_attendees_bump_sequence(project: Project) -> None:
    exported = replace(project, exports=export_stamps(project))
    lunch = exported.schedule.get("lunch@1")
    assert lunch is not None
    fewer = replace(lunch, attendees=lunch.attendees[:-1])
    changed = replace(exported, schedule=exported.schedule.with_placement(fewer))
    stamps = export_stamps(changed)
    assert stamps["lunch@1"].sequence == 1
    assert stamps["breakfast@1"] == exported.exports["breakfast@1"]


def test_export_stamps_survive_the_project_file(project: Project, tmp_path: Path) -> None:
    exported, _ = export_ics(project, tmp_path / "a.ics", now=NOW)
    reloaded = parse_project(project_to_json(exported).encode("utf-8"))
    assert reloaded.exports == exported.exports
    assert export_stamps(reloaded) == exported.exports


def test_per_person_calendars(project: Project, tmp_path: Path) -> None:
    folder = tmp_path / "calendars"
    updated, written = export_ics(project, folder, per_person=True, now=NOW)
    names = {p.name for p in written}
    by_person = person_file_names(project)
    assert names == {"all.ics"} | set(by_person.values())
    assert all(p.parent == folder for p in written)
    all_uids = set(_events(_parse((folder / "all.ics").read_bytes())))
    assert all_uids == {event_uid(project, p.key) for p in project.schedule}
    for person in project.visit.participants:
        cal = _parse((folder / by_person[person.id]).read_bytes())
        want = {event_uid(project, p.key) for p in project.schedule if person.id in p.attendees}
        assert set(_events(cal)) == want, person.id
        assert person.name in str(cal["X-WR-CALNAME"])
        assert cal.timezones[0].tz_name == "Europe/Paris"
    # someone in nothing still gets a valid (empty) calendar
    empty = _parse((folder / by_person["steering-group"]).read_bytes())
    assert not list(empty.walk("VEVENT"))
    assert updated.exports == export_stamps(project)


def test_per_person_calendar_shares_uid_and_sequence(project: Project) -> None:
    exported = replace(project, exports=export_stamps(project))
    moved_placement = exported.schedule.get("dinner")
    assert moved_placement is not None
    moved = replace(
        exported, schedule=exported.schedule.with_placement(moved_placement.moved(1, 1200))
    )
    everyone = _events(_parse(build_calendar(moved, now=NOW).to_ical()))
    mine = _events(_parse(build_calendar(moved, "interpreter", now=NOW).to_ical()))
    assert set(mine) <= set(everyone)
    for uid, event in mine.items():
        assert event["SEQUENCE"] == everyone[uid]["SEQUENCE"]
        assert event.start == everyone[uid].start
    assert int(mine[event_uid(project, "dinner")]["SEQUENCE"]) == 1


def test_unknown_person_is_refused(project: Project) -> None:
    with pytest.raises(KeyError):
        build_calendar(project, "nobody")


def test_person_file_names_are_safe_and_unique(project: Project) -> None:
    people = project.visit.participants
    odd = (
        replace(people[0], id="a", name="All"),
        replace(people[1], id="../x y", name="../X Y"),
        replace(people[2], id="b", name="x-y"),
        replace(people[3], id="c", name="Cllr Morag Baird"),
        replace(people[4], id="d", name="Élodie Müller-Ørsted"),
        replace(people[5], id="id-only", name="李明"),
        replace(people[6], id="李", name="王"),
        replace(people[7], id="e", name="NUL"),
    )
    names = person_file_names(replace(project, visit=replace(project.visit, participants=odd)))
    assert names == {
        "a": "all-2.ics",
        "../x y": "x-y.ics",
        "b": "x-y-2.ics",
        "c": "morag-baird.ics",
        "d": "elodie-muller-rsted.ics",
        "id-only": "id-only.ics",
        "李": "participant.ics",
        "e": "nul-person.ics",
    }


def test_empty_schedule_still_names_the_zone(project: Project) -> None:
    cal = _parse(build_calendar(replace(project, schedule=Schedule()), now=NOW).to_ical())
    assert not list(cal.walk("VEVENT"))
    assert [tz.tz_name for tz in cal.timezones] == ["Europe/Paris"]


def test_reads_in_vobject(project: Project, tmp_path: Path) -> None:
    _, written = export_ics(project, tmp_path / "cals", per_person=True, now=NOW)
    for path in written:
        parsed = vobject.readOne(path.read_text(encoding="utf-8"))
        assert parsed.name == "VCALENDAR"
    parsed = vobject.readOne((tmp_path / "cals" / "all.ics").read_text(encoding="utf-8"))
    by_uid = {ev.uid.value: ev for ev in parsed.vevent_list}
    event = by_uid[event_uid(project, "mainstreaming")]
    assert event.dtstart.value.utcoffset().total_seconds() == 3600
    assert event.dtstart.value.astimezone(UTC) == datetime(2027, 3, 23, 8, 0, tzinfo=UTC)
    assert event.summary.value == "Mainstreaming PB: planning and implementation"


def _icaljs(path: Path) -> dict[str, Any]:
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed, so the ical.js (Thunderbird) check cannot run")
    if not (ICALJS / "node_modules" / "ical.js").is_dir():
        pytest.skip("ical.js is not installed: run `npm install --prefix tests/io/icaljs`")
    done = subprocess.run(
        [node, str(ICALJS / "check.js"), str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def test_reads_in_icaljs(project: Project, tmp_path: Path) -> None:
    target = tmp_path / "visit.ics"
    export_ics(project, target, now=NOW)
    parsed = _icaljs(target)
    assert parsed["timezones"] == ["Europe/Paris"]
    assert parsed["calname"] == project.visit.title
    by_uid = {e["uid"]: e for e in parsed["events"]}
    assert set(by_uid) == {event_uid(project, p.key) for p in project.schedule}
    for p in project.schedule:
        event = by_uid[event_uid(project, p.key)]
        day = project.visit.dates[p.day - 1]
        start = datetime(day.year, day.month, day.day, p.start // 60, p.start % 60, tzinfo=PARIS)
        assert event["start"] == start.replace(tzinfo=None).isoformat()
        assert event["tzid"] == "Europe/Paris"
        assert event["utcStart"] == start.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        assert event["summary"] == project.visit.activity(p.activity_id).title
        assert event["sequence"] == 0
        assert set(event["attendees"]) == _emails(project, p.attendees)


def test_icaljs_sees_summer_time(project: Project, tmp_path: Path) -> None:
    """In June Paris is UTC+2: the VTIMEZONE must say so to Thunderbird too."""
    summer = replace(
        project, visit=replace(project.visit, dates=(date(2027, 6, 8), date(2027, 6, 9)))
    )
    target = tmp_path / "summer.ics"
    export_ics(summer, target, now=NOW)
    by_uid = {e["uid"]: e for e in _icaljs(target)["events"]}
    event = by_uid[event_uid(project, "mainstreaming")]
    assert event["start"] == "2027-06-08T09:00:00"
    assert event["utcStart"] == "2027-06-08T07:00:00Z"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(generated=projects())
def test_any_project_exports_cleanly(generated: Project) -> None:
    """Every schedule exports to a calendar that parses back to the same events."""
    raw = build_calendar(generated, now=NOW).to_ical()
    events = _events(_parse(raw))
    zone = ZoneInfo(generated.visit.zone)
    assert set(events) == {event_uid(generated, p.key) for p in generated.schedule}
    for p in generated.schedule:
        event = events[event_uid(generated, p.key)]
        midnight = datetime.combine(generated.visit.dates[p.day - 1], time(0))
        want = (midnight + timedelta(minutes=p.start)).replace(tzinfo=zone)
        assert event.start.astimezone(UTC) == want.astimezone(UTC)
        assert event["DTSTART"].params["TZID"] == generated.visit.zone
    parsed = vobject.readOne(raw.decode("utf-8"))
    assert len(getattr(parsed, "vevent_list", [])) == len(generated.schedule)
    stamps = export_stamps(generated)
    assert export_stamps(replace(generated, exports=stamps)) == stamps
