"""Publishing to and reading from a real Radicale server (started on 127.0.0.1 per test)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import caldav
import pytest

from tests.io.collab_project import planned_project
from tests.servers import (  # noqa: F401 - fixtures
    PASSWORD,
    USER,
    Radicale,
    free_port,
    radicale,
    radicale_full_after_one,
    radicale_without_freebusy,
)
from visitplanner.domain import Level, Project
from visitplanner.io.caldav_sync import (
    CalendarServerError,
    _rfc_freebusy,
    publish,
    read_busy,
)
from visitplanner.io.ics_import import read_calendar_bytes

NOW = datetime(2027, 3, 1, 9, 30, tzinfo=UTC)
FOREIGN = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Test//EN
BEGIN:VEVENT
UID:dentist-1@example.org
DTSTAMP:20270301T000000Z
DTSTART:20270324T070000Z
DTEND:20270324T080000Z
SUMMARY:Dentist
END:VEVENT
END:VCALENDAR
"""


@pytest.fixture
def project(demo_path: Path) -> Project:
    return planned_project(demo_path)


def _server_uids(server: Radicale) -> dict[str, str]:
    client = caldav.DAVClient(url=server.calendar, username=USER, password=PASSWORD)
    cal = client.calendar(url=server.calendar)
    return {
        str(o.icalendar_component["UID"]): str(o.icalendar_component["SUMMARY"])
        for o in cal.events()
    }


def test_publish_creates_then_changes_nothing(project: Project, radicale: Radicale) -> None:  # noqa: F811
    first = publish(project, radicale.calendar, USER, PASSWORD, now=NOW)
    assert len(first.created) == 3 and first.changed == 3
    assert set(_server_uids(radicale)) == set(first.created)
    second = publish(project, radicale.calendar, USER, PASSWORD)
    assert second.changed == 0 and len(second.unchanged) == 3


def test_publish_updates_in_place_and_deletes_only_its_own(
    project: Project,
    radicale: Radicale,  # noqa: F811
) -> None:
    client = caldav.DAVClient(url=radicale.calendar, username=USER, password=PASSWORD)
    client.calendar(url=radicale.calendar).save_event(FOREIGN)
    publish(project, radicale.calendar, USER, PASSWORD, now=NOW)
    dinner = project.schedule.get("dinner")
    assert dinner is not None
    changed = replace(
        project,
        schedule=project.schedule.with_placement(dinner.moved(1, 1140)).without("lunch@1"),
    )
    report = publish(changed, radicale.calendar, USER, PASSWORD, now=NOW)
    assert report.updated == ["dinner.paris-pb-2027@visitplanner"]
    assert report.deleted == ["lunch@1.paris-pb-2027@visitplanner"]
    assert report.unchanged == ["mainstreaming.paris-pb-2027@visitplanner"]
    on_server = _server_uids(radicale)
    assert set(on_server) == {
        "dentist-1@example.org",
        "mainstreaming.paris-pb-2027@visitplanner",
        "dinner.paris-pb-2027@visitplanner",
    }


def test_wrong_password_is_a_message(project: Project, radicale: Radicale) -> None:  # noqa: F811
    with pytest.raises(CalendarServerError, match="password"):
        publish(project, radicale.calendar, USER, "wrong", now=NOW)
    assert _server_uids(radicale) == {}


def test_missing_calendar_is_a_message(project: Project, radicale: Radicale) -> None:  # noqa: F811
    with pytest.raises(CalendarServerError, match="no calendar"):
        publish(project, radicale.base + "nothing-here/", USER, PASSWORD, now=NOW)


def test_failure_half_way_reports_what_was_written(
    project: Project,
    radicale_full_after_one: Radicale,  # noqa: F811
) -> None:
    server = radicale_full_after_one
    with pytest.raises(CalendarServerError) as failed:
        publish(project, server.calendar, USER, PASSWORD, now=NOW)
    assert failed.value.report is not None
    assert failed.value.report.created == ["mainstreaming.paris-pb-2027@visitplanner"]
    assert set(_server_uids(server)) == {"mainstreaming.paris-pb-2027@visitplanner"}


def test_server_down_is_a_message(project: Project) -> None:
    url = f"http://127.0.0.1:{free_port()}/{USER}/visit/"
    with pytest.raises(CalendarServerError, match="Could not reach"):
        publish(project, url, USER, PASSWORD, now=NOW)


def test_password_is_never_stored(project: Project, radicale: Radicale) -> None:  # noqa: F811
    publish(project, radicale.calendar, USER, PASSWORD, now=NOW)
    for path in radicale.storage.rglob("*"):
        if path.is_file():
            assert PASSWORD.encode() not in path.read_bytes()


def test_read_busy_with_free_busy_query(project: Project, radicale: Radicale) -> None:  # noqa: F811
    publish(project, radicale.calendar, USER, PASSWORD, now=NOW)
    busy = read_busy(
        radicale.calendar, USER, PASSWORD, "Europe/London", date(2027, 3, 22), date(2027, 3, 24)
    )
    starts = [(iv.start.astimezone(UTC).hour, iv.start.astimezone(UTC).minute) for iv in busy]
    # 09:00, 12:00 and 19:30 in Paris are 08:00, 11:00 and 18:30 UTC.
    assert starts == [(8, 0), (11, 0), (18, 30)]
    assert all(iv.level is Level.UNAVAILABLE for iv in busy)


def test_read_busy_falls_back_to_events(
    project: Project,
    radicale_without_freebusy: Radicale,  # noqa: F811
) -> None:
    server = radicale_without_freebusy
    publish(project, server.calendar, USER, PASSWORD, now=NOW)
    client = caldav.DAVClient(url=server.calendar, username=USER, password=PASSWORD)
    with pytest.raises(caldav.lib.error.DAVError):
        client.calendar(url=server.calendar).freebusy_request(
            datetime(2027, 3, 22, tzinfo=UTC), datetime(2027, 3, 25, tzinfo=UTC)
        )
    busy = read_busy(
        server.calendar, USER, PASSWORD, "Europe/London", date(2027, 3, 22), date(2027, 3, 24)
    )
    starts = [(iv.start.astimezone(UTC).hour, iv.start.astimezone(UTC).minute) for iv in busy]
    assert starts == [(8, 0), (11, 0), (18, 30)]


def test_one_vfreebusy_per_interval_is_read_like_rfc_periods() -> None:
    radicale_style = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Radicale//NONSGML Radicale Server//EN\r\n"
        "BEGIN:VFREEBUSY\r\nDTSTART:20270323T080000Z\r\nDTEND:20270323T100000Z\r\n"
        "DTSTAMP:20270301T000000Z\r\nEND:VFREEBUSY\r\n"
        "BEGIN:VFREEBUSY\r\nDTSTART:20270323T130000Z\r\nDTEND:20270323T150000Z\r\n"
        "DTSTAMP:20270301T000000Z\r\nEND:VFREEBUSY\r\nEND:VCALENDAR\r\n"
    )
    rfc_style = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\n"
        "BEGIN:VFREEBUSY\r\nDTSTART:20270322T000000Z\r\nDTEND:20270325T000000Z\r\n"
        "DTSTAMP:20270301T000000Z\r\n"
        "FREEBUSY;FBTYPE=BUSY:20270323T080000Z/20270323T100000Z,20270323T130000Z/PT2H\r\n"
        "END:VFREEBUSY\r\nEND:VCALENDAR\r\n"
    )
    start, end = datetime(2027, 3, 22, tzinfo=UTC), datetime(2027, 3, 25, tzinfo=UTC)

    def busy(text: str) -> list[tuple[datetime, datetime]]:
        data = _rfc_freebusy(text, start, end)
        assert data is not None
        found = read_calendar_bytes(data, "x", "UTC", date(2027, 3, 22), date(2027, 3, 24))
        return [(iv.start, iv.end) for iv in found]

    assert busy(radicale_style) == busy(rfc_style)
    assert len(busy(rfc_style)) == 2


def test_rfc_answer_with_no_busy_time_means_free() -> None:
    start, end = datetime(2027, 3, 22, tzinfo=UTC), datetime(2027, 3, 25, tzinfo=UTC)
    empty = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nBEGIN:VFREEBUSY\r\n"
        "DTSTART:20270322T000000Z\r\nDTEND:20270325T000000Z\r\nEND:VFREEBUSY\r\nEND:VCALENDAR\r\n"
    )
    data = _rfc_freebusy(empty, start, end)
    assert data is not None
    assert read_calendar_bytes(data, "x", "UTC", date(2027, 3, 22), date(2027, 3, 24)) == []
