"""Project files: out-of-range values are refused at read time; saving keeps links and modes."""

from __future__ import annotations

import json
import os
import stat
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from visitplanner.io import atomic
from visitplanner.io.errors import InputFileError
from visitplanner.io.project import load_project, parse_project, project_to_json, save_project
from visitplanner.io.project_write import UnsavableProjectError


def _demo(demo_path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(demo_path.read_text(encoding="utf-8"))
    return data


def _refusal(data: dict[str, Any] | bytes) -> InputFileError:
    raw = data if isinstance(data, bytes) else json.dumps(data).encode("utf-8")
    with pytest.raises(InputFileError) as info:
        parse_project(raw, "odd.json")
    assert "odd.json" in info.value.message
    return info.value


def _set_range(d: dict[str, Any], key: str, value: str) -> None:
    pid = next(iter(d["availability"]))
    d["availability"][pid]["ranges"][0][key] = value


CASES: list[tuple[str, Callable[[dict[str, Any]], object], str, str]] = [
    (
        "year 1",
        lambda d: d["visit"]["dates"].__setitem__(0, "0001-01-01"),
        "visit.dates[0]",
        "1900",
    ),
    (
        "year 9999",
        lambda d: d["visit"]["dates"].__setitem__(0, "9999-12-31"),
        "visit.dates",
        "2999",
    ),
    (
        "candidate 9999",
        lambda d: d["visit"].__setitem__(
            "candidate_dates", {"first": "9999-01-01", "last": "9999-12-31"}
        ),
        "candidate_dates.first",
        "between",
    ),
    (
        "candidate window of two years",
        lambda d: d["visit"].__setitem__(
            "candidate_dates", {"first": "2027-01-01", "last": "2028-12-31"}
        ),
        "candidate_dates.last",
        "366 days",
    ),
    ("range in 9999", lambda d: _set_range(d, "end", "9999-12-31T23:00"), "end", "between"),
    ("seconds", lambda d: _set_range(d, "end", "2026-06-02T18:00:30"), "end", "to the minute"),
    (
        "offset with seconds",
        lambda d: _set_range(d, "end", "2026-06-02T18:00+01:00:30"),
        "end",
        "whole minutes",
    ),
    (
        "huge weight",
        lambda d: d["visit"]["weights"].__setitem__("changes", 2**62),
        "weights",
        "at most",
    ),
    (
        "odd weight name",
        lambda d: d["visit"]["weights"].__setitem__("x\ud800", 1),
        "weights",
        "weight",
    ),
    (
        "newline in name",
        lambda d: d["participants"][0].__setitem__("name", "A\nB"),
        "name",
        "one line",
    ),
    (
        "NUL in email",
        lambda d: d["participants"][0].__setitem__("email", "a\x00@b"),
        "email",
        "not text",
    ),
    (
        "lone surrogate",
        lambda d: d["activities"][0].__setitem__("notes", "\udc80"),
        "notes",
        "not text",
    ),
    ("long id", lambda d: d["participants"][0].__setitem__("id", "x" * 600), "id", "longer"),
    (
        "huge sequence",
        lambda d: d.__setitem__("ics_exports", {"k": {"fingerprint": "f", "sequence": 10**30}}),
        "sequence",
        "at most",
    ),
    (
        "twice the same date",
        lambda d: d["visit"]["dates"].append(d["visit"]["dates"][0]),
        "visit.dates",
        "twice",
    ),
    (
        "too many days",
        lambda d: d["visit"].__setitem__(
            "dates", [f"2027-{m:02d}-{x:02d}" for m in (1, 2, 3) for x in range(1, 29)]
        ),
        "visit.dates",
        "at most",
    ),
]


@pytest.mark.parametrize(("label", "change", "place", "words"), CASES, ids=[c[0] for c in CASES])
def test_out_of_range_values_are_refused_at_read_time(
    demo_path: Path, label: str, change: Callable[[dict[str, Any]], object], place: str, words: str
) -> None:
    d = _demo(demo_path)
    change(d)
    refusal = _refusal(json.dumps(d, ensure_ascii=True).encode())
    assert place in refusal.place
    assert words in refusal.problem


def test_a_number_of_thousands_of_digits_is_refused_not_a_crash(demo_path: Path) -> None:
    text = demo_path.read_text(encoding="utf-8").replace(
        '"slot_minutes": 5', '"slot_minutes": ' + "9" * 5000
    )
    assert "9" * 5000 in text
    refusal = _refusal(text.encode())
    assert "too long" in refusal.problem


def test_oversized_file_is_refused_before_parsing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from visitplanner.io import project_read

    monkeypatch.setattr(project_read, "MAX_PROJECT_BYTES", 1000)
    big = tmp_path / "big.json"
    big.write_bytes(b"[" + b"1," * 2000 + b"1]")
    with pytest.raises(InputFileError, match="too big"):
        load_project(big)


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputFileError, match="folder"):
        load_project(tmp_path)


def test_save_refuses_what_the_reader_would_refuse(demo_path: Path, tmp_path: Path) -> None:
    from dataclasses import replace

    project = load_project(demo_path)
    target = tmp_path / "p.json"
    save_project(project, target)
    before = target.read_bytes()
    bad = replace(project, visit=replace(project.visit, title="two\nlines"))
    with pytest.raises(UnsavableProjectError, match="title"):
        save_project(bad, target)
    assert target.read_bytes() == before


def test_new_files_get_the_users_normal_permissions(demo_path: Path, tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        save_project(load_project(demo_path), tmp_path / "p.json")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "p.json").stat().st_mode) == 0o644


def test_existing_mode_is_kept(demo_path: Path, tmp_path: Path) -> None:
    target = tmp_path / "p.json"
    save_project(load_project(demo_path), target)
    target.chmod(0o640)
    save_project(load_project(demo_path), target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_symlinked_project_is_saved_through_the_link(demo_path: Path, tmp_path: Path) -> None:
    from dataclasses import replace

    real = tmp_path / "shared" / "visit.json"
    real.parent.mkdir()
    real.write_text("{}", encoding="utf-8")
    link = tmp_path / "visit.json"
    link.symlink_to(real)
    project = load_project(demo_path)
    project = replace(project, visit=replace(project.visit, title="Renamed"))
    save_project(project, link)
    assert link.is_symlink()
    assert load_project(real).visit.title == "Renamed"
    assert sorted(p.name for p in real.parent.iterdir()) == ["visit.json"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["shared", "visit.json"]


def test_no_temporary_file_is_left_after_a_failed_write(
    demo_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(atomic.os, "replace", boom)
    with pytest.raises(KeyboardInterrupt):
        save_project(load_project(demo_path), tmp_path / "p.json")
    assert list(tmp_path.iterdir()) == []


def test_stale_temporary_files_of_a_killed_save_are_swept(demo_path: Path, tmp_path: Path) -> None:
    target = tmp_path / "p.json"
    stale = atomic.temp_name(target)
    stale.write_text("half", encoding="utf-8")
    old = time.time() - 2 * atomic.STALE_SECONDS
    os.utime(stale, (old, old))
    fresh = atomic.temp_name(target)
    fresh.write_text("another program saving now", encoding="utf-8")
    save_project(load_project(demo_path), target)
    assert not stale.exists()
    assert fresh.exists()


def test_round_trip_is_exact_text(demo_path: Path) -> None:
    once = project_to_json(load_project(demo_path))
    assert project_to_json(parse_project(once.encode("utf-8"))) == once


def test_one_way_travel_round_trips_exactly(demo_path: Path) -> None:
    """A one-way time with no way back used to come back as both ways (found by fuzzing)."""
    d = _demo(demo_path)
    d["travel"] = [{"from": "hotel", "to": "pb-office", "minutes": 25, "both_ways": False}]
    project = parse_project(json.dumps(d).encode(), "p.json")
    again = parse_project(project_to_json(project).encode(), "p.json")
    assert dict(again.visit.travel.minutes) == {("hotel", "pb-office"): 25}
    assert again == project
