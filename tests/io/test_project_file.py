"""Tests for project files: round trips, atomic saves, refused files, and the JSON Schema."""

from __future__ import annotations

import copy
import json
import os
from collections.abc import Callable
from datetime import date, timedelta, timezone
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from visitplanner.domain import (
    Activity,
    Availability,
    AvailabilityRange,
    Balance,
    DateWindow,
    InterpreterRules,
    Kind,
    Level,
    MinAttendance,
    Participant,
    Placement,
    Project,
    Schedule,
    Side,
    TravelTimes,
    Venue,
    Visit,
    Weights,
    Window,
)
from visitplanner.domain.availability import local_range
from visitplanner.domain.project import ExportStamp
from visitplanner.domain.visit import DEFAULT_WEIGHTS
from visitplanner.io.errors import InputFileError
from visitplanner.io.project import load_project, parse_project, project_to_json, save_project
from visitplanner.io.project_write import project_to_dict

SCHEMA_PATH = (
    Path(__file__).resolve().parents[2]
    / "src"
    / "visitplanner"
    / "resources"
    / "schema"
    / "project.schema.json"
)
ZONES = ("Europe/London", "Europe/Paris")
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


# --- round trips ------------------------------------------------------------------------


def test_demo_round_trip(demo_path: Path, tmp_path: Path) -> None:
    project = load_project(demo_path)
    saved = tmp_path / "copy.json"
    save_project(project, saved)
    assert load_project(saved) == project
    assert saved.read_text(encoding="utf-8") == demo_path.read_text(encoding="utf-8")


def test_infeasible_demo_round_trip(infeasible_demo_path: Path, tmp_path: Path) -> None:
    project = load_project(infeasible_demo_path)
    saved = tmp_path / "copy.json"
    save_project(project, saved)
    assert load_project(saved) == project
    assert saved.read_bytes() == infeasible_demo_path.read_bytes()


def test_demo_holds_both_time_zones(demo_path: Path) -> None:
    visit = load_project(demo_path).visit
    zones = {
        getattr(r.start.tzinfo, "key", None) for a in visit.availability.values() for r in a.ranges
    }
    assert zones == set(ZONES)


_ids = st.text("abcdefghijklmnopqrstuvwxyz0123456789-", min_size=1, max_size=6)
_words = st.text(
    st.characters(codec="utf-8", exclude_categories=["Cs", "Cc", "Zs", "Zl", "Zp"]),
    min_size=1,
    max_size=12,
)
# Free text may hold line breaks and tabs, never other control codes (the reader refuses them).
_free_text = st.text(
    st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"], include_characters="\n\t"),
    max_size=30,
)


@st.composite
def projects(draw: st.DrawFn) -> Project:
    """Small but complete projects, with availability typed in London and Paris time."""
    n_days = draw(st.integers(1, 3))
    first = draw(st.dates(date(2025, 1, 1), date(2030, 12, 1)))
    dates = tuple(first + timedelta(days=i) for i in range(n_days))
    pids = draw(st.lists(_ids, min_size=1, max_size=4, unique=True))
    people = tuple(
        Participant(
            id=pid,
            name=draw(_words),
            side=draw(st.sampled_from(Side)),
            languages=tuple(
                draw(
                    st.lists(
                        st.sampled_from(["en", "fr", "de"]), min_size=1, max_size=2, unique=True
                    )
                )
            ),
            home_zone=draw(st.sampled_from(ZONES)),
            organisation=draw(_free_text),
            role=draw(_free_text),
            email=draw(st.sampled_from(["", f"{pid}@example.org"])),
            is_group=draw(st.booleans()),
        )
        for pid in pids
    )
    availability: dict[str, Availability] = {}
    for pid in draw(st.lists(st.sampled_from(pids), unique=True)):
        ranges: list[AvailabilityRange] = []
        for _ in range(draw(st.integers(0, 3))):
            day = draw(st.sampled_from(dates))
            start = draw(st.integers(0, 1439))
            end = start + draw(st.integers(1, 600))
            level = draw(st.sampled_from(Level))
            if draw(st.booleans()):
                ranges.append(local_range(day, start, end, draw(st.sampled_from(ZONES)), level))
            else:  # a range given with a bare UTC offset
                offset = timezone(timedelta(hours=draw(st.integers(-3, 3))))
                rng = local_range(day, start, end, "UTC", level)
                ranges.append(
                    AvailabilityRange(
                        rng.start.replace(tzinfo=offset), rng.end.replace(tzinfo=offset), level
                    )
                )
        availability[pid] = Availability(tuple(ranges), draw(st.sampled_from(Level)))
    vids = draw(st.lists(_ids, min_size=1, max_size=3, unique=True))
    venues = tuple(Venue(vid, draw(_words), draw(_free_text), draw(st.booleans())) for vid in vids)
    travel: dict[tuple[str, str], int] = {}
    for i, a in enumerate(vids):
        for b in vids[i + 1 :]:
            there = draw(st.integers(0, 90))
            travel[(a, b)] = there
            travel[(b, a)] = draw(st.sampled_from([there, there + 5]))
    activities = []
    for aid in draw(st.lists(_ids, min_size=1, max_size=3, unique=True)):
        lo = draw(st.integers(15, 120))
        windows = []
        for _ in range(draw(st.integers(1, 2))):
            w_start = draw(st.integers(0, 1439))
            w_end = draw(st.integers(w_start + 1, 1440))
            windows.append(Window(w_start, w_end, draw(st.none() | st.integers(1, n_days))))
        among = tuple(draw(st.lists(st.sampled_from(pids), unique=True)))
        activities.append(
            Activity(
                id=aid,
                title=draw(_words),
                kind=draw(st.sampled_from(Kind)),
                min_length=lo,
                max_length=lo + draw(st.integers(0, 60)),
                windows=tuple(windows),
                required=tuple(draw(st.lists(st.sampled_from(pids), unique=True))),
                optional=tuple(draw(st.lists(st.sampled_from(pids), unique=True))),
                min_attendance=(MinAttendance(among, draw(st.integers(0, len(among))), "x"),)
                if draw(st.booleans())
                else (),
                venues=tuple(draw(st.lists(st.sampled_from(vids), unique=True))),
                per_day=draw(st.booleans()),
                mandatory=draw(st.booleans()),
                notes=draw(_free_text),
            )
        )
    placements = []
    for act in draw(st.lists(st.sampled_from(activities), unique_by=lambda a: a.id)):
        day = draw(st.integers(1, n_days))
        start = draw(st.integers(0, 1439))
        placements.append(
            Placement(
                key=f"{act.id}@{day}" if act.per_day else act.id,
                activity_id=act.id,
                day=day,
                start=start,
                end=draw(st.integers(start + 1, 1440)),
                venue=draw(st.sampled_from(vids)),
                attendees=tuple(draw(st.lists(st.sampled_from(pids), unique=True))),
                pinned=draw(st.booleans()),
            )
        )
    day_start = draw(st.integers(0, 1439))
    candidate = None
    if draw(st.booleans()):
        candidate = DateWindow(
            dates[0] - timedelta(days=draw(st.integers(0, 10))),
            dates[-1] + timedelta(days=draw(st.integers(0, 10))),
            n_days,
            tuple(sorted(draw(st.sets(st.integers(0, 6), min_size=1)))),
        )
    visit = Visit(
        title=draw(_words),
        zone=draw(st.sampled_from(ZONES)),
        dates=dates,
        participants=people,
        availability=availability,
        venues=venues,
        travel=TravelTimes(travel),
        activities=tuple(activities),
        candidate_dates=candidate,
        day_start=day_start,
        day_end=draw(st.integers(day_start + 1, 1440)),
        slot=draw(st.integers(1, 60)),
        balance=Balance(*draw(st.tuples(*[st.integers(0, 600)] * 3))),
        interpreter_rules=InterpreterRules(
            draw(st.integers(1, 300)), draw(st.integers(0, 60)), draw(st.integers(0, 600))
        ),
        weights=Weights({k: draw(st.integers(0, 100)) for k in DEFAULT_WEIGHTS}),
    )
    exports = {
        p.key: ExportStamp(draw(st.text("0123456789abcdef", max_size=16)), draw(st.integers(0, 9)))
        for p in placements
        if draw(st.booleans())
    }
    return Project(visit, Schedule(tuple(placements)).sorted(), draw(_ids), exports)


@FAST
@given(project=projects())
def test_generated_projects_round_trip(
    project: Project, validator: jsonschema.Draft202012Validator
) -> None:
    text = project_to_json(project)
    loaded = parse_project(text.encode("utf-8"))
    assert loaded == project
    assert project_to_json(loaded) == text
    # the same instants, not just equal-looking wall-clock times
    for pid, avail in project.visit.availability.items():
        for before, after in zip(avail.ranges, loaded.visit.availability[pid].ranges, strict=True):
            assert before.start.utcoffset() == after.start.utcoffset()
            assert before.end.utcoffset() == after.end.utcoffset()
    errors = [e.message for e in validator.iter_errors(json.loads(text))]
    assert not errors


# --- the JSON Schema --------------------------------------------------------------------


def test_demo_files_match_the_schema(
    demo_path: Path, infeasible_demo_path: Path, validator: jsonschema.Draft202012Validator
) -> None:
    for path in (demo_path, infeasible_demo_path):
        data = json.loads(path.read_text(encoding="utf-8"))
        assert [e.message for e in validator.iter_errors(data)] == [], path.name


def test_round_tripped_demo_matches_the_schema(
    demo_path: Path, validator: jsonschema.Draft202012Validator
) -> None:
    project = load_project(demo_path)
    lead = project.visit.activity("mainstreaming")
    placed = Placement("mainstreaming", "mainstreaming", 1, 540, 660, "city-hall", lead.required)
    exports = {"mainstreaming": ExportStamp("0123456789abcdef", 2)}
    project = Project(project.visit, Schedule((placed,)), project.uid, exports)
    data = project_to_dict(parse_project(project_to_json(project).encode("utf-8")))
    validator.validate(data)
    assert data["schedule"] and data["ics_exports"]


def test_schema_documents_every_written_field(demo_path: Path) -> None:
    """Every section the writer produces is described, with a title or description."""
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"]
    written = project_to_dict(load_project(demo_path))
    assert set(written) == set(schema["properties"])
    for name, spec in schema["properties"].items():
        assert "description" in spec or "$ref" in spec, name
    for name, spec in schema["$defs"].items():
        assert "title" in spec or "description" in spec, name


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda d: d.update(version=99), "version"),
        (lambda d: d.pop("participants"), ""),
        (lambda d: d["visit"].update(day_start="25:00"), "visit.day_start"),
        (lambda d: d["participants"][0].update(side="guest"), "participants[0].side"),
        (lambda d: d["activities"][0].update(min_minutes="120"), "activities[0].min_minutes"),
        (lambda d: d["visit"].update(colour="blue"), "visit"),
        (lambda d: d["activities"][0].update(interpreters=3), "activities[0].interpreters"),
        (lambda d: d["venues"][0].update(interpreters=2), "venues[0]"),
        (
            lambda d: d["availability"]["councillor"]["ranges"][0].pop("zone"),
            "availability.councillor.ranges[0].start",
        ),
    ],
)
def test_schema_refuses_bad_files(
    demo_path: Path,
    validator: jsonschema.Draft202012Validator,
    change: Callable[[dict[str, Any]], object],
    where: str,
) -> None:
    data = json.loads(demo_path.read_text(encoding="utf-8"))
    change(data)
    paths = {e.json_path for e in validator.iter_errors(data)}
    assert f"$.{where}".rstrip(".") in paths


# --- atomic save ------------------------------------------------------------------------


@pytest.mark.parametrize("fail_in", ["replace", "fsync"])
def test_failed_save_leaves_old_file(
    demo_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fail_in: str
) -> None:
    project = load_project(demo_path)
    target = tmp_path / "visit.json"
    save_project(project, target)
    before = target.read_bytes()
    changed = Project(project.visit, project.schedule, "another-uid", project.exports)

    def boom(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, fail_in, boom)
    with pytest.raises(OSError, match="No space left"):
        save_project(changed, target)
    monkeypatch.undo()
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["visit.json"]
    assert load_project(target) == project


def test_save_replaces_file(demo_path: Path, tmp_path: Path) -> None:
    project = load_project(demo_path)
    target = tmp_path / "visit.json"
    target.write_text("old", encoding="utf-8")
    save_project(project, target)
    assert load_project(target) == project
    assert [p.name for p in tmp_path.iterdir()] == ["visit.json"]


# --- refused files ----------------------------------------------------------------------


def _refused(tmp_path: Path, raw: bytes, name: str = "my-visit.json") -> InputFileError:
    path = tmp_path / name
    path.write_bytes(raw)
    with pytest.raises(InputFileError) as info:
        load_project(path)
    err = info.value
    assert err.file == str(path)
    assert name in err.message
    assert err.problem in err.message
    assert err.place in err.message
    return err


def _demo_data(demo_path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(demo_path.read_text(encoding="utf-8"))
    return data


def _first_range(d: dict[str, Any]) -> dict[str, Any]:
    rng: dict[str, Any] = d["availability"]["councillor"]["ranges"][0]
    return rng


BAD_CONTENT: list[tuple[str, Callable[[dict[str, Any]], object], str, str]] = [
    ("future version", lambda d: d.update(version=99), "version", "newer Visit Planner"),
    ("not a project", lambda d: d.update(format="spreadsheet"), "format", "not a Visit Planner"),
    ("no participants", lambda d: d.pop("participants"), "participants", "is missing"),
    ("no visit title", lambda d: d["visit"].pop("title"), "visit.title", "is missing"),
    (
        "unknown person in an activity",
        lambda d: d["activities"][1]["required"].append("mystery-guest"),
        "activities[1].required[11]",
        "'mystery-guest' is not a participant",
    ),
    (
        "unknown person in availability",
        lambda d: d["availability"].update({"mystery-guest": {"ranges": []}}),
        "availability.mystery-guest",
        "'mystery-guest' is not a participant",
    ),
    (
        "unknown person in the schedule",
        lambda d: d.update(
            schedule=[
                {
                    "activity": "dinner",
                    "day": 1,
                    "start": "19:30",
                    "end": "21:30",
                    "venue": "restaurant",
                    "attendees": ["observer", "mystery-guest"],
                }
            ]
        ),
        "schedule[0].attendees[1]",
        "'mystery-guest' is not a participant",
    ),
    (
        "unknown activity in the schedule",
        lambda d: d.update(
            schedule=[
                {
                    "activity": "boat-trip",
                    "day": 1,
                    "start": "19:30",
                    "end": "21:30",
                    "venue": "restaurant",
                    "attendees": [],
                }
            ]
        ),
        "schedule[0].activity",
        "'boat-trip' is not an activity",
    ),
    (
        "unknown venue in an activity",
        lambda d: d["activities"][0]["venues"].append("louvre"),
        "activities[0].venues[1]",
        "'louvre' is not a venue",
    ),
    (
        "unknown venue in travel",
        lambda d: d["travel"][2].update(to="louvre"),
        "travel[2].to",
        "'louvre' is not a venue",
    ),
    (
        "window ends before it starts",
        lambda d: d["activities"][0]["windows"][0].update({"from": "10:00", "to": "09:00"}),
        "activities[0].windows[0].to",
        "the window ends before it starts",
    ),
    (
        "hour 25",
        lambda d: d["activities"][2]["windows"][0].update({"from": "25:00"}),
        "activities[2].windows[0].from",
        "'25:00' is not a time of day",
    ),
    (
        "availability ends before it starts",
        lambda d: _first_range(d).update(end=_first_range(d)["start"][:11] + "05:00"),
        "availability.councillor.ranges[0].end",
        "ends before it starts",
    ),
    (
        "availability without a zone",
        lambda d: _first_range(d).pop("zone"),
        "availability.councillor.ranges[0].start",
        "give a time zone",
    ),
    (
        "unknown visit time zone",
        lambda d: d["visit"].update(time_zone="Europe/Atlantis"),
        "visit.time_zone",
        "'Europe/Atlantis' is not a known time zone",
    ),
    (
        "time zone that is a folder",
        lambda d: d["participants"][3].update(home_time_zone="Europe"),
        "participants[3].home_time_zone",
        "'Europe' is not a known time zone",
    ),
    (
        "unknown range zone",
        lambda d: _first_range(d).update(zone="Scotland/Glasgow"),
        "availability.councillor.ranges[0].zone",
        "not a known time zone",
    ),
    ("version as text", lambda d: d.update(version="1"), "version", "expected a whole number"),
    (
        "participants as a section",
        lambda d: d.update(participants={"a": 1}),
        "participants",
        "expected a list",
    ),
    ("visit as a list", lambda d: d.update(visit=[]), "visit", "expected a section"),
    (
        "length as text",
        lambda d: d["activities"][0].update(min_minutes="120"),
        "activities[0].min_minutes",
        "expected a whole number",
    ),
    (
        "group as text",
        lambda d: d["participants"][0].update(group="yes"),
        "participants[0].group",
        "expected true or false",
    ),
    (
        "name as a number",
        lambda d: d["venues"][0].update(name=7),
        "venues[0].name",
        "expected text",
    ),
    (
        "date that does not exist",
        lambda d: d["visit"]["dates"].__setitem__(1, "2027-02-30"),
        "visit.dates[1]",
        "not a date",
    ),
    (
        "duplicate participant",
        lambda d: d["participants"].append(dict(d["participants"][0])),
        "participants[15].id",
        "used twice",
    ),
    (
        "unknown side",
        lambda d: d["participants"][0].update(side="guest"),
        "participants[0].side",
        "must be one of host, visitor, interpreter, observer",
    ),
    (
        "max shorter than min",
        lambda d: d["activities"][4].update(max_minutes=30),
        "activities[4].max_minutes",
        "shorter than the minimum",
    ),
    (
        "three interpreters",
        lambda d: d["activities"][0].update(interpreters=3),
        "activities[0].interpreters",
        "2",
    ),
    (
        "no interpreter",
        lambda d: d["activities"][0].update(interpreters=0),
        "activities[0].interpreters",
        "1",
    ),
    ("top level is a list", lambda d: d.clear(), "version", "is missing"),
]


@pytest.mark.parametrize(
    ("change", "place", "problem"),
    [case[1:] for case in BAD_CONTENT],
    ids=[case[0] for case in BAD_CONTENT],
)
def test_bad_content_is_refused(
    demo_path: Path,
    tmp_path: Path,
    change: Callable[[dict[str, Any]], object],
    place: str,
    problem: str,
) -> None:
    data = _demo_data(demo_path)
    change(data)
    err = _refused(tmp_path, json.dumps(data).encode("utf-8"))
    assert err.place == place
    assert problem in err.problem


def test_top_level_list_is_refused(tmp_path: Path) -> None:
    err = _refused(tmp_path, b"[1, 2]")
    assert err.place == "top level"
    assert "section with named fields" in err.problem


def test_not_json_is_refused(tmp_path: Path) -> None:
    err = _refused(tmp_path, b"Visit to Paris\nday 1: meetings\n")
    assert err.place == "line 1, column 1"
    assert "not a valid project file" in err.problem


def test_truncated_file_is_refused(demo_path: Path, tmp_path: Path) -> None:
    raw = demo_path.read_bytes()
    err = _refused(tmp_path, raw[: len(raw) // 2])
    assert err.place.startswith("line ")
    assert "cut short" in err.problem


def test_empty_file_is_refused(tmp_path: Path) -> None:
    err = _refused(tmp_path, b"")
    assert err.problem == "the file is empty"
    assert _refused(tmp_path, b" \n\t\n").problem == "the file is empty"


def test_not_utf8_is_refused(tmp_path: Path) -> None:
    err = _refused(tmp_path, '{"title": "Hôtel"}'.encode("latin-1"))
    assert err.place == "byte 12"
    assert "not UTF-8" in err.problem


def test_deeply_nested_file_is_refused(tmp_path: Path) -> None:
    err = _refused(tmp_path, b"[" * 100_000)
    assert "nested too deeply" in err.problem


def test_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputFileError) as info:
        load_project(tmp_path / "gone.json")
    assert "gone.json" in info.value.message
    assert "cannot be read" in info.value.problem


def test_demo_with_bom_loads(demo_path: Path) -> None:
    raw = demo_path.read_bytes()
    assert parse_project(b"\xef\xbb\xbf" + raw) == parse_project(raw)


# --- nothing but InputFileError, whatever the input -------------------------------------


def _loads_or_refuses(raw: bytes) -> None:
    try:
        parse_project(raw, "fuzz.json")
    except InputFileError as err:
        assert err.message.startswith("Could not open fuzz.json")


@FAST
@given(raw=st.binary(max_size=200))
def test_arbitrary_bytes(raw: bytes) -> None:
    _loads_or_refuses(raw)


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=10,
)


@FAST
@given(value=_json)
def test_arbitrary_json(value: object) -> None:
    _loads_or_refuses(json.dumps(value).encode("utf-8"))


def _paths(node: Any, prefix: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    out = [prefix]
    if isinstance(node, dict):
        for k, v in node.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            out += _paths(v, (*prefix, i))
    return out


_DEMO = json.loads(
    (SCHEMA_PATH.parents[1] / "demo" / "paris-pb-visit.json").read_text(encoding="utf-8")
)
_DEMO["schedule"] = [
    {
        "occurrence": "dinner",
        "activity": "dinner",
        "day": 1,
        "start": "19:30",
        "end": "21:30",
        "venue": "restaurant",
        "attendees": ["observer", "interpreter"],
        "pinned": False,
    }
]
_DEMO["ics_exports"] = {"dinner": {"fingerprint": "abc", "sequence": 1}}
_DEMO_PATHS = [p for p in _paths(_DEMO) if p]
_ODD_VALUES = _json | st.sampled_from(
    [
        "24:00",
        "00:00",
        "9:5",
        "²:00",
        "Europe",
        "Etc",
        "posixrules",
        "A" * 300,
        "",
        "0001-01-01T00:00+05:00",
        "9999-12-31T23:59",
        "2027-03-23",
        -1,
        0,
        10**20,
        1.5,
        True,
    ]
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(path=st.sampled_from(_DEMO_PATHS), value=_ODD_VALUES, drop=st.booleans())
def test_damaged_demo(path: tuple[str | int, ...], value: object, drop: bool) -> None:
    """Any one field of a real file replaced (or removed): it loads or is refused cleanly."""
    data = copy.deepcopy(_DEMO)
    parent = data
    for key in path[:-1]:
        parent = parent[key]
    if drop:
        del parent[path[-1]]
    else:
        parent[path[-1]] = value
    _loads_or_refuses(json.dumps(data).encode("utf-8"))
