"""Bounded resources and robustness: any input imports or is refused, never crashes or hangs."""

from __future__ import annotations

import threading
import time
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import SHARED
from tests.io.test_ics_import_support import cal, event
from visitplanner.io.errors import InputFileError
from visitplanner.io.ics_import import api as ics_api
from visitplanner.io.ics_import import import_calendars, read_calendar_bytes

WINDOW = (date(2026, 3, 2), date(2026, 3, 22))
CORPUS = sorted((SHARED / "ics-corpus").rglob("*.ics"))


def _import_or_refusal(data: bytes) -> None:
    try:
        got = read_calendar_bytes(data, "fuzz.ics", "Europe/London", *WINDOW)
    except InputFileError as exc:
        assert "fuzz.ics" in exc.message and exc.problem
        return
    assert all(iv.start < iv.end for iv in got)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_never_raise_anything_else(data: bytes) -> None:
    _import_or_refusal(data)


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=300))
def test_arbitrary_bytes_after_a_calendar_header(data: bytes) -> None:
    _import_or_refusal(b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n" + data + b"\r\nEND:VCALENDAR\r\n")


@pytest.mark.skipif(not CORPUS, reason="shared ics-corpus folder is missing")
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_mutated_corpus_files_never_raise_anything_else(data: st.DataObject) -> None:
    raw = bytearray(data.draw(st.sampled_from(CORPUS)).read_bytes())
    for _ in range(data.draw(st.integers(1, 4))):
        action = data.draw(st.sampled_from(["cut", "insert", "flip", "dupe", "swap"]))
        at = data.draw(st.integers(0, len(raw)))
        if action == "cut":
            del raw[at : at + data.draw(st.integers(1, 40))]
        elif action == "insert":
            raw[at:at] = data.draw(
                st.sampled_from([b":", b";", b"\r\n", b"\r\n ", b"=", b",", b"Z", b"\x00", b"\xff"])
                | st.binary(max_size=8)
            )
        elif action == "flip" and raw:
            raw[min(at, len(raw) - 1)] = data.draw(st.integers(0, 255))
        elif action == "dupe":
            raw[at:at] = raw[at : at + data.draw(st.integers(1, 200))]
        else:
            lines = bytes(raw).split(b"\n")
            i, j = (
                data.draw(st.integers(0, len(lines) - 1)),
                data.draw(st.integers(0, len(lines) - 1)),
            )
            lines[i], lines[j] = lines[j], lines[i]
            raw = bytearray(b"\n".join(lines))
    _import_or_refusal(bytes(raw))


def _ticker(start: str, rule: str) -> str:
    return event(
        f"{start}-{rule}", "SUMMARY:Tick", f"DTSTART:{start}", "DURATION:PT30S", f"RRULE:{rule}"
    )


def test_minutely_rule_without_end_is_bounded_in_a_three_week_window() -> None:
    began = time.monotonic()
    try:
        got = read_calendar_bytes(
            cal(_ticker("20260301T000000Z", "FREQ=MINUTELY")), "tick.ics", "UTC", *WINDOW
        )
    except InputFileError as exc:  # refusing with a reason is also acceptable
        assert "tick.ics" in exc.message
    else:
        assert len(got) == 21 * 24 * 60
    assert time.monotonic() - began < 20


@pytest.mark.parametrize(
    ("start", "rule", "words"),
    [
        ("20260301T000000Z", "FREQ=SECONDLY", "every second"),
        ("20150301T000000Z", "FREQ=MINUTELY", "every minute from 1 March 2015"),
        (
            "20260301T000000Z",
            "FREQ=DAILY;BYHOUR=0,1,2,3,4,5,6,7,8,9,10,11;BYMINUTE="
            + ",".join(str(m) for m in range(60))
            + ";BYSECOND="
            + ",".join(str(s) for s in range(60)),
            "every day",
        ),
    ],
)
def test_rules_too_costly_to_work_out_are_refused_at_once(
    start: str, rule: str, words: str
) -> None:
    began = time.monotonic()
    with pytest.raises(InputFileError, match=words):
        read_calendar_bytes(cal(_ticker(start, rule)), "tick.ics", "UTC", *WINDOW)
    assert time.monotonic() - began < 2


def test_too_many_occurrences_are_refused_with_a_reason() -> None:
    many = [_ticker(f"2026030{d}T000000Z", "FREQ=MINUTELY") for d in range(1, 9)]
    with pytest.raises(InputFileError, match="more than 200,000"):
        read_calendar_bytes(cal(*many), "tick.ics", "UTC", *WINDOW)


def test_time_zone_with_a_runaway_rule_is_refused() -> None:
    zone = """
    BEGIN:VTIMEZONE
    TZID:Evil
    BEGIN:STANDARD
    DTSTART:19700101T000000
    TZOFFSETFROM:+0100
    TZOFFSETTO:+0200
    RRULE:FREQ=SECONDLY
    END:STANDARD
    END:VTIMEZONE
    """
    data = cal(zone, event("a", "DTSTART;TZID=Evil:20260305T090000"))
    with pytest.raises(InputFileError, match="time zone 'Evil'"):
        read_calendar_bytes(data, "tz.ics", "UTC", *WINDOW)


def _refusal_within(
    data: bytes, seconds: float, window: tuple[date, date] = WINDOW
) -> InputFileError:
    """The refusal of ``data``, failing (instead of hanging the run) after ``seconds``."""
    refused: list[InputFileError] = []

    def read() -> None:
        try:
            read_calendar_bytes(data, "tz.ics", "UTC", *window)
        except InputFileError as exc:
            refused.append(exc)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(seconds)
    assert not reader.is_alive(), f"still reading after {seconds} s"
    assert len(refused) == 1
    return refused[0]


def test_time_zone_rule_too_costly_for_a_date_after_the_window_is_refused() -> None:
    # Found by benchmarks/fuzz.py (a mutated corpus file): the window ends before the
    # zone's every-second rule starts, so the window alone costs nothing, but the weekly
    # event of 2022 is a local time worked out through 52 years of seconds (it ran for
    # hours).
    zone = """
    BEGIN:VTIMEZONE
    TZID:/Europe/CUSTOM
    BEGIN:DAYLIGHT
    TZOFFSETFROM:+0100
    TZOFFSETTO:+0200
    DTSTART:19700329T020000
    RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
    END:DAYLIGHT
    BEGIN:STANDARD
    TZOFFSETFROM:+0200
    TZOFFSETTO:+0100
    DTSTART:19701025T030000
    EXRULE:FREQ=SECONDLY
    RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
    END:STANDARD
    END:VTIMEZONE
    """
    weekly = (
        "DTSTART;TZID=/Europe/CUSTOM:20221021T200000",
        "DTEND;TZID=/Europe/CUSTOM:20221021T210000",
        "RRULE:FREQ=WEEKLY;BYDAY=FR",
    )
    data = cal(zone, event("a", *weekly))
    refusal = _refusal_within(data, 2, (date(1970, 3, 26), date(1970, 4, 16)))
    assert "time zone '/Europe/CUSTOM' repeats every second" in refusal.message


def test_a_time_zone_with_its_start_given_three_times_is_checked() -> None:
    # Found by benchmarks/fuzz.py (seed 1205, a mutated Outlook zone): with DTSTART
    # repeated the check saw no start and passed the every-hour rule since 1601, and
    # working out a local time ran for hours.
    part = "DTSTART:16010101T235959\nTZOFFSETFROM:-0200\nTZOFFSETTO:-0300\n"
    part += "RRULE:FREQ=HOURLY;UNTIL=99991231T235959Z\n"
    zone = f"""
    BEGIN:VTIMEZONE
    TZID:(UTC-03:00) Brasília
    BEGIN:STANDARD
    {part * 3}
    END:STANDARD
    BEGIN:DAYLIGHT
    DTSTART:16010101T235959
    TZOFFSETFROM:-0300
    TZOFFSETTO:-0200
    RRULE:FREQ=YEARLY;BYDAY=2SA;BYMONTH=10
    END:DAYLIGHT
    END:VTIMEZONE
    """
    data = cal(zone, event("a", 'DTSTART;TZID="(UTC-03:00) Brasília":20260305T090000'))
    refusal = _refusal_within(data, 2)
    assert "'(UTC-03:00) Brasília' repeats every hour from 1 January 1601" in refusal.message


def test_many_time_zones_too_costly_together_are_refused() -> None:
    # Each zone changes daily since 2000 (about 20,000 steps up to 30 years ahead, well
    # within one rule's limit); thirty of them are too many to work out.
    zones = [
        f"""
        BEGIN:VTIMEZONE
        TZID:Daily {n}
        BEGIN:STANDARD
        DTSTART:20000101T000000
        TZOFFSETFROM:+0100
        TZOFFSETTO:+0100
        RRULE:FREQ=DAILY
        END:STANDARD
        END:VTIMEZONE
        """
        for n in range(30)
    ]
    data = cal(*zones, event("a", "DTSTART;TZID=Daily 0:20260305T090000", "DURATION:PT1H"))
    with pytest.raises(InputFileError, match=r"time zone 'Daily 1\d' changes too often"):
        read_calendar_bytes(data, "tz.ics", "UTC", *WINDOW)
    assert read_calendar_bytes(
        cal(*zones[:3], event("a", "DTSTART;TZID=Daily 0:20260305T090000", "DURATION:PT1H")),
        "tz.ics",
        "UTC",
        *WINDOW,
    )


def test_a_zone_defined_from_1601_serves_an_event_nine_centuries_on() -> None:
    # Outlook writes its zones from 1601; working them out far ahead is cheap (one step a
    # year), so the check for far dates does not refuse them.
    zone = """
    BEGIN:VTIMEZONE
    TZID:W. Europe Standard Time
    BEGIN:STANDARD
    DTSTART:16010101T030000
    TZOFFSETFROM:+0200
    TZOFFSETTO:+0100
    RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10
    END:STANDARD
    BEGIN:DAYLIGHT
    DTSTART:16010101T020000
    TZOFFSETFROM:+0100
    TZOFFSETTO:+0200
    RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3
    END:DAYLIGHT
    END:VTIMEZONE
    """
    data = cal(
        zone,
        event("a", "DTSTART;TZID=W. Europe Standard Time:20260305T090000", "DURATION:PT1H"),
        event("b", "DTSTART;TZID=W. Europe Standard Time:29000305T090000", "DURATION:PT1H"),
    )
    got = read_calendar_bytes(data, "tz.ics", "UTC", *WINDOW)
    assert [(iv.start.hour, iv.end.hour) for iv in got] == [(8, 9)]


def test_oversized_files_are_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ics_api, "MAX_FILE_BYTES", 1000)
    big = tmp_path / "big.ics"
    big.write_bytes(cal(*[event(str(i), "DTSTART:20260303T090000Z") for i in range(40)]))
    with pytest.raises(InputFileError, match="MB"):
        import_calendars([big], "UTC", *WINDOW)
    with pytest.raises(InputFileError, match="MB"):
        read_calendar_bytes(big.read_bytes(), "big.ics", "UTC", *WINDOW)


def _write_big_calendar(path: Path, events: int) -> None:
    """About 500 bytes per event, one every 7 hours from 2020 on (so ~20 in the window)."""
    base = datetime(2020, 1, 1, 8, 0)
    filler = ("Agenda: budget review, site visit, questions from residents. " * 7)[:380]
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n")
        for i in range(events):
            s = base + timedelta(hours=7 * i)
            e = s + timedelta(hours=1)
            out.write(
                f"BEGIN:VEVENT\r\nUID:ev-{i}@example.org\r\nDTSTAMP:20250101T000000Z\r\n"
                f"DTSTART:{s:%Y%m%dT%H%M%S}Z\r\nDTEND:{e:%Y%m%dT%H%M%S}Z\r\n"
                f"SUMMARY:Meeting {i}\r\nDESCRIPTION:{filler}\r\nEND:VEVENT\r\n"
            )
        out.write("END:VCALENDAR\r\n")


@pytest.mark.slow
def test_a_fifteen_megabyte_calendar_is_read_within_the_budget(tmp_path: Path) -> None:
    path = tmp_path / "three-years.ics"
    _write_big_calendar(path, 30_000)
    assert path.stat().st_size > 14_000_000
    began = time.process_time()
    got = import_calendars([path], "UTC", date(2021, 3, 1), date(2021, 3, 21))
    assert time.process_time() - began < 3
    # one 1-hour meeting every 7 hours: 21 days * 24 / 7 = 72 meetings in the window
    assert len(got) == 72
    assert all(iv.end - iv.start == timedelta(hours=1) for iv in got)


def test_a_fifty_megabyte_calendar_is_refused_at_once(tmp_path: Path) -> None:
    path = tmp_path / "ten-years.ics"
    _write_big_calendar(path, 100_000)
    began = time.process_time()
    with pytest.raises(InputFileError, match="more than the 16 MB"):
        import_calendars([path], "UTC", date(2021, 3, 1), date(2021, 3, 21))
    assert time.process_time() - began < 1


def test_too_much_near_the_window_is_refused_before_parsing() -> None:
    lines = [f"X-NOTE-{i}:{'y' * 40}" for i in range(30_000)]
    data = cal(event("busy", "DTSTART:20260303T090000Z", *lines))
    began = time.process_time()
    with pytest.raises(InputFileError, match="too much in or near the chosen dates"):
        read_calendar_bytes(data, "notes.ics", "UTC", *WINDOW)
    assert time.process_time() - began < 1


def test_occurrence_budget_counts_what_is_actually_expanded() -> None:
    from visitplanner.io.ics_import.model import Budget, RefusalError

    budget = Budget(max_occurrences=2)
    budget.spend("the event 'A'")
    budget.spend("the event 'A'")
    with pytest.raises(RefusalError, match="more than 2 events"):
        budget.spend("the event 'A'")
