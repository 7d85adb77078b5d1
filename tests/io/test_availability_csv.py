"""Availability typed in a spreadsheet (CSV)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from visitplanner.domain import AvailabilityRange, Level, Participant, Side, Visit
from visitplanner.io.availability_csv import parse_availability_csv, read_availability_csv
from visitplanner.io.errors import InputFileError

ANNE = Participant("anne", "Anne Hidalgo", Side.HOST, ("fr",), "Europe/Paris")
ROSS = Participant("ross", "Ross Greer", Side.VISITOR, ("en",), "Europe/London")
TWIN_A = Participant("t1", "Sam Lee", Side.VISITOR, ("en",), "Europe/London")
TWIN_B = Participant("t2", "Sam Lee", Side.VISITOR, ("en",), "Europe/London")
VISIT = Visit("Visit", "Europe/Paris", (date(2027, 3, 23),), (ANNE, ROSS, TWIN_A, TWIN_B))


def _at(zone: str, d: int, h: int, m: int = 0) -> datetime:
    return datetime(2027, 3, d, h, m, tzinfo=ZoneInfo(zone))


def _parse(text: str) -> dict[str, tuple[AvailabilityRange, ...]]:
    return parse_availability_csv(text.encode(), VISIT, "people.csv")


def test_rows_by_id_or_name_in_each_persons_zone(tmp_path: Path) -> None:
    path = tmp_path / "avail.csv"
    path.write_text(
        "person,date,from,to,level\n"
        "anne,2027-03-23,09:00,12:30,available\n"
        "Ross Greer,2027-03-23,09:00,10:00,if need be\n"
        "\n"
        "ross,2027-03-24,13:00,24:00,unavailable\n",
        encoding="utf-8",
    )
    got = read_availability_csv(path, VISIT)
    assert got == {
        "anne": (
            AvailabilityRange(
                _at("Europe/Paris", 23, 9), _at("Europe/Paris", 23, 12, 30), Level.AVAILABLE
            ),
        ),
        "ross": (
            AvailabilityRange(
                _at("Europe/London", 23, 9), _at("Europe/London", 23, 10), Level.IF_NEED_BE
            ),
            AvailabilityRange(
                _at("Europe/London", 24, 13), _at("Europe/London", 25, 0), Level.UNAVAILABLE
            ),
        ),
    }


def test_semicolons_no_header_byte_order_mark_and_spaces() -> None:
    raw = "\ufeffanne ; 2027-03-23 ; 14:00 ; 15:00 ; If_Need_Be\r\n".encode()
    got = parse_availability_csv(raw, VISIT, "x.csv")
    assert got["anne"][0].level is Level.IF_NEED_BE
    assert got["anne"][0].start == _at("Europe/Paris", 23, 14)


@pytest.mark.parametrize(
    ("row", "words"),
    [
        ("nobody,2027-03-23,09:00,10:00,available", "no participant"),
        ("Sam Lee,2027-03-23,09:00,10:00,available", "several participants"),
        ("anne,23/03/2027,09:00,10:00,available", "not a date"),
        ("anne,2027-W12-1,09:00,10:00,available", "not a date"),
        ("anne,2027-03-23,9h,10:00,available", "not a time"),
        ("anne,2027-03-23,11:00,10:00,available", "not after"),
        ("anne,2027-03-23,09:00,10:00,maybe", "not a level"),
        ("anne,2027-03-23,09:00,10:00", "5: person"),
    ],
)
def test_bad_rows_refuse_the_whole_file(row: str, words: str) -> None:
    text = f"person,date,from,to,level\nanne,2027-03-23,09:00,10:00,available\n{row}\n"
    with pytest.raises(InputFileError, match=words) as caught:
        _parse(text)
    assert caught.value.place == "row 3"
    assert "people.csv" in caught.value.message


def test_missing_file_and_binary_data_are_refused(tmp_path: Path) -> None:
    with pytest.raises(InputFileError, match="does not exist"):
        read_availability_csv(tmp_path / "none.csv", VISIT)
    with pytest.raises(InputFileError, match="binary"):
        parse_availability_csv(b"\x00\x01\x02", VISIT)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_arbitrary_bytes_parse_or_are_refused(raw: bytes) -> None:
    try:
        got = parse_availability_csv(raw, VISIT, "fuzz.csv")
    except InputFileError as exc:
        assert "fuzz.csv" in exc.message
    else:
        assert set(got) <= {"anne", "ross", "t1", "t2"}


_cells = st.text(alphabet='anneross0123456789-:,; "\n', max_size=20)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(_cells, _cells, _cells, _cells, _cells), max_size=5))
def test_arbitrary_rows_parse_or_are_refused(rows: list[tuple[str, ...]]) -> None:
    text = "\n".join(",".join(r) for r in rows)
    try:
        got = _parse(text)
    except InputFileError as exc:
        assert exc.place.startswith("row ") or exc.place == ""
    else:
        for ranges in got.values():
            assert all(r.end > r.start for r in ranges)


@settings(max_examples=100, deadline=None)
@given(
    st.sampled_from([ANNE, ROSS]),
    st.dates(date(2000, 1, 1), date(2050, 12, 31)),
    st.integers(0, 1439),
    st.integers(1, 1440),
    st.sampled_from(list(Level)),
)
def test_valid_rows_round_trip(
    who: Participant, day: date, start: int, length: int, level: Level
) -> None:
    end = min(start + length, 1440)
    times = f"{start // 60:02d}:{start % 60:02d},{end // 60:02d}:{end % 60:02d}"
    row = f"{who.id},{day.isoformat()},{times},{level.value}"
    (rng,) = _parse(row)[who.id]
    assert rng.level is level
    assert rng.start.replace(tzinfo=None) == datetime(
        day.year, day.month, day.day, start // 60, start % 60
    )


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31"])
def test_dates_a_project_could_not_hold_are_refused(day: str, demo_path: Path) -> None:
    from visitplanner.io.project import load_project

    visit = load_project(demo_path).visit
    raw = f"councillor,{day},09:00,10:00,busy\n".encode()
    with pytest.raises(InputFileError, match="row 1"):
        parse_availability_csv(raw, visit, "times.csv")
